/**
 * The options page in real Chromium with dist/chrome: importing a roster through "Import roster"
 * changes what an already open x.com composer blocks, without reloading it; a broken file changes
 * nothing; an earlier version can be restored; sync from an HTTPS address works, and a failing
 * one keeps the roster. axe-core finds no violations on any section.
 */
import AxeBuilder from '@axe-core/playwright';
import { strToU8, zipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildXFixture } from './support/build-x-fixture';
import { launchChromiumWithExtension, type ChromiumExtensionSession } from './support/chromium';
import { CHROME_BUILD, requireBuild, SAMPLE_ROSTER } from './support/guarded-browser';
import { composerScope, gotoXHome, typeDraft } from './support/x-fixture-page';
import { startXServer, type XServer } from './support/x-server';

const BAD_CONSENT_ROSTER = fileURLToPath(new URL('../fixtures/roster/bad-consent.csv', import.meta.url));
/** Served by the X stand-in (the only server the test browser can reach). */
const SYNC_PATH = '/school-files/roster.csv';
const SYNC_URL = `https://x.com${SYNC_PATH}`;

/**
 * permissions.request opens a browser dialog that headless Chromium cannot answer, and Chromium
 * has no switch to accept it (only C++ test hooks). So the test answers "Allow" for it: in the
 * options page before its scripts run, and in the service worker before it first syncs.
 */
function grantEveryHostPermission(): void {
  const granted = new Set<string>();
  chrome.permissions.request = (async (request: chrome.permissions.Permissions) => {
    for (const origin of request.origins ?? []) granted.add(origin);
    return true;
  }) as typeof chrome.permissions.request;
  chrome.permissions.contains = (async () => true) as typeof chrome.permissions.contains;
}

/** Two pupils in Owls, none of them Samuel Knight (who is in the sample roster). */
const SMALL_ROSTER = 'Forename,Surname,Class,Photo consent\r\nTest,Pupil,Owls,Yes\r\nOther,Child,Owls,No\r\n';
const NAMING_POST = 'Owls: Samuel Knight read beautifully today.';

let server: XServer;
let chromium: ChromiumExtensionSession;
let options: Page;
let x: Page;

