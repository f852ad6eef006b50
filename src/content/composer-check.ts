/**
 * Decides, synchronously, whether what a composer holds right now may be posted. Used on every
 * keystroke (to show findings) and at the moment of submission (to block).
 */
import { checkDraft } from '../policy/engine';
import type { Attachment, CheckResult, Finding, PostKind, RuleId } from '../policy/types';
import type { GuardReadiness } from './guard-connection';
import { activeAccountHandle, isDirectMessageEditor, readEditorText, type SelectorHealth } from './x-dom';

export interface ComposerState {
  editors: HTMLElement[];
  health: SelectorHealth;
  attachments: Attachment[];
  /** Attached photos whose metadata is still being read: the post waits for them. */
  readingAttachments: boolean;
  /** Confirmations staff gave in the panel for this composer (photo consent, exceptions, warnings). */
  confirmed: ReadonlySet<RuleId>;
  kind: PostKind;
  postsThisWeek: Record<string, number>;
}

export interface EditorResult {
  editor: HTMLElement;
  text: string;
  result: CheckResult;
}

export type ComposerDecision =
  | { kind: 'unguarded'; account: string }
  | { kind: 'hold'; why: keyof typeof HOLD_MESSAGES; message: string }
  | { kind: 'checked'; verdict: CheckResult['verdict']; editors: EditorResult[]; health: SelectorHealth; hasAttachments: boolean };

const HOLD_MESSAGES = {
  connecting: 'School Post Guard is still starting. Wait a moment, then post again.',
  'no-roster': 'No pupil roster is loaded, so School Post Guard cannot check this post. Ask your ICT lead to import the roster in School Post Guard’s options.',
  invalidated: 'School Post Guard was updated or restarted. Reload this page (press F5) before posting.',
  'reading-attachments': 'School Post Guard is still checking the attached photos. Try again in a moment.',
  unreadable: 'School Post Guard cannot read this post’s text, so it cannot check it. Reload the page; if this keeps happening, tell your ICT lead.',
} as const;

export function decideComposer(readiness: GuardReadiness, composer: ComposerState): ComposerDecision {
  if (readiness.kind === 'ready' && readiness.schoolHandles.length > 0) {
    const account = activeAccountHandle();
    // An unreadable account is treated as the school's: guarding too much is safe, too little is not.
    if (account && !readiness.schoolHandles.includes(account)) return { kind: 'unguarded', account };
  }
  if (readiness.kind !== 'ready') return hold(readiness.kind);
  if (composer.readingAttachments) return hold('reading-attachments');

  const editors: EditorResult[] = [];
  for (const [index, editor] of composer.editors.entries()) {
    const text = readEditorText(editor);
    if (text === null) return hold('unreadable');
    const result = checkDraft(readiness.policy, {
      text,
      // Attachments belong to the first post of a thread in X's composer.
      attachments: index === 0 ? composer.attachments : [],
      confirmed: [...composer.confirmed],
      postsThisWeek: composer.postsThisWeek,
      kind: composer.kind,
      placement: isDirectMessageEditor(editor) ? 'message' : index === 0 ? 'opening' : 'continuation',
    });
    editors.push({ editor, text, result });
  }
  if (editors.length === 0) return hold('unreadable');
  return { kind: 'checked', verdict: worstVerdict(editors), editors, health: composer.health, hasAttachments: composer.attachments.length > 0 };
}

function hold(why: keyof typeof HOLD_MESSAGES): ComposerDecision {
  return { kind: 'hold', why, message: HOLD_MESSAGES[why] };
}

function worstVerdict(editors: EditorResult[]): CheckResult['verdict'] {
  if (editors.some((entry) => entry.result.verdict === 'block')) return 'block';
  if (editors.some((entry) => entry.result.verdict === 'warn')) return 'warn';
  return 'pass';
}

/** The findings that stop the post now, across every post of a thread. */
export function allFindings(decision: ComposerDecision): Finding[] {
  return decision.kind === 'checked' ? decision.editors.flatMap((entry) => entry.result.findings) : [];
}

/** Whether submission may go ahead. */
export function mayPost(decision: ComposerDecision): boolean {
  return decision.kind === 'unguarded' || (decision.kind === 'checked' && decision.verdict === 'pass');
}
