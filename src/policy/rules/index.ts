/**
 * Every rule, in the order findings are listed. A new rule is a new file here and a new table
 * test; its id, levels and confirmation are in its own `meta`.
 */
import type { RuleMeta } from '../rule';
import { rule as accountPrivate } from './account-private';
import { rule as attachmentName } from './attachment-name';
import { rule as classPrefix } from './class-prefix';
import { rule as directMessage } from './direct-message';
import { rule as hashtag } from './hashtag';
import { rule as location } from './location';
import { rule as mention } from './mention';
import { rule as personalInfo } from './personal-info';
import { rule as photoConsent } from './photo-consent';
import { rule as postingCadence } from './posting-cadence';
import { rule as pupilName } from './pupil-name';
import { rule as textDirection } from './text-direction';

export const RULES = [accountPrivate, classPrefix, pupilName, textDirection, hashtag, personalInfo, attachmentName, photoConsent, location, mention, directMessage, postingCadence] as const;

export type RuleId = (typeof RULES)[number]['meta']['id'];

export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.meta.id);

const META_BY_ID: ReadonlyMap<string, RuleMeta<RuleId>> = new Map(RULES.map((rule) => [rule.meta.id, rule.meta]));

/** A rule's metadata, by its id. */
export function ruleMeta(id: RuleId): RuleMeta<RuleId> {
  return META_BY_ID.get(id) as RuleMeta<RuleId>;
}
