/**
 * The current roster out again: CSV for the ICT lead to open in Excel (and import back), JSON for a
 * faithful copy. Both round-trip through our own imports.
 */
import Papa from 'papaparse';
import { FORMULA_CELL } from './formula-cells';
import type { Pupil, Roster } from './model';
import { COLUMN_ALIASES, type RosterField } from './roster-columns';
import { ROSTER_JSON_FORMAT, ROSTER_JSON_VERSION, type RosterJson } from './roster-json-format';

const CSV_FIELDS: readonly RosterField[] = ['id', 'forename', 'preferredName', 'surname', 'className', 'yearGroup', 'photoConsent', 'aliases'];

/**
 * CSV with the import's own header names, consent as Yes/No and other names joined with "; ".
 * It starts with a UTF-8 BOM because without one Excel reads UTF-8 as ANSI and mangles "Zoë"; and
 * cells that a spreadsheet would run as a formula get a leading ' (see formula-cells.ts).
 */
export function exportRosterCsv(pupils: readonly Pupil[]): string {
  const rows = pupils.map((pupil) => [
    pupil.id,
    pupil.forename,
    pupil.preferredName ?? '',
    pupil.surname,
    pupil.className,
    pupil.yearGroup ?? '',
    pupil.photoConsent ? 'Yes' : 'No',
    (pupil.aliases ?? []).join('; '),
  ]);
  const csv = Papa.unparse(
    { fields: CSV_FIELDS.map((field) => COLUMN_ALIASES[field][0] ?? field), data: rows },
    { escapeFormulae: FORMULA_CELL, newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}

export function exportRosterJson(roster: Roster, exportedAt: Date = new Date()): string {
  const file: RosterJson = {
    format: ROSTER_JSON_FORMAT,
    version: ROSTER_JSON_VERSION,
    exportedAt: exportedAt.toISOString(),
    source: roster.source,
    importedAt: roster.importedAt,
    pupils: roster.pupils,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
