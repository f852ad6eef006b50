/** A setting that is a list of texts, edited one per line in a text box. */
import type { SettingKey } from '../shared/messages';
import { FieldProblems } from './field-problems';
import { ManagedNote } from './managed-note';
import type { SettingsProblem } from './settings-form';

interface TextListFieldProps {
  settingKey: SettingKey;
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
  problems: readonly SettingsProblem[];
  disabled: boolean;
  managed: boolean;
}

export function TextListField({ settingKey, label, hint, value, onInput, problems, disabled, managed }: TextListFieldProps) {
  const id = `setting-${settingKey}`;
  const mine = problems.filter((problem) => problem.key === settingKey);
  const describedBy = [`${id}-hint`, managed ? `${id}-managed` : '', mine.length > 0 ? `${id}-problems` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <p id={`${id}-hint`} class="hint">{hint}</p>
      {managed && <ManagedNote id={`${id}-managed`} />}
      <textarea id={id} rows={3} value={value} disabled={disabled} aria-invalid={mine.length > 0} aria-describedby={describedBy}
        onInput={(event) => onInput(event.currentTarget.value)} />
      <FieldProblems id={`${id}-problems`} problems={mine} />
    </div>
  );
}
