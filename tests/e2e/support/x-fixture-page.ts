/**
 * Playwright helpers for driving the X stand-in the way a member of staff would: through the
 * keyboard and the mouse, never by writing into the DOM.
 */
import type { Locator, Page } from 'playwright-core';

/** https://x.com/home, optionally signed in as `as` (the fixture's ?as= handle); resolves once the composer is ready. */
export async function gotoXHome(page: Page, { as, path = '/home' }: { as?: string; path?: string } = {}): Promise<void> {
  const query = as === undefined ? '' : `?as=${encodeURIComponent(as)}`;
  await page.goto(`https://x.com${path}${query}`);
  await page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]').waitFor();
}

/** The inline composer on Home, or the modal one at /compose/post. */
export function composerScope(page: Page, where: 'inline' | 'modal'): Locator {
  return where === 'inline' ? page.locator('[data-testid="primaryColumn"]') : page.locator('#layers [role="dialog"][aria-modal="true"]');
}

/** Clicks into editor `index` of the composer and types `text` key by key. */
export async function typeDraft(scope: Locator, text: string, { index = 0, delay = 0 }: { index?: number; delay?: number } = {}): Promise<void> {
  await scope.locator(`[data-testid="tweetTextarea_${index}"]`).click();
  await scope.page().keyboard.type(text, { delay });
}
