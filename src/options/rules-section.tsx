/** Rules: each rule's level (off, warn, block, block unless staff confirm the policy's exception). */
import { useState } from 'preact/hooks';
import { RULES } from '../policy/rules';
import type { RuleLevel } from '../policy/types';
import { t } from '../shared/i18n';
import type { RuleLevels } from '../shared/settings';
import { FieldProblems } from './field-problems';
import { ManagedNote } from './managed-note';
import { useOptions } from './options-context';
import { LEVEL_LABELS, RULE_LABELS } from './rule-labels';
import type { SettingsProblem } from './settings-form';

const LEVELS = Object.keys(LEVEL_LABELS) as RuleLevel[];

export function RulesSection() {
  const { state, canChange, save } = useOptions();
  const [levels, setLevels] = useState<RuleLevels>(state.settings.rules);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [note, setNote] = useState('');
  const editable = canChange('rules');

  const submit = async (event: Event) => {
    event.preventDefault();
    setNote('');
    const found = await save({ rules: levels });
    setProblems(found);
    if (found.length === 0) setNote(t('options_rules_saved'));
  };

  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('options_section_rules')}</h2>
      <p class="hint">{t('options_rules_hint')}</p>
      {state.managedKeys.includes('rules') && <ManagedNote id="rules-managed" />}
      <form onSubmit={(event) => void submit(event)}>
        {RULES.map(({ meta }) => (
          <div class="field" key={meta.id}>
            <label for={`rule-${meta.id}`}>{RULE_LABELS[meta.id]}</label>
            <p id={`rule-${meta.id}-policy`} class="hint">{t('options_rules_policy', meta.policySentence)}</p>
            <select id={`rule-${meta.id}`} value={levels[meta.id] ?? ''} disabled={!editable} aria-describedby={`rule-${meta.id}-policy`}
              onChange={(event) => {
                const value = event.currentTarget.value as RuleLevel | '';
                const next = { ...levels };
                if (value === '') delete next[meta.id];
                else next[meta.id] = value;
                setLevels(next);
              }}>
              <option value="">{t('options_rules_default', LEVEL_LABELS[meta.defaultLevel])}</option>
              {LEVELS.map((level) => <option key={level} value={level}>{LEVEL_LABELS[level]}</option>)}
            </select>
          </div>
        ))}
        <FieldProblems id="rules-problems" problems={problems} />
        <p class="actions"><button type="submit" disabled={!editable}>{t('options_rules_save')}</button></p>
        <p role="status" class="ok">{note}</p>
      </form>
    </section>
  );
}
