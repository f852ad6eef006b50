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

/** Every change to the panels runs after the one before it: a drop never undoes a write, nor a write a drop. */
let queue: Promise<unknown> = Promise.resolve();
function inTurn(task: () => Promise<void>): Promise<void> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

export async function readReplyPanel(session: SessionArea, tabId: number): Promise<ReplyPanelEntry[]> {
  const key = replyPanelKey(tabId);
  return ((await session.get(key))[key] as ReplyPanelEntry[] | undefined) ?? [];
}

/** Takes its turn when called: `update` gets the tab's list as the changes queued before it left it. */
export function updateReplyPanel(session: SessionArea, tabId: number, update: (current: ReplyPanelEntry[]) => ReplyPanelEntry[] | Promise<ReplyPanelEntry[]>): Promise<void> {
  return inTurn(async () => {
    await session.set({ [replyPanelKey(tabId)]: await update(await readReplyPanel(session, tabId)) });
  });
}

export function dropFromReplyPanels(session: SessionArea, replyId: string): Promise<void> {
  return inTurn(() => dropNow(session, replyId));
}

async function dropNow(session: SessionArea, replyId: string): Promise<void> {
  const all = await session.get(null);
  const changed = Object.entries(all).flatMap(([key, value]) => {
    if (!key.startsWith(KEY_PREFIX) || !Array.isArray(value)) return [];
    const entries = value as ReplyPanelEntry[];
    const kept = entries.filter((entry) => entry.replyId !== replyId);
    return kept.length === entries.length ? [] : [[key, kept] as const];
  });
  if (changed.length > 0) await session.set(Object.fromEntries(changed));
}

export function forgetReplyPanel(session: SessionArea, tabId: number): Promise<void> {
  return inTurn(() => session.remove(replyPanelKey(tabId)));
}
