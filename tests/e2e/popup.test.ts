/**
 * The toolbar popup in real Chromium with dist/chrome, opened as a page: whether the active tab
 * is guarded (asked of its content script), the roster's size and age, the last sync, and this
 * week's posts per class. axe-core finds no violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGuardedBrowser, type GuardedBrowser } from './support/guarded-browser';
import { gotoXHome } from './support/x-fixture-page';

let guarded: GuardedBrowser;
let popup: Page;

beforeAll(async () => {
  guarded = await startGuardedBrowser();
  popup = await guarded.chromium.page();
});

afterAll(async () => {
  await guarded?.close();
});

async function openPopup(): Promise<void> {
  await popup.goto(`${guarded.chromium.extensionOrigin}/src/popup/index.html`);
  await popup.getByRole('heading', { name: 'General posts this week' }).waitFor();
}

describe('the popup', () => {
  it('says the active tab is not X, and shows the roster, the sync and the classes', async () => {
    await openPopup();
    await popup.getByText('This tab is not X. The guard works on x.com, X Pro (pro.x.com) and twitter.com.').waitFor();
    await expect(popup.getByText(/^Pupil list of \d+ pupils, imported .* \(today\)\.$/).count()).resolves.toBe(1);
    await expect(popup.getByText('Last sync: not set up').count()).resolves.toBe(1);
    const classes = await popup.getByRole('row').allTextContents();
    expect(classes.slice(1).map((row) => row.replace(/\d.*$/, ''))).toEqual(expect.arrayContaining(['Hedgehogs', 'Badgers', 'Owls']));
  });

  it('says the guard is active on an x.com tab that is in front', async () => {
    const x = await guarded.chromium.context.newPage();
    await gotoXHome(x, { as: 'PrimaryRedbourn' });
    await x.bringToFront();
    // Reloaded behind the x.com tab, the popup asks the tab in front, as it does when opened from the toolbar.
    await openPopup();
    await popup.getByText('Guarding @PrimaryRedbourn on this tab.').waitFor();
    await x.close();
  });

  it('has no axe-core violations', async () => {
    await openPopup();
    const { violations } = await new AxeBuilder({ page: popup }).analyze();
    expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
