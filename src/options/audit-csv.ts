/**
 * The audit log as CSV for the safeguarding lead: date, time, account, class, rules, outcome. The
 * log never holds post text or names, so neither does the file. Cells that a spreadsheet would
 * run as a formula are escaped, as in the roster export.
 */
import Papa from 'papaparse';
import { FORMULA_CELL } from '../roster/formula-cells';
import type { AuditEntry } from '../roster/roster-store';
import { t } from '../shared/i18n';
import { OUTCOME_LABELS, RULE_LABELS } from './rule-labels';

const HEADER = [t('options_csv_date'), t('options_csv_time'), t('options_csv_account'), t('options_csv_class'), t('options_csv_rules'), t('options_csv_outcome')];

/** `timeZone` defaults to the browser's; dates are YYYY-MM-DD so Excel sorts them in any locale. */
export function auditLogCsv(entries: readonly AuditEntry[], timeZone?: string): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const rows = entries.map((entry) => {
    const at = new Date(entry.at);
    return [
      date.format(at),
      time.format(at),
      // Without its @: a cell starting with @ would be escaped as a would-be formula.
      entry.account?.replace(/^@/, '') ?? '',
      entry.className ?? '',
      entry.rules.map((rule) => RULE_LABELS[rule]).join('; '),
      OUTCOME_LABELS[entry.outcome],
    ];
  });
  // The BOM makes Excel read the file as UTF-8 (class names with accents).
  return `\uFEFF${Papa.unparse({ fields: HEADER, data: rows }, { escapeFormulae: FORMULA_CELL, newline: '\r\n' })}\r\n`;
}
