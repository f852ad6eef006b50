/** Activity: the audit log (when, account, class, rules, outcome; never post text), with CSV export for the safeguarding lead. */
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../roster/roster-store';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { auditLogCsv } from './audit-csv';
import { FlaggedReplies } from './flagged-replies';
import { downloadText, todayStamp } from './download-file';
import { formatDateTime } from './format-date';
import { handleAsWritten } from './handle-as-written';
import { NeverANameOffers } from './never-a-name-offers';
import { useOptions } from './options-context';
import { OUTCOME_LABELS, RULE_LABELS } from './rule-labels';

/** The page shows the newest entries; the CSV has them all. */
const SHOWN_ENTRIES = 200;

export function ActivitySection() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { schoolHandles } = useOptions().state.settings;

  useEffect(() => {
    sendRequest({ type: 'list-audit', limit: SHOWN_ENTRIES }).then(setEntries, (reason: unknown) => setError(String(reason)));
  }, []);

  const exportCsv = async () => {
    const all = await sendRequest({ type: 'list-audit' });
    downloadText(`post-guard-activity-${todayStamp()}.csv`, auditLogCsv(all), 'text/csv;charset=utf-8');
  };

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('options_section_activity')}</h2>
      <FlaggedReplies />
      <p class="hint">{t('options_activity_hint')}</p>
      <NeverANameOffers />
      <p><button type="button" class="secondary" disabled={!entries?.length} onClick={() => void exportCsv()}>{t('options_activity_export')}</button></p>
      {error !== null && <p role="alert" class="error">{t('options_activity_load_error', error)}</p>}
      {entries === null ? error === null && <p>{t('common_loading')}</p> : entries.length === 0 ? <p>{t('options_activity_empty')}</p> : (
        <table>
          <caption class="visually-hidden">{entries.length === SHOWN_ENTRIES ? t('options_activity_caption_last', SHOWN_ENTRIES) : t('options_activity_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options_activity_when')}</th><th scope="col">{t('options_activity_account')}</th><th scope="col">{t('options_activity_class')}</th>
              <th scope="col">{t('options_activity_rules')}</th><th scope="col">{t('options_activity_outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={index}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.account === null ? '—' : handleAsWritten(entry.account, schoolHandles)}</td>
                <td>{entry.className ?? '—'}</td>
                <td>{entry.rules.map((rule) => RULE_LABELS[rule]).join(', ') || '—'}</td>
                <td>{OUTCOME_LABELS[entry.outcome]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
