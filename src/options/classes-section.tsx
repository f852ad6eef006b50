/**
 * Classes: names a post may begin with, their other names ("Y1", "Year One") and their order.
 * Classes in the roster's class column are allowed anyway; listing them here adds aliases.
 */
import { useState } from 'preact/hooks';
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
    if (found.length === 0) setNote('Classes saved.');
  };

  return (
    <section aria-labelledby="classes-heading">
      <h2 id="classes-heading">Classes</h2>
      <p class="hint">Every post must begin with a class name or one of its other names (“Oak:”, “Y1 -”). Classes in the roster are allowed anyway; add them here to give them other names or to set their order.</p>
      {state.managedKeys.includes('classes') && <ManagedNote id="classes-managed" />}
      <form onSubmit={(event) => void submit(event)}>
        {rows.length === 0 ? <p>No classes are listed here yet.</p> : (
          <ol class="class-rows">
            {rows.map((current, index) => {
              const label = current.name.trim() || `class ${index + 1}`;
              return (
                <li key={current.key}>
                  <label for={`class-name-${current.key}`}>Class {index + 1} name</label>
                  <input id={`class-name-${current.key}`} value={current.name} disabled={!editable} onInput={(event) => update(index, { name: event.currentTarget.value })} />
                  <label for={`class-aliases-${current.key}`}>Other names for class {index + 1}, separated by commas</label>
                  <input id={`class-aliases-${current.key}`} value={current.aliases} disabled={!editable} onInput={(event) => update(index, { aliases: event.currentTarget.value })} />
                  <span class="row-actions">
                    <button type="button" class="secondary" disabled={!editable || index === 0} aria-label={`Move ${label} up`} onClick={() => move(index, -1)}>↑</button>
                    <button type="button" class="secondary" disabled={!editable || index === rows.length - 1} aria-label={`Move ${label} down`} onClick={() => move(index, 1)}>↓</button>
                    <button type="button" class="secondary" disabled={!editable} aria-label={`Remove ${label}`} onClick={() => setRows(rows.filter((_, at) => at !== index))}>Remove</button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        <FieldProblems id="classes-problems" problems={problems} />
        <p class="actions">
          <button type="button" class="secondary" disabled={!editable} onClick={() => setRows([...rows, row('', '')])}>Add class</button>{' '}
          <button type="submit" disabled={!editable}>Save classes</button>
        </p>
        <p role="status" class="ok">{note}</p>
      </form>
    </section>
  );
}
