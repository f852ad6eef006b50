/**
 * Which of the school's moderation pages an address is: a post page (its replies are checked), the
 * Notifications tab, or the follower-requests page; any other page of X is none of them.
 */
import { describe, expect, it } from 'vitest';
import { moderationPageOf } from '../../src/content/x-dom';

describe('moderationPageOf', () => {
  it.each([
    ['/PrimaryRedbourn/status/1850000000000000001', { kind: 'post', author: 'primaryredbourn', postId: '1850000000000000001' }],
    ['/primaryredbourn/status/42/', { kind: 'post', author: 'primaryredbourn', postId: '42' }],
    ['/notifications', { kind: 'notifications' }],
    ['/notifications/mentions', { kind: 'notifications' }],
    ['/follower_requests', { kind: 'follower-requests' }],
  ])('%s is a moderation page', (path, page) => {
    expect(moderationPageOf(path)).toEqual(page);
  });

  it.each([
    '/home',
    '/PrimaryRedbourn',
    '/PrimaryRedbourn/status/42/photo/1',
    '/PrimaryRedbourn/status/42/analytics',
    '/PrimaryRedbourn/status/42/hidden',
    '/notifications/verified',
    '/messages/1',
    '/i/status/abc',
  ])('%s is not', (path) => {
    expect(moderationPageOf(path)).toBeNull();
  });
});
