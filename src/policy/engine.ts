/**
 * The policy engine: compile a snapshot once per roster, then check drafts synchronously (the
 * content script runs `checkDraft` on every keystroke and at submit).
 *
 * Confirmations: a block finding is lifted when its level offers the rule's `meta.confirmation`
 * (the finding then carries it) and staff confirmed that rule; a warning is acknowledged when its
 * rule is in `draft.confirmed`. Lifted findings leave `findings` (so the verdict and the
 * CLI output list only what still stands) and are kept in `confirmedFindings` for the audit log.
 */
import { compileClassPrefixes, matchClassPrefix } from './class-prefix';
import { compileNameMatcher } from './names/compile';
import { normaliseText, useLookAlikeLetters } from './normalise';
import { offersConfirmation, type CompileOptions, type CompiledPolicy, type RuleContext, type RuleFinding, type RuleMeta } from './rule';
import { RULES } from './rules/index';
import type { PolicySnapshot } from './snapshot';
import type { CheckResult, Draft, Finding, RuleId, RuleLevel } from './types';

export type { CompiledPolicy, CompileOptions } from './rule';

export function compilePolicy(snapshot: PolicySnapshot, options: CompileOptions = {}): CompiledPolicy {
  useLookAlikeLetters(snapshot.lookAlikeLetters);
  const levels = Object.fromEntries(RULES.map(({ meta }) => [meta.id, ruleLevel(snapshot, meta)])) as Record<RuleId, RuleLevel>;
  const byClass = new Map<string, number>();
  let total = 0;
  for (const entry of snapshot.classes) {
    byClass.set(entry.name, entry.pupilIdsWithoutConsent.length);
    total += entry.pupilIdsWithoutConsent.length;
  }
  return {
    snapshot,
    names: compileNameMatcher(snapshot),
    classPrefixes: compileClassPrefixes(snapshot),
    levels,
    findPhoneNumbers: options.findPhoneNumbers ?? null,
    withoutPhotoConsent: { byClass, total },
  };
}

/** The level the settings give, if the rule allows it; a level it does not allow counts as `block` (settings validation rejects it first). */
function ruleLevel(snapshot: PolicySnapshot, meta: RuleMeta<RuleId>): RuleLevel {
  const level = snapshot.ruleLevels[meta.id] ?? meta.defaultLevel;
  return meta.levels.includes(level) ? level : 'block';
}

export function checkDraft(policy: CompiledPolicy, draft: Draft): CheckResult {
  const normalisedText = normaliseText(draft.text);
  const prefix = matchClassPrefix(policy.classPrefixes, normalisedText);
  const context: RuleContext = { policy, normalisedText, prefix };
  const confirmed = new Set(draft.confirmed);
  const findings: Finding[] = [];
  const confirmedFindings: Finding[] = [];

  for (const rule of RULES) {
    const level = policy.levels[rule.meta.id];
    if (level === 'off') continue;
    for (const found of rule.check(draft, context)) {
      const finding = applyLevel(withRule(found, rule.meta.id), level, rule.meta);
      const lifted = confirmed.has(finding.rule) && (finding.severity === 'warn' || finding.confirmation !== undefined);
      (lifted ? confirmedFindings : findings).push(finding);
    }
  }
  const verdict = findings.some((finding) => finding.severity === 'block') ? 'block' : findings.length > 0 ? 'warn' : 'pass';
  return { verdict, findings, className: prefix?.label ?? null, classNames: prefix && !prefix.wholeSchool ? prefix.classNames : [], confirmedFindings };
}

/**
 * A copy of the rule's finding, with its rule. Copied, then the rule set, not spread: Node 20's V8
 * spreads findings (of many shapes, from many rules) on a slow path, and a long post has hundreds.
 */
function withRule(found: RuleFinding, rule: RuleId): Finding {
  const finding = Object.assign({}, found) as Finding;
  finding.rule = rule;
  return finding;
}

/** A rule's `block` means "breaks the policy"; the level says what that does to the post. `finding` is the engine's own copy, so it is changed in place. */
function applyLevel(finding: Finding, level: Exclude<RuleLevel, 'off'>, meta: RuleMeta<RuleId>): Finding {
  if (level === 'warn') finding.severity = 'warn';
  else if (finding.severity === 'block' && meta.confirmation && offersConfirmation(meta, level)) finding.confirmation = meta.confirmation;
  return finding;
}
