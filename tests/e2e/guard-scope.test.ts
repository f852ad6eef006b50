/**
 * When the guard guards, and that it fails closed: a fresh install with no roster, the school
 * account versus a personal one (whose photos are neither analysed nor warmed for), an extension
 * reloaded under an open tab, and what x.com's page (and the network) can learn.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../src/roster/csv-import';
import { PHOTO_CHECK_WAIT, waitForPanel } from './support/guard-panel';
import { SAMPLE_ROSTER, expectNothingPosted, startGuardedBrowser, type GuardedBrowser } from './support/guarded-browser';
import { plainJpeg } from './support/test-images';
import { composerScope, gotoXHome, typeDraft } from './support/x-fixture-page';

async function postFromInline(page: Page, text: string): Promise<void> {
  const scope = composerScope(page, 'inline');
  await typeDraft(scope, text);
  await scope.locator('[data-testid="tweetButtonInline"]').click();
  await page.waitForTimeout(400);
}

describe('a fresh install with no roster', () => {
  let guarded: GuardedBrowser;
  beforeAll(async () => {
    guarded = await startGuardedBrowser({ roster: false });
  });
  afterAll(async () => guarded?.close());

  it('blocks every post and says that no roster is loaded', async () => {
    const page = await guarded.chromium.page();
    await gotoXHome(page);
    await postFromInline(page, 'Owls: a perfectly ordinary post');
    expect(await guarded.server.posted()).toEqual([]);
    expect(await waitForPanel(page, /No pupil list is loaded/)).toMatch(/ICT lead/);
  });
});

describe('with school handles configured', () => {
  let guarded: GuardedBrowser;
  beforeAll(async () => {
    guarded = await startGuardedBrowser({ settings: { schoolHandles: ['PrimaryRedbourn'] } });
  });
  afterAll(async () => guarded?.close());

  it('guards the school account', async () => {
    const page = await guarded.chromium.page();
    guarded.server.reset();
    await gotoXHome(page, { as: 'PrimaryRedbourn' });
    await postFromInline(page, 'Owls: Well done Kai!');
    expect(await guarded.server.posted()).toEqual([]);
  });

  it('leaves a member of staff’s personal account alone', async () => {
    const page = await guarded.chromium.page();
    guarded.server.reset();
    await gotoXHome(page, { as: 'MrsPatelTeaches' });
    await postFromInline(page, 'Proud of my Owls today, well done Kai');
    expect((await guarded.server.waitForPosts(1)).map((tweet) => tweet.text)).toEqual(['Proud of my Owls today, well done Kai']);
  });

  // Nothing above opened a file chooser, so the models have not loaded in this browser yet.
  it('sends a personal account’s photo nowhere and loads no models for it', async () => {
    const page = await guarded.chromium.page();
    guarded.server.reset();
    await gotoXHome(page, { as: 'MrsPatelTeaches' });
    const scope = composerScope(page, 'inline');
    await chooseFile(page, scope, { name: 'IMG_1.JPG', mimeType: 'image/jpeg', buffer: plainJpeg() });
    await scope.locator('[data-testid="attachments"] [role="group"]').first().waitFor();
    await postFromInline(page, 'Lovely walk with the dog today');
    expect((await guarded.server.waitForPosts(1)).map((tweet) => tweet.text)).toEqual(['Lovely walk with the dog today']);
    expect(await photoCheckerOpen(page)).toBe(false);
  });

  it('loads the models for staff opening the file chooser on the school account, not for a page script’s click on the file input', async () => {
    const page = await guarded.chromium.page();
    await gotoXHome(page, { as: 'PrimaryRedbourn' });
    const scope = composerScope(page, 'inline');
    await page.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="primaryColumn"] input[data-testid="fileInput"]')?.click());
    await page.waitForTimeout(1_000);
    expect(await photoCheckerOpen(page)).toBe(false);
    const chooser = page.waitForEvent('filechooser');
    await scope.getByRole('button', { name: 'Add photos or video' }).click();
    await chooser;
    await expect.poll(() => photoCheckerOpen(page), { timeout: 15_000 }).toBe(true);
  });
});

/**
 * Whether the offscreen document that loads the photo models is open, from the browser's own list
 * of targets (Playwright does not list offscreen documents among a context's pages).
 */
async function photoCheckerOpen(page: Page): Promise<boolean> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
    return targetInfos.some((info) => info.url.includes('/src/offscreen/index.html'));
  } finally {
    await cdp.detach();
  }
}

/** Staff's way to attach: X's photo button, then the file chosen in the chooser it opens. */
async function chooseFile(page: Page, scope: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await scope.getByRole('button', { name: 'Add photos or video' }).click();
  await (await chooser).setFiles(file);
}

