/** Roster: what is loaded, import with preview, the kept versions, export, and sync. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { exportRosterCsv, exportRosterJson } from '../roster/roster-export';
import type { RosterVersionSummary } from '../roster/roster-store';
import type { ResponseOf } from '../shared/messages';
import { sendRequest } from '../shared/send-request';
import { downloadText, todayStamp } from './download-file';
import { formatDateTime } from './format-date';
import { RosterImport } from './roster-import';
import { RosterVersions } from './roster-versions';
import { SyncSettings } from './sync-settings';

export function RosterSection() {
  const [roster, setRoster] = useState<ResponseOf<'get-roster'> | null>(null);
  const [versions, setVersions] = useState<RosterVersionSummary[]>([]);
  const [announcement, setAnnouncement] = useState('');

  const refresh = useCallback(async () => {
    const [loaded, kept] = await Promise.all([sendRequest({ type: 'get-roster' }), sendRequest({ type: 'list-roster-versions' })]);
    setRoster(loaded);
    setVersions(kept);
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const changed = (message: string) => {
    setAnnouncement(message);
    void refresh();
  };

  const exportAs = (format: 'csv' | 'json') => {
    if (!roster?.status) return;
    const name = `roster-${todayStamp()}`;
    if (format === 'csv') downloadText(`${name}.csv`, exportRosterCsv(roster.pupils), 'text/csv;charset=utf-8');
    else downloadText(`${name}.json`, exportRosterJson({ pupils: roster.pupils, importedAt: roster.status.importedAt, source: roster.status.source }), 'application/json');
  };

  const status = roster?.status;
  return (
    <section aria-labelledby="roster-heading">
      <h2 id="roster-heading">Roster</h2>
      {roster === null ? <p>Loading…</p> : status ? (
        <p class={status.stale ? 'warning' : undefined}>
          {status.pupilCount} pupils, from {status.source}, imported {formatDateTime(status.importedAt)}.
          {status.stale && ' This roster is out of date: staff see a warning when they post. Import a new one.'}
        </p>
      ) : (
        <p class="warning">No roster is loaded, so staff cannot post on X. Import the pupil list exported from your MIS.</p>
      )}
      <p role="status" class="ok">{announcement}</p>

      <h3>Import</h3>
      <RosterImport currentPupils={roster?.pupils ?? []} onReplaced={(count) => changed(`Roster updated: ${count} pupils`)} />

      <h3>Export</h3>
      <p>
        <button type="button" class="secondary" disabled={!status} onClick={() => exportAs('csv')}>Export roster as CSV</button>{' '}
        <button type="button" class="secondary" disabled={!status} onClick={() => exportAs('json')}>Export roster as JSON</button>
      </p>

      <h3>Earlier versions</h3>
      <RosterVersions versions={versions} onRestored={(version) => changed(`Roster restored: ${version.pupilCount} pupils, from ${formatDateTime(version.importedAt)}`)} />

      <h3>Sync from the MIS</h3>
      <SyncSettings onSynced={() => void refresh()} />
    </section>
  );
}
