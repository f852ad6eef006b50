/**
 * Issue 10 items 5 and 6: the panel on x.com. It covers nothing of X's that staff need — the
 * menu on the left (Home, Profile, Messages, the menu's Post button, the account switcher) and the
 * composer itself (its text, toolbar and Post button) — at the common window sizes, in X's narrow
 * layout and in the modal composer (checked by hit-testing X's controls, as a click would land).
 * With nothing to say it is a small badge; it goes when the post has gone. Keyboard: a blocked
 * Ctrl+Enter leaves the caret in the draft, so what staff type next lands there; a blocked Post
 * click moves focus into the panel, where Tab goes through its controls and back to the draft and
 * Escape goes back to the draft at the first marked words.
 */
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Frame, Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { guardPanelFrame, guardPanelText, waitForPanel } from './support/guard-panel';
import { expectNothingPosted, useGuardedHomePage } from './support/guarded-browser';
import { composerScope, typeDraft } from './support/x-fixture-page';

const { guarded, page } = useGuardedHomePage();
const inline = () => composerScope(page(), 'inline');
const modal = () => composerScope(page(), 'modal');
const EDITOR = '[data-testid="tweetTextarea_0"]';

/** X's controls staff need while posting: the menu, the account switcher, and the composer's text, buttons and Post. */
const MENU = ['AppTabBar_Home_Link', 'AppTabBar_Profile_Link', 'AppTabBar_DirectMessage_Link', 'SideNav_NewTweet_Button', 'SideNav_AccountSwitcher_Button'].map((id) => `[data-testid="${id}"]`);

/** The points of each control (its centre and four points just inside its corners) where the guard's element takes the pointer. */
async function coveredControls(controls: Locator): Promise<string[]> {
  return controls.evaluateAll((elements) => elements.flatMap((element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return [];
    const points = [[rect.left + rect.width / 2, rect.top + rect.height / 2], [rect.left + 2, rect.top + 2], [rect.right - 2, rect.top + 2], [rect.left + 2, rect.bottom - 2], [rect.right - 2, rect.bottom - 2]];
    const covered = points.filter(([x, y]) => document.elementFromPoint(x!, y!)?.tagName === 'SCHOOL-POST-GUARD');
    return covered.length > 0 ? [`${element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? element.tagName} at ${covered.map((point) => point.map(Math.round).join(',')).join(' ')}`] : [];
  }));
}

async function panelFrame(): Promise<Frame> {
  await expect.poll(() => guardPanelFrame(page()) !== undefined).toBe(true);
  return guardPanelFrame(page()) as Frame;
}

/** The panel frame's box on the page, or null while it is hidden. */
async function panelBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return (await (await panelFrame()).frameElement()).boundingBox();
}

const NAMING = 'Owls: Well done Kai and Amelia! #sportsday Call 07700 900456 or @parent';

describe('where the panel goes', () => {
  const sizes: [string, number, number, string][] = [
    ['1280×720', 1280, 720, '/home'],
    ['1366×768', 1366, 768, '/home'],
    ['1440×900', 1440, 900, '/home'],
    ['1920×1080', 1920, 1080, '/home'],
    ['a narrow window (X’s narrow layout)', 480, 800, '/home?layout=mobile'],
  ];
  it.each(sizes)('at %s it covers none of X’s menu nor the composer, and is on screen', async (_name, width, height, path) => {
    await page().setViewportSize({ width, height });
    await page().goto(`https://x.com${path}`);
    await inline().locator(EDITOR).waitFor();
    await typeDraft(inline(), NAMING);
    await waitForPanel(page(), /cannot go out yet/);
    expect(await coveredControls(page().locator([...MENU, `[data-testid="primaryColumn"] ${EDITOR}`, '[data-testid="primaryColumn"] [data-testid="toolBar"] button', '[data-testid="primaryColumn"] [data-testid="toolBar"] [role="button"]'].join(', ')))).toEqual([]);
    const box = await panelBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    expect(box!.y + Math.min(box!.height, 150)).toBeLessThanOrEqual(height);
  });

  it.each([['1280×720', 1280, 720], ['1366×768', 1366, 768]] as [string, number, number][])('in the modal composer at %s it covers nothing of the dialog', async (_name, width, height) => {
    await page().setViewportSize({ width, height });
    await page().goto('https://x.com/compose/post');
    await modal().locator(EDITOR).waitFor();
    await typeDraft(modal(), NAMING);
    await waitForPanel(page(), /cannot go out yet/);
    expect(await coveredControls(modal().locator(`${EDITOR}, button, [role="button"]`))).toEqual([]);
    expect(await panelBox()).not.toBeNull();
  });
});

