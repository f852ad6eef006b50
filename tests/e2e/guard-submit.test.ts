/**
 * The guard in front of every way to post, in real Chromium with dist/chrome loaded on the X
 * stand-in: the Post button, Ctrl/Cmd+Enter, "Post all" on a thread, the modal composer, and a
 * post request made without the composer at all (the network backstop).
 */
import { describe, expect, it } from 'vitest';
import { guardPanelText, waitForPanel } from './support/guard-panel';
import { expectNothingPosted, useGuardedHomePage } from './support/guarded-browser';
import { composerScope, typeDraft } from './support/x-fixture-page';

const { guarded, page } = useGuardedHomePage();

/** Gives X's handlers (and a post that should not happen) time to run before asserting nothing went out. */
describe('a draft that names a pupil', () => {
  it('is not posted by clicking Post, and the reason is shown', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Owls: Well done Kai for a brilliant poem!');
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
    const panel = await waitForPanel(page(), /Not posted/);
    expect(panel).toMatch(/Kai/);
    expect(panel).toMatch(/pupil-name/);
    // X's markup is recognised: no false alarm about running degraded.
    expect(panel).not.toMatch(/degraded/);
  });

  it('is not posted by Ctrl+Enter or Cmd+Enter', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Hedgehogs: Ollie read to the class');
    await page().keyboard.press('Control+Enter');
    await page().keyboard.press('Meta+Enter');
    await expectNothingPosted(guarded().server);
    expect(await guardPanelText(page())).toMatch(/Ollie/);
  });

  it('is caught when the name is typed and Ctrl+Enter pressed straight after', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Owls: Thank you ');
    // Both sent at once: the shortcut's keydown reaches the page right behind the inserted text.
    const session = await page().context().newCDPSession(page());
    const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, modifiers: 2 };
    await Promise.all([
      session.send('Input.insertText', { text: 'Ada' }),
      session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...enter }),
      session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter }),
    ]);
    await session.detach();
    await expectNothingPosted(guarded().server);
    await expect(scope.locator('[data-testid="tweetTextarea_0"]').textContent()).resolves.toBe('Owls: Thank you Ada');
  });

  it('in the second post of a thread stops "Post all"', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Year 5: Our science fair');
    await scope.locator('[data-testid="addButton"]').click();
    await page().keyboard.type('Noor built a volcano');
    await expect(scope.locator('[data-testid="tweetButtonInline"]').textContent()).resolves.toBe('Post all');
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
    expect(await guardPanelText(page())).toMatch(/Noor/);
  });

  it('is not posted from the modal composer', async () => {
    await page().locator('[data-testid="SideNav_NewTweet_Button"]').click();
    const modal = composerScope(page(), 'modal');
    await typeDraft(modal, 'Badgers: Mason Taylor scored twice');
    await modal.locator('[data-testid="tweetButton"]').click();
    await expectNothingPosted(guarded().server);
    expect(await guardPanelText(page())).toMatch(/Mason Taylor/);
  });

  it('is refused by the network backstop when the post request is made directly', async () => {
    const outcome = await page().evaluate(async () => {
      try {
        await fetch('/i/api/graphql/Direct123/CreateTweet', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ variables: { tweet_text: 'Owls: Ada Nowak won the race' }, queryId: 'Direct123' }),
        });
        return 'sent';
      } catch (error) {
        return String(error);
      }
    });
    expect(outcome).toMatch(/School Post Guard stopped this post/);
    await expectNothingPosted(guarded().server);
  });
  it('answers page scripts that post directly the same way for any text: it is no oracle for the roster', async () => {
    const answers = await page().evaluate(async () => {
      // Verdicts travel on a private port now; the only question a page can put is a post of its own.
      const post = (text: string) =>
        fetch('/i/api/graphql/probe/CreateTweet', { method: 'POST', body: JSON.stringify({ variables: { tweet_text: text } }) }).then(() => 'sent', String);
      return Promise.all([post('Owls: Ada'), post('Owls: Xyzzy'), post('Nowhere: hello')]);
    });
    expect(answers[0]).toMatch(/School Post Guard stopped this post/);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).not.toMatch(/Ada|Nowak|pupil/i);
    await expectNothingPosted(guarded().server);
  });
});

