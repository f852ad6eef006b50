/** Activity: the audit log (when, account, class, rules, outcome; never post text), with CSV export for the safeguarding lead. */
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../roster/roster-store';
import { sendRequest } from '../shared/send-request';
import { auditLogCsv } from './audit-csv';
import { downloadText, todayStamp } from './download-file';
import { formatDateTime } from './format-date';
import { OUTCOME_LABELS, RULE_LABELS } from './rule-labels';

/** The page shows the newest entries; the CSV has them all. */
const SHOWN_ENTRIES = 200;

export function ActivitySection() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendRequest({ type: 'list-audit', limit: SHOWN_ENTRIES }).then(setEntries, (reason: unknown) => setError(String(reason)));
  }, []);

  const exportCsv = async () => {
    const all = await sendRequest({ type: 'list-audit' });
    downloadText(`post-guard-activity-${todayStamp()}.csv`, auditLogCsv(all), 'text/csv;charset=utf-8');
  };

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <p class="hint">What the guard blocked, warned about and let through. Post text and pupils’ names are never recorded.</p>
      <p><button type="button" class="secondary" disabled={!entries?.length} onClick={() => void exportCsv()}>Export activity as CSV</button></p>
      {error !== null && <p role="alert" class="error">The activity log could not be read: {error}</p>}
      {entries === null ? error === null && <p>Loading…</p> : entries.length === 0 ? <p>Nothing has been recorded yet.</p> : (
        <table>
          <caption class="visually-hidden">Newest first{entries.length === SHOWN_ENTRIES ? `, the last ${SHOWN_ENTRIES}` : ''}</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Account</th><th scope="col">Class</th><th scope="col">Rules</th><th scope="col">Outcome</th></tr></thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={index}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.account === null ? '—' : `@${entry.account.replace(/^@/, '')}`}</td>
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
