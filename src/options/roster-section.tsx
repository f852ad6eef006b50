/** The pupil list: what is loaded, import with preview, the kept versions, export, and sync. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { exportRosterCsv, exportRosterJson } from '../roster/roster-export';
import type { RosterVersionSummary } from '../roster/roster-store';
import { t } from '../shared/i18n';
import { rosterIsStale, type ResponseOf } from '../shared/messages';
import { sendRequest } from '../shared/send-request';
import { downloadText, todayStamp } from './download-file';
import { formatCount } from '../shared/format-count';
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
    const name = `pupil-list-${todayStamp()}`;
    if (format === 'csv') downloadText(`${name}.csv`, exportRosterCsv(roster.pupils), 'text/csv;charset=utf-8');
    else downloadText(`${name}.json`, exportRosterJson({ pupils: roster.pupils, importedAt: roster.status.importedAt, source: roster.status.source }), 'application/json');
  };

  const status = roster?.status;
  return (
    <section aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t('options_section_roster')}</h2>
      {roster === null ? <p>{t('common_loading')}</p> : status ? (
        <p class={rosterIsStale(status) ? 'warning' : undefined}>
          {t('options_roster_status', formatCount(status.pupilCount), status.source, formatDateTime(status.importedAt))}
          {rosterIsStale(status) && ` ${t('options_roster_stale')}`}
        </p>
      ) : (
        <div role="alert" class="alert-box" aria-labelledby="no-roster-heading">
          <h3 id="no-roster-heading">{t('options_roster_none')}</h3>
          <p>{t('options_roster_none_todo')}</p>
        </div>
      )}
      <p role="status" class="ok">{announcement}</p>

      <h3>{t('options_roster_import_heading')}</h3>
      <RosterImport onReplaced={(count) => changed(t('options_roster_updated', formatCount(count)))} />

      <h3>{t('options_roster_export_heading')}</h3>
      <p>
        <button type="button" class="secondary" disabled={!status} onClick={() => exportAs('csv')}>{t('options_roster_export_csv')}</button>{' '}
        <button type="button" class="secondary" disabled={!status} onClick={() => exportAs('json')}>{t('options_roster_export_json')}</button>
      </p>
      <p class="hint">{t('options_roster_export_hint')}</p>

      <h3>{t('options_roster_versions_heading')}</h3>
      <RosterVersions versions={versions} onRestored={(version) => changed(t('options_roster_restored', formatCount(version.pupilCount), formatDateTime(version.importedAt)))} />

      <h3>{t('options_roster_sync_heading')}</h3>
      <SyncSettings onSynced={() => void refresh()} />
    </section>
  );
}
