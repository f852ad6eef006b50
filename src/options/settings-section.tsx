/** Settings: which accounts are guarded, other allowed openings, never-a-name phrases, the school's own contacts, roster age, and the PIN. */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { SettingKey } from '../shared/messages';
import { FieldProblems } from './field-problems';
import { ManagedNote } from './managed-note';
import { useOptions } from './options-context';
import { linesOf, numberOf, SETTING_LABELS, type SettingsProblem } from './settings-form';
import { SettingsPinForm } from './settings-pin-form';
import { TextListField } from './text-list-field';

const LIST_FIELDS = [
  { key: 'schoolHandles', hint: t('options_hint_school_handles') },
  { key: 'extraPrefixes', hint: t('options_hint_extra_prefixes') },
  { key: 'neverANames', hint: t('options_hint_never_a_names') },
  { key: 'schoolPhones', hint: t('options_hint_school_phones') },
  { key: 'schoolEmails', hint: t('options_hint_school_emails') },
] as const satisfies readonly { key: SettingKey; hint: string }[];

type ListKey = (typeof LIST_FIELDS)[number]['key'];

export function SettingsSection() {
  const { state, canChange, save } = useOptions();
  const [lists, setLists] = useState<Record<ListKey, string>>(() => {
    const { settings } = state;
    return {
      schoolHandles: settings.schoolHandles.join('\n'),
      extraPrefixes: settings.extraPrefixes.join('\n'),
      neverANames: settings.neverANames.join('\n'),
      schoolPhones: settings.schoolPhones.join('\n'),
      schoolEmails: settings.schoolEmails.join('\n'),
    };
  });
  const [staleDays, setStaleDays] = useState(String(state.settings.staleRosterDays));
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [note, setNote] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    setNote('');
    const change: Partial<Record<SettingKey, unknown>> = { staleRosterDays: numberOf(staleDays) };
    for (const { key } of LIST_FIELDS) change[key] = linesOf(lists[key]);
    const found = await save(change);
    setProblems(found);
    if (found.length === 0) setNote(t('options_settings_saved'));
  };

  const staleProblems = problems.filter((problem) => problem.key === 'staleRosterDays');
  const anyEditable = LIST_FIELDS.some(({ key }) => canChange(key)) || canChange('staleRosterDays');
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('options_section_settings')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        {LIST_FIELDS.map(({ key, hint }) => (
          <TextListField key={key} settingKey={key} label={SETTING_LABELS[key]} hint={hint} value={lists[key]} problems={problems}
            disabled={!canChange(key)} managed={state.managedKeys.includes(key)} onInput={(value) => setLists({ ...lists, [key]: value })} />
        ))}
        <div class="field">
          <label for="setting-staleRosterDays">{SETTING_LABELS.staleRosterDays}</label>
          {state.managedKeys.includes('staleRosterDays') && <ManagedNote id="setting-staleRosterDays-managed" />}
          <input id="setting-staleRosterDays" type="number" min={1} value={staleDays} disabled={!canChange('staleRosterDays')}
            aria-invalid={staleProblems.length > 0} aria-describedby={staleProblems.length > 0 ? 'setting-staleRosterDays-problems' : undefined}
            onInput={(event) => setStaleDays(event.currentTarget.value)} />
          <FieldProblems id="setting-staleRosterDays-problems" problems={staleProblems} />
        </div>
        <p class="actions"><button type="submit" disabled={!anyEditable}>{t('options_settings_save')}</button></p>
        <p role="status" class="ok">{note}</p>
      </form>
      <SettingsPinForm />
    </section>
  );
}
