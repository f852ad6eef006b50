/** What the ICT lead and the safeguarding lead read for each rule id and each logged outcome. */
import type { RuleId, RuleLevel } from '../policy/types';
import type { AuditEntry } from '../roster/roster-store';

export const RULE_LABELS: Readonly<Record<RuleId, string>> = {
  'pupil-name': 'Pupil’s name',
  hashtag: 'Hashtag',
  'class-prefix': 'Class name at the start',
  'personal-info': 'Personal information',
  'attachment-name': 'Pupil’s name in a photo or file',
  'photo-consent': 'Photo consent',
  location: 'Location in a photo',
  mention: 'Mention of another account',
  'posting-cadence': 'Posts per class per week',
};

export const LEVEL_LABELS: Readonly<Record<RuleLevel, string>> = {
  off: 'Off',
  warn: 'Warn',
  block: 'Block',
  'block-with-exception': 'Block, unless staff confirm the policy’s exception',
};

export const OUTCOME_LABELS: Readonly<Record<AuditEntry['outcome'], string>> = {
  blocked: 'Blocked',
  warned: 'Warned',
  acknowledged: 'Warning acknowledged, posted',
  'exception-confirmed': 'Exception confirmed, posted',
  posted: 'Posted',
};
