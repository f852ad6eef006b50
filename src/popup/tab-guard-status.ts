/** Asks the active tab's content script whether it guards this tab; a tab without one is not X. */
import browser from 'webextension-polyfill';
import type { TabGuardStatus, TabRequest } from '../shared/messages';

export async function activeTabGuardStatus(): Promise<TabGuardStatus | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  try {
    const answer: unknown = await browser.tabs.sendMessage(tab.id, { type: 'tab-guard-status' } satisfies TabRequest);
    return isTabGuardStatus(answer) ? answer : null;
  } catch {
    // "Could not establish connection": no content script of ours in this tab.
    return null;
  }
}

function isTabGuardStatus(value: unknown): value is TabGuardStatus {
  if (typeof value !== 'object' || value === null) return false;
  const status = value as Partial<TabGuardStatus>;
  return typeof status.guarded === 'boolean' && typeof status.state === 'string' && typeof status.health === 'string';
}

/** One sentence about this tab, and whether it is good news. */
export function describeTabGuard(status: TabGuardStatus | null): { text: string; tone: 'ok' | 'warning' | 'problem' | 'neutral' } {
  if (status === null) return { text: 'This tab is not X. The guard works on x.com and twitter.com.', tone: 'neutral' };
  const account = status.account === null ? 'this account' : `@${status.account.replace(/^@/, '')}`;
  switch (status.state) {
    case 'invalidated':
      return { text: 'School Post Guard was updated: reload this tab. Posting is blocked until then.', tone: 'problem' };
    case 'connecting':
      return { text: 'The guard is starting on this tab. Posting is blocked until it is ready.', tone: 'warning' };
    case 'no-roster':
      return { text: 'No roster is loaded, so posting is blocked on this tab.', tone: 'problem' };
    case 'ready':
      if (!status.guarded) return { text: `${account} is not a school account, so it is not guarded.`, tone: 'neutral' };
      if (status.health === 'degraded') return { text: `Guarding ${account}, running degraded: X’s page has changed. Posts are still checked; tell your ICT lead.`, tone: 'warning' };
      return { text: `Guarding ${account} on this tab.`, tone: 'ok' };
  }
}
