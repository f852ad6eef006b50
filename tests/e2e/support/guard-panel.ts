/**
 * Reads the guard's panel the way assistive technology does. The panel is in a CLOSED shadow
 * root, which page scripts (and Playwright's selectors) cannot enter; the DevTools protocol's
 * pierce mode can, so tests see what staff see without the guard opening a door for x.com.
 */
import type { Page } from 'playwright-core';

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

/** The visible text of the guard's panel (empty when the panel is hidden or absent). */
export async function guardPanelText(page: Page): Promise<string> {
  const host = findNode(await documentTree(page), 'SCHOOL-POST-GUARD');
  if (!host) return '';
  const section = findNode(host, 'SECTION');
  if (!section || section.attributes?.includes('hidden')) return '';
  const out: string[] = [];
  textOf(section, out);
  return out.join(' ');
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
