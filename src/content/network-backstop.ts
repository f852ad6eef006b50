/**
 * The isolated-world half of the network backstop: answers the main-world script's question
 * "may this request go out?" synchronously. Only a text the composer guard has just let through
 * (with any confirmations staff gave there) may go out. Anything else is refused without being
 * checked: page scripts can ask this question too, and an answer that depended on the roster
 * would let them test names against it.
 */
import { BACKSTOP_ANSWER, BACKSTOP_ASK, type BackstopAnswer, type BackstopAsk } from '../shared/backstop-protocol';
import { isGuardedAccount, type GuardConnection } from './guard-connection';
import { activeAccountHandle } from './x-dom';

/** How long a text approved at the Post button stays approved: long enough for media to upload. */
const APPROVAL_MS = 5 * 60 * 1000;

const NOT_READY = 'the guard is not ready (no roster, or the extension was updated: reload the page).';
const NOT_CHECKED = 'it was not sent from a composer School Post Guard checked. Post from X’s composer.';

/** A text the composer guard let through, and what to do once X really sends it. */
export interface Approval {
  text: string;
  /** Called when the request carrying the text is let go (so a post is counted when it is sent). */
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
    if (typeof question?.id !== 'string' || !Array.isArray(question.texts)) return;
    const reply: BackstopAnswer = { id: question.id, ...this.verdict(question.texts) };
    document.dispatchEvent(new CustomEvent(BACKSTOP_ANSWER, { detail: JSON.stringify(reply) }));
  }

  private verdict(texts: unknown[]): { allow: boolean; reason: string } {
    const state = this.connection.state;
    if (state.kind !== 'ready') return { allow: false, reason: NOT_READY };
    if (!isGuardedAccount(state, activeAccountHandle())) return { allow: true, reason: 'not a school account' };
    const now = Date.now();
    const approvals = texts.map((text) => (typeof text === 'string' ? this.approved.get(text.trim()) : undefined));
    if (approvals.some((approval) => !approval || now - approval.at > APPROVAL_MS)) return { allow: false, reason: NOT_CHECKED };
    // Each approval lets one request go: a second send of the same text needs another Post click.
    for (const text of texts) if (typeof text === 'string') this.approved.delete(text.trim());
    for (const approval of approvals) approval?.onSent?.();
    return { allow: true, reason: 'checked' };
  }
}
