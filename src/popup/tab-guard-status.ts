/**
 * Asks the active tab's content script whether it guards this tab. A tab without one is either
 * not X, or an X page where the guard is not running (site access withheld, or a tab the guard
 * could not reach): the tab's address tells which, as the extension may read X tabs' addresses.
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import type { TabGuardStatus, TabRequest } from '../shared/messages';
import { isXPage } from '../shared/site-access';

/** `null`: the tab is not X. `'not-running'`: an X page with no guard answering in it. */
export type ActiveTabGuard = TabGuardStatus | 'not-running' | null;

export async function activeTabGuardStatus(): Promise<ActiveTabGuard> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const onX = isXPage(tab.url);
  try {
    const answer: unknown = await browser.tabs.sendMessage(tab.id, { type: 'tab-guard-status' } satisfies TabRequest);
    if (isTabGuardStatus(answer)) return answer;
  } catch {
    // "Could not establish connection": no content script of ours in this tab.
  }
  return onX ? 'not-running' : null;
}

function isTabGuardStatus(value: unknown): value is TabGuardStatus {
  if (typeof value !== 'object' || value === null) return false;
  const status = value as Partial<TabGuardStatus>;
  return typeof status.guarded === 'boolean' && typeof status.state === 'string' && typeof status.health === 'string';
}

/** One sentence about this tab, and whether it is good news. */
export function describeTabGuard(status: ActiveTabGuard): { text: string; tone: 'ok' | 'warning' | 'problem' | 'neutral' } {
  if (status === null) return { text: t('popup_tab_not_x'), tone: 'neutral' };
  if (status === 'not-running') return { text: t('popup_tab_not_running'), tone: 'problem' };
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