describe('a draft with nothing to say, and after posting', () => {
  it('shows a small badge, and nothing once the post has gone', async () => {
    await page().setViewportSize({ width: 1366, height: 768 });
    await page().goto('https://x.com/home');
    await typeDraft(inline(), 'Owls: We planted bulbs in the garden today.');
    await waitForPanel(page(), /Ready to post/);
    const drawn = await (await panelFrame()).evaluate(() => document.getElementById('panel')?.getBoundingClientRect().toJSON() as DOMRect);
    expect(drawn.height).toBeLessThan(40);
    expect(drawn.width).toBeLessThan(200);
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await guarded().server.waitForPosts(1);
    await expect.poll(() => panelBox()).toBeNull();
    expect(await guardPanelText(page())).toBe('');
  });
});

describe('the keyboard', () => {
  it('a blocked Ctrl+Enter keeps the caret in the draft: what staff type next goes in', async () => {
    await page().setViewportSize({ width: 1280, height: 720 });
    await page().goto('https://x.com/home');
    await typeDraft(inline(), 'Owls: Well done Kai');
    await page().keyboard.press('Control+Enter');
    await page().keyboard.type(' and friends');
    await expectNothingPosted(guarded().server);
    await expect.poll(() => inline().locator(EDITOR).innerText()).toBe('Owls: Well done Kai and friends');
    expect(await waitForPanel(page(), /Kai/)).toMatch(/Must change/);
  });

  it('after a blocked Post click: Tab goes through the panel’s controls and back to the draft; Escape goes to the first marked words', async () => {
    await page().setViewportSize({ width: 1280, height: 720 });
    await page().goto('https://x.com/home');
    const draft = 'Owls: Sports day was such fun #sportsday';
    await typeDraft(inline(), draft);
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
    // With no photo attached, the exception speaks of the children the post is about, not "in the photo".
    expect(await waitForPanel(page(), /parents agreed/)).toMatch(/every child this post is about/);
    expect(await guardPanelText(page())).not.toMatch(/in the photo/);
    const frame = await panelFrame();
    const focused = () => frame.evaluate(() => (document.hasFocus() ? `${document.activeElement?.tagName ?? ''}:${document.activeElement?.textContent ?? ''}` : 'none'));
    await expect.poll(focused).toBe('INPUT:');
    await page().keyboard.press('Tab');
    await expect.poll(focused).toBe('BUTTON:Confirm');
    await page().keyboard.press('Tab');
    await expect.poll(() => inline().locator(EDITOR).evaluate((editor) => editor === document.activeElement)).toBe(true);

    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await expect.poll(focused).toBe('INPUT:');
    await page().keyboard.press('Shift+Tab');
    await expect.poll(() => inline().locator(EDITOR).evaluate((editor) => editor === document.activeElement)).toBe(true);

    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await expect.poll(focused).toBe('INPUT:');
    await page().keyboard.press('Escape');
    await expect.poll(() => inline().locator(EDITOR).evaluate((editor) => editor === document.activeElement)).toBe(true);
    // The caret is just before the hashtag: typing goes in there.
    await page().keyboard.type('X');
    await expect.poll(() => inline().locator(EDITOR).innerText()).toBe(draft.replace('#sportsday', 'X#sportsday'));
  });
});

describe('the panel’s words and accessibility', () => {
  it('names rules as the options page does, says each reason and each fix once, and has no axe-core violations', async () => {
    await page().setViewportSize({ width: 1440, height: 900 });
    await page().goto('https://x.com/home');
    await typeDraft(inline(), 'Owls: Well done Kai, Amelia and Ada! POPPY helped too.');
    const text = await waitForPanel(page(), /cannot go out yet/);
    expect(text).not.toMatch(/Blocked · |pupil-name ·|· pupil-name/);
    expect(text).toMatch(/Pupil’s name · Must change/);
    expect(text.match(/What to do:/g)).toHaveLength(1);
    // Names that share a reason are said together with it, once; a name with its own reason alone.
    expect(text).toMatch(/Each of “Kai”, “Amelia” and “Ada” looks like a pupil’s name: it is a pupil’s name and not an ordinary word\./);
    expect(text.match(/not an ordinary word/g)).toHaveLength(1);
    expect(text).toMatch(/“POPPY” looks like a pupil’s name: it is followed by what someone did \(“helped”\)\./);
    expect(text.match(/Posts must not name children/g)).toHaveLength(1);
    if (process.env.SAVE_SCREENSHOTS) await page().screenshot({ path: fileURLToPath(new URL('../../docs/panel.png', import.meta.url)) });
    const frame = await panelFrame();
    // axe-core run inside the panel's frame (an extension page, which x.com's page cannot reach).
    await frame.evaluate(axe.source);
    const inFrame = await frame.evaluate(async () => {
      const checker = (window as unknown as { axe: typeof axe }).axe;
      return (await checker.run(document)).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    expect(inFrame).toEqual([]);
  });
});
