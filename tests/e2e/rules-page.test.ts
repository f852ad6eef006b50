/**
 * The options page's Rules section in real Chromium with dist/chrome: each rule offers only the
 * levels its metadata allows (the exception level only where the policy has an exception, and
 * says how staff confirm it), and quotes the policy with the school's own handle, never another school's.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/policy/rules/index';
import { openOptions } from './support/extension-setup';
import { startGuardedBrowser, type GuardedBrowser } from './support/guarded-browser';

let guarded: GuardedBrowser;
let options: Page;

beforeAll(async () => {
  guarded = await startGuardedBrowser({ roster: false, settings: { schoolHandles: ['OakfieldPrimary'] } });
  options = await openOptions(guarded.chromium.context, guarded.chromium.extensionOrigin);
  await options.goto(`${guarded.chromium.extensionOrigin}/src/options/index.html#rules`);
  await options.locator('#rules-heading').waitFor();
});

afterAll(async () => {
  await guarded?.close();
});

const levelsOffered = (id: string) => options.locator(`select#rule-${id} option`).evaluateAll((items) => items.map((item) => (item as HTMLOptionElement).value).filter((value) => value !== ''));

describe('the Rules section', () => {
  it('offers “Block, unless staff confirm the policy’s exception” for the hashtag rule and not for naming a child', async () => {
    expect(await levelsOffered('hashtag')).toContain('block-with-exception');
    expect(await levelsOffered('pupil-name')).toEqual(['off', 'warn', 'block']);
    await expect(options.locator('select#rule-pupil-name').getByText('Block, unless staff confirm the policy’s exception').count()).resolves.toBe(0);
  });

  it('offers each rule exactly the levels its metadata allows', async () => {
    for (const { meta } of RULES) expect(await levelsOffered(meta.id), meta.id).toEqual([...meta.levels]);
  });

  it('says how staff confirm a rule that has a confirmation', async () => {
    await expect(options.locator('#rule-hashtag-confirmation').innerText()).resolves.toMatch(/At “Block, unless staff confirm the policy’s exception”, staff can post by typing “parents agreed”/);
    await expect(options.locator('#rule-pupil-name-confirmation').count()).resolves.toBe(0);
  });

  it('quotes the policy with the school’s own handle, and never another school’s', async () => {
    const text = await options.locator('section[aria-labelledby="rules-heading"]').innerText();
    expect(text).toContain('tweets from @OakfieldPrimary will not use the \'hashtag\' function');
    expect(text).not.toContain('Redbourn');
  });

  it('saves a level the rule allows', async () => {
    await options.locator('select#rule-hashtag').selectOption('block');
    await options.getByRole('button', { name: 'Save rules' }).click();
    await options.getByRole('status').filter({ hasText: 'Rules saved.' }).waitFor();
    const stored = await options.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { rules: Record<string, string> });
    expect(stored.rules).toEqual({ hashtag: 'block' });
  });
});
