/** The toolbar popup: is the guard working, how fresh is the roster, and this week's posts per class. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendRequest } from '../shared/send-request';
import type { ResponseOf } from '../shared/messages';

interface PopupData {
  roster: ResponseOf<'get-roster'>['status'];
  rosterClasses: string[];
  settings: ResponseOf<'get-settings'>;
  posts: ResponseOf<'get-posts-this-week'>;
}

/** The policy asks each class for one or two general posts a week. */
const WEEKLY_MIN = 1;
const WEEKLY_MAX = 2;

export function PopupApp() {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([sendRequest({ type: 'get-roster' }), sendRequest({ type: 'get-settings' }), sendRequest({ type: 'get-posts-this-week' })])
      .then(([roster, settings, posts]) => setData({ roster: roster.status, rosterClasses: roster.pupils.map((pupil) => pupil.className), settings, posts }))
      .catch((reason: unknown) => setError(String(reason)));
  }, []);

  if (error) return <main><h1>School Post Guard</h1><p class="problem">Could not read the guard’s state: {error}</p></main>;
  if (!data) return <main><h1>School Post Guard</h1><p>Loading…</p></main>;

  const classes = data.settings.settings.classes.map((c) => c.name);
  const classNames = [...new Set([...classes, ...data.rosterClasses, ...Object.keys(data.posts)])].sort();
  const handles = data.settings.settings.schoolHandles;
  return (
    <main>
      <h1>School Post Guard</h1>
      {data.roster ? (
        <p class={data.roster.stale ? 'warning' : 'ok'}>
          {data.roster.stale ? 'Roster out of date: ' : 'Guard active. '}
          {data.roster.pupilCount} pupils, updated {formatDate(data.roster.importedAt)}.
        </p>
      ) : (
        <p class="problem">No roster loaded: posting on X is blocked until your ICT lead imports one.</p>
      )}
      <p>{handles.length > 0 ? `Guarding @${handles.join(', @')}.` : 'Guarding every X account in this browser.'}</p>
      <p>
        Last sync:{' '}
        {data.settings.settings.syncUrl
          ? data.settings.sync.lastSuccessAt ? formatDate(data.settings.sync.lastSuccessAt) : 'never'
          : 'not set up'}
        {data.settings.sync.lastError && <span class="problem"> ({data.settings.sync.lastError})</span>}
      </p>
      <h2>General posts this week</h2>
      {classNames.length === 0 ? <p>No classes yet.</p> : (
        <table>
          <thead><tr><th scope="col">Class</th><th scope="col">Posts</th><th scope="col">Policy: 1–2</th></tr></thead>
          <tbody>
            {classNames.map((name) => {
              const count = data.posts[name] ?? 0;
              const status = count < WEEKLY_MIN ? 'none yet' : count > WEEKLY_MAX ? 'over' : 'on track';
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
