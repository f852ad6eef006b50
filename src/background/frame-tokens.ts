/**
 * The secret a tab's guard frames carry in their addresses: the reply panel's, and the no-consent
 * list's (handed to the findings panel over its private port). The content script asks for it and
 * sets it inside its closed shadow root, where x.com's scripts cannot read it. The frames' pages are
 * web-accessible, so x.com could frame a copy of one; a copy without its tab's token is shown
 * nothing roster-derived and may do nothing. Held in storage.session (memory only, the extension's
 * own), one per tab, so a service worker that slept still knows it.
 */
import type browser from 'webextension-polyfill';

const TOKEN_PREFIX = 'frameToken:';

type SessionArea = Pick<browser.Storage.StorageArea, 'get' | 'set' | 'remove'>;

function tokenKey(tabId: number): string {
  return `${TOKEN_PREFIX}${tabId}`;
}

/** Tokens being minted, by tab: two first requests at once would each mint one, and the loser's frames be refused. */
const minting = new Map<number, Promise<string>>();

export function tabFrameToken(session: SessionArea, tabId: number): Promise<string> {
  let token = minting.get(tabId);
  if (!token) {
    token = mintOnce(session, tabId).finally(() => minting.delete(tabId));
    minting.set(tabId, token);
  }
  return token;
}

async function mintOnce(session: SessionArea, tabId: number): Promise<string> {
  const key = tokenKey(tabId);
  const stored = (await session.get(key))[key];
  if (typeof stored === 'string') return stored;
  const token = crypto.randomUUID();
  await session.set({ [key]: token });
  return token;
}

export async function isTabFrameToken(session: SessionArea, tabId: number | undefined, token: string | undefined): Promise<boolean> {
  if (tabId === undefined || !token) return false;
  const key = tokenKey(tabId);
  return (await session.get(key))[key] === token;
}

export function forgetTabFrameToken(session: SessionArea, tabId: number): Promise<void> {
  return session.remove(tokenKey(tabId));
}
