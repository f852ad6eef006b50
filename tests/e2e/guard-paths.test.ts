/**
 * Invariant 2, "every way out is guarded", path by path, in real Chromium with dist/chrome and the
 * sample roster on the X stand-in: the Post button by keyboard (Enter, Space) and by touch, the
 * reply box on a post's page, the quote dialog, the schedule dialog's "Schedule", the alt-text
 * reminder's "Not this time", the DM composer (button and Enter), and the mobile layout's textarea.
 * On each, a draft naming a pupil never reaches the server; where it is cheap, a clean draft goes
 * out exactly once.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHOTO_CHECK_WAIT, pressInPanel, waitForPanel } from './support/guard-panel';
import { expectNothingPosted, expectPostedOnce, useGuardedHomePage } from './support/guarded-browser';
import { jpegWithDescription, plainJpeg } from './support/test-images';
import { composerScope, typeDraft } from './support/x-fixture-page';

const { guarded, page } = useGuardedHomePage();

const NAMING = 'Owls: Well done Kai!';
// The clean posts below are spread over the sample roster's four classes, two each at most: the
// whole file shares one browser, and a third general post for a class in a week is held by the
// posting-cadence rule.
const inline = () => composerScope(page(), 'inline');
const modal = () => composerScope(page(), 'modal');

/** Gives X's handlers (and a post that should not happen) time to run before asserting nothing went out. */
/** Replaces what the editor matched by `selector` in `scope` holds with `text`, by keyboard. */
async function retype(scope: Locator, text: string, { selector = '[data-testid="tweetTextarea_0"]' } = {}): Promise<void> {
  await scope.locator(selector).click();
  await page().keyboard.press('ControlOrMeta+A');
  await page().keyboard.press('Delete');
  await page().keyboard.type(text);
}

async function open(path: string, ready: string): Promise<void> {
  await page().goto(`https://x.com${path}`);
  await page().locator(ready).waitFor();
}

/** A finger tap on the element's centre through the DevTools protocol: touchstart, touchend, and the click the tap gesture makes. */
async function tap(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (box === null) throw new Error('nothing to tap');
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const session = await page().context().newCDPSession(page());
  try {
    await session.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page().waitForTimeout(100);
  } finally {
    await session.send('Emulation.setTouchEmulationEnabled', { enabled: false }).catch(() => undefined);
    await session.detach();
  }
}

describe('the Post button by keyboard and touch', () => {
  const postButton = () => inline().locator('[data-testid="tweetButtonInline"]');

  it('Enter on the focused Post button: a naming draft stays, a clean one goes out once', async () => {
    await typeDraft(inline(), NAMING);
    await postButton().focus();
    await page().keyboard.press('Enter');
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /Not posted/)).toMatch(/Kai/);

    await retype(inline(), 'Owls: We planted bulbs.');
    await postButton().focus();
    await page().keyboard.press('Enter');
    expect((await expectPostedOnce(guarded().server)).text).toBe('Owls: We planted bulbs.');
  });

  it('Space on the focused Post button: a naming draft stays, a clean one goes out once', async () => {
    await typeDraft(inline(), NAMING);
    await postButton().focus();
    await page().keyboard.press(' ');
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /Not posted/)).toMatch(/Kai/);

    await retype(inline(), 'Year 5: Times tables champions.');
    await postButton().focus();
    await page().keyboard.press(' ');
    expect((await expectPostedOnce(guarded().server)).text).toBe('Year 5: Times tables champions.');
  });

  it('a touch tap on Post: a naming draft stays, a clean one goes out once', async () => {
    await typeDraft(inline(), NAMING);
    await tap(postButton());
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /Not posted/)).toMatch(/Kai/);

    await retype(inline(), 'Hedgehogs: Touch typing practice.');
    await tap(postButton());
    expect((await expectPostedOnce(guarded().server)).text).toBe('Hedgehogs: Touch typing practice.');
  });
});

