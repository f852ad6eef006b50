/**
 * X's markup changes several times a year. With every test id the guard knows renamed, it must
 * still find the composer by structure, still block, and tell staff it is running degraded.
 */
import { describe, expect, it } from 'vitest';
import { waitForPanel } from './support/guard-panel';
import { useGuardedHomePage } from './support/guarded-browser';

const { guarded, page } = useGuardedHomePage();

async function openChangedMarkup(): Promise<void> {
  await page().goto('https://x.com/home?markup=changed');
  await page().locator('[data-qa="v2-tweetTextarea_0"]').waitFor();
  expect(await page().locator('[data-testid]').count()).toBe(0);
}

describe('when X renames its markup', () => {
  it('still blocks a post naming a pupil, and says it is running degraded', async () => {
    await openChangedMarkup();
    await page().locator('.public-DraftEditor-content[contenteditable="true"]').first().click();
    await page().keyboard.type('Owls: Well done Kai!');
    await page().getByRole('button', { name: 'Post', exact: true }).click();
    await page().keyboard.press('Control+Enter');
    await page().waitForTimeout(400);
    expect(await guarded().server.posted()).toEqual([]);
    expect(await waitForPanel(page(), /Kai/)).toMatch(/more strictly than usual/);
  });

  it('still lets a clean post out', async () => {
    await openChangedMarkup();
    await page().locator('.public-DraftEditor-content[contenteditable="true"]').first().click();
    await page().keyboard.type('Owls: Pond dipping today.');
    await page().getByRole('button', { name: 'Post', exact: true }).click();
    expect((await guarded().server.waitForPosts(1)).map((tweet) => tweet.text)).toEqual(['Owls: Pond dipping today.']);
  });
});