beforeAll(async () => {
  requireBuild(CHROME_BUILD);
  await buildXFixture();
  server = await startXServer();
  chromium = await launchChromiumWithExtension({ extensionDir: CHROME_BUILD, server });
  options = await chromium.page();
  await options.addInitScript(grantEveryHostPermission);
  await options.goto(`${chromium.extensionOrigin}/src/options/index.html`);
  x = await chromium.context.newPage();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function chooseRoster(file: string | { name: string; text: string }): Promise<void> {
  await options.bringToFront();
  const input = options.getByLabel('Import roster', { exact: true });
  if (typeof file === 'string') await input.setInputFiles(file);
  else await input.setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
}

async function replaceRoster(pupilCount: number): Promise<void> {
  await options.getByRole('button', { name: 'Replace roster' }).click();
  await options.getByRole('status').filter({ hasText: `Roster updated: ${pupilCount} pupils` }).waitFor();
}

/** Types `text` into the composer of the x.com tab opened once (never reloaded) and clicks Post. */
async function tryToPost(text: string): Promise<boolean> {
  await x.bringToFront();
  // Opened once; from then on never reloaded, so new rosters must reach it live.
  if (!x.url().startsWith('https://x.com/')) await gotoXHome(x);
  server.reset();
  const scope = composerScope(x, 'inline');
  await typeDraft(scope, text);
  await scope.locator('[data-testid="tweetButtonInline"]').click();
  // Time for X's handlers, and for a post that should not happen, to reach the server.
  await x.waitForTimeout(1000);
  const posted = (await server.posted()).map((tweet) => tweet.text);
  if (posted.length === 0) {
    // Leave the composer empty for the next attempt.
    await scope.locator('[data-testid="tweetTextarea_0"]').click();
    await x.keyboard.press('Control+A');
    await x.keyboard.press('Delete');
  }
  return posted.includes(text);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('importing a roster', () => {
  it('starts from a small roster, with which the open composer lets a post through', async () => {
    await chooseRoster({ name: 'small.csv', text: SMALL_ROSTER });
    await options.getByRole('heading', { name: /Check the changes from “small.csv”/ }).waitFor();
    await replaceRoster(2);
    await gotoXHome(x);
    expect(await tryToPost(NAMING_POST)).toBe(true);
  });

  it('shows a preview with counts and withdrawn consent first, and then the open composer blocks the new names without a reload', async () => {
    const sample = await readFile(SAMPLE_ROSTER, 'utf8');
    const pupilCount = sample.trim().split(/\r?\n/).length - 1;
    await chooseRoster(SAMPLE_ROSTER);
    const preview = options.locator('.preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain(`The roster now has 2 pupils; after the import it will have ${pupilCount}: ${pupilCount} added, 2 removed`);
    await expectNoAxeViolations(options);
    await replaceRoster(pupilCount);

    const urlBefore = x.url();
    expect(await tryToPost(NAMING_POST)).toBe(false);
    expect(x.url()).toBe(urlBefore);
  });

  it('highlights a withdrawn photo consent ahead of other changes', async () => {
    const sample = await readFile(SAMPLE_ROSTER, 'utf8');
    // Samuel Knight's consent withdrawn; everyone else unchanged.
    const withdrawn = sample.replace(/^(T90000000017,Knight,Samuel,Sam,Owls,2,)Yes$/m, '$1No');
    expect(withdrawn).not.toBe(sample);
    await chooseRoster({ name: 'withdrawn.csv', text: withdrawn });
    const block = options.locator('.preview .consent-withdrawn');
    await block.waitFor();
    await expect(block.textContent()).resolves.toMatch(/Photo consent withdrawn \(1\).*Sam Knight \(Owls\)/);
    await options.getByRole('button', { name: 'Cancel' }).click();
    await expect(options.locator('.preview').count()).resolves.toBe(0);
  });

  it('refuses a broken file with row-level problems, and the roster in force still guards', async () => {
    await chooseRoster(BAD_CONSENT_ROSTER);
    const alert = options.getByRole('alert').filter({ hasText: 'was not imported' });
    await alert.waitFor();
    const problems = await options.locator('.problems li').allTextContents();
    expect(problems).toEqual([
      'row 3, "Photo consent": \'maybe\' is not Yes/No (Y/N, True/False and 1/0 also work)',
      'row 5, "Photo consent": the cell is empty; write Yes or No',
    ]);
    await expect(options.getByRole('button', { name: 'Replace roster' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(options);

    // The choice to import only the valid rows leads to the usual preview, which can be cancelled.
    await options.getByRole('button', { name: 'Import only the valid rows' }).click();
    await expect(options.locator('.preview').textContent()).resolves.toContain('after the import it will have 2');
    await options.getByRole('button', { name: 'Cancel' }).click();

    expect(await tryToPost(NAMING_POST)).toBe(false);
  });
});

describe('roster versions', () => {
  it('restores the earlier roster in one step, and the open composer follows', async () => {
    await options.bringToFront();
    await options.reload();
    await options.getByRole('button', { name: /^Restore the roster imported .* \(2 pupils\)$/ }).click();
    await options.getByRole('status').filter({ hasText: 'Roster restored: 2 pupils' }).waitFor();
    expect(await tryToPost(NAMING_POST)).toBe(true);
  });
});

describe('roster sync', () => {
  it('syncs from an HTTPS address, and a failing address keeps the roster and says when the last good sync was', async () => {
    const sample = await readFile(SAMPLE_ROSTER);
    let failing = false;
    server.addRoute('GET', SYNC_PATH, (_request, response) => {
      if (failing) {
        response.writeHead(503, { 'content-type': 'text/plain' });
        response.end('down for maintenance');
        return;
      }
      // CORS allows the read without the host permission that the test could only pretend to grant.
      response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
      response.end(sample);
    });

    const [worker] = chromium.context.serviceWorkers();
    await worker?.evaluate(grantEveryHostPermission);
    await options.bringToFront();
    await options.getByLabel('Roster sync address').fill(SYNC_URL);
    await options.getByRole('button', { name: 'Save sync settings' }).click();
    await options.getByRole('status').filter({ hasText: 'Sync settings saved.' }).waitFor();
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByRole('status').filter({ hasText: 'Synced.' }).waitFor();
    await expect(options.locator('.sync-status').textContent()).resolves.not.toContain('never');
    expect(await tryToPost(NAMING_POST)).toBe(false);

    failing = true;
    await options.bringToFront();
    await options.getByRole('button', { name: 'Sync now' }).click();
    const alert = options.getByRole('alert').filter({ hasText: 'The last sync failed, and the roster in use was kept' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('503');
    await expect(options.locator('.sync-status').textContent()).resolves.toMatch(/Last good sync\d/);
    expect(await tryToPost(NAMING_POST)).toBe(false);
  });
});

describe('archive check', () => {
  it('lists the posts of an X data archive that break the policy now, with links to them', async () => {
    const tweets = [
      { tweet: { id_str: '1800000000000000001', created_at: 'Mon Jun 02 09:00:00 +0000 2025', full_text: NAMING_POST } },
      { tweet: { id_str: '1800000000000000002', created_at: 'Tue Jun 03 09:00:00 +0000 2025', full_text: 'Owls: a lovely day of pond dipping.' } },
    ];
    const zip = zipSync({ 'data/tweets.js': strToU8(`window.YTD.tweets.part0 = ${JSON.stringify(tweets)}`) });
    await options.bringToFront();
    await options.goto(`${chromium.extensionOrigin}/src/options/index.html#archive`);
    await options.getByLabel('X data archive (.zip)').setInputFiles({ name: 'twitter-archive.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await options.getByRole('status').filter({ hasText: '2 posts checked: 1 break the policy, 0 to review.' }).waitFor();
    const link = options.getByRole('link', { name: /2025/ });
    await expect(link.getAttribute('href')).resolves.toBe('https://x.com/i/web/status/1800000000000000001');
    await expect(options.getByRole('row').nth(1).textContent()).resolves.toContain('Pupil’s name');
  });
});

describe('accessibility', () => {
  it.each(['roster', 'classes', 'rules', 'settings', 'activity', 'archive'])('the %s section has no axe-core violations', async (section) => {
    await options.bringToFront();
    await options.goto(`${chromium.extensionOrigin}/src/options/index.html#${section}`);
    await options.getByRole('heading', { level: 2 }).first().waitFor();
    await expectNoAxeViolations(options);
  });
});
