/**
 * Puts the extension into the state a test needs the way the ICT lead would: the roster through
 * the options page's "Import pupil list" control, settings through the extension's own storage.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { SettingsInput } from '../../../src/shared/settings';

export async function openOptions(context: BrowserContext, extensionOrigin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${extensionOrigin}/src/options/index.html`);
  return page;
}

/** Chooses the file with the "Import pupil list" control, checks the preview and replaces the roster. */
export async function importRosterThroughOptions(context: BrowserContext, extensionOrigin: string, csvPath: string): Promise<void> {
  const options = await openOptions(context, extensionOrigin);
  await options.getByLabel('Import pupil list', { exact: true }).setInputFiles(csvPath);
  await options.getByRole('button', { name: 'Replace pupil list' }).click();
  await options.getByRole('status').filter({ hasText: /Pupil list updated/ }).waitFor();
  await options.close();
}

/** Writes settings as the options page would save them (validated again by the background). */
export async function setSettings(context: BrowserContext, extensionOrigin: string, settings: SettingsInput): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${extensionOrigin}/src/popup/index.html`);
  await page.evaluate((value) => chrome.storage.local.set({ settings: value }), settings as unknown);
  await page.close();
}
