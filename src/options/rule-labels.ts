/** What the ICT lead and the safeguarding lead read for each rule id and each logged outcome. */
import { RULES } from '../policy/rules/index';
import type { RuleId, RuleLevel } from '../policy/types';
import type { AuditEntry } from '../roster/roster-store';
import { t } from '../shared/i18n';
import { ruleLabelKey } from '../shared/rule-label-key';

export { ruleLabelKey, type RuleLabelKey } from '../shared/rule-label-key';

export const RULE_LABELS: Readonly<Record<RuleId, string>> = Object.fromEntries(RULES.map(({ meta }) => [meta.id, t(ruleLabelKey(meta.id))])) as Record<RuleId, string>;

export const LEVEL_LABELS: Readonly<Record<RuleLevel, string>> = {
  off: t('options_level_off'),
  warn: t('options_level_warn'),
  block: t('options_level_block'),
  'block-with-exception': t('options_level_block_with_exception'),
};

export const OUTCOME_LABELS: Readonly<Record<AuditEntry['outcome'], string>> = {
  blocked: t('options_outcome_blocked'),
  warned: t('options_outcome_warned'),
  acknowledged: t('options_outcome_acknowledged'),
  'exception-confirmed': t('options_outcome_exception_confirmed'),
  posted: t('options_outcome_posted'),
};
