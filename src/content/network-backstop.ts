/**
 * The isolated-world half of the network backstop: answers the main-world script's question
 * "may this request go out?" synchronously. Only a text the composer guard has just let through
 * (with any confirmations staff gave there) may go out. Anything else is refused without being
 * checked: page scripts can ask this question too, and an answer that depended on the roster
 * would let them test names against it.
 */
import { BACKSTOP_ANSWER, BACKSTOP_ASK, type BackstopAnswer, type BackstopAsk, type MediaIdentity } from '../shared/backstop-protocol';
import { isGuardedAccount, type GuardConnection } from './guard-connection';
import { activeAccountHandle } from './x-dom';

/** How long a text approved at the Post button stays approved: long enough for media to upload. */
const APPROVAL_MS = 5 * 60 * 1000;

const NOT_READY = 'the guard is not ready (no roster, or the extension was updated: reload the page).';
const NOT_CHECKED = 'it was not sent from a composer School Post Guard checked. Post from X’s composer.';
const OTHER_MEDIA = 'its photos or videos are not the ones School Post Guard checked. Press Post again.';
const OTHER_DESCRIPTION = 'a photo’s description is not the one School Post Guard checked. Press Post again.';

/** One attached photo or video as staff had it when the guard let the post go. */
export interface ApprovedMedia {
  /** The file's size, as its upload will announce it; null for media with no file here (a GIF from X's picker). */
  bytes: number | null;
  /** The file's type ('' when the browser did not know it). */
  type: string;
  /** The description X will send for it ('' for none). */
  alt: string;
}

/** A post the composer guard let through: its exact text and media, and what to do once X really sends it. */
export interface Approval {
  text: string;
  media: ApprovedMedia[];
  /** Called when the request carrying the text is let go (so a post is counted when it is sent). */
  onSent?: () => void;
}

interface LiveApproval {
  at: number;
  media: ApprovedMedia[];
  onSent?: () => void;
}

export class NetworkBackstop {
  private readonly approved = new Map<string, LiveApproval>();

  constructor(private readonly connection: GuardConnection, signal: AbortSignal) {
    document.addEventListener(BACKSTOP_ASK, (event) => this.answer(event as CustomEvent<unknown>), { signal });
  }

  /** The composer guard let these texts through (with any confirmations staff gave). */
  approve(approvals: Approval[]): void {
    const now = Date.now();
    for (const [text, { at }] of this.approved) if (now - at > APPROVAL_MS) this.approved.delete(text);
    for (const { text, media, onSent } of approvals) this.approved.set(text.trim(), { at: now, media, onSent });
  }

  private answer(event: CustomEvent<unknown>): void {
    if (typeof event.detail !== 'string') return;
    let question: BackstopAsk;
    try {
      question = JSON.parse(event.detail) as BackstopAsk;
    } catch {
      return;
    }
    if (typeof question?.id !== 'string') return;
    let verdict: { allow: boolean; reason: string };
    if ('description' in question && typeof question.description === 'object' && question.description !== null) verdict = this.descriptionVerdict(question.description);
    else if ('texts' in question && Array.isArray(question.texts)) verdict = this.verdict(question.texts, Array.isArray(question.media) ? question.media : []);
    else return;
    const reply: BackstopAnswer = { id: question.id, ...verdict };
    document.dispatchEvent(new CustomEvent(BACKSTOP_ANSWER, { detail: JSON.stringify(reply) }));
  }

  private verdict(texts: unknown[], media: unknown[]): { allow: boolean; reason: string } {
    const state = this.connection.state;
    if (state.kind !== 'ready') return { allow: false, reason: NOT_READY };
    if (!isGuardedAccount(state, activeAccountHandle())) return { allow: true, reason: 'not a school account' };
    const now = Date.now();
    const approvals = texts.map((text) => (typeof text === 'string' ? this.approved.get(text.trim()) : undefined));
    if (approvals.some((approval) => !approval || now - approval.at > APPROVAL_MS)) return { allow: false, reason: NOT_CHECKED };
    // Every media item the request attaches must be one staff had attached to these texts.
    const unmatched = approvals.flatMap((approval) => approval?.media ?? []);
    for (const item of media) {
      const index = unmatched.findIndex((approved) => sameMedia(approved, item));
      if (index < 0) return { allow: false, reason: OTHER_MEDIA };
      unmatched.splice(index, 1);
    }
    // Each approval lets one request go: a second send of the same text needs another Post click.
    for (const text of texts) if (typeof text === 'string') this.approved.delete(text.trim());
    for (const approval of approvals) approval?.onSent?.();
    return { allow: true, reason: 'checked' };
  }

  /** A description may be set only on approved media, and only as staff had written it. */
  private descriptionVerdict(description: { media?: unknown; alt?: unknown }): { allow: boolean; reason: string } {
    const state = this.connection.state;
    if (state.kind !== 'ready') return { allow: false, reason: NOT_READY };
    if (!isGuardedAccount(state, activeAccountHandle())) return { allow: true, reason: 'not a school account' };
    const { alt } = description;
    if (typeof alt !== 'string') return { allow: false, reason: OTHER_DESCRIPTION };
    const now = Date.now();
    for (const approval of this.approved.values()) {
      if (now - approval.at > APPROVAL_MS) continue;
      if (approval.media.some((approved) => sameMedia(approved, description.media) && approved.alt.trim() === alt.trim())) return { allow: true, reason: 'checked' };
    }
    return { allow: false, reason: OTHER_DESCRIPTION };
  }
}

/** Whether an uploaded item (as the page's upload announced it) is this approved one. */
function sameMedia(approved: ApprovedMedia, uploaded: unknown): boolean {
  if (uploaded === null || typeof uploaded !== 'object') return approved.bytes === null;
  const { bytes, type } = uploaded as Partial<MediaIdentity>;
  return approved.bytes !== null && approved.bytes === bytes && (approved.type === '' || approved.type === type);
}
