/**
 * The roster sync address and interval, the permission to read that one origin (asked for here,
 * on the ICT lead's click, because permissions.request needs a user gesture), and the last result.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
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
      setProblems([{ key: 'syncUrl', message: 'The browser was not allowed to read that address, so the roster cannot be synced from it. Save again and choose “Allow”.' }]);
      return;
    }
    const found = await save(change);
    setProblems(found);
    if (found.length > 0) return;
    setNote(nextUrl === null ? 'Sync turned off.' : 'Sync settings saved.');
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
    const result = await sendRequest({ type: 'sync-now' }).catch((error: unknown): SyncStatus => ({ ...status, lastError: String(error) }));
    setBusy(false);
    setStatus(result);
    if (result.lastError === null) {
      setNote('Synced.');
      onSynced();
    }
  };

  const urlProblems = problems.filter((problem) => problem.key === 'syncUrl');
  const hourProblems = problems.filter((problem) => problem.key === 'syncEveryHours');
  return (
    <div class="sync">
      <div class="field">
        <label for="sync-url">Roster sync address</label>
        <p id="sync-url-hint" class="hint">The https:// address of the roster CSV your MIS publishes. Leave empty for no sync. Only this address is ever contacted.</p>
        {!canChange('syncUrl') && state.managedKeys.includes('syncUrl') && <ManagedNote id="sync-url-managed" />}
        <input id="sync-url" type="url" value={url} disabled={!canChange('syncUrl')} aria-invalid={urlProblems.length > 0}
          aria-describedby={`sync-url-hint${urlProblems.length > 0 ? ' sync-url-problems' : ''}`} onInput={(event) => setUrl(event.currentTarget.value)} />
        <FieldProblems id="sync-url-problems" problems={urlProblems} />
      </div>
      <div class="field">
        <label for="sync-hours">Sync every (hours)</label>
        {state.managedKeys.includes('syncEveryHours') && <ManagedNote id="sync-hours-managed" />}
        <input id="sync-hours" type="number" min={1} max={168} value={hours} disabled={!canChange('syncEveryHours')} aria-invalid={hourProblems.length > 0}
          aria-describedby={hourProblems.length > 0 ? 'sync-hours-problems' : undefined} onInput={(event) => setHours(event.currentTarget.value)} />
        <FieldProblems id="sync-hours-problems" problems={hourProblems} />
      </div>
      <p class="actions">
        <button type="button" disabled={!canChange('syncUrl') && !canChange('syncEveryHours')} onClick={() => void saveSync()}>Save sync settings</button>{' '}
        {savedUrl !== null && allowed === false && (
          <button type="button" class="secondary" onClick={() => void allowAccess()}>Allow access to {new URL(savedUrl).host}</button>
        )}{' '}
        <button type="button" class="secondary" disabled={savedUrl === null || busy} onClick={() => void syncNow()}>Sync now</button>
      </p>
      <p role="status" class="ok">{note}</p>
      <dl class="sync-status">
        <dt>Last good sync</dt><dd>{status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : 'never'}</dd>
        <dt>Last attempt</dt><dd>{status.lastAttemptAt ? formatDateTime(status.lastAttemptAt) : 'never'}</dd>
      </dl>
      {status.lastError !== null && (
        <p role="alert" class="error">The last sync failed, and the roster in use was kept: {status.lastError}</p>
      )}
    </div>
  );
}

function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}
