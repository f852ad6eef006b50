/**
 * The policy's one-to-two general posts a week, in real Chromium: posts that go out are counted
 * per class, the third general post is held with a warning, and marking it as a special event
 * (exempt in the policy) lets it go. The audit log records what happened, never the text.
 */
import { describe, expect, it } from 'vitest';
import { waitForPanel } from './support/guard-panel';
import { useGuardedHomePage } from './support/guarded-browser';
import { composerScope, typeDraft } from './support/x-fixture-page';

const { guarded, page } = useGuardedHomePage();

async function post(text: string): Promise<void> {
  const scope = composerScope(page(), 'inline');
  await typeDraft(scope, text);
  await scope.locator('[data-testid="tweetButtonInline"]').click();
}

describe('posting cadence', () => {
  it('warns on a class’s third general post of the week and lets a special event through', async () => {
    await post('Owls: Our first post this week.');
    await guarded().server.waitForPosts(1);
    await page().locator('[data-testid="toast"]').waitFor();
    await post('Owls: Our second post this week.');
    await guarded().server.waitForPosts(2);
    await page().waitForTimeout(300);

    await post('Owls: A third post.');
    await page().waitForTimeout(400);
    expect(await guarded().server.posted()).toHaveLength(2);
    const panel = await waitForPanel(page(), /posting-cadence/);
    expect(panel).toMatch(/Owls has already made 2 general posts this week/);
    expect(panel).toMatch(/What kind of post is this\?/);

    // Focus moved into the panel, onto the kind of post: the next option is "Special event".
    await page().keyboard.press('ArrowDown');
    await waitForPanel(page(), /Ready to post/);
    await composerScope(page(), 'inline').locator('[data-testid="tweetButtonInline"]').click();
    const posted = await guarded().server.waitForPosts(3);
    expect(posted.map((tweet) => tweet.text)).toEqual(['Owls: Our first post this week.', 'Owls: Our second post this week.', 'Owls: A third post.']);

    // The activity log: outcomes and rule ids, never what was written.
    const options = await guarded().chromium.context.newPage();
    await options.goto(`${guarded().chromium.extensionOrigin}/src/popup/index.html`);
    const log = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'list-audit' }));
    const serialised = JSON.stringify(log);
    expect(serialised).toContain('posting-cadence');
    expect(serialised).not.toMatch(/third post|first post/);
    await options.close();
  });

  it('counts a joint post for every class it names', async () => {
    await post('Hedgehogs and Year 5: Our first joint post.');
    await guarded().server.waitForPosts(1);
    await page().locator('[data-testid="toast"]').waitFor();
    await post('Hedgehogs & Year 5 – Our second joint post.');
    await guarded().server.waitForPosts(2);
    await page().waitForTimeout(300);

    await post('Year 5: A third post.');
    await page().waitForTimeout(400);
    expect(await guarded().server.posted()).toHaveLength(2);
    expect(await waitForPanel(page(), /posting-cadence/)).toMatch(/Year 5 has already made 2 general posts this week/);
  });
});