describe('a photo attached on a personal account, then the school account chosen', () => {
  let guarded: GuardedBrowser;
  beforeAll(async () => {
    guarded = await startGuardedBrowser({ settings: { schoolHandles: ['PrimaryRedbourn'] } });
  });
  afterAll(async () => guarded?.close());

  it('is checked before the school account may post it', { timeout: 180_000 }, async () => {
    const page = await guarded.chromium.page();
    // The compose dialog keeps its draft when staff switch accounts (as X Pro's composer does).
    await gotoXHome(page, { as: 'MrsPatelTeaches', path: '/compose/post' });
    const modal = composerScope(page, 'modal');
    await chooseFile(page, modal, { name: 'IMG_2.JPG', mimeType: 'image/jpeg', buffer: plainJpeg() });
    await modal.locator('[data-testid="attachments"] [role="group"]').first().waitFor();
    await page.waitForTimeout(1_000);
    expect(await photoCheckerOpen(page)).toBe(false);
    await page.evaluate(() => window.__xFixture?.switchAccount('PrimaryRedbourn'));
    await typeDraft(modal, 'Owls: pond dipping this morning');
    await modal.locator('[data-testid="tweetButton"]').click();
    await waitForPanel(page, /photo-consent/, 2 * PHOTO_CHECK_WAIT);
    await expectNothingPosted(guarded.server);
    expect(await photoCheckerOpen(page)).toBe(true);
  });
});

describe('an extension reloaded under an open tab', () => {
  let guarded: GuardedBrowser;
  beforeAll(async () => {
    guarded = await startGuardedBrowser();
  });
  afterAll(async () => guarded?.close());

  it('leaves the tab unable to post a pupil’s name, and says to reload', async () => {
    const page = await guarded.chromium.page();
    await gotoXHome(page);
    const extensionPage = await guarded.chromium.context.newPage();
    await extensionPage.goto(`${guarded.chromium.extensionOrigin}/src/popup/index.html`);
    await extensionPage.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await page.bringToFront();
    guarded.server.reset();
    await postFromInline(page, 'Owls: Congratulations Ada!');
    expect(await guarded.server.posted()).toEqual([]);
    expect(await waitForPanel(page, /Reload this page/)).toMatch(/updated or restarted/);
    // The old script fails closed on clean posts too, and the backstop refuses the direct route.
    const direct = await page.evaluate(() =>
      fetch('/i/api/graphql/Q/CreateTweet', { method: 'POST', body: JSON.stringify({ variables: { tweet_text: 'Owls: Ada Nowak' } }) }).then(() => 'sent', String),
    );
    expect(direct).toMatch(/School Post Guard stopped this post/);
    expect(await guarded.server.posted()).toEqual([]);
  });
});

describe('what x.com and the network can learn', () => {
  let guarded: GuardedBrowser;
  let netLogDir: string;
  let netLog: string;
  beforeAll(async () => {
    netLogDir = await mkdtemp(join(tmpdir(), 'spg-netlog-'));
    netLog = join(netLogDir, 'net.json');
    guarded = await startGuardedBrowser({ extraArgs: [`--log-net-log=${netLog}`] });
  });
  afterAll(async () => {
    // The test closes the browser itself to read the finished net log.
    await guarded?.close().catch(() => undefined);
    await rm(netLogDir, { recursive: true, force: true });
  });

  it('holds no roster name the draft did not contain, and the extension makes no request of its own', async () => {
    const page = await guarded.chromium.page();
    await gotoXHome(page);
    const scope = composerScope(page, 'inline');
    await typeDraft(scope, 'Owls: Well done Kai!');
    await scope.locator('input[data-testid="fileInput"]').setInputFiles({ name: 'IMG_1.JPG', mimeType: 'image/jpeg', buffer: plainJpeg() });
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    await waitForPanel(page, /Kai/, PHOTO_CHECK_WAIT);

    const roster = parseRosterCsv(await readFile(SAMPLE_ROSTER), 'sample-roster.csv');
    if (!roster.ok) throw new Error('sample roster does not parse');
    const otherNames = roster.pupils.filter((pupil) => pupil.forename !== 'Kai').map((pupil) => pupil.surname);

    const visibleToPage = await page.evaluate(async () => {
      const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
      return [document.documentElement.outerHTML, JSON.stringify(localStorage), JSON.stringify(sessionStorage), document.cookie, JSON.stringify(databases)].join('\n');
    });
    for (const surname of otherNames) expect(visibleToPage).not.toContain(surname);

    const requestsToServer = guarded.server.requests().map((request) => `${request.method} ${request.host}${request.path}`).join('\n');
    for (const surname of otherNames) expect(requestsToServer).not.toContain(surname);

    await guarded.close();
    const requests = startedRequests(JSON.parse(await readFile(netLog, 'utf8')) as NetLog);
    // Chromium's own housekeeping (component updates, sign-in) has no initiating origin.
    const fromPagesOrExtensions = requests.filter((request) => request.initiator !== 'not an origin');
    expect(fromPagesOrExtensions.length).toBeGreaterThan(0);
    expect(fromPagesOrExtensions.filter((request) => request.initiator.startsWith('chrome-extension://'))).toEqual([]);
    expect([...new Set(fromPagesOrExtensions.map((request) => new URL(request.url).host))]).toEqual(['x.com']);
  });
});

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
}

/** Every HTTP(S) request the browser started, with the origin that asked for it. */
function startedRequests(log: NetLog): { url: string; initiator: string }[] {
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((event) => event.type === start && /^https?:/.test(event.params?.url ?? ''))
    .map((event) => ({ url: event.params?.url ?? '', initiator: event.params?.initiator ?? '' }));
}