describe('replies and quotes', () => {
  const STATUS = '/PrimaryRedbourn/status/1';

  it('the reply box on a post’s page: a naming reply stays, a clean one goes out once as a reply', async () => {
    await open(STATUS, '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    const reply = inline().locator('[data-testid="tweetButtonInline"]');
    await typeDraft(inline(), NAMING);
    await expect(reply.textContent()).resolves.toBe('Reply');
    await reply.click();
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /Not posted/)).toMatch(/Kai/);

    await retype(inline(), 'Badgers: See you there!');
    await reply.click();
    const posted = await expectPostedOnce(guarded().server);
    expect([posted.kind, posted.text, posted.inReplyTo]).toEqual(['tweet', 'Badgers: See you there!', '1']);
  });

  async function openQuote(): Promise<void> {
    await open(STATUS, '[data-testid="primaryColumn"] [data-testid="tweet"] [data-testid="retweet"]');
    await page().locator('[data-testid="primaryColumn"] [data-testid="retweet"]').click();
    await page().getByRole('menuitem', { name: 'Quote' }).click();
    await modal().locator('[data-fixture-quoted="1"]').waitFor();
  }

  it('the quote dialog: a naming quote stays, a clean one goes out once with the quoted post', async () => {
    await openQuote();
    await typeDraft(modal(), NAMING);
    await modal().locator('[data-testid="tweetButton"]').click();
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /Not posted/)).toMatch(/Kai/);

    await retype(modal(), 'Year 5: Come along!');
    await modal().locator('[data-testid="tweetButton"]').click();
    const posted = await expectPostedOnce(guarded().server);
    expect([posted.kind, posted.text, posted.quoted]).toEqual(['tweet', 'Year 5: Come along!', 'https://x.com/PrimaryRedbourn/status/1']);
  });

  it('the quote dialog: a quote is a post of its own and must begin with a class name', async () => {
    await openQuote();
    await typeDraft(modal(), 'Lovely to see so many families here');
    await modal().locator('[data-testid="tweetButton"]').click();
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /Not posted/)).toMatch(/class-prefix/);
  });
});

describe('schedule', () => {
  it('"Schedule" after the schedule dialog: a naming draft stays, a clean one is scheduled once', async () => {
    await typeDraft(inline(), NAMING);
    await inline().locator('[data-testid="scheduleOption"]').click();
    await page().locator('#layers [data-testid="scheduledConfirmationPrimaryAction"]').click();
    const schedule = inline().locator('[data-testid="tweetButtonInline"]');
    await expect(schedule.textContent()).resolves.toBe('Schedule');
    await schedule.click();
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /Not posted/)).toMatch(/Kai/);

    await retype(inline(), 'Owls: Reminder: library books back on Friday.');
    await schedule.click();
    const posted = await expectPostedOnce(guarded().server);
    expect([posted.kind, posted.text]).toEqual(['scheduled', 'Owls: Reminder: library books back on Friday.']);
    expect(posted.executeAt).toBeGreaterThan(Date.now() / 1000);
  });
});

