/**
 * Where the guard runs (issue 8 item 5), in real Chromium with dist/chrome on the X stand-in: every
 * X host staff post from (www.x.com, www.twitter.com, and X Pro's deck at pro.x.com), a tab that was
 * opened while the extension was off and is guarded once it is back on, and the popup and options
 * page saying so when Chrome's site access ("On click") stops the guard from running on X.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openOptions } from './support/extension-setup';
import { waitForPanel } from './support/guard-panel';
import { expectNothingPosted, startGuardedBrowser, type GuardedBrowser } from './support/guarded-browser';
import { typeDraft } from './support/x-fixture-page';

const NAMING = 'Owls: Well done Kai Bell!';

let guarded: GuardedBrowser;
beforeAll(async () => {
  guarded = await startGuardedBrowser();
});
afterAll(async () => guarded?.close());
beforeEach(() => guarded.server.reset());

/** chrome://extensions' own API (not in @types/chrome): what its "Site access" menu calls. */
interface DeveloperPrivate {
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: 'ON_CLICK' | 'ON_SPECIFIC_SITES' | 'ON_ALL_SITES' }): Promise<void>;
}

/** Runs `steps` on chrome://extensions, where Chrome's own extension settings can be changed. */
async function onExtensionsPage<T>(steps: (extensionId: string) => Promise<T>): Promise<T> {
  const page = await guarded.chromium.context.newPage();
  try {
    await page.goto('chrome://extensions');
    return await page.evaluate(steps, guarded.chromium.extensionId);
  } finally {
    await page.close();
  }
}

describe('every X host staff post from', () => {
  for (const host of ['www.x.com', 'www.twitter.com', 'mobile.twitter.com']) {
    it(`guards ${host}`, async () => {
      const page = await guarded.chromium.page();
      await page.goto(`https://${host}/home`);
      const composer = page.locator('[data-testid="primaryColumn"]');
      await typeDraft(composer, NAMING);
      await composer.locator('[data-testid="tweetButtonInline"]').click();
      await expectNothingPosted(guarded.server);
      expect(await waitForPanel(page, /Not posted/)).toMatch(/Kai/);
      await page.close();
    });
  }

  it('guards X Pro’s deck: its post column blocks a naming post and lets a clean one go once', async () => {
    const page = await guarded.chromium.page();
    await page.goto('https://pro.x.com/i/decks/1');
    await page.getByRole('button', { name: 'Create post' }).click();
    const column = page.locator('[data-testid="multi-column-layout-compose-column"]');
    await typeDraft(column, NAMING);
    await column.locator('[data-testid="tweetButton"]').click();
    await expectNothingPosted(guarded.server);
    expect(await waitForPanel(page, /Not posted/)).toMatch(/Kai/);

    await column.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('Owls: Our class assembly is on Friday.');
    await column.locator('[data-testid="tweetButton"]').click();
    const posted = await guarded.server.waitForPosts(1);
    expect(posted.map((post) => [post.host, post.text])).toEqual([['pro.x.com', 'Owls: Our class assembly is on Friday.']]);
    await page.close();
  });
});

describe('site access withheld', () => {
  afterAll(async () => {
    await onExtensionsPage((id) => (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_ALL_SITES' }));
  });

  it('“On click”: the popup and the options page say the guard cannot run on X, and why', async () => {
    await onExtensionsPage((id) => (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' }));
    const popup = await guarded.chromium.context.newPage();
    await popup.goto(`${guarded.chromium.extensionOrigin}/src/popup/index.html`);
    const warning = popup.getByRole('alert').filter({ hasText: 'not allowed to run on' });
    await expect(warning.textContent()).resolves.toMatch(/not allowed to run on x\.com, pro\.x\.com, twitter\.com\. Posts from there are not checked\..*Site access/);
    await expect(warning.getByRole('button', { name: 'Allow on X' }).count()).resolves.toBe(1);
    await popup.close();

    const options = await openOptions(guarded.chromium.context, guarded.chromium.extensionOrigin);
    await expect(options.getByRole('alert').filter({ hasText: 'not allowed to run on x.com' }).textContent()).resolves.toMatch(/Posts from there are not checked/);
    await options.close();
  });
});

describe('a tab opened while the extension was off', () => {
  /** Whether a guard answers in the X tab, asked from an extension page as the popup asks. */
  async function guardAnswers(): Promise<boolean> {
    const page = await guarded.chromium.context.newPage();
    try {
      await page.goto(`${guarded.chromium.extensionOrigin}/src/popup/index.html`);
      return await page.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ url: 'https://x.com/*' });
        if (tab?.id === undefined) return false;
        return chrome.tabs.sendMessage(tab.id, { type: 'tab-guard-status' }).then((answer) => answer !== undefined, () => false);
      });
    } finally {
      await page.close();
    }
  }

  it('is guarded once the extension is turned back on, without a reload, with the draft staff began meanwhile', async () => {
    await onExtensionsPage((id) => chrome.management.setEnabled(id, false));
    const page = await guarded.chromium.page();
    await page.goto('https://x.com/home');
    const composer = page.locator('[data-testid="primaryColumn"]');
    await typeDraft(composer, NAMING);
    await onExtensionsPage((id) => chrome.management.setEnabled(id, true));

    // The guard arrives in the open tab on its own, and checks the draft already there.
    await expect.poll(guardAnswers, { timeout: 15_000 }).toBe(true);
    await page.bringToFront();
    expect(await waitForPanel(page, /Kai/)).toMatch(/cannot go out/);
    await composer.locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded.server);
    expect(await waitForPanel(page, /Not posted/)).toMatch(/Kai/);
  });
});
