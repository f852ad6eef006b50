/**
 * `audit`: every post of an X data export against the policy; the posts that break it (or may),
 * newest first, as JSON lines with date, id, rules and findings. Attachments are not in the
 * export's text, so photo consent and attachment names are not judged here.
 */
import { checkDraft, type CompiledPolicy } from '../policy/engine';
import type { RuleId } from '../policy/types';
import { resultJson } from './check-command';
import { readArchivePosts } from '../archive/x-archive';

/** A progress line every this many posts, on archives larger than that. */
const PROGRESS_EVERY = 1000;

export function runAudit(policy: CompiledPolicy, archive: Uint8Array, archiveName: string, progress: (line: string) => void): string {
  const posts = readArchivePosts(archive, archiveName);
  const flagged: { date: Date; line: string }[] = [];
  let blocked = 0;
  posts.forEach((post, index) => {
    const result = checkDraft(policy, { text: post.text, attachments: [], confirmed: [] });
    if (result.verdict !== 'pass') {
      if (result.verdict === 'block') blocked += 1;
      const rules = [...new Set(result.findings.map((finding) => finding.rule))] satisfies RuleId[];
      flagged.push({ date: post.date, line: JSON.stringify({ id: post.id, date: post.date.toISOString(), rules, ...resultJson(result) }) });
    }
    if (posts.length > PROGRESS_EVERY && (index + 1) % PROGRESS_EVERY === 0) progress(`audit: checked ${index + 1} of ${posts.length} posts`);
  });
  progress(`audit: ${posts.length} posts checked; ${blocked} break the policy, ${flagged.length - blocked} to review (warnings).`);
  return flagged
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .map((entry) => `${entry.line}\n`)
    .join('');
}
