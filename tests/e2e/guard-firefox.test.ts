/**
 * The blocked-post and clean-post tests of guard-submit.test.ts, in Firefox ESR: Debian's
 * firefox-esr driven by puppeteer-core over WebDriver BiDi, with the built add-on (dist/firefox,
 * exactly as shipped) installed and the X stand-in served as https://x.com.
 *
 * The roster goes in the way the ICT lead puts it in: the sample CSV chosen with the options
 * page's "Import pupil list" control, then "Replace pupil list". WebDriver BiDi only navigates tabs to
 * "webdriver safe" URLs (http(s), file, blob, about:blank) unless Firefox's remote agent has system
 * access, so the browser is started with it (allowSystemAccess in support/firefox.ts) and the real
 * options page is opened in a tab of its own. An x.com page cannot open it instead
 * (window.open → "Access to 'moz-extension://…' from script denied": the page is not web-accessible).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildXFixture } from './support/build-x-fixture';
import { launchFirefoxWithExtension, type FirefoxExtensionSession } from './support/firefox';
import { expectNothingPosted, FIREFOX_BUILD, requireBuild, SAMPLE_ROSTER } from './support/guarded-browser';
import { startXServer, type XServer } from './support/x-server';

const EDITOR = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';
const POST_BUTTON = '[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]';
/** Node.TEXT_NODE: this file runs in Node, where there is no DOM. */
const TEXT_NODE = 3;

let server: XServer;
let firefox: FirefoxExtensionSession;
let page: Page;
/** Script errors on the x.com tab, reported with a failing test. */
const pageErrors: string[] = [];

/** Chooses the sample roster with the options page's "Import pupil list" control and replaces the roster. */
async function importRosterThroughOptions(csvPath: string): Promise<void> {
  const options = await firefox.openExtensionPage('src/options/index.html');
  try {
    // The control is disabled until the page has loaded the extension's state.
    const control = await options.waitForFunction(() => {
      const label = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === 'Import pupil list');
      const input = label?.control;
      return input instanceof HTMLInputElement && input.type === 'file' && !input.disabled ? input : null;
    });
    await (control.asElement() as ElementHandle<HTMLInputElement>).uploadFile(csvPath);
    const replace = await options.waitForSelector('::-p-aria([name="Replace pupil list"][role="button"])');
    await replace?.click();
    await options.waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((status) => /Pupil list updated/.test(status.textContent ?? '')));
  } finally {
    await options.close();
  }
}

/** A node as WebDriver BiDi serialises it (only the fields read here). */
interface SerializedNode {
  type: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: SerializedNode[] | null;
    shadowRoot?: SerializedNode | null;
  };
}

function findElement(node: SerializedNode, localName: string): SerializedNode | null {
  if (node.value?.localName === localName) return node;
  for (const child of [...(node.value?.shadowRoot ? [node.value.shadowRoot] : []), ...(node.value?.children ?? [])]) {
    const found = findElement(child, localName);
    if (found) return found;
  }
  return null;
}

function textOf(node: SerializedNode, out: string[]): string[] {
  if (node.value?.localName === 'style') return out;
  if (node.value?.nodeType === TEXT_NODE && node.value.nodeValue?.trim()) out.push(node.value.nodeValue.trim());
  for (const child of [...(node.value?.shadowRoot ? [node.value.shadowRoot] : []), ...(node.value?.children ?? [])]) textOf(child, out);
  return out;
}

/**
 * The visible text of the guard's panel ('' when hidden or absent). The panel is in a CLOSED
 * shadow root on <school-post-guard>, which page scripts cannot enter and puppeteer's selectors
 * (pierce/, ::-p-aria) do not reach in Firefox; WebDriver BiDi's own serialisation can
 * (serializationOptions.includeShadowTree: 'all'), so the test reads what staff see without the
 * guard opening its shadow root to x.com.
 */
async function guardPanelText(): Promise<string> {
  const answer = (await firefox.bidi('script.evaluate', {
    expression: "document.querySelector('school-post-guard')",
    target: { context: firefox.contextId(page) },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 64, includeShadowTree: 'all' },
  })) as { type: string; result?: SerializedNode };
  if (answer.type !== 'success' || answer.result?.type !== 'node') return '';
  const section = findElement(answer.result, 'section');
  if (!section || section.value?.attributes?.hidden !== undefined) return '';
  return textOf(section, []).join(' ');
}

async function waitForPanel(pattern: RegExp, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await guardPanelText();
    if (pattern.test(text)) return text;
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  throw new Error(`The guard panel never matched ${pattern}; it said: "${text}"`);
}

async function typeDraft(text: string): Promise<void> {
  await page.click(EDITOR);
  await page.keyboard.type(text);
  // Typed key by key, so a lost caret would show here rather than as a vacuous "nothing posted".
  expect(await page.$eval(EDITOR, (editor) => editor.textContent)).toBe(text);
}

async function pressCtrlEnter(): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
}

/** Gives X's handlers (and a post that should not happen) time to run before asserting nothing went out. */
beforeAll(async () => {
  requireBuild(FIREFOX_BUILD);
  await buildXFixture();
  server = await startXServer();
  firefox = await launchFirefoxWithExtension({ server, extensionDir: FIREFOX_BUILD, allowSystemAccess: true });
  await importRosterThroughOptions(SAMPLE_ROSTER);
  // Opened after the options tab has closed, so this tab has the window's focus.
  page = await firefox.page();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

beforeEach(async () => {
  server.reset();
  pageErrors.length = 0;
  await page.goto('https://x.com/home');
  await page.waitForSelector(EDITOR);
});

describe('Firefox: a draft that names a pupil', () => {
  it('is not posted by clicking Post nor by Ctrl+Enter, and the reason is shown', async () => {
    await typeDraft('Owls: Well done Kai for a brilliant poem!');
    await page.click(POST_BUTTON);
    await expectNothingPosted(server);
    const panel = await waitForPanel(/Not posted/);
    expect(panel).toMatch(/Kai/);
    expect(panel).toMatch(/pupil-name/);

    await page.click(EDITOR);
    await pressCtrlEnter();
    await expectNothingPosted(server);
    expect(await guardPanelText()).toMatch(/Kai/);
    expect(pageErrors).toEqual([]);
  });
});

describe('Firefox: a name hidden by a right-to-left override', () => {
  it('is not posted: the hidden characters are refused', async () => {
    // Stored reversed between U+202E and U+202C: Firefox shows "Kai Bell".
    await typeDraft('Owls: Well done \u202ElleB iaK\u202C!');
    await page.click(POST_BUTTON);
    await expectNothingPosted(server);
    expect(await waitForPanel(/text-direction/)).toMatch(/order its letters are shown in/);
    expect(pageErrors).toEqual([]);
  });
});

describe('Firefox: a clean draft', () => {
  it('goes out once, by click', async () => {
    await typeDraft('Owls: We decorated the hall with holly and ivy.');
    await page.click(POST_BUTTON);
    await server.waitForPosts(1);
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    expect((await server.posted()).map((tweet) => tweet.text)).toEqual(['Owls: We decorated the hall with holly and ivy.']);
    expect(pageErrors).toEqual([]);
  });
});
