/** What a roster import (CSV, JSON or sync) hands back: pupils, or problems an ICT lead can act on. */
import type { Pupil } from './model';

/**
 * One thing wrong with the file. `row` is the row number the ICT lead sees in a spreadsheet (the
 * header is row 1) or, for JSON, the pupil's position in the list (the first pupil is 1); 0 means
 * the file as a whole. `column` is the header as written in the file. `message` is plain English
 * and does not repeat the row or column: `describeRosterProblem` puts the three together.
 */
export type RosterProblem = { row: number; column?: string; message: string };

export type RosterParseResult =
  | { ok: true; pupils: Pupil[]; warnings: string[] }
  | { ok: false; errors: RosterProblem[]; validPupils: Pupil[] };

/** `row 14, "Photo consent": 'maybe' is not Yes/No` — the form the options page and the CLI show. */
export function describeRosterProblem(problem: RosterProblem): string {
  if (problem.row === 0) return problem.message;
  const where = problem.column === undefined ? `row ${problem.row}` : `row ${problem.row}, "${problem.column}"`;
  return `${where}: ${problem.message}`;
}
