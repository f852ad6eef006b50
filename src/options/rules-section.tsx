/**
 * Rules: each rule's level, from the levels its metadata allows (block unless staff confirm the
 * policy's exception only where the policy has one), under the policy sentence it enforces.
 */
import { useState } from 'preact/hooks';
import { quotePolicy, type RuleMeta } from '../policy/rule';
import { RULES } from '../policy/rules/index';
import type { RuleLevel } from '../policy/types';
import { t, tMessage } from '../shared/i18n';
import type { RuleLevels } from '../shared/settings';
import { FieldProblems } from './field-problems';
import { ManagedNote } from './managed-note';
import { useOptions } from './options-context';
import { LEVEL_LABELS, RULE_LABELS } from './rule-labels';
import type { SettingsProblem } from './settings-form';

export function RulesSection() {
  const { state, canChange, save } = useOptions();
  const [levels, setLevels] = useState<RuleLevels>(state.settings.rules);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [note, setNote] = useState('');
  const editable = canChange('rules');
  const schoolHandle = state.settings.schoolHandles[0] ?? null;
  const managedProblems = state.managedProblems.filter((problem) => problem.key === 'rules');

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
      {managedProblems.length > 0 && (
        <div role="alert" class="error" id="rules-managed-problems">
          <p>{t('options_rules_managed_rejected')}</p>
          <ul>{managedProblems.map((problem) => <li key={problem.message}>{problem.message}</li>)}</ul>
        </div>
      )}
      <form onSubmit={(event) => void submit(event)}>
        {RULES.map(({ meta }) => (
          <div class="field" key={meta.id}>
            <label for={`rule-${meta.id}`}>{RULE_LABELS[meta.id]}</label>
            <p id={`rule-${meta.id}-policy`} class="hint">{t('options_rules_policy', quotePolicy(tMessage(meta.policySentence), schoolHandle))}</p>
            {meta.confirmation && <p id={`rule-${meta.id}-confirmation`} class="hint">{confirmationHint(meta)}</p>}
            <select id={`rule-${meta.id}`} value={levels[meta.id] ?? ''} disabled={!editable}
              aria-describedby={meta.confirmation ? `rule-${meta.id}-policy rule-${meta.id}-confirmation` : `rule-${meta.id}-policy`}
              onChange={(event) => {
                const value = event.currentTarget.value as RuleLevel | '';
                const next = { ...levels };
                if (value === '') delete next[meta.id];
                else next[meta.id] = value;
                setLevels(next);
              }}>
              <option value="">{t('options_rules_default', LEVEL_LABELS[meta.defaultLevel])}</option>
              {meta.levels.map((level: RuleLevel) => <option key={level} value={level}>{LEVEL_LABELS[level]}</option>)}
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

/** What staff do to go on past the rule's block, and at which level: the ICT lead chooses knowing it. */
function confirmationHint(meta: RuleMeta): string {
  const { confirmation } = meta;
  if (!confirmation) return '';
  const prompt = tMessage(confirmation.prompt);
  const how = confirmation.kind === 'typed' ? t('options_rules_confirm_typed', tMessage(confirmation.words), prompt) : t('options_rules_confirm_click', prompt);
  return meta.levels.includes('block-with-exception') ? t('options_rules_confirm_at_exception', LEVEL_LABELS['block-with-exception'], how) : t('options_rules_confirm_at_block', how);
}
