/**
 * What the policy says about the account itself, in real Chromium with dist/chrome on the X
 * stand-in: a school account that is not protected cannot post (the fix is X's "Protect your
 * posts"), a protected one can, an account whose lock cannot be read is a warning that says so,
 * and a direct message from the school account is a warning of its own.
 */
import { describe, expect, it } from 'vitest';
import { pressInPanel, waitForPanel } from './support/guard-panel';
import { expectNothingPosted, expectPostedOnce, useGuardedHomePage } from './support/guarded-browser';
import { composerScope, typeDraft } from './support/x-fixture-page';

const { guarded, page } = useGuardedHomePage();
const inline = () => composerScope(page(), 'inline');

async function open(path: string, ready: string): Promise<void> {
  await page().goto(`https://x.com${path}`);
  await page().locator(ready).waitFor();
}

describe('the school account’s privacy, read from the lock X shows', () => {
  it('blocks a clean post from a public school account, with the setting that fixes it', async () => {
    await open('/home?protected=', '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await expect(page().locator('[data-testid="SideNav_AccountSwitcher_Button"] [data-testid="icon-lock"]').count()).resolves.toBe(0);
    await typeDraft(inline(), 'Owls: We painted the hall today.');
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
    const panel = await waitForPanel(page(), /Not posted/);
    expect(panel).toMatch(/The school account is public/);
    expect(panel).toContain('Settings → Privacy and safety → Audience and tagging → Protect your posts');
    // A block without an exception: nothing to confirm it away with.
    expect(panel).not.toMatch(/I have read the warning/);
  });

  it('lets the same post out from a protected school account', async () => {
    await open('/home', '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await expect(page().locator('[data-testid="SideNav_AccountSwitcher_Button"] [data-testid="icon-lock"]').count()).resolves.toBe(1);
    await typeDraft(inline(), 'Owls: We painted the hall today.');
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    expect((await expectPostedOnce(guarded().server)).text).toBe('Owls: We painted the hall today.');
  });

  it('reads the lock by its drawing when X renames its markup, and warns that it cannot tell when there is none', async () => {
    const editor = '.public-DraftEditor-content[contenteditable="true"]';
    await open('/home?markup=changed', '[data-qa="v2-tweetTextarea_0"]');
    await page().locator(editor).first().click();
    await page().keyboard.type('Badgers: Pond dipping today.');
    await page().getByRole('button', { name: 'Post', exact: true }).click();
    expect((await expectPostedOnce(guarded().server)).text).toBe('Badgers: Pond dipping today.');

    guarded().server.reset();
    await open('/home?markup=changed&protected=', '[data-qa="v2-tweetTextarea_0"]');
    await page().locator(editor).first().click();
    await page().keyboard.type('Hedgehogs: Pond dipping today.');
    await page().getByRole('button', { name: 'Post', exact: true }).click();
    await expectNothingPosted(guarded().server);
    const panel = await waitForPanel(page(), /cannot tell whether the school account is private/);
    expect(panel).toContain('Protect your posts');
    expect(panel).not.toMatch(/The school account is public/);
  });
  it('warns that it cannot tell, rather than calling the account public, when the side bar shows the avatar alone', async () => {
    await open('/home?sidebar=collapsed&protected=', '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
    await typeDraft(inline(), 'Year 5: Our science fair.');
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
    const panel = await waitForPanel(page(), /cannot tell whether the school account is private/);
    expect(panel).not.toMatch(/The school account is public/);
  });
});

describe('a direct message from the school account', () => {
  const dmEditor = '[data-testid="dmComposerTextInput"]';

  it('is warned as a private discussion, and goes out once staff have read the warning', async () => {
    await open('/messages/1', dmEditor);
    await page().locator(dmEditor).click();
    await page().keyboard.type('Thanks, see you Monday');
    await page().keyboard.press('Enter');
    await expectNothingPosted(guarded().server);
    const panel = await waitForPanel(page(), /Check this before posting/);
    expect(panel).toMatch(/direct message from the school account/);
    expect(panel).toMatch(/private discussions/);
    // The blocked send moved focus onto the panel's acknowledgement.
    await pressInPanel(page());
    await page().locator('[data-testid="dmComposerSendButton"]').click();
    const sent = await expectPostedOnce(guarded().server);
    expect([sent.kind, sent.text]).toEqual(['dm', 'Thanks, see you Monday']);
  });

  it('naming a pupil is blocked by the name check as well as warned', async () => {
    await open('/messages/1', dmEditor);
    await page().locator(dmEditor).click();
    await page().keyboard.type('Well done Kai, see you Monday');
    await page().locator('[data-testid="dmComposerSendButton"]').click();
    await expectNothingPosted(guarded().server);
    const panel = await waitForPanel(page(), /Not posted/);
    expect(panel).toMatch(/Kai/);
    expect(panel).toMatch(/private discussions/);
  });
});
