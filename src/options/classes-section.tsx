/**
 * Classes: names a post may begin with, their other names ("Y1", "Year One") and their order.
 * Classes in the roster's class column are allowed anyway; listing them here adds aliases.
 */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { FieldProblems } from './field-problems';
import { ManagedNote } from './managed-note';
import { useOptions } from './options-context';
import { aliasesOf, type SettingsProblem } from './settings-form';

interface ClassRow {
  /** Keeps focus and input state with the row when rows move. */
  key: number;
  name: string;
  aliases: string;
}

let nextRowKey = 0;
const row = (name: string, aliases: string): ClassRow => ({ key: nextRowKey++, name, aliases });

export function ClassesSection() {
  const { state, canChange, save } = useOptions();
  const [rows, setRows] = useState<ClassRow[]>(() => state.settings.classes.map((setting) => row(setting.name, setting.aliases.join(', '))));
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [note, setNote] = useState('');
  const editable = canChange('classes');

  const update = (index: number, change: Partial<ClassRow>) => setRows(rows.map((current, at) => (at === index ? { ...current, ...change } : current)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(index + by, 0, moved);
    setRows(next);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setNote('');
    const found = await save({ classes: rows.map((current) => ({ name: current.name, aliases: aliasesOf(current.aliases) })) });
    setProblems(found);
    if (found.length === 0) setNote(t('options_classes_saved'));
  };

  return (
    <section aria-labelledby="classes-heading">
      <h2 id="classes-heading">{t('options_section_classes')}</h2>
      <p class="hint">{t('options_classes_hint')}</p>
      {state.managedKeys.includes('classes') && <ManagedNote id="classes-managed" />}
      <form onSubmit={(event) => void submit(event)}>
        {rows.length === 0 ? <p>{t('options_classes_none')}</p> : (
          <ol class="class-rows">
            {rows.map((current, index) => {
              const label = current.name.trim() || t('options_classes_unnamed', index + 1);
              return (
                <li key={current.key}>
                  <label for={`class-name-${current.key}`}>{t('options_classes_name_label', index + 1)}</label>
                  <input id={`class-name-${current.key}`} value={current.name} disabled={!editable} onInput={(event) => update(index, { name: event.currentTarget.value })} />
                  <label for={`class-aliases-${current.key}`}>{t('options_classes_aliases_label', index + 1)}</label>
                  <input id={`class-aliases-${current.key}`} value={current.aliases} disabled={!editable} onInput={(event) => update(index, { aliases: event.currentTarget.value })} />
                  <span class="row-actions">
                    <button type="button" class="secondary" disabled={!editable || index === 0} aria-label={t('options_classes_move_up', label)} onClick={() => move(index, -1)}>↑</button>
                    <button type="button" class="secondary" disabled={!editable || index === rows.length - 1} aria-label={t('options_classes_move_down', label)} onClick={() => move(index, 1)}>↓</button>
                    <button type="button" class="secondary" disabled={!editable} aria-label={t('options_classes_remove_label', label)} onClick={() => setRows(rows.filter((_, at) => at !== index))}>{t('options_classes_remove')}</button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        <FieldProblems id="classes-problems" problems={problems} />
        <p class="actions">
          <button type="button" class="secondary" disabled={!editable} onClick={() => setRows([...rows, row('', '')])}>{t('options_classes_add')}</button>{' '}
          <button type="submit" disabled={!editable}>{t('options_classes_save')}</button>
        </p>
        <p role="status" class="ok">{note}</p>
      </form>
    </section>
  );
}
