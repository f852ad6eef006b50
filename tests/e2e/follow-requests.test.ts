/**
 * Follow requests in real Chromium with dist/chrome: the options page's "Check a follow request"
 * tells a personal provider, the school's own domain and a work domain apart and says what to do,
 * without storing the address; X’s follower-requests page shows the policy’s checklist beside each
 * request, and Accept / Decline are logged with the handle and the decision only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGuardedBrowser, type GuardedBrowser } from './support/guarded-browser';

let guarded: GuardedBrowser;
let options: Page;

beforeAll(async () => {
  guarded = await startGuardedBrowser({ settings: { schoolHandles: ['PrimaryRedbourn'], schoolEmails: ['admin@redbournprimary.co.uk'] } });
  options = await guarded.chromium.page();
});

afterAll(async () => {
  await guarded?.close();
});

/** The text inside each closed shadow root hosted by a `tag` element, read through the DevTools protocol (pierce). */
async function closedShadowTexts(page: Page, tag: string): Promise<string[]> {
  interface DomNode { nodeName: string; nodeValue?: string; children?: DomNode[]; shadowRoots?: DomNode[] }
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const text = (node: DomNode): string => (node.nodeName === '#text' ? node.nodeValue ?? '' : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(text).join(' '));
  const found: string[] = [];
  const visit = (node: DomNode): void => {
    if (node.nodeName === tag) found.push((node.shadowRoots ?? []).map(text).join(' '));
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child);
  };
  visit(root);
  return found;
}

async function checkAddress(pasted: string): Promise<string> {
  await options.getByLabel('E-mail address from X’s notification').fill(pasted);
  await options.getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = options.getByRole('status').locator('.follow-verdict, .error');
  await verdict.waitFor();
  return (await verdict.textContent()) ?? '';
}

describe('Check a follow request', () => {
  it('tells a personal, a school and a work address apart, and stores none of them', async () => {
    await options.goto(`${guarded.chromium.extensionOrigin}/src/options/index.html#follow`);
    await options.getByRole('heading', { name: 'Check a follow request' }).waitFor();

    const personal = await checkAddress('BirtRogers@btinternet.com would like to follow your feed.');
    expect(personal).toMatch(/btinternet\.com is a personal e-mail provider/);
    expect(personal).toMatch(/the office confirms who this is/);

    const school = await checkAddress('j.smith@RedbournPrimary.co.uk');
    expect(school).toMatch(/redbournprimary\.co\.uk is the school’s own e-mail domain/);
    expect(school).toMatch(/decline, and ask the member of staff to request again/);

    const work = await checkAddress('sales@acme-plumbing.co.uk');
    expect(work).toMatch(/acme-plumbing\.co\.uk is not a personal e-mail provider: it looks like a business or place of work/);
    expect(work).toMatch(/decline/);

    expect(await checkAddress('would like to follow your feed')).toMatch(/There is no e-mail address/);

    // Nothing of what was typed is kept by the extension.
    const stored = await options.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]));
    expect(stored).not.toMatch(/BirtRogers|btinternet|j\.smith|acme-plumbing/i);
  });
});

describe('X’s follower requests page', () => {
  it('shows the policy’s checklist beside each request and logs Accept and Decline (handle and decision only)', async () => {
    const x = await guarded.chromium.context.newPage();
    await x.goto('https://x.com/follower_requests?as=PrimaryRedbourn');
    const cells = x.locator('[data-testid="UserCell"]');
    await cells.first().waitFor();
    await x.locator('[data-testid="cellInnerDiv"] > school-post-guard-checklist').nth(2).waitFor();
    const checklists = await closedShadowTexts(x, 'SCHOOL-POST-GUARD-CHECKLIST');
    expect(checklists).toHaveLength(3);
    for (const text of checklists) {
      expect(text).toMatch(/accept only if all of these are true/);
      expect(text).toMatch(/Not a business, media organisation/);
      expect(text).toMatch(/personal e-mail address/);
    }
    // Beside each request, not inside X's cell (whose whole content is one button's name).
    await expect(x.locator('[data-testid="UserCell"] school-post-guard-checklist').count()).resolves.toBe(0);
    await cells.filter({ hasText: '@BirtRogers' }).getByRole('button', { name: 'Accept' }).click();
    await cells.filter({ hasText: '@AcmePlumbingUK' }).getByRole('button', { name: 'Decline' }).click();
    await expect(cells.count()).resolves.toBe(1);
    await x.close();

    // The page is already at #follow from the test above: reload it so it reads the log again.
    await options.reload();
    const log = options.getByRole('table', { name: 'Follow request decisions' });
    await log.getByRole('row').filter({ hasText: '@acmeplumbinguk' }).waitFor();
    const rows = (await log.getByRole('row').allTextContents()).slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/@acmeplumbinguk\s*Declined/);
    expect(rows[1]).toMatch(/@birtrogers\s*Accepted/);
    const decisions = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'list-follow-decisions' }));
    for (const decision of decisions as object[]) expect(Object.keys(decision).sort()).toEqual(['at', 'decision', 'handle']);
  });

  it('still shows the checklist and logs the answer when X renames its markup', async () => {
    const x = await guarded.chromium.context.newPage();
    await x.goto('https://x.com/follower_requests?as=PrimaryRedbourn&markup=changed');
    await x.locator('school-post-guard-checklist').nth(2).waitFor();
    expect(await x.locator('[data-testid]').count()).toBe(0);
    await x.getByRole('button', { name: /@GovernorAnn/ }).getByRole('button', { name: 'Accept' }).click();
    await expect.poll(async () => options.evaluate(() => chrome.runtime.sendMessage({ type: 'list-follow-decisions' })))
      .toContainEqual(expect.objectContaining({ handle: 'governorann', decision: 'accepted' }));
    await x.close();
  });
});
