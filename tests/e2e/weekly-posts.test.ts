/**
 * The weekly promise in real Chromium with dist/chrome: the post records the guard keeps (one made
 * through the X stand-in this week, older ones written into the extension's real IndexedDB) become
 * the options page's class × week table, and from Thursday the popup and the options page list the
 * classes with no general post yet this week.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGuardedBrowser, type GuardedBrowser } from './support/guarded-browser';
import { composerScope, gotoXHome, typeDraft } from './support/x-fixture-page';

let guarded: GuardedBrowser;

/** Monday 00:00 (local time) of the week `weeksBack` weeks before this one, plus `days` and `hours`. */
function inWeek(weeksBack: number, days = 0, hours = 0): Date {
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  return new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7 * weeksBack + days, hours);
}

const dateInput = (day: Date) => `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

/** Adds post records as the background does, straight into the extension's own database. */
async function addPostRecords(page: Page, records: { at: string; className: string; kind: string }[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('school-post-guard');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('posts', 'readwrite');
    for (const row of rows) tx.objectStore('posts').add({ ...row, account: 'PrimaryRedbourn' });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

beforeAll(async () => {
  guarded = await startGuardedBrowser({ settings: { schoolHandles: ['PrimaryRedbourn'] } });
  // One real general post for Owls this week, through the stand-in's composer.
  const x = await guarded.chromium.page();
  await gotoXHome(x, { as: 'PrimaryRedbourn' });
  await typeDraft(composerScope(x, 'inline'), 'Owls: We planted bulbs this week.');
  await composerScope(x, 'inline').locator('[data-testid="tweetButtonInline"]').click();
  await guarded.server.waitForPosts(1);
  await x.locator('[data-testid="toast"]').waitFor();
  await x.close();
});

afterAll(async () => {
  await guarded?.close();
});

describe('the weekly promise', () => {
  it('shows a term’s weeks as a class × week table of 0 / 1 / 2 / over', async () => {
    const options = await guarded.chromium.context.newPage();
    await options.goto(`${guarded.chromium.extensionOrigin}/src/options/index.html#weekly`);
    const at = (date: Date) => date.toISOString();
    await addPostRecords(options, [
      ...[0, 1, 2].map((day) => ({ at: at(inWeek(3, day, 9)), className: 'Owls', kind: 'general' })),
      { at: at(inWeek(2, 1, 9)), className: 'Badgers', kind: 'general' },
      { at: at(inWeek(2, 1, 10)), className: 'Owls', kind: 'general' },
      { at: at(inWeek(2, 3, 10)), className: 'Owls', kind: 'general' },
      { at: at(inWeek(1, 2, 9)), className: 'Hedgehogs', kind: 'event' },
      { at: at(inWeek(1, 4, 9)), className: 'Hedgehogs', kind: 'residential' },
    ]);
    await options.reload();
    await options.getByLabel('First day of term').fill(dateInput(inWeek(3)));
    await options.getByLabel('Last day of term').fill(dateInput(inWeek(0, 6)));
    const table = options.getByRole('table', { name: /General posts per class and week/ });
    await table.getByRole('row', { name: /^Owls/ }).waitFor();
    const rows = await table.getByRole('row').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim())));
    expect(rows[0]).toHaveLength(5);
    expect(rows.slice(1)).toEqual([
      ['Badgers', '0', '1', '0', '0'],
      ['Hedgehogs', '0', '0', '0', '0'],
      ['Owls', 'over', '2', '0', '1'],
      ['Year 5', '0', '0', '0', '0'],
    ]);
    await options.screenshot({ path: 'docs/weekly-posts.png', fullPage: true });
    await options.close();
  });

  it('from Thursday, lists the classes with no general post yet this week in the popup and the options page', async () => {
    const page = await guarded.chromium.context.newPage();
    await page.clock.setFixedTime(inWeek(0, 3, 10)); // Thursday of this week, 10:00
    await page.goto(`${guarded.chromium.extensionOrigin}/src/popup/index.html`);
    await page.getByText('No general post yet this week: Badgers, Hedgehogs, Year 5. The policy asks every class for at least one a week.').waitFor();
    await page.goto(`${guarded.chromium.extensionOrigin}/src/options/index.html#weekly`);
    await page.getByText('No general post yet this week: Badgers, Hedgehogs, Year 5.', { exact: false }).waitFor();

    // On a Wednesday it is too early to say.
    await page.clock.setFixedTime(inWeek(0, 2, 10));
    await page.goto(`${guarded.chromium.extensionOrigin}/src/popup/index.html`);
    await page.getByText('From Thursday, classes with no general post yet this week are listed here.').waitFor();
    await expect(page.getByText(/No general post yet this week/).count()).resolves.toBe(0);
    await page.close();
  });
});
