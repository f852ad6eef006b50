import { describe, expect, it } from 'vitest';
import { UNREADABLE, isPostRequest, readPostRequest, type ReadableBody } from '../../src/content/post-request';

const postRequestTexts = (url: string, base: string, body: ReadableBody | undefined) => readPostRequest(url, base, body)?.texts ?? null;
const postMediaIds = (url: string, body: ReadableBody) => readPostRequest(url, BASE, body)?.mediaIds;

const BASE = 'https://x.com/home';
const createTweet = 'https://x.com/i/api/graphql/abc123/CreateTweet';
const post = (text: string) => JSON.stringify({ variables: { tweet_text: text, media: { media_entities: [] } }, queryId: 'abc123' });

describe('postRequestTexts', () => {
  it('ignores requests that do not publish', () => {
    expect(postRequestTexts('https://x.com/i/api/graphql/abc/HomeTimeline', BASE, '{"variables":{}}')).toBeNull();
    expect(postRequestTexts('https://x.com/i/api/graphql/abc/CreateTweetLike', BASE, '{}')).toBeNull();
    expect(postRequestTexts('/i/api/graphql/abc/SearchTimeline?variables=%7B%22rawQuery%22%3A%22Kai%22%7D', BASE, null)).toBeNull();
    expect(isPostRequest('https://x.com/i/api/1.1/jot/client_event.json', BASE)).toBe(false);
  });

  it('reads the text of a post, a quote and a long post', () => {
    expect(postRequestTexts(createTweet, BASE, post('Owls: Ada won'))).toEqual(['Owls: Ada won']);
    const quote = JSON.stringify({ variables: { tweet_text: 'Owls: look!', attachment_url: 'https://x.com/a/status/1' } });
    expect(postRequestTexts('/i/api/graphql/q/CreateTweet', BASE, quote)).toEqual(['Owls: look!']);
    expect(postRequestTexts('/i/api/graphql/q/CreateNoteTweet', BASE, post('Owls: a long one'))).toEqual(['Owls: a long one']);
  });

  it('judges the address as the browser sends it and the server reads it', () => {
    for (const spelling of [
      '/i/api/graphql/q/x/../CreateTweet',
      '/i/api/graphql/q/./CreateTweet',
      '/i/api/graphql/q/x/%2e%2e/CreateTweet',
      '/i/api/graphql/q/Create\tTweet',
      '/i/api/graphql/q/Create\nTweet',
      '/i/api//graphql/q/CreateTweet',
      '/i/api/graphql/q/%43reate%54weet',
      '/i/api/graphql/q/createtweet',
      '\\i\\api\\graphql\\q\\CreateTweet',
      'https://x.com/i/api/graphql/q/CreateTweet/',
    ]) {
      expect(postRequestTexts(spelling, BASE, post('Owls: Kai Smith')), spelling).toEqual(['Owls: Kai Smith']);
    }
  });

  it('treats a GraphQL call that carries a post as a post, whatever its path says', () => {
    expect(postRequestTexts('/i/api/graphql/znq7jUAqRjmPj7IszLem5Q/Anything', BASE, post('Owls: Kai Smith'))).toEqual(['Owls: Kai Smith']);
    const query = `/i/api/graphql/q/Anything?variables=${encodeURIComponent(JSON.stringify({ tweet_text: 'Owls: Kai Smith' }))}`;
    expect(postRequestTexts(query, BASE, null)).toEqual(['Owls: Kai Smith']);
  });

  it('reads scheduled posts, direct messages, the older post endpoint and poll options', () => {
    const scheduled = JSON.stringify({ variables: { post_tweet_request: { status: 'Owls: later', media_ids: [] } } });
    expect(postRequestTexts('https://x.com/i/api/graphql/q/CreateScheduledTweet', BASE, scheduled)).toEqual(['Owls: later']);
    expect(postRequestTexts('https://x.com/i/api/1.1/dm/new2.json', BASE, JSON.stringify({ text: 'hi Ada' }))).toEqual(['hi Ada']);
    expect(postRequestTexts('https://x.com/i/api/1.1/dm/new.json', BASE, new URLSearchParams({ text: 'hi Kai' }))).toEqual(['hi Kai']);
    expect(postRequestTexts('https://x.com/i/api/graphql/q/useSendMessageMutation', BASE, JSON.stringify({ variables: { message: { text: { text: 'hi' } } } }))).toEqual(['hi']);
    expect(postRequestTexts('https://api.twitter.com/1.1/statuses/update.json', BASE, new URLSearchParams({ status: 'Owls: Kai' }))).toEqual(['Owls: Kai']);
    const card = { 'twitter:card': 'poll2choice_text_only', 'twitter:string:choice1_label': 'Kai Smith', 'twitter:string:choice2_label': 'Ada' };
    expect(postRequestTexts('https://caps.x.com/v2/cards/create.json', BASE, new URLSearchParams({ card_data: JSON.stringify(card) }))).toEqual(['Kai Smith', 'Ada']);
    expect(postRequestTexts('https://x.com/i/api/1.1/dm/new2.json', BASE, new TextEncoder().encode(JSON.stringify({ text: 'hi Kai' })))).toEqual(['hi Kai']);
  });

  it('treats a publishing request it cannot read as unreadable, never as clean', () => {
    expect(postRequestTexts(createTweet, BASE, undefined)).toEqual([UNREADABLE]);
    expect(postRequestTexts(createTweet, BASE, null)).toEqual([UNREADABLE]);
    expect(postRequestTexts(createTweet, BASE, '{not json')).toEqual([UNREADABLE]);
    expect(postRequestTexts(createTweet, BASE, JSON.stringify({ variables: {} }))).toEqual([UNREADABLE]);
    expect(postRequestTexts('/i/api/graphql/q/Anything', BASE, undefined)).toEqual([UNREADABLE]);
  });

  it('lists the media a post, a scheduled post or the older post endpoint attaches', () => {
    const post = JSON.stringify({ variables: { tweet_text: 'Owls: hi', media: { media_entities: [{ media_id: '1', tagged_users: [] }, { media_id: 2 }] } } });
    expect(postMediaIds(createTweet, post)).toEqual(['1', '2']);
    const scheduled = JSON.stringify({ variables: { post_tweet_request: { status: 'Owls: later', media_ids: ['7', '8'] } } });
    expect(postMediaIds('/i/api/graphql/q/CreateScheduledTweet', scheduled)).toEqual(['7', '8']);
    expect(postMediaIds('/i/api/1.1/statuses/update.json', new URLSearchParams({ status: 'Owls: hi', media_ids: '5, 6' }))).toEqual(['5', '6']);
    expect(postMediaIds(createTweet, JSON.stringify({ variables: { tweet_text: 'Owls: no media' } }))).toEqual([]);
  });
});
