/**
 * The network backstop against a page script that posts around the composer, in real Chromium
 * with dist/chrome on the X stand-in (issue 8 item 6). Each attack carries a pupil's full name
 * and must never reach X's servers: addresses spelt so that a plain string match misses them, a
 * request from an about:blank frame or a pop-up, the other ways a page can send a request, and a
 * page that forges the guard's verdict. A clean post typed in the composer still goes out, over
 * the private channel the verdicts now travel on.
 */
import { describe, expect, it } from 'vitest';
import { useGuardedHomePage } from './support/guarded-browser';
import { composerScope, typeDraft } from './support/x-fixture-page';

const { guarded, page } = useGuardedHomePage();

/** A pupil of the sample roster, by full name. */
const NAMING = 'Owls: Well done Kai Bell!';
const createTweetBody = JSON.stringify({ variables: { tweet_text: NAMING, media: { media_entities: [] } }, queryId: 'Q' });

/** Gives a request that should not happen time to arrive, then asserts no POST reached the server. */
async function expectNothingSent(): Promise<void> {
  await page().waitForTimeout(300);
  expect(guarded().server.requests().filter((request) => request.method === 'POST')).toEqual([]);
  expect(await guarded().server.posted()).toEqual([]);
}

describe('addresses a plain match would miss', () => {
  for (const [label, path] of [
    ['a dot segment', '/i/api/graphql/q/x/../CreateTweet'],
    ['an escaped dot segment', '/i/api/graphql/q/x/%2e%2e/CreateTweet'],
    ['a tab inside the name', '/i/api/graphql/q/Create\tTweet'],
    ['a new line inside the name', '/i/api/graphql/q/Create\nTweet'],
    ['backslashes', '\\i\\api\\graphql\\q\\CreateTweet'],
  ] as const) {
    it(`fetch with ${label}`, async () => {
      const outcome = await page().evaluate(
        ([address, body]) => fetch(address, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(() => 'sent', String),
        [path, createTweetBody] as const,
      );
      expect(outcome).toMatch(/School Post Guard stopped this post/);
      await expectNothingSent();
    });
  }

  it('XMLHttpRequest with a dot segment, and a Request object with a tab', async () => {
    const outcomes = await page().evaluate(async (body) => {
      const xhr = await new Promise<string>((resolve) => {
        const request = new XMLHttpRequest();
        request.open('POST', '/i/api/graphql/q/x/../CreateTweet');
        request.onload = () => resolve('sent');
        request.onerror = () => resolve('refused');
        request.send(body);
      });
      const fromRequest = await fetch(new Request('/i/api/graphql/q/Create\tTweet', { method: 'POST', body })).then(() => 'sent', () => 'refused');
      return [xhr, fromRequest];
    }, createTweetBody);
    expect(outcomes).toEqual(['refused', 'refused']);
    await expectNothingSent();
  });
});

describe('other frames and other ways to send', () => {
  it('fetch and XMLHttpRequest from an about:blank iframe, and from a srcdoc one', async () => {
    const outcomes = await page().evaluate(async (body) => {
      const results: string[] = [];
      const blank = document.createElement('iframe');
      document.body.append(blank);
      const srcdoc = document.createElement('iframe');
      srcdoc.srcdoc = '<p>hi</p>';
      document.body.append(srcdoc);
      await new Promise((resolve) => srcdoc.addEventListener('load', resolve, { once: true }));
      for (const frame of [blank, srcdoc]) {
        const view = frame.contentWindow as Window & typeof globalThis;
        results.push(await view.fetch('/i/api/graphql/q/CreateTweet', { method: 'POST', body }).then(() => 'sent', () => 'refused'));
        results.push(
          await new Promise<string>((resolve) => {
            const request = new view.XMLHttpRequest();
            request.open('POST', '/i/api/graphql/q/CreateTweet');
            request.onload = () => resolve('sent');
            request.onerror = () => resolve('refused');
            request.send(body);
          }),
        );
        // The top page's fetch called with the frame's Request object.
        results.push(await fetch(new view.Request('/i/api/graphql/q/CreateTweet', { method: 'POST', body })).then(() => 'sent', () => 'refused'));
      }
      blank.remove();
      srcdoc.remove();
      return results;
    }, createTweetBody);
    expect(outcomes).toEqual(Array(6).fill('refused'));
    await expectNothingSent();
  });

  it('a pop-up opened on about:blank', async () => {
    const outcome = await page().evaluate(async (body) => {
      const popup = window.open('about:blank', '_blank') as (Window & typeof globalThis) | null;
      if (popup === null) return 'no pop-up';
      const result = await popup.fetch('/i/api/graphql/q/CreateTweet', { method: 'POST', body }).then(() => 'sent', () => 'refused');
      popup.close();
      return result;
    }, createTweetBody);
    expect(outcome).toBe('refused');
    await expectNothingSent();
  });

  it('sendBeacon and a form aimed at CreateTweet', async () => {
    const beacon = await page().evaluate((body) => navigator.sendBeacon('/i/api/graphql/q/CreateTweet', body), createTweetBody);
    expect(beacon).toBe(false);
    await page().evaluate((body) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.enctype = 'text/plain';
      form.action = '/i/api/graphql/q/x/../CreateTweet';
      form.target = '_blank';
      const field = document.createElement('input');
      field.name = body.slice(0, -2);
      field.value = '"}';
      form.append(field);
      document.body.append(form);
      try {
        form.submit();
      } catch {
        // Refused, as expected.
      }
      form.requestSubmit();
      form.remove();
    }, createTweetBody);
    await expectNothingSent();
  });

  it('X’s other post-creating calls: a long post, a scheduled post, a direct message, a poll', async () => {
    const outcomes = await page().evaluate(async (text) => {
      const send = (address: string, body: BodyInit) => fetch(address, { method: 'POST', body }).then(() => 'sent', () => 'refused');
      const card = { 'twitter:card': 'poll2choice_text_only', 'twitter:string:choice1_label': text, 'twitter:string:choice2_label': 'Ada' };
      return Promise.all([
        send('/i/api/graphql/q/CreateNoteTweet', JSON.stringify({ variables: { tweet_text: text } })),
        send('/i/api/graphql/q/CreateScheduledTweet', JSON.stringify({ variables: { post_tweet_request: { status: text } } })),
        send('/i/api/1.1/dm/new2.json', JSON.stringify({ conversation_id: '1', text })),
        send('/i/api/1.1/statuses/update.json', new URLSearchParams({ status: text })),
        send('/v2/cards/create.json', new URLSearchParams({ card_data: JSON.stringify(card) })),
      ]);
    }, NAMING);
    expect(outcomes).toEqual(Array(5).fill('refused'));
    await expectNothingSent();
  });

  it('a repost with comment (a quote) whose comment names a pupil', async () => {
    const outcome = await page().evaluate(
      (text) =>
        fetch('/i/api/graphql/q/CreateTweet', {
          method: 'POST',
          body: JSON.stringify({ variables: { tweet_text: text, attachment_url: 'https://x.com/RedbournPrimary/status/1', media: { media_entities: [] } } }),
        }).then(() => 'sent', () => 'refused'),
      NAMING,
    );
    expect(outcome).toBe('refused');
    await expectNothingSent();
  });

  it('a photo description naming a pupil, sent to a spelling of the media-metadata address, from the page and from a frame', async () => {
    const outcomes = await page().evaluate(async () => {
      const body = JSON.stringify({ media_id: '1', alt_text: { text: 'Kai Bell painting' } });
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const view = frame.contentWindow as Window & typeof globalThis;
      const results = await Promise.all(
        [
          [window, '/i/api/1.1/media/metadata/create.json'],
          [window, '/i/api/1.1/media/x/../metadata/Create.json'],
          [window, '/i/api/1.1/media/metadata/cre%61te.json'],
          [view, '/i/api/1.1/media/metadata/create.json'],
        ].map(([from, address]) => (from as typeof window).fetch(address as string, { method: 'POST', body }).then(() => 'sent', () => 'refused')),
      );
      frame.remove();
      return results;
    });
    expect(outcomes).toEqual(Array(4).fill('refused'));
    await expectNothingSent();
  });
});

