/**
 * Follow requests in real Chromium with dist/chrome: the options page's "Check a follow request"
 * tells a personal provider, the school's own domain and a work domain apart and says what to do,
 * without storing the address.
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
