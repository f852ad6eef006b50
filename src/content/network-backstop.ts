/**
 * The isolated-world half of the network backstop: answers the main-world script's question
 * "may this request go out?" synchronously. A text the composer guard has just let through is
 * allowed as it was confirmed there; anything else is checked afresh and refused when blocked.
 */
import { checkDraft } from '../policy/engine';
import { BACKSTOP_ANSWER, BACKSTOP_ASK, type BackstopAnswer, type BackstopAsk } from '../shared/backstop-protocol';
import type { GuardConnection } from './guard-connection';
import { UNREADABLE } from './post-request';
import { activeAccountHandle } from './x-dom';

/** How long a text approved at the Post button stays approved: long enough for media to upload. */
const APPROVAL_MS = 5 * 60 * 1000;

/** A text the composer guard let through, and what to do once X really sends it. */
export interface Approval {
  text: string;
  /** Called once, when the request carrying the text is let go (so a post is counted when it is sent). */
  onSent?: () => void;
}

export class NetworkBackstop {
  private readonly approved = new Map<string, { at: number; onSent?: () => void }>();

  constructor(private readonly connection: GuardConnection, signal: AbortSignal) {
    document.addEventListener(BACKSTOP_ASK, (event) => this.answer(event as CustomEvent<unknown>), { signal });
  }

  /** The composer guard let these texts through (with any confirmations staff gave). */
  approve(approvals: Approval[]): void {
    const now = Date.now();
    for (const [text, { at }] of this.approved) if (now - at > APPROVAL_MS) this.approved.delete(text);
    for (const { text, onSent } of approvals) this.approved.set(text.trim(), { at: now, onSent });
  }

  private answer(event: CustomEvent<unknown>): void {
    if (typeof event.detail !== 'string') return;
    let question: BackstopAsk;
    try {
      question = JSON.parse(event.detail) as BackstopAsk;
    } catch {
      return;
    }
    const reply: BackstopAnswer = { id: question.id, ...this.verdict(question) };
    document.dispatchEvent(new CustomEvent(BACKSTOP_ANSWER, { detail: JSON.stringify(reply) }));
  }

  private verdict({ texts, hasMedia, isMessage }: BackstopAsk): { allow: boolean; reason: string } {
    const state = this.connection.state;
    if (state.kind !== 'ready') return { allow: false, reason: 'the guard is not ready (no roster, or the extension was updated: reload the page).' };
    const account = activeAccountHandle();
    if (state.schoolHandles.length > 0 && account && !state.schoolHandles.includes(account)) return { allow: true, reason: 'not a school account' };
    const now = Date.now();
    const sent: (() => void)[] = [];
    for (const text of texts) {
      if (text === UNREADABLE) return { allow: false, reason: 'the post could not be read.' };
      const approval = this.approved.get(text.trim());
      if (approval && now - approval.at <= APPROVAL_MS) {
        if (approval.onSent) sent.push(approval.onSent);
        approval.onSent = undefined;
        continue;
      }
      const result = checkDraft(state.policy, {
        text,
        // Media the composer guard did not see: photo consent was never confirmed for it.
        attachments: hasMedia ? [{ name: '', alt: '', type: 'image/*' }] : [],
        confirmed: [],
        placement: isMessage ? 'message' : 'opening',
      });
      if (result.verdict === 'block') return { allow: false, reason: result.findings.find((f) => f.severity === 'block')?.message ?? 'it breaks the posting policy.' };
    }
    for (const callback of sent) callback();
    return { allow: true, reason: 'checked' };
  }
}
