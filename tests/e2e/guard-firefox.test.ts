/**
 * The blocked-post and clean-post tests of guard-submit.test.ts, in Firefox ESR: Debian's
 * firefox-esr driven by puppeteer-core over WebDriver BiDi, with the built add-on (dist/firefox,
 * exactly as shipped) installed and the X stand-in served as https://x.com.
 *
 * The roster goes in the way the ICT lead puts it in: the sample CSV chosen with the options
 * page's "Import pupil list" control, then "Replace pupil list". WebDriver BiDi only navigates tabs to
 * "webdriver safe" URLs (http(s), file, blob, about:blank) unless Firefox's remote agent has system
 * access, so the browser is started with it (allowSystemAccess in support/firefox.ts) and the real
 * options page is opened in a tab of its own. An x.com page cannot open it instead
 * (window.open → "Access to 'moz-extension://…' from script denied": the page is not web-accessible).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestPhoto } from '../../scripts/photo-test-set';
import type { FirefoxExtensionSession } from './support/firefox';
import { clickInFirefoxPanel, firefoxPanelText, startGuardedFirefox, waitForFirefoxPanel } from './support/firefox-guard';
import { PHOTO_CHECK_WAIT } from './support/guard-panel';
import { expectNothingPosted } from './support/guarded-browser';
import { plainJpeg } from './support/test-images';
import type { XServer } from './support/x-server';

const EDITOR = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
const POST_BUTTON = '[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]';

let server: XServer;
let firefox: FirefoxExtensionSession;
let page: Page;
/** Script errors on the x.com tab, reported with a failing test. */
const pageErrors: string[] = [];

const guardPanelText = () => firefoxPanelText(firefox, page);
const waitForPanel = (pattern: RegExp, timeoutMs?: number) => waitForFirefoxPanel(firefox, page, pattern, timeoutMs);

async function typeDraft(text: string): Promise<void> {
  await page.click(EDITOR);
  await page.keyboard.type(text);
  // Typed key by key, so a lost caret would show here rather than as a vacuous "nothing posted".
  expect(await page.$eval(EDITOR, (editor) => editor.textContent)).toBe(text);
}

async function pressCtrlEnter(): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
}

beforeAll(async () => {
  ({ server, firefox } = await startGuardedFirefox());
  // Opened after the options tab has closed, so this tab has the window's focus.
  page = await firefox.page();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

beforeEach(async () => {
  server.reset();
  pageErrors.length = 0;
  await page.goto('https://x.com/home');
  await page.waitForSelector(EDITOR);
});

describe('Firefox: a draft that names a pupil', () => {
  it('is not posted by clicking Post nor by Ctrl+Enter, and the reason is shown', async () => {
    await typeDraft('Owls: Well done Kai for a brilliant poem!');
    await page.click(POST_BUTTON);
    await expectNothingPosted(server);
    const panel = await waitForPanel(/Not posted/);
    expect(panel).toMatch(/Kai/);
    expect(panel).toMatch(/pupil-name/);

    await page.click(EDITOR);
    await pressCtrlEnter();
    await expectNothingPosted(server);
    expect(await guardPanelText()).toMatch(/Kai/);
    expect(pageErrors).toEqual([]);
  });
});

describe('Firefox: a name hidden by a right-to-left override', () => {
  it('is not posted: the hidden characters are refused', async () => {
    // Stored reversed between U+202E and U+202C: Firefox shows "Kai Bell".
    await typeDraft('Owls: Well done \u202ElleB iaK\u202C!');
    await page.click(POST_BUTTON);
    await expectNothingPosted(server);
    expect(await waitForPanel(/text-direction/)).toMatch(/order its letters are shown in/);
    expect(pageErrors).toEqual([]);
  });
});

describe('Firefox: a clean draft', () => {
  it('goes out once, by click', async () => {
    await typeDraft('Owls: We decorated the hall with holly and ivy.');
    await page.click(POST_BUTTON);
    await server.waitForPosts(1);
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    expect((await server.posted()).map((tweet) => tweet.text)).toEqual(['Owls: We decorated the hall with holly and ivy.']);
    expect(pageErrors).toEqual([]);
  });
});

describe('Firefox: the follow-request and reply watches, which the background injects only on their pages', () => {
  it('shows the policy’s checklist beside each follow request, after X’s router has moved to that page', async () => {
    // Reached from the home page without a page load, as on X: the content script asks for the watches then.
    await page.evaluate(() => window.__xFixture?.navigate('/follower_requests'));
    await page.waitForFunction(() => document.querySelectorAll('school-post-guard-checklist').length > 0);
    expect(pageErrors).toEqual([]);
  });
});

describe('Firefox: a certificate photo naming a pupil', () => {
  it('is held, read in the event page: the name is not in the page and the post does not go out', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spg-firefox-photo-'));
    try {
      await typeDraft('Year 5: Our stars of the week!');
      // The same certificate as the Chromium test: Faith Okonkwo (Year 5), photographed at a slant.
      const path = join(dir, 'IMG_2040.JPG');
      await writeFile(path, makeTestPhoto('certificate', ['Faith', 'Okonkwo'], 'Caveat', 7, 2400).jpeg);
      const input = (await page.$('[data-testid="primaryColumn"] input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      const panel = await waitForPanel(/attachment-name/, PHOTO_CHECK_WAIT);
      expect(panel).toMatch(/photo shows what looks like a pupil’s name/);
      expect(panel).not.toMatch(/Okonkwo/);
      expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/Okonkwo/);
      await page.click(POST_BUTTON);
      await expectNothingPosted(server);
      expect(pageErrors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('asks for photo consent, and takes it once the no-consent list is on screen (its frame says so to the panel)', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spg-firefox-consent-'));
    try {
      await typeDraft('Owls: Art gallery day.');
      const path = join(dir, 'IMG_0042.JPG');
      await writeFile(path, plainJpeg());
      const input = (await page.$('[data-testid="primaryColumn"] input[data-testid="fileInput"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      await page.click(POST_BUTTON);
      await waitForPanel(/photo-consent/, PHOTO_CHECK_WAIT);
      // A click while the list is still loading does nothing; once it is shown, the click confirms.
      const states: string[] = [];
      const deadline = Date.now() + 10_000;
      while (!/Ready to post/.test(await guardPanelText()) && Date.now() < deadline) {
        states.push(await clickInFirefoxPanel(firefox, page, '.confirm[data-rule="photo-consent"] button'));
        await new Promise((resolveWait) => setTimeout(resolveWait, 250));
      }
      expect(states).toContain('false');
      await waitForPanel(/Ready to post/);
      await page.click(POST_BUTTON);
      const [post] = await server.waitForPosts(1);
      expect(post?.media.map((media) => media.name)).toEqual(['IMG_0042.JPG']);
      expect(pageErrors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
