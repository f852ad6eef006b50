/**
 * The options page in real Chromium with dist/chrome: importing a roster through "Import pupil list"
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
  if (!/#roster$|index\.html$/.test(options.url())) await options.goto(`${chromium.extensionOrigin}/src/options/index.html#roster`);
  const input = options.getByLabel('Import pupil list', { exact: true });
  if (typeof file === 'string') await input.setInputFiles(file);
  else await input.setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
}

/** `removing`: the file removes more than a third of the pupils, so the page asks a second time. */
async function replaceRoster(pupilCount: number, removing?: number): Promise<void> {
  await options.getByRole('button', { name: 'Replace pupil list' }).click();
  if (removing !== undefined) await options.getByRole('button', { name: `Yes, remove ${removing} pupils and replace the pupil list` }).click();
  await options.getByRole('status').filter({ hasText: `Pupil list updated: ${pupilCount} pupils` }).waitFor();
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
    // A fresh install says, as an alert, that nobody can post until a pupil list is imported.
    const none = options.getByRole('alert').filter({ hasText: 'No pupil list is loaded, so staff cannot post on X.' });
    await none.getByRole('heading').waitFor();
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
    await expect(preview.textContent()).resolves.toContain(`The pupil list now has 2 pupils; after the import it will have ${pupilCount}: ${pupilCount} added, 2 removed`);
    await expectNoAxeViolations(options);
    await replaceRoster(pupilCount, 2);

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

  it('refuses a broken file with its problems said once, and the list in force still guards', async () => {
    await chooseRoster(BAD_CONSENT_ROSTER);
    const alert = options.getByRole('alert').filter({ hasText: 'was not imported' });
    await alert.waitFor();
    const problems = await options.locator('.problems li').allTextContents();
    expect(problems).toEqual([expect.stringMatching(/^"Photo consent": 2 pupils have no consent value the guard can read — 'maybe' \(row 3\), empty \(row 5\)\./)]);
    await expect(options.getByRole('button', { name: 'Replace pupil list' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(options);
    await options.getByRole('button', { name: 'Cancel' }).click();
    expect(await tryToPost(NAMING_POST)).toBe(false);
  });

  it('"Import only the valid rows" keeps every named pupil (unreadable consent = no consent), lists the rows left out, and asks twice before a small file replaces a big list', async () => {
    const file = [
      'Forename,Surname,Class,Photo consent,Shoe size',
      'Oliver,Bennett,Hedgehogs,Yes,3',
      'Poppy,Hughes,Hedgehogs,maybe,4',
      'Holly,Carter,Hedgehogs,,2',
      ',,Hedgehogs,Yes,5',
    ].join('\r\n');
    await chooseRoster({ name: 'class-list.csv', text: file });
    await options.getByRole('button', { name: 'Import only the valid rows' }).click();
    const preview = options.locator('.preview');
    await preview.waitFor();
    const text = await preview.textContent();
    expect(text).toContain('after the import it will have 3');
    expect(text).toContain('2 pupils will have photo consent = no, because their photo-consent cell is empty or not a value the guard can read');
    expect(text).toContain('Rows left out, without a usable name: 1');
    expect(text).toContain('Row 5: no name');
    // The file's notes survive this path.
    expect(text).toContain('Columns not used: "Shoe size".');
    // 3 pupils over 30: said prominently, and asked again.
    const warning = options.getByRole('alert').filter({ hasText: 'This file removes 30 of the 30 pupils' });
    await expect(warning.count()).resolves.toBe(1);
    await expectNoAxeViolations(options);
    await options.getByRole('button', { name: 'Replace pupil list' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Pupil list updated: 3 pupils' }).count()).resolves.toBe(0);
    await options.getByText('Replace the pupil list of 30 pupils with this file of 3?').waitFor();
    await options.getByRole('button', { name: 'Yes, remove 30 pupils and replace the pupil list' }).click();
    await options.getByRole('status').filter({ hasText: 'Pupil list updated: 3 pupils' }).waitFor();

    // Holly's consent cell was empty: she is still a pupil the guard protects.
    expect(await tryToPost('Hedgehogs: Holly Carter planted sunflowers.')).toBe(false);
  });
});

describe('a preview overtaken by another pupil list', () => {
  it('is made again against the list now in force and said plainly; nothing is replaced until the ICT lead confirms again', async () => {
    // In force: class-list.csv (Oliver, Poppy, Holly). The file previewed adds Ivy and Ada.
    const header = 'Forename,Surname,Class,Photo consent';
    const hedgehogs = ['Oliver,Bennett,Hedgehogs,Yes', 'Poppy,Hughes,Hedgehogs,No', 'Holly,Carter,Hedgehogs,No'];
    await chooseRoster({ name: 'autumn.csv', text: [header, ...hedgehogs, 'Ivy,Moss,Hedgehogs,Yes', 'Ada,Lovell,Hedgehogs,Yes'].join('\r\n') });
    const preview = options.locator('.preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('The pupil list now has 3 pupils; after the import it will have 5: 2 added, 0 removed');

    // Meanwhile another pupil list comes into force (another options page here; a sync does the same), with Samuel Knight in it.
    const other = await chromium.context.newPage();
    await other.goto(`${chromium.extensionOrigin}/src/options/index.html#roster`);
    await other.getByLabel('Import pupil list', { exact: true }).setInputFiles({ name: 'office.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...hedgehogs, 'Samuel,Knight,Owls,Yes'].join('\r\n')) });
    await other.getByRole('button', { name: 'Replace pupil list' }).click();
    await other.getByRole('status').filter({ hasText: 'Pupil list updated: 4 pupils' }).waitFor();
    await other.close();

    await options.bringToFront();
    await options.getByRole('button', { name: 'Replace pupil list' }).click();
    await options.getByRole('alert').filter({ hasText: 'The pupil list changed while you were checking this preview' }).waitFor();
    const redone = (await preview.textContent()) ?? '';
    expect(redone).toContain('The pupil list now has 4 pupils; after the import it will have 5: 2 added, 1 removed');
    expect(redone).toMatch(/Removed \(1\).*Samuel Knight \(Owls\)/);
    await expect(options.getByRole('status').filter({ hasText: 'Pupil list updated: 5 pupils' }).count()).resolves.toBe(0);
    // The list in force is still the other one: Samuel Knight is guarded.
    const naming = 'Hedgehogs: Samuel Knight read beautifully today.';
    expect(await tryToPost(naming)).toBe(false);

    await options.bringToFront();
    await replaceRoster(5);
    expect(await tryToPost(naming)).toBe(true);
  });
});

describe('roster versions', () => {
  it('restores the earlier roster in one step, and the open composer follows', async () => {
    await options.bringToFront();
    await options.reload();
    await options.getByRole('button', { name: /^Restore the pupil list imported .* \(2 pupils\)$/ }).click();
    await options.getByRole('status').filter({ hasText: 'Pupil list restored: 2 pupils' }).waitFor();
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
    await options.getByLabel('Pupil list sync address').fill(SYNC_URL);
    await options.getByRole('button', { name: 'Save sync settings' }).click();
    await options.getByRole('status').filter({ hasText: 'Sync settings saved.' }).waitFor();
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByRole('status').filter({ hasText: 'Synced.' }).waitFor();
    await expect(options.locator('.sync-status').textContent()).resolves.not.toContain('never');
    expect(await tryToPost(NAMING_POST)).toBe(false);

    failing = true;
    await options.bringToFront();
    await options.getByRole('button', { name: 'Sync now' }).click();
    const alert = options.getByRole('alert').filter({ hasText: 'The last sync failed, and the pupil list in use was kept' });
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

describe('the Classes page', () => {
  it('lists every class in the pupil list with its openings, and takes other names and a year-group opening without retyping a class', async () => {
    const file = [
      'Forename,Surname,Class,Year Group,Photo consent',
      'Isla,Reed,Maple,Year 4,Yes',
      'Noah,Frost,Maple,Year 4,Yes',
      'Ruby,Lane,Birch,Year 4,No',
      'Leo,Hart,Birch,Year 4,Yes',
      'Maya,Cole,Oak,Year 5,Yes',
    ].join('\r\n');
    await chooseRoster({ name: 'year-groups.csv', text: file });
    await replaceRoster(5, 30);

    await options.goto(`${chromium.extensionOrigin}/src/options/index.html#classes`);
    await options.getByRole('heading', { name: 'Classes in the pupil list (3)' }).waitFor();
    const rowText = () => options.locator('.class-table tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].slice(0, 3).map((cell) => cell.textContent).join(' | ')));
    expect(await rowText()).toEqual(['Birch | 2 | Birch', 'Maple | 2 | Maple', 'Oak | 1 | Oak']);

    await options.getByLabel('Other names for Maple, separated by commas').fill('4M, Year 4 Maple');
    // Offered from the Year Group column; "Year 5" is one class only, and is offered too.
    await options.getByRole('button', { name: 'Add “Year 4” for Birch, Maple' }).click();
    await options.getByRole('button', { name: 'Save classes' }).click();
    await options.getByRole('status').filter({ hasText: 'Classes saved.' }).waitFor();
    expect(await rowText()).toEqual(['Birch | 2 | Birch, Year 4 (year group)', 'Maple | 2 | Maple, 4M, Year 4 Maple, Year 4 (year group)', 'Oak | 1 | Oak']);
    await expectNoAxeViolations(options);
    if (process.env.SAVE_SCREENSHOTS) await options.screenshot({ path: fileURLToPath(new URL('../../docs/classes-page.png', import.meta.url)), fullPage: true });

    // Saved, and the open composer follows: an alias and the year group are openings now.
    await options.reload();
    await options.getByRole('heading', { name: 'Classes in the pupil list (3)' }).waitFor();
    expect(await rowText()).toContain('Maple | 2 | Maple, 4M, Year 4 Maple, Year 4 (year group)');
    expect(await tryToPost('4M: we made volcanoes.')).toBe(true);
    expect(await tryToPost('Year 4: a trip to the museum.')).toBe(true);
    expect(await tryToPost('Year 6: a trip to the museum.')).toBe(false);
  });
});

describe('a school-sized file', () => {
  it('saves 10,000 pupils with a progress bar, the page answering meanwhile, and a capped "Worth knowing" list', async () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => `U${index},Pupil${index},Surname${index},Class ${index % 14},Yes`);
    // 31 pupils share a name and class with another pupil: 31 notes, more than the page lists.
    for (let index = 0; index < 31; index += 1) rows[9_000 + index] = `U${9_000 + index},Pupil${index},Surname${index},Class ${index % 14},Yes`;
    await chooseRoster({ name: 'whole-trust.csv', text: ['UPN,Forename,Surname,Class,Photo consent', ...rows].join('\r\n') });
    const preview = options.locator('.preview');
    await preview.waitFor({ timeout: 60_000 });
    await expect(preview.textContent()).resolves.toContain('after the import it will have 10,000: 10,000 added, 5 removed');
    await expect(preview.locator('h4:text("Worth knowing") + ul > li').count()).resolves.toBe(20);
    await expect(preview.textContent()).resolves.toContain('…and 11 more.');

    await options.getByRole('button', { name: 'Replace pupil list' }).click();
    await options.getByRole('button', { name: 'Yes, remove 5 pupils and replace the pupil list' }).click();
    await options.getByText('Saving 10,000 pupils… You can keep using this page.').waitFor();
    await expect(options.locator('#save-progress').isVisible()).resolves.toBe(true);
    // The page's own thread is free while the background saves.
    const started = Date.now();
    await options.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(1_000);
    await options.getByRole('status').filter({ hasText: 'Pupil list updated: 10,000 pupils' }).waitFor({ timeout: 60_000 });
  }, 120_000);
});

describe('accessibility', () => {
  it.each(['roster', 'classes', 'rules', 'settings', 'activity', 'archive'])('the %s section has no axe-core violations', async (section) => {
    await options.bringToFront();
    await options.goto(`${chromium.extensionOrigin}/src/options/index.html#${section}`);
    await options.getByRole('heading', { level: 2 }).first().waitFor();
    await expectNoAxeViolations(options);
  });
});
