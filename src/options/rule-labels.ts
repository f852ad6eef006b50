/** What the ICT lead and the safeguarding lead read for each rule id and each logged outcome. */
import type { RuleId, RuleLevel } from '../policy/types';
import type { AuditEntry } from '../roster/roster-store';
import { t } from '../shared/i18n';

export const RULE_LABELS: Readonly<Record<RuleId, string>> = {
  'pupil-name': t('options_rule_pupil_name'),
  hashtag: t('options_rule_hashtag'),
  'class-prefix': t('options_rule_class_prefix'),
  'personal-info': t('options_rule_personal_info'),
  'attachment-name': t('options_rule_attachment_name'),
  'photo-consent': t('options_rule_photo_consent'),
  location: t('options_rule_location'),
  mention: t('options_rule_mention'),
  'posting-cadence': t('options_rule_posting_cadence'),
};

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
