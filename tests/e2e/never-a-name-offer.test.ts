/**
 * Issue 9: a phrase the guard stopped as a pupil's name ("Grace Court", a care home, where the
 * roster has Grace Brown) is offered to the ICT lead on the activity page — without the post's
 * other words — and once added to the never-a-name list, the same post goes out. Real Chromium,
 * dist/chrome, the X stand-in.
 */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { waitForPanel } from './support/guard-panel';
import { useGuardedHomePage } from './support/guarded-browser';
import { composerScope, gotoXHome, typeDraft } from './support/x-fixture-page';

const { guarded, page } = useGuardedHomePage();
const DRAFT = 'Hedgehogs: Grace Court Care Home sang carols with us.';

async function attemptPost(): Promise<void> {
  const inline = composerScope(page(), 'inline');
  await typeDraft(inline, DRAFT);
  await inline.locator('[data-testid="tweetButtonInline"]').click();
}

describe('“never a name here?” from the activity page', () => {
  it('offers the phrase alone, adds it to the never-a-name list, and then the post goes out', async () => {
    await attemptPost();
    await waitForPanel(page(), /Grace/);
    expect(await guarded().server.posted()).toEqual([]);

    const options = await guarded().chromium.context.newPage();
    await options.goto(`${guarded().chromium.extensionOrigin}/src/options/index.html#activity`);
    const offers = options.locator('section.never-a-name-offers');
    await offers.getByText('“Grace Court” — stopped a post once').waitFor();
    // Only the phrase: none of the post's other words reach the page.
    const shown = await options.locator('main').innerText();
    for (const word of ['Care Home', 'carols']) expect(shown).not.toContain(word);
    expect((await new AxeBuilder({ page: options }).include('section.never-a-name-offers').analyze()).violations).toEqual([]);

    await offers.getByRole('listitem').filter({ hasText: 'Grace Court' }).getByRole('button', { name: 'Never a name here' }).click();
    await offers.getByText('“Grace Court” is on the never-a-name list now.').waitFor();
    await expect(offers.getByRole('listitem').filter({ hasText: 'Grace Court' }).count()).resolves.toBe(0);
    const stored = await options.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { neverANames: string[] });
    expect(stored.neverANames).toContain('Grace Court');
    await options.close();

    await gotoXHome(page());
    await attemptPost();
    await guarded().server.waitForPosts(1);
    expect((await guarded().server.posted()).map((post) => post.text)).toEqual([DRAFT]);
  });

  it('keeps checking a warned phrase the ICT lead says is a pupil, and stops offering it', async () => {
    const draft = 'Hedgehogs: Well done Summer Lodge!';
    const inline = composerScope(page(), 'inline');
    await typeDraft(inline, draft);
    await inline.locator('[data-testid="tweetButtonInline"]').click();
    await waitForPanel(page(), /Summer/);

    const options = await guarded().chromium.context.newPage();
    await options.goto(`${guarded().chromium.extensionOrigin}/src/options/index.html#activity`);
    const offers = options.locator('section.never-a-name-offers');
    await offers.getByText('“Summer Lodge” — stopped a post once').waitFor();
    await offers.getByRole('listitem').filter({ hasText: 'Summer Lodge' }).getByRole('button', { name: 'It is a pupil' }).click();
    await expect.poll(() => offers.getByText('Summer Lodge').count()).toBe(0);
    const stored = await options.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { neverANames?: string[] } | undefined);
    expect(stored?.neverANames ?? []).not.toContain('Summer Lodge');
    await options.close();

    await gotoXHome(page());
    await typeDraft(composerScope(page(), 'inline'), draft);
    await composerScope(page(), 'inline').locator('[data-testid="tweetButtonInline"]').click();
    await waitForPanel(page(), /Summer/);
    expect(await guarded().server.posted()).toEqual([]);
    // Stopped again, but not offered again.
    const again = await guarded().chromium.context.newPage();
    await again.goto(`${guarded().chromium.extensionOrigin}/src/options/index.html#activity`);
    await again.getByRole('heading', { name: 'Activity' }).waitFor();
    // Recorded a second time (so the check below cannot pass early), its words gone, and not offered.
    await expect.poll(() => again.evaluate(async () => {
      const stored = (await chrome.storage.local.get('neverANameOffers')).neverANameOffers as { phrase?: string; count: number }[] | undefined;
      // Only this phrase was decided on and then stopped a post again ("Grace Court" was decided once).
      return stored?.some((offer) => offer.phrase === undefined && offer.count === 2);
    })).toBe(true);
    expect(JSON.stringify(await again.evaluate(() => chrome.storage.local.get(null)))).not.toContain('Summer Lodge');
    const open = await again.evaluate(() => chrome.runtime.sendMessage({ type: 'list-never-a-name-offers' }) as Promise<{ phrase: string }[]>);
    expect(open.map((offer) => offer.phrase)).not.toContain('Summer Lodge');
    await again.close();
  });
});
