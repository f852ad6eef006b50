import { describe, expect, it } from 'vitest';
import { UNREADABLE, isPostRequest, postRequestTexts } from '../../src/content/post-request';

const createTweet = 'https://x.com/i/api/graphql/abc123/CreateTweet';

describe('postRequestTexts', () => {
  it('ignores requests that do not publish', () => {
    expect(postRequestTexts('https://x.com/i/api/graphql/abc/HomeTimeline', '{"variables":{}}')).toBeNull();
    expect(postRequestTexts('https://x.com/i/api/graphql/abc/CreateTweetLike', '{}')).toBeNull();
    expect(isPostRequest('https://x.com/i/api/1.1/jot/client_event.json')).toBe(false);
  });

  it('reads the text of a post and whether media go with it', () => {
    const body = JSON.stringify({ variables: { tweet_text: 'Owls: Ada won', media: { media_entities: [{ media_id: '1' }] } }, queryId: 'abc123' });
    expect(postRequestTexts(createTweet, body)).toEqual({ texts: ['Owls: Ada won'], hasMedia: true, isMessage: false });
  });

  it('reads scheduled posts and direct messages, JSON or form encoded', () => {
    const scheduled = JSON.stringify({ variables: { post_tweet_request: { status: 'Owls: later', media_ids: [] } } });
    expect(postRequestTexts('https://x.com/i/api/graphql/q/CreateScheduledTweet', scheduled)).toEqual({ texts: ['Owls: later'], hasMedia: false, isMessage: false });
    expect(postRequestTexts('https://x.com/i/api/1.1/dm/new2.json', JSON.stringify({ text: 'hi Ada' }))).toEqual({ texts: ['hi Ada'], hasMedia: false, isMessage: true });
    expect(postRequestTexts('https://x.com/i/api/graphql/q/useSendMessageMutation', JSON.stringify({ variables: { message: { text: { text: 'hi' } } } }))?.isMessage).toBe(true);
    expect(postRequestTexts('https://x.com/i/api/1.1/dm/new.json', new URLSearchParams({ text: 'hi Kai' }))?.texts).toEqual(['hi Kai']);
  });

  it('treats a publishing request it cannot read as unreadable, never as clean', () => {
    expect(postRequestTexts(createTweet, new Blob(['x']))?.texts).toEqual([UNREADABLE]);
    expect(postRequestTexts(createTweet, '{not json')?.texts).toEqual([UNREADABLE]);
    expect(postRequestTexts(createTweet, JSON.stringify({ variables: {} }))?.texts).toEqual([UNREADABLE]);
  });
});
