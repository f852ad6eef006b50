/**
 * The isolated-world half of the network backstop: answers the main-world script's question
 * "may this request go out?". Only a text the composer guard has just let through (with any
 * confirmations staff gave there, and exactly the media and descriptions staff had) may go out.
 * Anything else is refused without being checked: a page script can make the backstop ask (by
 * sending a post itself), and an answer that depended on the roster would let it test names
 * against it. Once X has answered a post it let go, the main world reports whether X accepted it:
 * only then is the post counted and logged as posted.
 */
import { BACKSTOP_HELLO, BACKSTOP_PORT, type BackstopAnswer, type BackstopAsk, type BackstopReport, type MediaIdentity } from '../shared/backstop-protocol';
import { isGuardedAccount, type GuardConnection } from './guard-connection';
import { activeAccountHandle } from './x-dom';

/** How long a text approved at the Post button stays approved: long enough for media to upload. */
const APPROVAL_MS = 5 * 60 * 1000;

const NOT_READY = 'the guard is not ready (no roster, or the extension was updated: reload the page).';
const NOT_CHECKED = 'it was not sent from a composer School Post Guard checked. Post from X’s composer.';
const OTHER_MEDIA = 'its photos or videos are not the ones School Post Guard checked. Press Post again.';
const OTHER_DESCRIPTION = 'a photo’s description is not the one School Post Guard checked. Press Post again.';

type Verdict = Pick<BackstopAnswer, 'allow' | 'reason'>;

/** One attached photo or video as staff had it when the guard let the post go. */
export interface ApprovedMedia {
  /**
   * The file's size, as its upload will announce it; null for media with no file here (a draft's, a
   * GIF from X's picker), which no upload matches: the composer guard holds such a post before Post.
   */
  bytes: number | null;
  /** The file's type ('' when the browser did not know it). */
  type: string;
  /** The description X will send for it ('' for none). */
  alt: string;
}

/** A post the composer guard let through: its exact text and media, and what to do once X really has it. */
export interface Approval {
  text: string;
  media: ApprovedMedia[];
  /** Called once X has accepted the request carrying the text (not when it is merely let go). */
  onSent?: () => void;
}

interface LiveApproval {
  at: number;
  media: ApprovedMedia[];
  onSent?: () => void;
}

export class NetworkBackstop {
  private readonly approved = new Map<string, LiveApproval>();
  /** Requests let go and not yet answered by X, by question id: what to do if X accepts them. */
  private readonly awaitingX = new Map<number, (() => void)[]>();

  constructor(private readonly connection: GuardConnection, signal: AbortSignal) {
    const channel = new MessageChannel();
    const port = channel.port1;
    port.onmessage = (event: MessageEvent<unknown>) => {
      const reply = this.receive(event.data);
      if (reply) port.postMessage(reply);
    };
    signal.addEventListener('abort', () => port.close(), { once: true });
    // See backstop-protocol.ts: offered now, and once more when the main world says hello.
    const offer = () => document.dispatchEvent(new MessageEvent(BACKSTOP_PORT, { ports: [channel.port2] }));
    document.addEventListener(BACKSTOP_HELLO, offer, { once: true, signal });
    offer();
  }

  /** The composer guard let these texts through (with any confirmations staff gave). */
  approve(approvals: Approval[]): void {
    const now = Date.now();
    for (const [text, { at }] of this.approved) if (now - at > APPROVAL_MS) this.approved.delete(text);
    for (const { text, media, onSent } of approvals) this.approved.set(text.trim(), { at: now, media, onSent });
  }

  private receive(data: unknown): BackstopAnswer | null {
    if (data === null || typeof data !== 'object' || typeof (data as { id?: unknown }).id !== 'number') return null;
    if ('sent' in data) {
      this.report(data as BackstopReport);
      return null;
    }
    const question = data as BackstopAsk;
    let verdict: Verdict;
    if ('description' in question && typeof question.description === 'object' && question.description !== null) verdict = this.descriptionVerdict(question.description);
    else if ('texts' in question && Array.isArray(question.texts)) verdict = this.verdict(question.id, question.texts, Array.isArray(question.media) ? question.media : []);
    else return null;
    return { id: question.id, ...verdict };
  }

  private report({ id, sent }: BackstopReport): void {
    const callbacks = this.awaitingX.get(id);
    this.awaitingX.delete(id);
    if (sent === true) for (const callback of callbacks ?? []) callback();
  }

  private verdict(id: number, texts: unknown[], media: unknown[]): Verdict {
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
    const onSent = approvals.flatMap((approval) => (approval?.onSent ? [approval.onSent] : []));
    if (onSent.length > 0) this.awaitingX.set(id, onSent);
    return { allow: true, reason: 'checked' };
  }

  /** A description may be set only on approved media, and only as staff had written it. */
  private descriptionVerdict(description: { media?: unknown; alt?: unknown }): Verdict {
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
  // An upload this page never saw (a draft's, made in an earlier page load) could be any photo.
  if (uploaded === null || typeof uploaded !== 'object') return false;
  const { bytes, type } = uploaded as Partial<MediaIdentity>;
  return approved.bytes !== null && approved.bytes === bytes && (approved.type === '' || approved.type === type);
}
