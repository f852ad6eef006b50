/**
 * The set-up most guard tests share: the X stand-in served as https://x.com, Chromium with the
 * built extension (dist/chrome, exactly as shipped) and, unless a test wants a fresh install,
 * the sample roster imported through the options page.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildXFixture } from './build-x-fixture';
import { pressInPanel, waitForPanel } from './guard-panel';
import { launchChromiumWithExtension, type ChromiumExtensionSession } from './chromium';
import { importRosterThroughOptions, setSettings } from './extension-setup';
import { gotoXHome } from './x-fixture-page';
import { startXServer, type PostedTweet, type XServer } from './x-server';
import type { SettingsInput } from '../../../src/shared/settings';

export const CHROME_BUILD = fileURLToPath(new URL('../../../dist/chrome/', import.meta.url));
export const FIREFOX_BUILD = fileURLToPath(new URL('../../../dist/firefox/', import.meta.url));
export const SAMPLE_ROSTER = fileURLToPath(new URL('../../fixtures/roster/sample-roster.csv', import.meta.url));

export interface GuardedBrowser {
  server: XServer;
  chromium: ChromiumExtensionSession;
  close(): Promise<void>;
}

export function requireBuild(dir: string): void {
  if (!existsSync(`${dir}/manifest.json`)) throw new Error(`${dir} is missing: run "npm run build" before the end-to-end tests.`);
}

/** `extensionDir`: another copy of the build (one whose _locales a test changed, as a school may); dist/chrome by default. */
export async function startGuardedBrowser(options: { roster?: boolean; settings?: SettingsInput; extraArgs?: string[]; extensionDir?: string } = {}): Promise<GuardedBrowser> {
  requireBuild(options.extensionDir ?? CHROME_BUILD);
  await buildXFixture();
  const server = await startXServer();
  const chromium = await launchChromiumWithExtension({ extensionDir: options.extensionDir ?? CHROME_BUILD, server, extraArgs: options.extraArgs });
  if (options.settings) await setSettings(chromium.context, chromium.extensionOrigin, options.settings);
  if (options.roster ?? true) await importRosterThroughOptions(chromium.context, chromium.extensionOrigin, SAMPLE_ROSTER);
  return {
    server,
    chromium,
    async close() {
      await chromium.close();
      await server.close();
    },
  };
}

/**
 * For a test file whose tests each start on a fresh https://x.com/home with the sample roster:
 * one browser for the file, the server's record cleared before each test.
 */
export function useGuardedHomePage(): { guarded: () => GuardedBrowser; page: () => Page } {
  let guarded: GuardedBrowser;
  let page: Page;
  beforeAll(async () => {
    guarded = await startGuardedBrowser();
    page = await guarded.chromium.page();
  });
  afterAll(async () => {
    await guarded?.close();
  });
  beforeEach(async () => {
    guarded.server.reset();
    await gotoXHome(page);
  });
  return { guarded: () => guarded, page: () => page };
}

const pause = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

/** Gives X's request time to arrive (it would within this), then checks the stand-in received none. */
export async function expectNothingPosted(server: XServer): Promise<void> {
  await pause(400);
  expect(await server.posted()).toEqual([]);
}

/** Waits for exactly one post to arrive, then checks no second one follows. */
export async function expectPostedOnce(server: XServer): Promise<PostedTweet> {
  await server.waitForPosts(1);
  await pause(300);
  const posted = await server.posted();
  expect(posted).toHaveLength(1);
  return posted[0] as PostedTweet;
}

/**
 * Post pressed on a draft with a photo: blocked for photo consent, confirmed from the panel by
 * keyboard, Post again, and what X received.
 */
export async function confirmPhotoConsentAndPost(page: Page, scope: Locator, server: XServer): Promise<PostedTweet> {
  await scope.locator('[data-testid="tweetButtonInline"]').click();
  await waitForPanel(page, /photo-consent/);
  await pressInPanel(page);
  await waitForPanel(page, /Ready to post/);
  await scope.locator('[data-testid="tweetButtonInline"]').click();
  const [post] = await server.waitForPosts(1);
  if (!post) throw new Error('X received no post');
  return post;
}

/**
 * Runs `body` while the pupil list in force is the sample roster imported again through the options
 * page, as a sync would bring it, with photo consent since given for `given` and withdrawn for
 * `withdrawn` (each "Surname,Forename" as the CSV has them); the sample roster is imported back after.
 */
export async function whileConsentChanged(guarded: GuardedBrowser, change: { given: string; withdrawn: string }, body: () => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'spg-consent-'));
  const changed = join(dir, 'consent-changed.csv');
  let edited = await readFile(SAMPLE_ROSTER, 'utf8');
  for (const [pupil, from, to] of [[change.given, 'No', 'Yes'], [change.withdrawn, 'Yes', 'No']] as const) {
    const row = new RegExp(`^(.*,${pupil},.*),${from}$`, 'm');
    if (!row.test(edited)) throw new Error(`${pupil} is not in the sample roster with photo consent "${from}"`);
    edited = edited.replace(row, `$1,${to}`);
  }
  await writeFile(changed, edited);
  const { context, extensionOrigin } = guarded.chromium;
  try {
    await importRosterThroughOptions(context, extensionOrigin, changed);
    await body();
  } finally {
    await importRosterThroughOptions(context, extensionOrigin, SAMPLE_ROSTER);
    await rm(dir, { recursive: true, force: true });
  }
}
