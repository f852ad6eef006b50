/** The toolbar popup: is this tab guarded, how fresh is the roster, the last sync, and this week's posts per class. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ResponseOf, TabGuardStatus } from '../shared/messages';
import { sendRequest } from '../shared/send-request';
import { activeTabGuardStatus, describeTabGuard } from './tab-guard-status';

interface PopupData {
  roster: ResponseOf<'get-roster'>['status'];
  rosterClasses: string[];
  settings: ResponseOf<'get-settings'>;
  posts: ResponseOf<'get-posts-this-week'>;
}

/** The policy asks each class for one or two general posts a week. */
const WEEKLY_MIN = 1;
const WEEKLY_MAX = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

export function PopupApp() {
  const [data, setData] = useState<PopupData | null>(null);
  const [tab, setTab] = useState<TabGuardStatus | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([sendRequest({ type: 'get-roster' }), sendRequest({ type: 'get-settings' }), sendRequest({ type: 'get-posts-this-week' })])
      .then(([roster, settings, posts]) => setData({ roster: roster.status, rosterClasses: roster.pupils.map((pupil) => pupil.className), settings, posts }))
      .catch((reason: unknown) => setError(String(reason)));
    void activeTabGuardStatus().then(setTab);
  }, []);

  if (error) return <main><h1>School Post Guard</h1><p class="problem">Could not read the guard’s state: {error}</p></main>;
  if (!data) return <main><h1>School Post Guard</h1><p>Loading…</p></main>;

  const { settings, sync } = data.settings;
  // Settings order first (the ICT lead's order), then classes only the roster or the post log knows.
  const ordered = settings.classes.map((setting) => setting.name);
  const others = [...new Set([...data.rosterClasses, ...Object.keys(data.posts)])].filter((name) => !ordered.includes(name)).sort();
  const classNames = [...ordered, ...others];
  const tabLine = tab === undefined ? null : describeTabGuard(tab);
  return (
    <main>
      <h1>School Post Guard</h1>
      {tabLine && <p class={tabLine.tone}>{tabLine.text}</p>}
      {data.roster ? (
        <p class={data.roster.stale ? 'warning' : undefined}>
          {data.roster.stale && 'Roster out of date: '}
          Roster of {data.roster.pupilCount} pupils, imported {formatDate(data.roster.importedAt)} ({age(data.roster.importedAt)}).
        </p>
      ) : (
        <p class="problem">No roster loaded: posting on X is blocked until your ICT lead imports one.</p>
      )}
      <p>{settings.schoolHandles.length > 0 ? `School accounts: @${settings.schoolHandles.map((handle) => handle.replace(/^@/, '')).join(', @')}.` : 'Every X account in this browser is guarded.'}</p>
      <p>
        Last sync:{' '}
        {settings.syncUrl ? (sync.lastSuccessAt ? formatDate(sync.lastSuccessAt) : 'never') : 'not set up'}
        {sync.lastError && <span class="problem"> (last attempt failed: {sync.lastError})</span>}
      </p>
      <h2>General posts this week</h2>
      {classNames.length === 0 ? <p>No classes yet.</p> : (
        <table>
          <thead><tr><th scope="col">Class</th><th scope="col">Posts</th><th scope="col">Policy: 1–2</th></tr></thead>
          <tbody>
            {classNames.map((name) => {
              const count = data.posts[name] ?? 0;
              const status = count < WEEKLY_MIN ? 'none yet' : count > WEEKLY_MAX ? 'too many' : 'on track';
              return <tr key={name}><td>{name}</td><td>{count}</td><td class={count > WEEKLY_MAX ? 'warning' : undefined}>{status}</td></tr>;
            })}
          </tbody>
        </table>
      )}
      <p><button type="button" onClick={() => void browser.runtime.openOptionsPage()}>Open options</button></p>
    </main>
  );
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function age(iso: string): string {
  const days = Math.floor((Date.now() - Date.parse(iso)) / DAY_MS);
  return days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}
