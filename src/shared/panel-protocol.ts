/**
 * What the content script and the guard's two extension-origin frames say to each other. The
 * findings panel and the underline marks are drawn inside those frames, so x.com's page cannot
 * read their words, measure them or find them; the frames' own size and position depend only on
 * what the page already knows (its window and its composer). The content script hands each frame a
 * private MessagePort, proven by a one-time token in the frame's URL, and everything travels over it:
 * the page sees neither the messages nor the port.
 */
import type { MessageKey, MessageText, PlainMessageKey } from '../policy/message-text';
import type { PostKind, RuleId, Severity } from '../policy/types';

/** Why an attached photo could not be checked: too big to send, not a picture the browser can open, metadata that cannot be read, or the check failed. */
export type PhotoProblem = 'photo-too-large' | 'photo-not-a-picture' | 'photo-details-unreadable' | 'photo-check-failed';

/** Why the guard holds a post without having checked it. */
export type HoldReason = 'connecting' | 'no-roster' | 'invalidated' | 'reading-attachments' | PhotoProblem | 'unreadable' | 'photo-not-attached';

export interface PanelFinding {
  rule: RuleId;
  severity: Severity;
  /** Said in the panel's frame by t(): the content script carries keys, never a copy of the messages. */
  message: MessageText;
  /** The rule's sentence for several findings that share all of `message` but its first substitution (RuleMeta.together). */
  together?: MessageKey;
  fix?: MessageText;
}

export interface PanelConfirmation {
  rule: RuleId;
  /** What staff confirm, in the rule's words (or, for a warning, the panel's own). */
  statement?: PlainMessageKey;
  /** Words staff must type to confirm; absent for a one-click confirmation. */
  typeWords?: PlainMessageKey;
  /** Waits for the no-consent frame to say its list is on screen (Confirmation.afterList). */
  afterList?: true;
}

export interface PanelView {
  /** `hold`: not checked (see `hold`); the others are the verdict. */
  tone: 'block' | 'warn' | 'pass' | 'hold';
  /** Shown because staff tried to post (so "Not posted"), or while they type. */
  atSubmit: boolean;
  hold?: HoldReason;
  findings: PanelFinding[];
  confirmations: PanelConfirmation[];
  /** The guard only sees X's page through fallbacks: it runs stricter and says so. */
  degraded: boolean;
  /** When the pupil list in use was imported (ISO date), if it is old enough to mention. */
  staleRosterSince?: string;
  /** Set when photo consent is asked: the classes whose no-consent list the panel shows (none: the whole school). */
  consentClasses?: string[];
  /**
   * The extension's ids for the attached photos it analysed: the panel shows each photo with what
   * was found in it (what was read stays inside the extension's frames).
   */
  photoIds?: string[];
  /** Offered when the weekly limit applies: staff may mark the post as an event or trip update. */
  postKind?: PostKind;
}

/** A box to draw over the page, in the page's viewport coordinates. */
export interface MarkBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** An underlined word (by severity), or a Post button the guard is holding. */
  kind: Severity | 'held';
}

export type ToPanel =
  /** `consentToken`: this tab's frame token, which the no-consent frame's address must carry (null until the background has answered). */
  | { type: 'view'; view: PanelView | null; consentToken: string | null }
  /** Staff were stopped at Post by a click or a key that is not typing: focus moves into the panel. */
  | { type: 'focus' };

export type FromPanel =
  | { type: 'confirm'; rule: RuleId }
  | { type: 'post-kind'; kind: PostKind }
  /** Escape in the panel: back to the draft, at the first finding. */
  | { type: 'escape' }
  /** Tab past the panel's last control (or Shift+Tab before its first): back to the draft. */
  | { type: 'leave' };

export interface ToMarks {
  type: 'marks';
  boxes: MarkBox[];
}

/** The first message a frame accepts: the port, with the token from its own URL. */
export interface FrameHandshake {
  schoolPostGuardToken: string;
}

export const PANEL_PAGE = 'src/panel/index.html';
export const MARKS_PAGE = 'src/panel/marks.html';
export const CONSENT_PAGE = 'src/consent/index.html';

/**
 * From the no-consent frame to the panel holding it: whether the list at this address (path, query
 * and fragment) is on screen — false again while a changed roster's list loads or when it failed.
 */
export interface ConsentListState {
  type: 'consent-list';
  address: string;
  shown: boolean;
}

/**
 * An address as the consent frame and its panel compare it: without the origin, as the frame is
 * loaded from a web-accessible resource's dynamic one (use_dynamic_url) and reads its own as the extension's.
 */
export function pageAddress({ pathname, search, hash }: Pick<URL, 'pathname' | 'search' | 'hash'>): string {
  return pathname + search + hash;
}

export function isConsentListState(data: unknown): data is ConsentListState {
  const state = data as ConsentListState;
  return typeof data === 'object' && data !== null && state.type === 'consent-list' && typeof state.address === 'string' && typeof state.shown === 'boolean';
}
