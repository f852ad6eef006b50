/**
 * The policy engine: compile a snapshot once per roster, then check drafts synchronously (the
 * content script runs `checkDraft` on every keystroke and at submit).
 *
 * Confirmations: a block finding is lifted when its rule runs at `block-with-exception` (the
 * finding then carries `exception.prompt`) and staff confirmed that rule; a warning is acknowledged
 * when its rule is in `draft.confirmed`. Lifted findings leave `findings` (so the verdict and the
 * CLI output list only what still stands) and are kept in `confirmedFindings` for the audit log.
 */
import { compileClassPrefixes, matchClassPrefix } from './class-prefix';
import { compileNameMatcher } from './names/compile';
import { normaliseText } from './normalise';
import type { CompileOptions, CompiledPolicy, RuleContext } from './rule';
import { RULES } from './rules/index';
import type { PolicySnapshot } from './snapshot';
import { RULE_IDS, type CheckResult, type Draft, type Finding, type RuleId, type RuleLevel } from './types';

export type { CompiledPolicy, CompileOptions } from './rule';

export function compilePolicy(snapshot: PolicySnapshot, options: CompileOptions = {}): CompiledPolicy {
  const levels = Object.fromEntries(RULE_IDS.map((id) => [id, ruleLevel(snapshot, id)])) as Record<RuleId, RuleLevel>;
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

function ruleLevel(snapshot: PolicySnapshot, id: RuleId): RuleLevel {
  const rule = RULES.find((entry) => entry.meta.id === id);
  return snapshot.ruleLevels[id] ?? rule?.meta.defaultLevel ?? 'block';
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
      const finding = applyLevel(found, level, rule.meta.exceptionPrompt);
      const lifted = confirmed.has(finding.rule) && (finding.severity === 'warn' || finding.exception !== undefined);
      (lifted ? confirmedFindings : findings).push(finding);
    }
  }
  const verdict = findings.some((finding) => finding.severity === 'block') ? 'block' : findings.length > 0 ? 'warn' : 'pass';
  return { verdict, findings, className: prefix?.className ?? null, confirmedFindings };
}

/** A rule's `block` means "breaks the policy"; the level says what that does to the post. */
function applyLevel(finding: Finding, level: Exclude<RuleLevel, 'off'>, exceptionPrompt: string | undefined): Finding {
  if (level === 'warn') return { ...finding, severity: 'warn' };
  if (level === 'block-with-exception' && finding.severity === 'block') {
    return { ...finding, exception: { prompt: exceptionPrompt ?? 'I confirm the policy’s exception applies to this post.' } };
  }
  return finding;
}
