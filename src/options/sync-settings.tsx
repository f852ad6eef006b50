/**
 * The roster sync address and interval, the permission to read that one origin (asked for here,
 * on the ICT lead's click, because permissions.request needs a user gesture), and the last result.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { messageText } from '../policy/message-text';
import { t } from '../shared/i18n';
import type { SyncStatus } from '../shared/messages';
import { sendRequest } from '../shared/send-request';
import { FieldProblems } from './field-problems';
import { formatDateTime } from './format-date';
import { ManagedNote } from './managed-note';
import { useOptions } from './options-context';
import { checkSettings, numberOf, syncUrlOf, type SettingsProblem } from './settings-form';

export function SyncSettings({ onSynced }: { onSynced: () => void }) {
  const { state, canChange, save } = useOptions();
  const [url, setUrl] = useState(state.settings.syncUrl ?? '');
  const [hours, setHours] = useState(String(state.settings.syncEveryHours));
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [status, setStatus] = useState<SyncStatus>(state.sync);
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  const savedUrl = state.settings.syncUrl;
  useEffect(() => {
    if (savedUrl === null) return;
    void browser.permissions.contains({ origins: [originPattern(savedUrl)] }).then(setAllowed, () => setAllowed(false));
  }, [savedUrl]);

  const saveSync = async () => {
    const change = { syncUrl: syncUrlOf(url), syncEveryHours: numberOf(hours) };
    // Checked before asking for the permission: an http:// or malformed address has no origin to ask for.
    const checked = checkSettings(state.settings, change);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    const nextUrl = change.syncUrl;
    // Asked before anything else is awaited, while the click still counts as a user gesture.
    const granted = nextUrl === null || (await browser.permissions.request({ origins: [originPattern(nextUrl)] }).catch(() => false));
    if (!granted) {
      setProblems([{ key: 'syncUrl', message: t('options_sync_not_allowed') }]);
      return;
    }
    const found = await save(change);
    setProblems(found);
    if (found.length > 0) return;
    setNote(nextUrl === null ? t('options_sync_turned_off') : t('options_sync_saved'));
    // Access to an address no longer used is given back: the extension reads one origin only.
    if (savedUrl !== null && (nextUrl === null || new URL(savedUrl).origin !== new URL(nextUrl).origin)) {
      await browser.permissions.remove({ origins: [originPattern(savedUrl)] }).catch(() => false);
    }
    setAllowed(nextUrl === null ? null : true);
  };

  const allowAccess = async () => {
    if (savedUrl === null) return;
    setAllowed(await browser.permissions.request({ origins: [originPattern(savedUrl)] }).catch(() => false));
  };

  const syncNow = async () => {
    setBusy(true);
    setNote('');
    const result = await sendRequest({ type: 'sync-now' }).catch((error: unknown): SyncStatus => ({ ...status, lastError: messageText('sync_error_other', String(error)) }));
    setBusy(false);
    setStatus(result);
    if (result.lastError === null) {
      setNote(t('options_sync_done'));
      onSynced();
    }
  };

  const urlProblems = problems.filter((problem) => problem.key === 'syncUrl');
  const hourProblems = problems.filter((problem) => problem.key === 'syncEveryHours');
  return (
    <div class="sync">
      <div class="field">
        <label for="sync-url">{t('options_setting_sync_url')}</label>
        <p id="sync-url-hint" class="hint">{t('options_sync_url_hint')}</p>
        {!canChange('syncUrl') && state.managedKeys.includes('syncUrl') && <ManagedNote id="sync-url-managed" />}
        <input id="sync-url" type="url" value={url} disabled={!canChange('syncUrl')} aria-invalid={urlProblems.length > 0}
          aria-describedby={`sync-url-hint${urlProblems.length > 0 ? ' sync-url-problems' : ''}`} onInput={(event) => setUrl(event.currentTarget.value)} />
        <FieldProblems id="sync-url-problems" problems={urlProblems} />
      </div>
      <div class="field">
        <label for="sync-hours">{t('options_setting_sync_every_hours')}</label>
        {state.managedKeys.includes('syncEveryHours') && <ManagedNote id="sync-hours-managed" />}
        <input id="sync-hours" type="number" min={1} max={168} value={hours} disabled={!canChange('syncEveryHours')} aria-invalid={hourProblems.length > 0}
          aria-describedby={hourProblems.length > 0 ? 'sync-hours-problems' : undefined} onInput={(event) => setHours(event.currentTarget.value)} />
        <FieldProblems id="sync-hours-problems" problems={hourProblems} />
      </div>
      <p class="actions">
        <button type="button" disabled={!canChange('syncUrl') && !canChange('syncEveryHours')} onClick={() => void saveSync()}>{t('options_sync_save')}</button>{' '}
        {savedUrl !== null && allowed === false && (
          <button type="button" class="secondary" onClick={() => void allowAccess()}>{t('options_sync_allow_access', new URL(savedUrl).host)}</button>
        )}{' '}
        <button type="button" class="secondary" disabled={savedUrl === null || busy} onClick={() => void syncNow()}>{t('options_sync_now')}</button>
      </p>
      <p role="status" class="ok">{note}</p>
      <dl class="sync-status">
        <dt>{t('options_sync_last_success')}</dt><dd>{status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : t('options_sync_never')}</dd>
        <dt>{t('options_sync_last_attempt')}</dt><dd>{status.lastAttemptAt ? formatDateTime(status.lastAttemptAt) : t('options_sync_never')}</dd>
      </dl>
      {status.lastError !== null && (
        <p role="alert" class="error">{t('options_sync_failed', status.lastError)}</p>
      )}
    </div>
  );
}

function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}
