/**
 * What each tab's reply panel shows: the replies flagged on the page the tab has open, with the
 * words found. Held in storage.session (memory only, readable by the extension's own pages and
 * workers alone), one key per tab, so a service worker that slept still has it and the panel frame
 * hears changes through storage.onChanged.
 */
import type browser from 'webextension-polyfill';
import type { ReplyPanelEntry } from '../shared/messages';

const KEY_PREFIX = 'replyPanel:';

export function replyPanelKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

type SessionArea = Pick<browser.Storage.StorageArea, 'get' | 'set' | 'remove'>;

export async function readReplyPanel(session: SessionArea, tabId: number): Promise<ReplyPanelEntry[]> {
  const key = replyPanelKey(tabId);
  return ((await session.get(key))[key] as ReplyPanelEntry[] | undefined) ?? [];
}

export async function writeReplyPanel(session: SessionArea, tabId: number, replies: ReplyPanelEntry[]): Promise<void> {
  await session.set({ [replyPanelKey(tabId)]: replies });
}

export async function dropFromReplyPanels(session: SessionArea, replyId: string): Promise<void> {
  const all = await session.get(null);
  const changed = Object.entries(all).flatMap(([key, value]) => {
    if (!key.startsWith(KEY_PREFIX) || !Array.isArray(value)) return [];
    const entries = value as ReplyPanelEntry[];
    const kept = entries.filter((entry) => entry.replyId !== replyId);
    return kept.length === entries.length ? [] : [[key, kept] as const];
  });
  if (changed.length > 0) await session.set(Object.fromEntries(changed));
}

export async function forgetReplyPanel(session: SessionArea, tabId: number): Promise<void> {
  await session.remove(replyPanelKey(tabId));
}
