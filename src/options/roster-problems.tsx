/** What is wrong with a chosen roster file, row by row; the current roster stays in force. */
import { describeRosterProblem, type RosterProblem } from '../roster/parse-result';

/** Enough to fix a file with; a file with thousands of problems is the wrong file. */
const SHOWN_PROBLEMS = 500;

interface RosterProblemsProps {
  fileName: string;
  problems: readonly RosterProblem[];
  validCount: number;
  onImportValid: () => void;
  onCancel: () => void;
}

export function RosterProblems({ fileName, problems, validCount, onImportValid, onCancel }: RosterProblemsProps) {
  return (
    <div class="problems">
      <h3>Problems in “{fileName}”</h3>
      <p role="alert">
        “{fileName}” was not imported ({problems.length === 1 ? '1 problem' : `${problems.length} problems`}): the current roster is still in use.
        Fix the file and choose it again{validCount > 0 ? ', or import only the rows without problems' : ''}.
      </p>
      <ul>
        {problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => <li key={index}>{describeRosterProblem(problem)}</li>)}
      </ul>
      {problems.length > SHOWN_PROBLEMS && <p>…and {problems.length - SHOWN_PROBLEMS} more.</p>}
      <p class="actions">
        {validCount > 0 && <button type="button" onClick={onImportValid}>Import only the valid rows</button>}{' '}
        <button type="button" class="secondary" onClick={onCancel}>Cancel</button>
      </p>
    </div>
  );
}
