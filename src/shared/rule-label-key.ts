/** Where a rule's label lives in messages.json, for every page that names rules (options, the findings panel). */
import type { RuleId } from '../policy/types';

/** "posting-cadence" → "posting_cadence": message names cannot hold a hyphen. */
type Underscored<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Underscored<Tail>}` : S;

/**
 * Each rule's label is `options_rule_<id with underscores>` in messages.json. The key is typed:
 * a rule without its label does not compile (and tests/shared/i18n.test.ts checks the file).
 */
export type RuleLabelKey = `options_rule_${Underscored<RuleId>}`;

export function ruleLabelKey(id: RuleId): RuleLabelKey {
  return `options_rule_${id.replaceAll('-', '_')}` as RuleLabelKey;
}
