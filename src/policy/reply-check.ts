/**
 * Replies other people write under the school's posts: checked with the same engine, by the rules
 * whose metadata says they apply to replies (a pupil's name, personal information, a hashtag). A
 * reply is not a post of the school's, so it need not begin with a class name.
 */
import { checkDraft } from './engine';
import type { CompiledPolicy } from './rule';
import { RULES } from './rules/index';
import type { Finding, RuleId } from './types';

const REPLY_RULES: ReadonlySet<RuleId> = new Set(RULES.filter((rule) => rule.meta.checksReplies).map((rule) => rule.meta.id));

/** The findings that make a reply one the administrator should look at; empty when it is fine. */
export function checkReply(policy: CompiledPolicy, text: string): Finding[] {
  const { findings } = checkDraft(policy, { text, attachments: [], confirmed: [], placement: 'message' });
  return findings.filter((finding) => REPLY_RULES.has(finding.rule));
}
