/**
 * `npm start`: the guard on the built-in demo roster. Serves the X stand-in as https://x.com,
 * opens Chromium with dist/chrome loaded, imports the sample roster through the options page the
 * way the ICT lead would, and types a post that names a pupil. With a display the browser stays
 * open to try; without one the same demo runs headless, reports the outcome and saves a screenshot.
 */
import { mkdir } from 'node:fs/promises';
import { loadPolicy } from '../src/cli/load-policy';
import { checkDraft } from '../src/policy/engine';
import { tMessage } from '../src/shared/i18n';
import { fileURLToPath } from 'node:url';
import { buildXFixture } from '../tests/e2e/support/build-x-fixture';
import { launchChromiumWithExtension } from '../tests/e2e/support/chromium';
import { importRosterThroughOptions } from '../tests/e2e/support/extension-setup';
import { waitForPanel } from '../tests/e2e/support/guard-panel';
import { CHROME_BUILD, SAMPLE_ROSTER, requireBuild } from '../tests/e2e/support/guarded-browser';
import { composerScope, gotoXHome, typeDraft } from '../tests/e2e/support/x-fixture-page';
import { startXServer } from '../tests/e2e/support/x-server';

const DEMO_DRAFT = 'Owls: Well done Kai for a brilliant poem!';
const SCREENSHOT = fileURLToPath(new URL('../artifacts/demo-blocked.png', import.meta.url));

const headed = Boolean(process.env.DISPLAY) && process.env.CI === undefined;

requireBuild(CHROME_BUILD);
await buildXFixture();
const server = await startXServer();
const chromium = await launchChromiumWithExtension({ extensionDir: CHROME_BUILD, server, headless: !headed, slowMo: headed ? 40 : 0 });
try {
  console.log('Importing the demo pupil list through the options page (“Import pupil list”)…');
  await importRosterThroughOptions(chromium.context, chromium.extensionOrigin, SAMPLE_ROSTER);

  const page = await chromium.page();
  await gotoXHome(page);
  const composer = composerScope(page, 'inline');
  console.log(`Typing: “${DEMO_DRAFT}” and pressing Post…`);
  await typeDraft(composer, DEMO_DRAFT, { delay: headed ? 60 : 0 });
  await composer.locator('[data-testid="tweetButtonInline"]').click();
  await waitForPanel(page, /Not posted/);
  await page.waitForTimeout(400);
  const posted = await server.posted();

  await mkdir(fileURLToPath(new URL('../artifacts/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  if (posted.length > 0) {
    console.error(`The demo post went out, which it must not: ${JSON.stringify(posted.map((tweet) => tweet.text))}`);
    process.exitCode = 1;
  } else {
    console.log(`Blocked: “${DEMO_DRAFT}” was not sent, because ${whyBlocked(DEMO_DRAFT)}`);
    console.log(`Screenshot: ${SCREENSHOT}`);
  }

  if (headed) {
    console.log('The browser stays open: try your own drafts (the pupil list is tests/fixtures/roster/sample-roster.csv). Close it to finish.');
    await new Promise<void>((resolve) => chromium.context.on('close', () => resolve()));
  }
} finally {
  await chromium.close().catch(() => undefined);
  await server.close();
}

/** The first reason, as the guard's own policy gives it ("“Kai” looks like a pupil’s name…"), in one sentence. */
function whyBlocked(draft: string): string {
  const policy = loadPolicy(SAMPLE_ROSTER, undefined, () => undefined);
  const finding = checkDraft(policy, { text: draft, attachments: [], confirmed: [] }).findings.find((candidate) => candidate.severity === 'block');
  const sentence = (finding ? tMessage(finding.message) : undefined)?.split(/(?<=\.)\s/)[0] ?? 'it breaks the school’s posting policy.';
  // "Posts must…" → "posts must…"; a quoted name or "X" stays as written.
  return sentence.replace(/^(\p{Lu})(?=\p{Ll})/u, (letter) => letter.toLowerCase());
}
