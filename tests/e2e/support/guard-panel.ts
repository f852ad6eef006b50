/**
 * Reads the guard's panel as staff see it. The panel is drawn in an extension-origin frame
 * (src/panel/index.html) inside the guard's closed shadow root: x.com's scripts cannot reach into
 * it, but the browser's automation can, frame by frame, so tests read exactly what is shown.
 */
import type { Frame, Page } from 'playwright-core';

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
  attributes?: string[];
}

function textOf(node: DomNode, out: string[]): void {
  if (node.nodeName === 'STYLE') return;
  if (node.nodeName === '#text' && node.nodeValue?.trim()) out.push(node.nodeValue.trim());
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) textOf(child, out);
}

function findNode(node: DomNode, nodeName: string): DomNode | null {
  if (node.nodeName === nodeName) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, nodeName);
    if (found) return found;
  }
  return null;
}

async function documentTree(page: Page): Promise<DomNode> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return root;
  } finally {
    await session.detach();
  }
}

/** The panel's frame on this page, if the guard has drawn it. */
export function guardPanelFrame(page: Page): Frame | undefined {
  return page.frames().find((frame) => /^chrome-extension:\/\/[^/]+\/src\/panel\/index\.html/.test(frame.url()));
}

/**
 * The visible text of the guard's panel (empty when the panel is hidden or absent), followed by
 * the rule of each section as `[rule-id]`: staff read the rule's name, tests may check which rule.
 */
export async function guardPanelText(page: Page): Promise<string> {
  return (await framePanelText(page)) || (await reloadNoticeText(page));
}

async function framePanelText(page: Page): Promise<string> {
  const frame = guardPanelFrame(page);
  if (!frame) return '';
  try {
    return await frame.evaluate(() => {
      const panel = document.getElementById('panel');
      if (!panel || panel.hidden) return '';
      const rules = [...panel.querySelectorAll<HTMLElement>('[data-rule]')].map((section) => `[${section.dataset.rule ?? ''}]`);
      return [panel.innerText.replace(/\s+/g, ' ').trim(), ...rules].filter(Boolean).join(' ');
    });
  } catch {
    // The frame is reloading (or went with the page): nothing is shown at this moment.
    return '';
  }
}

/**
 * What the guard shows in its own closed shadow root once the extension was reloaded under the tab
 * (its frames went with it), read through the DevTools protocol's pierce mode.
 */
async function reloadNoticeText(page: Page): Promise<string> {
  const host = findNode(await documentTree(page), 'SCHOOL-POST-GUARD');
  const section = host && findNode(host, 'SECTION');
  if (!section || section.attributes?.includes('hidden')) return '';
  const out: string[] = [];
  textOf(section, out);
  return out.join(' ');
}

/**
 * How long the first check of an attached photo may take in a test: it loads the text and face
 * models in a fresh browser (a few seconds alone, much longer on a CI machine shared by two tests).
 */
export const PHOTO_CHECK_WAIT = 45_000;

/**
 * Presses `key` once keyboard focus is on one of the panel's controls. A blocked post sends focus
 * there, but the frame moves it on a message of its own: a key pressed before that lands on the
 * frame's body and does nothing, where staff (slower than a test) would have reached the control.
 */
export async function pressInPanel(page: Page, key = 'Enter', timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let focused = 'none';
  while (Date.now() < deadline) {
    focused = await panelFocus(page);
    if (/^(BUTTON|INPUT)\b/.test(focused)) {
      await page.keyboard.press(key);
      return;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`Keyboard focus never reached a control of the guard panel; it was on: ${focused}`);
}

/**
 * The panel's focused element as "TAG text", or "none" when the panel's frame has no focus; a
 * control that is waiting (aria-disabled: photo consent before its list is on screen) as "waiting".
 */
async function panelFocus(page: Page): Promise<string> {
  const frame = guardPanelFrame(page);
  if (!frame) return 'none';
  try {
    return await frame.evaluate(() => {
      const active = document.hasFocus() ? document.activeElement : null;
      if (!active) return 'none';
      return active.getAttribute('aria-disabled') === 'true' ? 'waiting' : `${active.tagName} ${active.textContent ?? ''}`;
    });
  } catch {
    return 'none';
  }
}

/** Waits until the panel's text matches, and returns it. */
export async function waitForPanel(page: Page, pattern: RegExp, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await guardPanelText(page);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(50);
  }
  throw new Error(`The guard panel never matched ${pattern}; it said: "${text}"`);
}
