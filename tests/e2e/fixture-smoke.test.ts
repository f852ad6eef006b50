/**
 * Smoke tests for the end-to-end harness itself, before any guard is involved: the X stand-in
 * behaves like X's composer (keyboard, Post button, Ctrl+Enter, threads, the modal composer, media
 * and descriptions) and the browser launchers load an extension whose content script runs on
 * https://x.com/home, in Chromium and in Firefox. The extension here is a throwaway probe, so
 * these tests do not depend on the real build.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildXFixture } from './support/build-x-fixture';
import { launchChromium, launchChromiumWithExtension, unpackedExtensionId, type ChromiumExtensionSession } from './support/chromium';
import { launchFirefoxWithExtension, type FirefoxExtensionSession } from './support/firefox';
import { composerScope, gotoXHome, typeDraft } from './support/x-fixture-page';
import { startXServer, type XServer } from './support/x-server';

const PROBE_GECKO_ID = 'probe@school-post-guard.test';
const BACKGROUND_PROBE_PATH = '/__probe/background';

/**
 * The smallest MV3 extension that proves a launcher works: a content script on https://x.com/*
 * that marks the page and records its own extension's base URL, and a background that fetches
 * from https://x.com as a roster sync would (so the extension's own requests reach the server
 * and its certificate is accepted there too). Chromium runs a service worker background (which is
 * how the launcher learns the id); Firefox wants background.scripts.
 */
async function writeProbeExtension(dir: string, browser: 'chromium' | 'firefox'): Promise<void> {
  await mkdir(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Harness probe',
    version: '1.0.0',
    background: browser === 'chromium' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    host_permissions: ['https://x.com/*'],
    content_scripts: [{ matches: ['https://x.com/*'], js: ['probe.js'], run_at: 'document_start' }],
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: PROBE_GECKO_ID } } } : {}),
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'background.js'), `fetch('https://x.com${BACKGROUND_PROBE_PATH}?from=${browser}').catch(() => {});\n`);
  await writeFile(
    join(dir, 'probe.js'),
    [
      'const api = globalThis.browser ?? globalThis.chrome;',
      "document.documentElement.dataset.probe = '1';",
      "document.documentElement.dataset.probeBase = api.runtime.getURL('');",
      '',
    ].join('\n'),
  );
}

/** A valid 2×2 PNG made here, so the test ships no binary. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 0]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

let server: XServer;
let workDir: string;
/** Which browsers' probe backgrounds reached the server (through addRoute, which outlives reset()). */
const backgroundFetches: string[] = [];

beforeAll(async () => {
  const build = await buildXFixture();
  console.log(`X fixture ${build.built ? `built in ${build.milliseconds} ms` : 'up to date'}`);
  server = await startXServer();
  server.addRoute('GET', BACKGROUND_PROBE_PATH, (request, response) => {
    backgroundFetches.push(new URL(request.url ?? '', 'https://x.com').searchParams.get('from') ?? '?');
    response.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
    response.end('ok');
  });
  workDir = await mkdtemp(join(tmpdir(), 'spg-fixture-smoke-'));
});

