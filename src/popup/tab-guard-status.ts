/** Asks the active tab's content script whether it guards this tab; a tab without one is not X. */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
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
  if (status === null) return { text: t('popup_tab_not_x'), tone: 'neutral' };
  const account = status.account === null ? t('popup_tab_this_account') : `@${status.account.replace(/^@/, '')}`;
  switch (status.state) {
    case 'invalidated':
      return { text: t('popup_tab_invalidated'), tone: 'problem' };
    case 'connecting':
      return { text: t('popup_tab_connecting'), tone: 'warning' };
    case 'no-roster':
      return { text: t('popup_tab_no_roster'), tone: 'problem' };
    case 'ready':
      if (!status.guarded) return { text: t('popup_tab_not_school', account), tone: 'neutral' };
      if (status.health === 'degraded') return { text: t('popup_tab_degraded', account), tone: 'warning' };
      return { text: t('popup_tab_guarding', account), tone: 'ok' };
  }
}