describe('while staff type', () => {
  it('shows findings live, also for characters Draft.js inserts itself (no input event)', async () => {
    const scope = composerScope(page(), 'inline');
    // Draft inserts the characters of a #tag itself; the marks must follow all the same.
    await typeDraft(scope, 'Owls: Sports day #sportsday');
    const live = await waitForPanel(page(), /hashtag/);
    expect(live).not.toMatch(/Not posted/);
    await page().keyboard.type(' and well done Kai');
    expect(await waitForPanel(page(), /Kai/)).toMatch(/pupil-name/);
    await page().keyboard.press('Control+A');
    await page().keyboard.type('Owls: A calm day.');
    expect(await waitForPanel(page(), /Ready to post/)).not.toMatch(/Kai|hashtag/);
    expect(await guarded().server.posted()).toEqual([]);
  });
});

describe('a name hidden by direction controls', () => {
  // Stored reversed between RIGHT-TO-LEFT OVERRIDE and POP DIRECTIONAL FORMATTING: shown as "Kai Bell".
  const hidden = 'Owls: Well done \u202ElleB iaK\u202C!';

  it('is not posted when typed', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, hidden);
    await expect(scope.locator('[data-testid="tweetTextarea_0"]').textContent()).resolves.toBe(hidden);
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /text-direction/)).toMatch(/order its letters are shown in/);
  });

  it('is not posted when pasted', async () => {
    const scope = composerScope(page(), 'inline');
    await scope.locator('[data-testid="tweetTextarea_0"]').click();
    await scope.locator('[data-testid="tweetTextarea_0"]').evaluate((_editor, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, hidden);
    await expect(scope.locator('[data-testid="tweetTextarea_0"]').textContent()).resolves.toBe(hidden);
    await page().keyboard.press('Control+Enter');
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /text-direction/)).toMatch(/type it again/);
  });
});

describe('a name written in look-alike letters (the table arrives with the pupil list, not in the content script)', () => {
  it('is not posted', async () => {
    const scope = composerScope(page(), 'inline');
    // Cyrillic "К" and Lisu "ꓮ": "Kai" and "Ada" to a reader.
    await typeDraft(scope, 'Owls: Well done \u041Aai and \uA4EEda!');
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /Not posted/)).toMatch(/pupil-name/);
  });
});

describe('the other rules at submit', () => {
  it('blocks a hashtag until staff confirm the parents’ agreement in words', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Owls: Fun in the sun #summer');
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /hashtag/)).toMatch(/parents/i);
  });

  it('blocks a post that does not start with a class name', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Fantastic singing in assembly today!');
    await page().keyboard.press('Control+Enter');
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /class-prefix/)).toMatch(/class name/i);
  });
});

describe('a clean draft', () => {
  it('goes out once, by click', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Owls: We decorated the hall with holly and ivy.');
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    const posted = await guarded().server.waitForPosts(1);
    await page().waitForTimeout(300);
    expect((await guarded().server.posted()).map((tweet) => tweet.text)).toEqual(['Owls: We decorated the hall with holly and ivy.']);
    expect(posted).toHaveLength(1);
  });

  it('goes out by Ctrl+Enter, and a clean thread goes out whole', async () => {
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Year 5: our teacher Mr Knight taught us chess.');
    await scope.locator('[data-testid="addButton"]').click();
    await page().keyboard.type('Next week: draughts.');
    await page().keyboard.press('Control+Enter');
    const posted = await guarded().server.waitForPosts(2);
    expect(posted.map((tweet) => tweet.text)).toEqual(['Year 5: our teacher Mr Knight taught us chess.', 'Next week: draughts.']);
  });
});