afterAll(async () => {
  await server?.close();
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

beforeEach(() => server.reset());

describe('the X stand-in in Chromium', () => {
  let chromium: ChromiumExtensionSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const extensionDir = join(workDir, 'probe-chromium');
    await writeProbeExtension(extensionDir, 'chromium');
    chromium = await launchChromiumWithExtension({ extensionDir, server });
    page = await chromium.page();
    // The fixture must run cleanly under the X-like CSP: no script errors, no blocked resources.
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await chromium?.close();
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('loads the extension, whose content script runs on https://x.com/home', async () => {
    await gotoXHome(page);
    expect(page.url()).toBe('https://x.com/home');
    expect(await page.evaluate(() => document.documentElement.dataset.probe)).toBe('1');
    expect(await page.evaluate(() => document.documentElement.dataset.probeBase)).toBe(`${chromium.extensionOrigin}/`);
    expect(chromium.extensionId).toBe(await unpackedExtensionId(join(workDir, 'probe-chromium')));
    await expect.poll(() => backgroundFetches).toContain('chromium');
    // The page came from our server, as x.com, under an X-like CSP.
    expect(server.requests()).toContainEqual(expect.objectContaining({ method: 'GET', host: 'x.com', path: '/home' }));
  });

  it('renders the shell and the composer with the markup X has', async () => {
    await gotoXHome(page, { as: 'PrimaryRedbourn' });
    await expect(page.locator('#react-root #layers').count()).resolves.toBe(1);
    const switcher = page.locator('[data-testid="SideNav_AccountSwitcher_Button"]');
    await expect(switcher.locator('[data-testid="UserAvatar-Container-PrimaryRedbourn"]').count()).resolves.toBe(1);
    await expect(page.locator('main[role="main"] [data-testid="primaryColumn"]').count()).resolves.toBe(1);

    const editor = page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    expect(await editor.evaluate((element) => [element.getAttribute('role'), element.getAttribute('aria-multiline'), element.getAttribute('contenteditable'), element.classList.contains('public-DraftEditor-content')])).toEqual(['textbox', 'true', 'true', true]);
    await expect(page.locator('.public-DraftEditorPlaceholder-inner').first().textContent()).resolves.toBe('What is happening?!');

    const post = page.locator('[data-testid="tweetButtonInline"]');
    expect(await post.evaluate((button) => [button.tagName, button.getAttribute('type'), button.getAttribute('role'), (button as HTMLButtonElement).disabled, button.getAttribute('aria-disabled')])).toEqual(['BUTTON', 'button', 'button', true, 'true']);

    await typeDraft(composerScope(page, 'inline'), 'Oak: #sports day\nsecond line');
    // Draft's own paragraphs and text spans, with the hashtag split out by the decorator.
    await expect(editor.locator('div[data-block="true"]').count()).resolves.toBe(2);
    expect(await editor.locator('span[data-text="true"]').allTextContents()).toEqual(['Oak: ', '#sports', ' day', 'second line']);
    expect(await post.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(false);
    await expect(post.textContent()).resolves.toBe('Post');

    // Switching accounts without a reload re-renders the column (a new composer) for the other handle.
    await switcher.click();
    await page.locator('[data-testid="switchAccount-MrsPatelTeaches"]').click();
    await page.locator('[data-testid="UserAvatar-Container-MrsPatelTeaches"]').waitFor();
    await expect(editor.textContent()).resolves.toBe('');
    expect(server.requests().filter((request) => request.path.startsWith('/home'))).toHaveLength(1);
  });

  it('posts what was typed when Post is clicked: one CreateTweet, then a cleared editor and a toast', async () => {
    await gotoXHome(page);
    const scope = composerScope(page, 'inline');
    await typeDraft(scope, 'Owls: hello');
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    await page.locator('[data-testid="toast"]', { hasText: 'Your post was sent.' }).waitFor();

    const posted = await server.posted();
    expect(posted.map(({ text, media, inReplyTo }) => ({ text, media, inReplyTo }))).toEqual([{ text: 'Owls: hello', media: [], inReplyTo: null }]);
    expect(posted[0]?.host).toBe('x.com');
    expect(server.requests().filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      expect.stringMatching(/^\/i\/api\/graphql\/[^/]+\/CreateTweet$/),
    ]);
    await expect(scope.locator('[data-testid="tweetTextarea_0"]').textContent()).resolves.toBe('');
  });

  it('posts on Ctrl+Enter and on Cmd+Enter, with the text of that instant', async () => {
    await gotoXHome(page);
    const scope = composerScope(page, 'inline');
    await typeDraft(scope, 'Owls: keyboard');
    await page.keyboard.press('Control+Enter');
    await server.waitForPosts(1);
    await page.locator('[data-testid="toast"]').waitFor();
    await typeDraft(scope, 'Owls: mac keyboard');
    await page.keyboard.press('Meta+Enter');
    const posted = await server.waitForPosts(2);
    expect(posted.map((tweet) => tweet.text)).toEqual(['Owls: keyboard', 'Owls: mac keyboard']);
  });

  it('posts a thread as a first post and a reply to it, in order', async () => {
    await gotoXHome(page);
    const scope = composerScope(page, 'inline');
    await typeDraft(scope, 'Owls: part one');
    await scope.locator('[data-testid="addButton"]').click();
    // "Add post" focuses the new editor, as on X.
    await expect(scope.locator('[data-testid="tweetTextarea_1"]').evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('part two');
    await expect(scope.locator('[data-testid="tweetButtonInline"]').textContent()).resolves.toBe('Post all');
    await scope.locator('[data-testid="tweetButtonInline"]').click();

    const posted = await server.waitForPosts(2);
    expect(posted.map((tweet) => tweet.text)).toEqual(['Owls: part one', 'part two']);
    expect(posted[0]?.inReplyTo).toBeNull();
    expect(posted[1]?.inReplyTo).toBe(posted[0]?.id);
  });

  it('opens the modal composer at /compose/post without a reload and posts with tweetButton', async () => {
    await gotoXHome(page);
    await page.locator('a[href="/compose/post"][data-testid="SideNav_NewTweet_Button"]').click();
    await page.waitForURL('https://x.com/compose/post');
    const dialog = composerScope(page, 'modal');
    // The modal's editor has focus, as on X, so typing goes straight in.
    await expect(dialog.locator('[data-testid="tweetTextarea_0"]').evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('Owls: from the dialog');
    await dialog.locator('[data-testid="tweetButton"]').click();

    const posted = await server.waitForPosts(1);
    expect(posted.map((tweet) => tweet.text)).toEqual(['Owls: from the dialog']);
    await page.waitForURL('https://x.com/home');
    await expect(page.locator('#layers [role="dialog"]').count()).resolves.toBe(0);
    expect(server.requests().filter((request) => request.method === 'GET' && !request.path.startsWith('/assets/')).map((request) => request.path)).toEqual(['/home']);
  });

  it('attaches a chosen file, saves its description and uploads both with the post', async () => {
    await gotoXHome(page);
    const scope = composerScope(page, 'inline');
    const png = tinyPng();
    await scope.locator('input[data-testid="fileInput"]').setInputFiles({ name: 'owls-pond-dipping.png', mimeType: 'image/png', buffer: png });
    const item = scope.locator('[data-testid="attachments"] [role="group"]');
    await expect(item.count()).resolves.toBe(1);
    expect(await item.locator('img').getAttribute('src')).toMatch(/^blob:https:\/\/x\.com\//);
    // Like X, the file name appears nowhere on the page.
    await expect(page.locator('body').textContent()).resolves.not.toContain('owls-pond-dipping');
    // X clears the input's value after reading its files.
    await expect(scope.locator('input[data-testid="fileInput"]').inputValue()).resolves.toBe('');

    await item.getByRole('button', { name: 'Add description' }).click();
    const altText = page.locator('#layers [role="dialog"] textarea[data-testid="altTextInput"]');
    await altText.fill('Children pond dipping');
    await page.locator('#layers [data-testid="endEditingButton"]').click();
    await expect(item.locator('img').getAttribute('alt')).resolves.toBe('Children pond dipping');

    await typeDraft(scope, 'Owls: pond dipping');
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    const posted = await server.waitForPosts(1);
    expect(posted[0]?.text).toBe('Owls: pond dipping');
    expect(posted[0]?.media).toEqual([expect.objectContaining({ name: 'owls-pond-dipping.png', size: png.length, type: 'image/png', altText: 'Children pond dipping' })]);
  });
});

describe('Chromium without an extension', () => {
  it('serves the stand-in alone, and nothing marks the page', async () => {
    const chromium = await launchChromium({ server });
    try {
      const page = await chromium.page();
      await gotoXHome(page);
      expect(await page.evaluate(() => document.documentElement.dataset.probe)).toBeUndefined();
      await typeDraft(composerScope(page, 'inline'), 'Owls: no guard here');
      await page.keyboard.press('Control+Enter');
      expect((await server.waitForPosts(1)).map((tweet) => tweet.text)).toEqual(['Owls: no guard here']);
    } finally {
      await chromium.close();
    }
  });
});

describe('Firefox', () => {
  let firefox: FirefoxExtensionSession;

  beforeAll(async () => {
    const extensionDir = join(workDir, 'probe-firefox');
    await writeProbeExtension(extensionDir, 'firefox');
    firefox = await launchFirefoxWithExtension({ extensionDir, server });
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('installs the add-on, whose content script runs on https://x.com/home, and the composer posts', async () => {
    const page = await firefox.page();
    await page.goto('https://x.com/home');
    await page.waitForSelector('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    expect(await page.evaluate(() => document.documentElement.dataset.probe)).toBe('1');
    expect(await page.evaluate(() => document.documentElement.dataset.probeBase)).toBe(`${firefox.extensionOrigin}/`);
    await expect.poll(() => backgroundFetches).toContain('firefox');

    await page.click('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await page.keyboard.type('Owls: from Firefox');
    await page.click('[data-testid="tweetButtonInline"]');
    const posted = await server.waitForPosts(1);
    expect(posted.map((tweet) => tweet.text)).toEqual(['Owls: from Firefox']);
    expect(firefox.refusedHosts().filter((host) => /(^|\.)(x|twitter)\.com:/.test(host))).toEqual([]);
    // Nothing else was even attempted: Firefox's own background traffic is switched off.
    expect(firefox.refusedHosts()).toEqual([]);
  });

  it('posts from the modal composer on Ctrl+Enter, with a file chosen through the file input', async () => {
    const page = await firefox.page();
    await page.goto('https://x.com/home');
    await page.click('a[data-testid="SideNav_NewTweet_Button"]');
    await page.waitForSelector('#layers [role="dialog"] [data-testid="tweetTextarea_0"]');
    const file = join(workDir, 'owls-trip.png');
    await writeFile(file, tinyPng());
    const input = await page.$('#layers [role="dialog"] input[data-testid="fileInput"]');
    await input?.uploadFile(file);
    await page.waitForSelector('#layers [role="dialog"] [data-testid="attachments"] [role="group"] img');
    await page.click('#layers [role="dialog"] [data-testid="tweetTextarea_0"]');
    await page.keyboard.type('Owls: trip');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    const posted = await server.waitForPosts(1);
    expect(posted.map((tweet) => [tweet.text, tweet.media.map((media) => media.name)])).toEqual([['Owls: trip', ['owls-trip.png']]]);
    await page.waitForFunction(() => location.pathname === '/home' && document.querySelector('#layers [role="dialog"]') === null);
  });
});
