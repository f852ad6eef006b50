/** The problems with one field, tied to it by id (aria-describedby) so a screen reader reads them with it. */
import type { SettingsProblem } from './settings-form';

export function FieldProblems({ id, problems }: { id: string; problems: readonly SettingsProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} class="error field-problems">
      {problems.map((problem) => <li key={problem.message}>{problem.message}</li>)}
    </ul>
  );
}
