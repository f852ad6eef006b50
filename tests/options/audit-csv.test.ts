import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auditLogCsv } from '../../src/options/audit-csv';
import type { AuditEntry } from '../../src/roster/roster-store';

const rows = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('auditLogCsv', () => {
  it('writes date, time, account, class, rules and outcome, in the school’s time zone', () => {
    const entries: AuditEntry[] = [
      { at: '2025-07-01T08:05:09.000Z', account: 'PrimaryRedbourn', className: 'Owls', rules: ['pupil-name', 'hashtag'], outcome: 'blocked' },
      { at: '2025-12-01T15:00:00.000Z', account: null, className: null, rules: [], outcome: 'posted' },
    ];
    const csv = auditLogCsv(entries, 'Europe/London');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows(csv)).toEqual([
      ['Date', 'Time', 'Account', 'Class', 'Rules', 'Outcome'],
      ['2025-07-01', '09:05:09', 'PrimaryRedbourn', 'Owls', 'Pupil’s name; Hashtag', 'Blocked'],
      ['2025-12-01', '15:00:00', '', '', '', 'Posted'],
    ]);
  });

  it('drops the @ of a handle and escapes cells a spreadsheet would run as a formula', () => {
    const csv = auditLogCsv([{ at: '2025-07-01T08:00:00.000Z', account: '@school', className: '=HYPERLINK("x")', rules: ['mention'], outcome: 'warned' }], 'UTC');
    expect(rows(csv)[1]).toEqual(['2025-07-01', '08:00:00', 'school', '\'=HYPERLINK("x")', 'Mention of another account', 'Warned']);
  });

  it('writes only the header for an empty log', () => {
    expect(rows(auditLogCsv([], 'UTC'))).toEqual([['Date', 'Time', 'Account', 'Class', 'Rules', 'Outcome']]);
  });
});