describe('the image-description reminder', () => {
  const HOME_WITH_REMINDER = '/home?altTextReminder=1';
  const postButton = () => inline().locator('[data-testid="tweetButtonInline"]');
  const reminder = () => page().locator('#layers [data-testid="confirmationSheetDialog"]');

  async function attachPhoto(): Promise<void> {
    await inline().locator('input[data-testid="fileInput"]').setInputFiles({ name: 'IMG_0042.JPG', mimeType: 'image/jpeg', buffer: plainJpeg() });
    await inline().locator('[data-testid="attachments"] [role="group"]').waitFor();
  }

  it('a naming draft with a photo never reaches the reminder', async () => {
    await open(HOME_WITH_REMINDER, '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await typeDraft(inline(), NAMING);
    await attachPhoto();
    await postButton().click();
    await expectNothingPosted(guarded().server);
    await expect(reminder().count()).resolves.toBe(0);
    expect(await waitForPanel(page(), /Kai/, PHOTO_CHECK_WAIT)).toMatch(/\[pupil-name\]/);
  });

  it('a clean draft with a photo goes out once through "Not this time", after photo consent', async () => {
    await open(HOME_WITH_REMINDER, '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await typeDraft(inline(), 'Hedgehogs: Art gallery day.');
    await attachPhoto();
    await postButton().click();
    await expectNothingPosted(guarded().server);
    await waitForPanel(page(), /photo-consent/, PHOTO_CHECK_WAIT);
    // The blocked submit moved focus onto the panel's confirmation.
    await pressInPanel(page());
    await waitForPanel(page(), /Ready to post/);
    await postButton().click();
    await reminder().waitFor();
    await expectNothingPosted(guarded().server);
    await reminder().locator('[data-testid="confirmationSheetCancel"]').click();
    const posted = await expectPostedOnce(guarded().server);
    expect([posted.text, posted.media.map((media) => media.name)]).toEqual(['Hedgehogs: Art gallery day.', ['IMG_0042.JPG']]);
  });

  /** A clean draft with a photo, photo consent confirmed, Post pressed: the reminder is open and nothing has gone out. */
  async function reachReminder(text: string): Promise<void> {
    await open(HOME_WITH_REMINDER, '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await typeDraft(inline(), text);
    await attachPhoto();
    await postButton().click();
    await waitForPanel(page(), /photo-consent/, PHOTO_CHECK_WAIT);
    await pressInPanel(page());
    await waitForPanel(page(), /Ready to post/);
    await postButton().click();
    await reminder().waitFor();
  }

  it('a description naming a pupil, added behind the reminder, is not posted by "Not this time"', async () => {
    await reachReminder('Badgers: Our new class mural.');
    // The sheet does not trap focus: staff can reach the photo's "Add description" behind it by keyboard.
    await inline().locator('[data-testid="altTextButton"]').focus();
    await page().keyboard.press('Enter');
    await page().locator('#layers textarea[data-testid="altTextInput"]').fill('Mason Taylor painting the mural');
    await page().locator('#layers [data-testid="endEditingButton"]').press('Enter');
    await reminder().locator('[data-testid="confirmationSheetCancel"]').press('Enter');
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /attachment-name/)).toMatch(/Mason/);
  });

  it('a photo swapped behind the reminder is not posted by "Not this time": photo consent is asked again', async () => {
    await reachReminder('Badgers: Our new class mural.');
    await inline().locator('[data-testid="removeMedia"]').focus();
    await page().keyboard.press('Enter');
    await inline().locator('input[data-testid="fileInput"]').setInputFiles({ name: 'IMG_0099.JPG', mimeType: 'image/jpeg', buffer: jpegWithDescription('Mural') });
    await inline().locator('[data-testid="attachments"] [role="group"]').waitFor();
    await reminder().locator('[data-testid="confirmationSheetCancel"]').click();
    await expectNothingPosted(guarded().server);
    await waitForPanel(page(), /photo-consent/, PHOTO_CHECK_WAIT);
  });

  it('the network backstop holds an approved post to its photos and descriptions', async () => {
    await reachReminder('Badgers: Our new class mural.');
    // With the approval live, a page script tries the approved text with other media, and a description naming a pupil.
    const outcomes = await page().evaluate(async () => {
      const attempt = async (request: () => Promise<Response>) => {
        try {
          return `sent ${(await request()).status}`;
        } catch (error) {
          return String(error);
        }
      };
      const init = await fetch('/i/media/upload.json?command=INIT&total_bytes=4321&media_type=image%2Fjpeg&media_category=tweet_image', { method: 'POST' });
      const { media_id_string: mediaId } = (await init.json()) as { media_id_string: string };
      const description = await attempt(() =>
        fetch('/i/api/1.1/media/metadata/create.json', { method: 'POST', body: JSON.stringify({ media_id: mediaId, alt_text: { text: 'Mason Taylor' } }) }),
      );
      const post = await attempt(() =>
        fetch('/i/api/graphql/q/CreateTweet', {
          method: 'POST',
          body: JSON.stringify({ variables: { tweet_text: 'Badgers: Our new class mural.', media: { media_entities: [{ media_id: mediaId, tagged_users: [] }] } } }),
        }),
      );
      return { description, post };
    });
    expect(outcomes.description).toMatch(/School Post Guard stopped this post: a photo’s description/);
    expect(outcomes.post).toMatch(/School Post Guard stopped this post: its photos or videos/);
    // (What staff approved still goes out through the sheet: the test above, with this file's one photo post per class.)
    await expectNothingPosted(guarded().server);
  });
});

describe('direct messages', () => {
  const dmEditor = '[data-testid="dmComposerTextInput"]';
  const conversation = () => page().locator('[data-testid="primaryColumn"]');

  async function typeMessage(text: string): Promise<void> {
    await open('/messages/1', dmEditor);
    await page().locator(dmEditor).click();
    await page().keyboard.type(text);
  }

  it('the send button: a message naming a pupil stays; one without a class name goes out once, after the direct-message warning', async () => {
    await typeMessage('Well done Kai, see you Monday');
    await page().locator('[data-testid="dmComposerSendButton"]').click();
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /Not posted/)).toMatch(/Kai/);

    await retype(conversation(), 'Thanks, see you Monday', { selector: dmEditor });
    await page().locator('[data-testid="dmComposerSendButton"]').click();
    await expectNothingPosted(guarded().server);
    // The blocked send moved focus onto the panel's acknowledgement of the warning.
    expect(await waitForPanel(page(), /private discussions/)).not.toMatch(/Kai/);
    await pressInPanel(page());
    await page().locator('[data-testid="dmComposerSendButton"]').click();
    const posted = await expectPostedOnce(guarded().server);
    expect([posted.kind, posted.text, posted.conversationId]).toEqual(['dm', 'Thanks, see you Monday', '1']);
  });

  it('Enter, which sends on X: a message naming a pupil stays, with the reason shown', async () => {
    await typeMessage('Well done Kai, see you Monday');
    await page().keyboard.press('Enter');
    await expectNothingPosted(guarded().server);
    expect(await waitForPanel(page(), /pupil-name/)).toMatch(/Kai/);
  });

  // Fails with the guard as it stands: Enter in the DM box is not treated as a submission by the
  // content script, so the text is never approved, and the network backstop checks it as an opening
  // post and refuses it for having no class name (see the report that came with this file).
  it('Enter, which sends on X: a clean message goes out once, after the direct-message warning', async () => {
    await typeMessage('Thanks, see you Monday');
    await page().keyboard.press('Enter');
    await expectNothingPosted(guarded().server);
    await waitForPanel(page(), /private discussions/);
    await pressInPanel(page());
    await page().locator(dmEditor).click();
    await page().keyboard.press('Enter');
    expect((await expectPostedOnce(guarded().server)).text).toBe('Thanks, see you Monday');
  });
});

