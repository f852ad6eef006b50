/**
 * Scheduled roster sync: an alarm fetches the configured HTTPS URL; a failed or invalid fetch keeps
 * the roster in force and is reported with the time of the last good sync.
 */
import browser from 'webextension-polyfill';
import { messageText, type MessageText, type Substitution } from '../policy/message-text';
import { describeRosterProblem } from '../roster/parse-result';
import type { Pupil } from '../roster/model';
import { syncRoster } from '../roster/roster-sync';
import type { SyncStatus } from '../shared/messages';
import type { Settings } from '../shared/settings';

const ALARM = 'roster-sync';
const STATE_KEY = 'syncState';

interface SyncState extends SyncStatus {
  etag?: string;
  lastModified?: string;
  url?: string;
}

const EMPTY: SyncState = { lastAttemptAt: null, lastSuccessAt: null, lastError: null };

export async function readSyncState(): Promise<SyncState> {
  const stored = (await browser.storage.local.get(STATE_KEY))[STATE_KEY] as (Omit<SyncState, 'lastError'> & { lastError: MessageText | string | null }) | undefined;
  if (stored === undefined) return EMPTY;
  // Versions before the reasons were message keys stored the words themselves.
  return { ...stored, lastError: typeof stored.lastError === 'string' ? messageText('sync_error_other', stored.lastError) : stored.lastError };
}

export function publicSyncStatus({ lastAttemptAt, lastSuccessAt, lastError }: SyncState): SyncStatus {
  return { lastAttemptAt, lastSuccessAt, lastError };
}

/**
 * Makes sure the sync alarm exists with the configured period. Called when settings change and
 * each time the worker starts: browsers may drop alarms when they restart.
 */
export async function scheduleSync(settings: Settings, { keepExisting = false } = {}): Promise<void> {
  const existing = await browser.alarms.get(ALARM);
  const period = settings.syncEveryHours * 60;
  if (keepExisting && settings.syncUrl && existing?.periodInMinutes === period) return;
  await browser.alarms.clear(ALARM);
  if (!settings.syncUrl) return;
  await browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: period });
}

export function isSyncAlarm(alarm: browser.Alarms.Alarm): boolean {
  return alarm.name === ALARM;
}

/**
 * Fetches once and hands a valid roster to `replace`. Everything else only updates the status.
 */
export async function runSync(
  settings: Settings,
  replace: (pupils: Pupil[], source: string) => Promise<void>,
): Promise<SyncStatus> {
  const previous = await readSyncState();
  const now = new Date().toISOString();
  if (!settings.syncUrl) {
    return publicSyncStatus({ ...previous, lastError: messageText('sync_error_no_address') });
  }
  const refusal = await missingPermission(settings.syncUrl);
  if (refusal !== null) {
    const next = { ...previous, lastAttemptAt: now, lastError: refusal };
    await browser.storage.local.set({ [STATE_KEY]: next });
    return publicSyncStatus(next);
  }
  // A new URL must not send the old URL's validators.
  const validators: Pick<SyncState, 'etag' | 'lastModified'> = previous.url === settings.syncUrl ? previous : {};
  const result = await syncRoster({
    url: settings.syncUrl,
    previous: { etag: validators.etag, lastModified: validators.lastModified },
    fetchImpl: fetch.bind(globalThis),
  });
  let next: SyncState;
  switch (result.status) {
    case 'unchanged':
      next = { ...previous, url: settings.syncUrl, lastAttemptAt: now, lastSuccessAt: now, lastError: null };
      break;
    case 'updated':
      await replace(result.pupils, settings.syncUrl);
      next = {
        url: settings.syncUrl, etag: result.etag, lastModified: result.lastModified,
        lastAttemptAt: now, lastSuccessAt: now, lastError: null,
      };
      break;
    case 'invalid': {
      const [first, ...rest] = result.errors.slice(0, 3).map(describeRosterProblem);
      const problems = rest.reduce<Substitution>((list, problem) => messageText('sync_problem_next', list, problem), first ?? '');
      next = { ...previous, lastAttemptAt: now, lastError: messageText('sync_error_invalid_file', problems) };
      break;
    }
    case 'failed':
      next = { ...previous, lastAttemptAt: now, lastError: result.message };
      break;
  }
  await browser.storage.local.set({ [STATE_KEY]: next });
  return publicSyncStatus(next);
}

/**
 * The host permission for the sync origin is asked for at run time (options page); without it the
 * fetch would fail as an opaque network error, so say what to do instead.
 */
async function missingPermission(syncUrl: string): Promise<MessageText | null> {
  let origin: string;
  try {
    origin = new URL(syncUrl).origin;
  } catch {
    return null; // syncRoster explains a malformed address.
  }
  if (await browser.permissions.contains({ origins: [`${origin}/*`] })) return null;
  return messageText('sync_error_no_permission', origin);
}
