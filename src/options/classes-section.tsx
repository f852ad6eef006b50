/**
 * Classes: every class the pupil list names, with the openings a post about it may begin with; the
 * ICT lead adds other names ("4M", "Year 4 Maple") beside a class without retyping it, and shared
 * openings such as "Year 4" that cover several classes (suggested from the Year Group column).
 */
import { useEffect, useState } from 'preact/hooks';
import { classNameKey } from '../policy/class-prefix';
import type { Pupil } from '../roster/model';
import { t } from '../shared/i18n';
import type { ClassSetting } from '../shared/settings';
import { sendRequest } from '../shared/send-request';
import { rosterClasses, suggestYearGroups, type YearGroupSuggestion } from './class-list';
import { FieldProblems } from './field-problems';
import { formatCount } from '../shared/format-count';
import { ManagedNote } from './managed-note';
import { useOptions } from './options-context';
import { aliasesOf, SETTING_LABELS, type SettingsProblem } from './settings-form';

interface ClassRow {
  /** Keeps focus and input state with the row when rows come and go. */
  key: number;
  name: string;
  aliases: string;
  /** Pupils in the pupil list; null for a class only the settings name. */
  pupilCount: number | null;
}

interface SharedOpeningRow {
  key: number;
  name: string;
  aliases: string;
  covers: string[];
}

let nextRowKey = 0;

function rowsFor(pupils: readonly Pupil[], classes: readonly ClassSetting[]): { classRows: ClassRow[]; sharedRows: SharedOpeningRow[] } {
  const settingByKey = new Map(classes.filter((setting) => !setting.covers?.length).map((setting) => [classNameKey(setting.name), setting]));
  const inList = rosterClasses(pupils);
  const listed = new Set(inList.map((entry) => classNameKey(entry.name)));
  const classRows: ClassRow[] = [
    ...inList.map((entry) => ({ key: nextRowKey++, name: entry.name, aliases: settingByKey.get(classNameKey(entry.name))?.aliases.join(', ') ?? '', pupilCount: entry.pupilCount })),
    ...[...settingByKey.entries()].filter(([key]) => !listed.has(key)).map(([, setting]) => ({ key: nextRowKey++, name: setting.name, aliases: setting.aliases.join(', '), pupilCount: null })),
  ];
  const sharedRows = classes.filter((setting) => setting.covers?.length).map((setting) => ({ key: nextRowKey++, name: setting.name, aliases: setting.aliases.join(', '), covers: setting.covers ?? [] }));
  return { classRows, sharedRows };
}

