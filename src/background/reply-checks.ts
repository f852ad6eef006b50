/**
 * Replies are judged here, not in the tab: the content script sends every reply it reads, flagged
 * or not, and gets the same answer for each, so x.com's page (which wrote the text and shares the
 * content script's main thread) cannot time the check to learn whether a word is a pupil's name.
 * The policy is compiled once per snapshot, as the content script compiles its own.
 */
import { compilePolicy } from '../policy/engine';
import { checkReply } from '../policy/reply-check';
import type { CompiledPolicy } from '../policy/rule';
import type { PolicySnapshot } from '../policy/snapshot';
import type { ReplyPanelEntry, ReplyToCheck } from '../shared/messages';

/** What checking a tab's batch found: the replies to list, and those that now say nothing wrong. */
export interface ReplyVerdicts {
  flagged: ReplyPanelEntry[];
  clean: string[];
}

export class ReplyChecker {
  private compiled: CompiledPolicy | null = null;

  check(snapshot: PolicySnapshot, postId: string | null, replies: readonly ReplyToCheck[]): ReplyVerdicts {
    if (this.compiled?.snapshot.hash !== snapshot.hash) this.compiled = compilePolicy(snapshot);
    const policy = this.compiled;
    const verdicts: ReplyVerdicts = { flagged: [], clean: [] };
    for (const reply of replies) {
      const findings = checkReply(policy, reply.text);
      if (findings.length === 0) {
        verdicts.clean.push(reply.replyId);
        continue;
      }
      verdicts.flagged.push({
        replyId: reply.replyId,
        postId,
        author: reply.author,
        rules: [...new Set(findings.map((finding) => finding.rule))],
        words: [...new Set(findings.map((finding) => reply.text.slice(finding.start, finding.end)))],
      });
    }
    return verdicts;
  }
}

/** The tab's panel after a batch: a reply checked again replaces its old entry, or leaves when it is now fine. */
export function mergeReplyPanel(current: readonly ReplyPanelEntry[], verdicts: ReplyVerdicts, hidden: ReadonlySet<string>): ReplyPanelEntry[] {
  const replaced = new Set([...verdicts.clean, ...verdicts.flagged.map((entry) => entry.replyId)]);
  return [...current.filter((entry) => !replaced.has(entry.replyId)), ...verdicts.flagged].filter((entry) => !hidden.has(entry.replyId));
}
