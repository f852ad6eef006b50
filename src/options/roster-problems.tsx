/** What is wrong with a chosen roster file, row by row; the current roster stays in force. */
import { describeRosterProblem, type RosterProblem } from '../roster/parse-result';
import { t, tMessage } from '../shared/i18n';
import { formatCount } from '../shared/format-count';

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
      <h3>{t('options_roster_problems_heading', fileName)}</h3>
      <p role="alert">
        {t('options_roster_problems_not_imported', fileName, problems.length === 1 ? t('options_roster_problems_one') : t('options_roster_problems_many', formatCount(problems.length)))}{' '}
        {validCount > 0 ? t('options_roster_problems_fix_or_import_valid') : t('options_roster_problems_fix')}
      </p>
      <ul>
        {problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => <li key={index}>{tMessage(describeRosterProblem(problem))}</li>)}
      </ul>
      {problems.length > SHOWN_PROBLEMS && <p>{t('common_and_more', formatCount(problems.length - SHOWN_PROBLEMS))}</p>}
      <p class="actions">
        {validCount > 0 && <button type="button" onClick={onImportValid}>{t('options_roster_import_valid')}</button>}{' '}
        <button type="button" class="secondary" onClick={onCancel}>{t('common_cancel')}</button>
      </p>
    </div>
  );
}
