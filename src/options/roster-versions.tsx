/** The last five rosters kept, newest first; any of them can be made current again in one step. */
import { useState } from 'preact/hooks';
import type { RosterVersionSummary } from '../roster/roster-store';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { formatCount } from '../shared/format-count';
import { formatDateTime } from './format-date';
import { useOptions } from './options-context';

interface RosterVersionsProps {
  versions: readonly RosterVersionSummary[];
  onRestored: (version: RosterVersionSummary) => void;
}

export function RosterVersions({ versions, onRestored }: RosterVersionsProps) {
  const { editable, pin } = useOptions();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const restore = async (version: RosterVersionSummary) => {
    setBusy(true);
    setError(null);
    const result = await sendRequest({ type: 'restore-roster-version', versionId: version.id, pin });
    setBusy(false);
    if (result.ok) onRestored(version);
    else setError(result.message);
  };

  if (versions.length === 0) return <p>{t('options_versions_none')}</p>;
  return (
    <>
      <table>
        <caption class="visually-hidden">{t('options_versions_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('options_versions_imported')}</th><th scope="col">{t('options_versions_from')}</th><th scope="col">{t('options_versions_pupils')}</th>
            <th scope="col"><span class="visually-hidden">{t('options_versions_action')}</span></th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id}>
              <td>{formatDateTime(version.importedAt)}</td>
              <td>{version.source}</td>
              <td>{formatCount(version.pupilCount)}</td>
              <td>
                {version.current ? <strong>{t('options_versions_in_use')}</strong> : (
                  <button type="button" class="secondary" disabled={!editable || busy}
                    aria-label={t('options_versions_restore_label', formatDateTime(version.importedAt), formatCount(version.pupilCount))}
                    onClick={() => void restore(version)}>{t('options_versions_restore')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error !== null && <p role="alert" class="error">{error}</p>}
    </>
  );
}
