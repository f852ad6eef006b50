/**
 * What Firefox tests share: the roster imported as the ICT lead imports it, and the guard's panel
 * read as staff see it.
 *
 * The roster goes in through the options page's "Import pupil list" control, then "Replace pupil
 * list". WebDriver BiDi only navigates tabs to "webdriver safe" URLs unless Firefox's remote agent
 * has system access, so the browser is started with it (allowSystemAccess in support/firefox.ts).
 *
 * The panel is drawn in an extension-origin frame inside a closed shadow root, which x.com's
 * scripts cannot read; WebDriver BiDi lists the frame as a child browsing context of the tab and
 * can run script in it, so the tests read exactly what is shown.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { buildXFixture } from './build-x-fixture';
import { launchFirefoxWithExtension, type FirefoxExtensionSession } from './firefox';
import { FIREFOX_BUILD, requireBuild, SAMPLE_ROSTER } from './guarded-browser';
import { startXServer, type XServer } from './x-server';

/** The X stand-in served as https://x.com, and Firefox with dist/firefox and the sample pupil list imported. */
export async function startGuardedFirefox(): Promise<{ server: XServer; firefox: FirefoxExtensionSession }> {
  requireBuild(FIREFOX_BUILD);
  await buildXFixture();
  const server = await startXServer();
  const firefox = await launchFirefoxWithExtension({ server, extensionDir: FIREFOX_BUILD, allowSystemAccess: true });
  await importRosterInFirefox(firefox, SAMPLE_ROSTER);
  return { server, firefox };
}

export async function importRosterInFirefox(firefox: FirefoxExtensionSession, csvPath: string): Promise<void> {
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

/** A browsing context as WebDriver BiDi lists it (only the fields read here). */
interface ContextInfo {
  context: string;
  url: string;
  children?: ContextInfo[] | null;
}

function findContext(contexts: ContextInfo[], pattern: RegExp): ContextInfo | null {
  for (const context of contexts) {
    if (pattern.test(context.url)) return context;
    const found = findContext(context.children ?? [], pattern);
    if (found) return found;
  }
  return null;
}

/** Runs `expression` in the guard's panel frame; its string result, or '' (no panel, or not a string). */
async function inFirefoxPanel(firefox: FirefoxExtensionSession, page: Page, expression: string): Promise<string> {
  const tree = (await firefox.bidi('browsingContext.getTree', { root: firefox.contextId(page) })) as { contexts: ContextInfo[] };
  const frame = findContext(tree.contexts, /^moz-extension:\/\/[^/]+\/src\/panel\/index\.html/);
  if (!frame) return '';
  const answer = (await firefox.bidi('script.evaluate', { expression, target: { context: frame.context }, awaitPromise: false, resultOwnership: 'none' }).catch(() => null)) as {
    type: string;
    result?: { type: string; value?: string };
  } | null;
  return answer?.type === 'success' && answer.result?.type === 'string' ? answer.result.value ?? '' : '';
}

/** The visible text of the guard's panel ('' when hidden or absent), then `[rule-id]` per section. */
export function firefoxPanelText(firefox: FirefoxExtensionSession, page: Page): Promise<string> {
  return inFirefoxPanel(firefox, page, `(() => { const panel = document.getElementById('panel'); if (!panel || panel.hidden) return ''; return [panel.innerText.replace(/\\s+/g, ' ').trim(), ...[...panel.querySelectorAll('[data-rule]')].map((section) => '[' + section.dataset.rule + ']')].filter(Boolean).join(' '); })()`);
}

/** Clicks the panel's control matching `selector`, as staff would; the control's aria-disabled ('' when there is none). */
export function clickInFirefoxPanel(firefox: FirefoxExtensionSession, page: Page, selector: string): Promise<string> {
  return inFirefoxPanel(firefox, page, `(() => { const control = document.querySelector(${JSON.stringify(selector)}); if (!control) return ''; const state = control.getAttribute('aria-disabled') ?? 'none'; control.click(); return state; })()`);
}

export async function waitForFirefoxPanel(firefox: FirefoxExtensionSession, page: Page, pattern: RegExp, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await firefoxPanelText(firefox, page);
    if (pattern.test(text)) return text;
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  throw new Error(`The guard panel never matched ${pattern}; it said: "${text}"`);
}
