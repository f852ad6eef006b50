/**
 * The activity log says what really happened (issue 10 item 3), in real Chromium with dist/chrome:
 * a photo-consent confirmation is logged as a confirmation, a block as a block, and "Posted" only
 * once X has accepted the post — not when staff confirm and leave, not when X refuses it.
 */
import { describe, expect, it } from 'vitest';
import { PHOTO_CHECK_WAIT, pressInPanel, waitForPanel } from './support/guard-panel';
import { expectNothingPosted, useGuardedHomePage } from './support/guarded-browser';
import { plainJpeg } from './support/test-images';
import { composerScope, gotoXHome, typeDraft } from './support/x-fixture-page';
import { CREATE_TWEET_PATH } from '../fixtures/x/src/x-api';

const { guarded, page } = useGuardedHomePage();

/** The Activity table's rows, newest first, as "Rules | Outcome". */
async function activityRows(): Promise<string[]> {
  const options = await guarded().chromium.context.newPage();
  try {
    await options.goto(`${guarded().chromium.extensionOrigin}/src/options/index.html#activity`);
    await options.getByRole('heading', { name: 'Activity' }).waitFor();
    await options.locator('tbody tr').or(options.getByText('Nothing has been recorded yet.')).first().waitFor();
    return await options.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(3).map((cell) => cell.textContent).join(' | ')));
  } finally {
    await options.close();
  }
}

async function attachPhotoAndConfirmConsent(text: string): Promise<void> {
  const scope = composerScope(page(), 'inline');
  await typeDraft(scope, text);
  await scope.locator('input[data-testid="fileInput"]').setInputFiles({ name: 'IMG_0042.JPG', mimeType: 'image/jpeg', buffer: plainJpeg() });
  await scope.locator('[data-testid="attachments"] [role="group"]').first().waitFor();
  // Checked first: Post pressed while the photo is still being checked is a hold, logged as a block of no rule.
  await waitForPanel(page(), /photo consent/i, PHOTO_CHECK_WAIT);
  await scope.locator('[data-testid="tweetButtonInline"]').click();
  await waitForPanel(page(), /Not posted/);
  // Blocking moved focus onto the panel's confirmation.
  await pressInPanel(page());
  await waitForPanel(page(), /Ready to post/);
}

describe('the activity log', () => {
  it('logs a confirmation as a confirmation and no "Posted" when staff leave, or when X refuses the post; one "Posted" when X has it', async () => {
    const before = (await activityRows()).length;
    const newRows = async () => (await activityRows()).slice(0, -before || undefined);

    // Badgers: no post yet this week, so no cadence warning to confirm as well.
    await attachPhotoAndConfirmConsent('Badgers: Art gallery day.');
    await gotoXHome(page());
    await expectNothingPosted(guarded().server);
    await expect.poll(newRows, { timeout: 10_000 }).toEqual(['Photo consent | Confirmed by staff', 'Photo consent | Blocked']);

    // X answers the post with an error: it never went out, so it is not logged as posted.
    const refuse = guarded().server.addRoute('POST', CREATE_TWEET_PATH, (_request, response) => {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ code: 326, message: 'This account is temporarily locked.' }] }));
    });
    await attachPhotoAndConfirmConsent('Badgers: Art gallery day, take two.');
    await composerScope(page(), 'inline').locator('[data-testid="tweetButtonInline"]').click();
    await expect.poll(() => guarded().server.requests().filter((request) => request.path === CREATE_TWEET_PATH).length, { timeout: 10_000 }).toBe(1);
    refuse();
    await expect.poll(async () => (await newRows()).length, { timeout: 10_000 }).toBe(4);

    await gotoXHome(page());
    await attachPhotoAndConfirmConsent('Badgers: Art gallery day, again.');
    await composerScope(page(), 'inline').locator('[data-testid="tweetButtonInline"]').click();
    await guarded().server.waitForPosts(1);
    await expect.poll(async () => (await newRows()).filter((row) => row.endsWith('Posted')), { timeout: 10_000 }).toHaveLength(1);
    // Newest first: the post, with the rule staff confirmed to let it go, after its confirmation and the block.
    const rows = await newRows();
    expect(rows.slice(0, 3)).toEqual(['Photo consent | Posted', 'Photo consent | Confirmed by staff', 'Photo consent | Blocked']);
    expect(rows).toHaveLength(7);
    // A photo-consent block is not a warning.
    expect(rows.some((row) => /warn/i.test(row))).toBe(false);
  });

  it('names the warning staff went on past on its "Posted" row, and no rule on a post that had nothing to confirm', async () => {
    const before = (await activityRows()).length;
    const newRows = async () => (await activityRows()).slice(0, -before || undefined);
    const scope = composerScope(page(), 'inline');
    await typeDraft(scope, 'Owls: Thank you @LocalLibrary for the visit.');
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    await waitForPanel(page(), /mentions another account/);
    await pressInPanel(page());
    await waitForPanel(page(), /Ready to post/);
    await scope.locator('[data-testid="tweetButtonInline"]').click();
    await guarded().server.waitForPosts(1);
    await expect.poll(newRows, { timeout: 10_000 }).toEqual(['Mention of another account | Posted', 'Mention of another account | Warning read by staff', 'Mention of another account | Warned']);

    guarded().server.reset();
    await gotoXHome(page());
    await typeDraft(composerScope(page(), 'inline'), 'Owls: A lovely morning of reading.');
    await composerScope(page(), 'inline').locator('[data-testid="tweetButtonInline"]').click();
    await guarded().server.waitForPosts(1);
    await expect.poll(async () => (await newRows())[0], { timeout: 10_000 }).toBe('— | Posted');
  });
});
