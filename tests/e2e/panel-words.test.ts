/**
 * Issue 10 item 7: what staff read about a finding — its sentence, the name matcher's reason inside
 * it, its fix, what they confirm and the words they type — is the extension's _locales, said by the
 * browser in the panel's frame, not English held by the rules. A copy of the build whose
 * messages.json a school has changed shows the school's words, and the typed confirmation takes the
 * school's words, not the old ones.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { guardPanelFrame, waitForPanel } from './support/guard-panel';
import { CHROME_BUILD, expectNothingPosted, expectPostedOnce, requireBuild, startGuardedBrowser, type GuardedBrowser } from './support/guarded-browser';
import { composerScope, gotoXHome, typeDraft } from './support/x-fixture-page';

/** The school's own words for a few of the rules' keys. */
const SCHOOL_WORDS: Record<string, string> = {
  rule_pupil_name_name: 'Our words: “$TEXT$” names a child ($REASON$).',
  rule_pupil_name_fix_block: 'Our fix: leave the name out.',
  name_reason_not_an_ordinary_word: 'our reason: it is on the pupil list',
  rule_hashtag_confirm_words: 'families agreed',
  rule_hashtag_confirm_prompt_without_photos: 'Our statement: every family agreed in writing.',
};

let extensionDir: string;
let guarded: GuardedBrowser;
let page: Page;
const inline = () => composerScope(page, 'inline');

beforeAll(async () => {
  requireBuild(CHROME_BUILD);
  extensionDir = await mkdtemp(join(tmpdir(), 'spg-school-words-'));
  await cp(CHROME_BUILD, extensionDir, { recursive: true });
  const file = join(extensionDir, '_locales', 'en_GB', 'messages.json');
  const messages = JSON.parse(await readFile(file, 'utf8')) as Record<string, { message: string }>;
  for (const [key, message] of Object.entries(SCHOOL_WORDS)) {
    expect(messages[key], key).toBeDefined();
    messages[key]!.message = message;
  }
  await writeFile(file, JSON.stringify(messages));
  guarded = await startGuardedBrowser({ extensionDir });
  page = await guarded.chromium.page();
});

afterAll(async () => {
  await guarded?.close();
  if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
});

beforeEach(async () => {
  guarded.server.reset();
  await gotoXHome(page);
});

describe('a school’s own words in messages.json', () => {
  it('are the sentence and the fix the panel gives for a finding', async () => {
    await typeDraft(inline(), 'Owls: Well done Kai!');
    const text = await waitForPanel(page, /Our words/);
    // The name matcher's reason (what showed it is a person) is the school's too, where the school's sentence puts it.
    expect(text).toMatch(/Our words: “Kai” names a child \(our reason: it is on the pupil list\)\. What to do: Our fix: leave the name out\./);
    expect(text).not.toMatch(/looks like a pupil’s name|describe the child without naming them|not an ordinary word/);
    // The rules' other words are the build's en_GB ones, from the same file.
    await gotoXHome(page);
    await typeDraft(inline(), 'Owls: Call 07700 900456');
    expect(await waitForPanel(page, /phone number/)).toMatch(/“07700 900456” looks like a phone number\. Personal contact details must not be posted\./);
  });

  it('are what staff confirm and the words they type to post past the hashtag rule', async () => {
    await typeDraft(inline(), 'Owls: Sports day #sportsday');
    const text = await waitForPanel(page, /families agreed/);
    expect(text).toMatch(/Our statement: every family agreed in writing\./);
    expect(text).toMatch(/Type “families agreed” to confirm/);
    const frame = guardPanelFrame(page)!;
    // The old English words are no longer the ones that confirm.
    await frame.locator('input[type="text"]').fill('parents agreed');
    await frame.getByRole('button', { name: 'Confirm' }).click();
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded.server);
    await frame.locator('input[type="text"]').fill('families agreed');
    await frame.getByRole('button', { name: 'Confirm' }).click();
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    expect((await expectPostedOnce(guarded.server)).text).toBe('Owls: Sports day #sportsday');
  });
});
