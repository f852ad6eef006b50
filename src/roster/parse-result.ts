/** What a roster import (CSV, JSON or sync) hands back: pupils, or problems an ICT lead can act on. */
import { messageText, type MessageText } from '../policy/message-text';
import type { Pupil } from './model';

/**
 * One thing wrong with the file. `row` is the row number the ICT lead sees in a spreadsheet (the
 * header is row 1) or, for JSON, the pupil's position in the list (the first pupil is 1); 0 means
 * the file as a whole. `column` is the header as written in the file. `message` names its words in
 * _locales (`roster_problem_*`, said by the options page and the CLI) and does not repeat the row or
 * column: `describeRosterProblem` puts the three together.
 */
export type RosterProblem = { row: number; column?: string; message: MessageText };

/** A row that cannot become a pupil (no usable name, or cells that cannot be trusted), as the ICT lead can find it. */
export interface LeftOutRow {
  row: number;
  /** The name as far as the row shows it; null when it shows none. */
  name: string | null;
}

export type RosterParseResult =
  | { ok: true; pupils: Pupil[]; warnings: MessageText[] }
  | {
    ok: false;
    errors: RosterProblem[];
    /**
     * What "import anyway" would import: every row with a usable name, a pupil whose consent could
     * not be read with photo consent = no (unknown consent is no consent: the child stays protected).
     */
    validPupils: Pupil[];
    /** Rows that would be left out, listed before anything is replaced. */
    leftOut: LeftOutRow[];
    /** How many of `validPupils` have photo consent = no only because their cell was empty or unreadable. */
    consentAssumedNo: number;
    /** The file's "worth knowing" notes (`roster_note_*`), kept for that import. */
    warnings: MessageText[];
  };

/** A whole-file problem: nothing in it can be imported. */
export function fileProblemResult(message: MessageText): RosterParseResult {
  return { ok: false, errors: [{ row: 0, message }], validPupils: [], leftOut: [], consentAssumedNo: 0, warnings: [] };
}

/** `row 14, "Class": the cell is empty…` — the form the options page and the CLI show. */
export function describeRosterProblem(problem: RosterProblem): MessageText {
  if (problem.row === 0) return problem.message;
  const row = String(problem.row);
  return problem.column === undefined ? messageText('roster_problem_at_row', row, problem.message) : messageText('roster_problem_at_row_column', row, problem.column, problem.message);
}