describe('the mobile layout', () => {
  it('its textarea composer: a naming draft stays by button and by Ctrl+Enter, a clean one goes out once', async () => {
    await withNarrowWindow(page(), async () => {
      await open('/home?layout=mobile', '[data-testid="primaryColumn"] textarea[data-testid="tweetTextarea_0"]');
      const post = inline().locator('[data-testid="tweetButtonInline"]');
      await typeDraft(inline(), NAMING);
      await post.click();
      await expectNothingPosted(guarded().server);
      expect(await waitForPanel(page(), /Not posted/)).toMatch(/Kai/);
      await inline().locator('[data-testid="tweetTextarea_0"]').click();
      await page().keyboard.press('Control+Enter');
      await expectNothingPosted(guarded().server);
      expect(await waitForPanel(page(), /pupil-name/)).toMatch(/Kai/);

      await retype(inline(), 'Badgers: Phonics at home tonight.');
      await post.click();
      expect((await expectPostedOnce(guarded().server)).text).toBe('Badgers: Phonics at home tonight.');
    });
  });
});

async function withNarrowWindow(target: Page, run: () => Promise<void>): Promise<void> {
  const previous = target.viewportSize();
  await target.setViewportSize({ width: 420, height: 860 });
  try {
    await run();
  } finally {
    if (previous !== null) await target.setViewportSize(previous);
  }
}