export function ClassesSection() {
  const { state, canChange, save } = useOptions();
  const [pupils, setPupils] = useState<Pupil[] | null>(null);
  const [classRows, setClassRows] = useState<ClassRow[]>([]);
  const [sharedRows, setSharedRows] = useState<SharedOpeningRow[]>([]);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [note, setNote] = useState('');
  const editable = canChange('classes');

  useEffect(() => {
    void sendRequest({ type: 'get-roster' }).then(({ pupils: loaded }) => {
      const rows = rowsFor(loaded, state.settings.classes);
      setPupils(loaded);
      setClassRows(rows.classRows);
      setSharedRows(rows.sharedRows);
    });
    // Once: the rows start from what was saved, and later edits stay on the page until saved.
  }, []);

  const updateClass = (key: number, change: Partial<ClassRow>) => setClassRows(classRows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const updateShared = (key: number, change: Partial<SharedOpeningRow>) => setSharedRows(sharedRows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const addShared = (suggestion: YearGroupSuggestion | null) =>
    setSharedRows([...sharedRows, { key: nextRowKey++, name: suggestion?.name ?? '', aliases: '', covers: suggestion?.classes ?? [] }]);

  const taken = new Set([...classRows, ...sharedRows].map((row) => classNameKey(row.name)));
  const suggestions = pupils === null ? [] : suggestYearGroups(pupils).filter((suggestion) => !taken.has(classNameKey(suggestion.name)));

  const submit = async (event: Event) => {
    event.preventDefault();
    setNote('');
    const empty = sharedRows.filter((row) => row.name.trim() !== '' && row.covers.length === 0);
    if (empty.length > 0) {
      setProblems(empty.map((row) => ({ key: 'classes', message: t('options_year_groups_none_ticked', SETTING_LABELS.classes, row.name.trim()) })));
      return;
    }
    const classes = [
      // A class of the pupil list is allowed anyway: it is saved only to carry other names.
      ...classRows.filter((row) => row.pupilCount === null || aliasesOf(row.aliases).length > 0).map((row) => ({ name: row.name, aliases: aliasesOf(row.aliases) })),
      ...sharedRows.map((row) => ({ name: row.name, aliases: aliasesOf(row.aliases), covers: row.covers })),
    ];
    const found = await save({ classes });
    setProblems(found);
    if (found.length === 0) setNote(t('options_classes_saved'));
  };

  const sharedCovering = (className: string) => sharedRows.filter((row) => row.name.trim() !== '' && row.covers.some((covered) => classNameKey(covered) === classNameKey(className)));
  const listRows = classRows.filter((row) => row.pupilCount !== null);
  const extraRows = classRows.filter((row) => row.pupilCount === null);
  return (
    <section aria-labelledby="classes-heading">
      <h2 id="classes-heading">{t('options_section_classes')}</h2>
      <p class="hint">{t('options_classes_hint')}</p>
      {state.managedKeys.includes('classes') && <ManagedNote id="classes-managed" />}
      {pupils === null ? <p>{t('common_loading')}</p> : (
        <form onSubmit={(event) => void submit(event)}>
          <h3>{t('options_classes_in_list_heading', formatCount(listRows.length))}</h3>
          {listRows.length === 0 ? <p>{t('options_classes_none')}</p> : (
            <table class="class-table">
              <caption class="visually-hidden">{t('options_classes_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('options_classes_col_class')}</th><th scope="col">{t('options_classes_col_pupils')}</th>
                  <th scope="col">{t('options_classes_col_openings')}</th><th scope="col">{t('options_classes_col_aliases')}</th>
                </tr>
              </thead>
              <tbody>
                {listRows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.name}</th>
                    <td>{formatCount(row.pupilCount ?? 0)}</td>
                    <td>{[row.name, ...aliasesOf(row.aliases), ...sharedCovering(row.name).map((shared) => t('options_classes_year_group_tag', shared.name.trim()))].join(', ')}</td>
                    <td>
                      <input aria-label={t('options_classes_aliases_for', row.name)} value={row.aliases} disabled={!editable}
                        onInput={(event) => updateClass(row.key, { aliases: event.currentTarget.value })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          {extraRows.length > 0 && (
            <>
              <h3>{t('options_classes_extra_heading')}</h3>
              <ol class="class-rows">
                {extraRows.map((row, index) => {
                  const label = row.name.trim() || t('options_classes_unnamed', index + 1);
                  return (
                    <li key={row.key}>
                      <label for={`class-name-${row.key}`}>{t('options_classes_name_label', index + 1)}</label>
                      <input id={`class-name-${row.key}`} value={row.name} disabled={!editable} onInput={(event) => updateClass(row.key, { name: event.currentTarget.value })} />
                      <label for={`class-aliases-${row.key}`}>{t('options_classes_aliases_label', index + 1)}</label>
                      <input id={`class-aliases-${row.key}`} value={row.aliases} disabled={!editable} onInput={(event) => updateClass(row.key, { aliases: event.currentTarget.value })} />
                      <span class="row-actions">
                        <button type="button" class="secondary" disabled={!editable} aria-label={t('options_classes_remove_label', label)}
                          onClick={() => setClassRows(classRows.filter((candidate) => candidate.key !== row.key))}>{t('options_classes_remove')}</button>
                      </span>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
          <p>
            <button type="button" class="secondary" disabled={!editable} onClick={() => setClassRows([...classRows, { key: nextRowKey++, name: '', aliases: '', pupilCount: null }])}>{t('options_classes_add')}</button>
          </p>

          <h3>{t('options_year_groups_heading')}</h3>
          <p class="hint">{t('options_year_groups_hint')}</p>
          {suggestions.length > 0 && (
            <div>
              <p>{t('options_year_groups_suggest_intro')}</p>
              <ul class="suggestions">
                {suggestions.map((suggestion) => (
                  <li key={suggestion.name}>
                    <button type="button" class="secondary" disabled={!editable} onClick={() => addShared(suggestion)}>
                      {t('options_year_groups_suggest', suggestion.name, suggestion.classes.join(', '))}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ol class="class-rows">
            {sharedRows.map((row, index) => {
              const label = row.name.trim() || t('options_classes_unnamed', index + 1);
              return (
                <li key={row.key}>
                  <label for={`shared-name-${row.key}`}>{t('options_year_groups_name_label', index + 1)}</label>
                  <input id={`shared-name-${row.key}`} value={row.name} disabled={!editable} onInput={(event) => updateShared(row.key, { name: event.currentTarget.value })} />
                  <label for={`shared-aliases-${row.key}`}>{t('options_year_groups_aliases_label', label)}</label>
                  <input id={`shared-aliases-${row.key}`} value={row.aliases} disabled={!editable} onInput={(event) => updateShared(row.key, { aliases: event.currentTarget.value })} />
                  <fieldset>
                    <legend>{t('options_year_groups_covers_legend', label)}</legend>
                    {listRows.map((classRow) => (
                      <label key={classRow.key} class="check">
                        <input type="checkbox" disabled={!editable} checked={row.covers.some((covered) => classNameKey(covered) === classNameKey(classRow.name))}
                          onChange={(event) => updateShared(row.key, {
                            covers: event.currentTarget.checked
                              ? [...row.covers, classRow.name]
                              : row.covers.filter((covered) => classNameKey(covered) !== classNameKey(classRow.name)),
                          })} />
                        {' '}{classRow.name}
                      </label>
                    ))}
                  </fieldset>
                  <span class="row-actions">
                    <button type="button" class="secondary" disabled={!editable} aria-label={t('options_year_groups_remove_label', label)}
                      onClick={() => setSharedRows(sharedRows.filter((candidate) => candidate.key !== row.key))}>{t('options_classes_remove')}</button>
                  </span>
                </li>
              );
            })}
          </ol>
          <p>
            <button type="button" class="secondary" disabled={!editable} onClick={() => addShared(null)}>{t('options_year_groups_add')}</button>
          </p>
          <FieldProblems id="classes-problems" problems={problems} />
          <p class="actions">
            <button type="submit" disabled={!editable}>{t('options_classes_save')}</button>
          </p>
          <p role="status" class="ok">{note}</p>
        </form>
      )}
    </section>
  );
}