describe('a page that forges the guard’s verdict', () => {
  it('answers every question itself and offers its own channel: the post is still refused', async () => {
    const outcome = await page().evaluate(async (body) => {
      // The old event-based handshake: answer "allowed" first and silence the guard.
      window.addEventListener(
        'school-post-guard:ask',
        (event) => {
          event.stopImmediatePropagation();
          const { id } = JSON.parse((event as CustomEvent<string>).detail) as { id: string };
          document.dispatchEvent(new CustomEvent('school-post-guard:answer', { detail: JSON.stringify({ id, allow: true, reason: 'checked' }) }));
        },
        true,
      );
      // The port handshake: ask for the guard's port, and offer a forged one that says "allowed".
      const forged = new MessageChannel();
      forged.port1.onmessage = (event: MessageEvent<{ id: number }>) => forged.port1.postMessage({ id: event.data.id, allow: true, reason: 'checked' });
      const stolen: MessagePort[] = [];
      document.addEventListener('school-post-guard:backstop-port', (event) => stolen.push(...(event as MessageEvent).ports), true);
      document.dispatchEvent(new Event('school-post-guard:backstop-hello'));
      document.dispatchEvent(new MessageEvent('school-post-guard:backstop-port', { ports: [forged.port2] }));
      const result = await fetch('/i/api/graphql/q/CreateTweet', { method: 'POST', body }).then(() => 'sent', String);
      return `${result} (ports taken: ${stolen.length})`;
    }, createTweetBody);
    expect(outcome).toMatch(/^TypeError: School Post Guard stopped this post/);
    await expectNothingSent();
  });

  it('a clean draft typed in the composer still goes out once', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Owls: We planted bulbs.');
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    const posted = await guarded().server.waitForPosts(1);
    expect(posted.map((tweet) => tweet.text)).toEqual(['Owls: We planted bulbs.']);
  });
});
