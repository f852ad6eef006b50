/**
 * Decides, synchronously, whether what a composer holds right now may be posted. Used on every
 * keystroke (to show findings) and at the moment of submission (to block).
 */
import { attachmentFieldText } from '../policy/attachment-field';
import { checkDraft } from '../policy/engine';
import { ruleMeta } from '../policy/rules/index';
import type { Attachment, CheckResult, Draft, Finding, PostKind, RuleId } from '../policy/types';
import type { HoldReason } from '../shared/panel-protocol';
import type { AttachmentReading } from './attachment-tracker';
import { isGuardedAccount, type GuardReadiness } from './guard-connection';
import { activeAccountAudience, activeAccountHandle, isDirectMessageEditor, readEditorText, type SelectorHealth } from './x-dom';

export interface ComposerState {
  editors: HTMLElement[];
  health: SelectorHealth;
  attachments: Attachment[];
  /** Attached photos still being checked, or why one could not be: the post waits. */
  attachmentReading: AttachmentReading;
  /**
   * Confirmations staff gave in the panel (photo consent, exceptions, warnings): per rule, the
   * findings they saw when they confirmed. A finding they never saw is never confirmed for them.
   */
  confirmed: ReadonlyMap<RuleId, ReadonlySet<string>>;
  kind: PostKind;
  postsThisWeek: Record<string, number>;
}

export interface EditorResult {
  editor: HTMLElement;
  text: string;
  draft: Draft;
  result: CheckResult;
}

export type ComposerDecision =
  | { kind: 'unguarded'; account: string }
  | { kind: 'hold'; why: HoldReason }
  /** `pupilList`: the snapshot in force, by its hash (a confirmation about a class's list holds for that list only). */
  | { kind: 'checked'; verdict: CheckResult['verdict']; editors: EditorResult[]; health: SelectorHealth; hasAttachments: boolean; pupilList: string };

export function decideComposer(readiness: GuardReadiness, composer: ComposerState): ComposerDecision {
  const account = activeAccountHandle();
  if (account && !isGuardedAccount(readiness, account)) return { kind: 'unguarded', account };
  if (readiness.kind !== 'ready') return hold(readiness.kind);
  if (composer.attachmentReading === 'reading') return hold('reading-attachments');
  if (composer.attachmentReading !== 'done') return hold(composer.attachmentReading);

  const editors: EditorResult[] = [];
  const pupilList = readiness.policy.snapshot.hash;
  const accountAudience = activeAccountAudience();
  for (const [index, editor] of composer.editors.entries()) {
    const text = readEditorText(editor);
    if (text === null) return hold('unreadable');
    const draft: Draft = {
      text,
      // Attachments belong to the first post of a thread in X's composer.
      attachments: index === 0 ? composer.attachments : [],
      confirmed: [...composer.confirmed.keys()],
      postsThisWeek: composer.postsThisWeek,
      kind: composer.kind,
      placement: isDirectMessageEditor(editor) ? 'message' : index === 0 ? 'opening' : 'continuation',
      accountAudience,
    };
    let result = checkDraft(readiness.policy, draft);
    // A confirmation covers only what staff saw: a new name, another photo, asks again.
    const unseen = new Set((result.confirmedFindings ?? []).filter((finding) => !composer.confirmed.get(finding.rule)?.has(fingerprint(finding, draft, result.className, pupilList))).map((finding) => finding.rule));
    if (unseen.size > 0) {
      draft.confirmed = draft.confirmed.filter((rule) => !unseen.has(rule));
      result = checkDraft(readiness.policy, draft);
    }
    editors.push({ editor, text, draft, result });
  }
  if (editors.length === 0) return hold('unreadable');
  return { kind: 'checked', verdict: worstVerdict(editors), editors, health: composer.health, hasAttachments: composer.attachments.length > 0, pupilList };
}

/** Staff read why in the panel (panel_hold_* in _locales). */
function hold(why: HoldReason): ComposerDecision {
  return { kind: 'hold', why };
}

function worstVerdict(editors: EditorResult[]): CheckResult['verdict'] {
  if (editors.some((entry) => entry.result.verdict === 'block')) return 'block';
  if (editors.some((entry) => entry.result.verdict === 'warn')) return 'warn';
  return 'pass';
}

/**
 * What a finding is about, for telling whether staff already confirmed it: the marked words, or
 * the attachment field, and what the rule's metadata says its confirmation also covers (the
 * photos, the class whose no-consent list was shown, as the pupil list in force had it), so another
 * photo or class, or a sync that changed the list, asks again.
 */
export function fingerprint(finding: Finding, draft: Draft, className: string | null, pupilList: string): string {
  const scope = ruleMeta(finding.rule).confirmationScope ?? [];
  const parts: string[] = [finding.rule];
  if (scope.includes('class')) parts.push(className ?? 'whole school', pupilList);
  if (scope.includes('photos')) parts.push(draft.attachments.map((attachment) => attachment.key ?? `${attachment.name}|${attachment.type}`).join('/'));
  const { target } = finding;
  if (target.kind === 'text') {
    parts.push(draft.text.slice(finding.start, finding.end));
  } else {
    const attachment = draft.attachments[target.index];
    const field = attachmentFieldText(attachment, target);
    parts.push(`${attachment?.key ?? target.index}:${target.part}:${field?.slice(finding.start, finding.end) ?? ''}`);
  }
  return parts.join(':');
}

/** The findings of one rule as fingerprints, to remember what staff confirmed. */
export function fingerprintsOf(decision: ComposerDecision, rule: RuleId): string[] {
  if (decision.kind !== 'checked') return [];
  return decision.editors.flatMap(({ draft, result }) => result.findings.filter((finding) => finding.rule === rule).map((finding) => fingerprint(finding, draft, result.className, decision.pupilList)));
}

/** The findings that stop the post now, across every post of a thread. */
export function allFindings(decision: ComposerDecision): Finding[] {
  return decision.kind === 'checked' ? decision.editors.flatMap((entry) => entry.result.findings) : [];
}

/** Whether submission may go ahead. */
export function mayPost(decision: ComposerDecision): boolean {
  return decision.kind === 'unguarded' || (decision.kind === 'checked' && decision.verdict === 'pass');
}
