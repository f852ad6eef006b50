import { describe, expect, it } from 'vitest';
import { UNREADABLE, isPostRequest, postRequestTexts } from '../../src/content/post-request';

const createTweet = 'https://x.com/i/api/graphql/abc123/CreateTweet';

describe('postRequestTexts', () => {
  it('ignores requests that do not publish', () => {
    expect(postRequestTexts('https://x.com/i/api/graphql/abc/HomeTimeline', '{"variables":{}}')).toBeNull();
    expect(postRequestTexts('https://x.com/i/api/graphql/abc/CreateTweetLike', '{}')).toBeNull();
    expect(isPostRequest('https://x.com/i/api/1.1/jot/client_event.json')).toBe(false);
  });

  it('reads the text of a post', () => {
    const body = JSON.stringify({ variables: { tweet_text: 'Owls: Ada won', media: { media_entities: [{ media_id: '1' }] } }, queryId: 'abc123' });
    expect(postRequestTexts(createTweet, body)).toEqual(['Owls: Ada won']);
  });

  it('reads scheduled posts and direct messages, JSON or form encoded', () => {
    const scheduled = JSON.stringify({ variables: { post_tweet_request: { status: 'Owls: later', media_ids: [] } } });
    expect(postRequestTexts('https://x.com/i/api/graphql/q/CreateScheduledTweet', scheduled)).toEqual(['Owls: later']);
    expect(postRequestTexts('https://x.com/i/api/1.1/dm/new2.json', JSON.stringify({ text: 'hi Ada' }))).toEqual(['hi Ada']);
    expect(postRequestTexts('https://x.com/i/api/1.1/dm/new.json', new URLSearchParams({ text: 'hi Kai' }))).toEqual(['hi Kai']);
    expect(postRequestTexts('https://x.com/i/api/graphql/q/useSendMessageMutation', JSON.stringify({ variables: { message: { text: { text: 'hi' } } } }))).toEqual(['hi']);
  });

  it('treats a publishing request it cannot read as unreadable, never as clean', () => {
    expect(postRequestTexts(createTweet, new Blob(['x']))).toEqual([UNREADABLE]);
    expect(postRequestTexts(createTweet, undefined)).toEqual([UNREADABLE]);
    expect(postRequestTexts(createTweet, '{not json')).toEqual([UNREADABLE]);
    expect(postRequestTexts(createTweet, JSON.stringify({ variables: {} }))).toEqual([UNREADABLE]);
  });
});
