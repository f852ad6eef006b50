/**
 * Every message between the extension's parts, as one typed union per direction. The background
 * has one dispatcher for requests (all but `check-photo`, which the document analysing photos
 * answers); content scripts also hold a port for pushed snapshots.
 */
import type { FlaggedReply, FollowDecision } from '../background/moderation-store';
import type { NeverANameOffer } from '../background/never-a-name-offers';
import type { PhotoView } from '../photo/photo-desk';
import type { PolicySnapshot } from '../policy/snapshot';
import type { MessageText } from '../policy/message-text';
import type { Attachment, PhotoBox, PhotoTextLine, PostKind, ReadTextLine, RuleId } from '../policy/types';
import type { Pupil } from '../roster/model';
import type { RosterVersionSummary, AuditEntry, PostRecord } from '../roster/roster-store';
import type { PhotoProblem } from './panel-protocol';
import type { Settings } from './settings';

/** What a content script knows about the roster besides the snapshot: enough to warn staff, no names. */
export interface RosterStatus {
  importedAt: string;
  pupilCount: number;
  source: string;
  /** When it becomes older than the configured number of days (ISO time): staff are then warned. */
  staleAfter: string;
}

/** Whether the roster is past its configured age now (the status may have been built days ago). */
export function rosterIsStale(status: RosterStatus, now = Date.now()): boolean {
  return now > Date.parse(status.staleAfter);
}

export interface SyncStatus {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** Why the last attempt failed, by its key in _locales (`sync_error_*`); null when it worked. */
  lastError: MessageText | null;
}

/** Pushed over the `guard` port to content scripts whenever the roster or settings change. */
export type GuardPush = {
  type: 'guard-state';
  snapshot: PolicySnapshot | null;
  roster: RosterStatus | null;
  /** Lower-case handles without @; empty guards every account. */
  schoolHandles: string[];
};

/**
 * Where the background keeps the last GuardPush (storage.session): an extension page showing what
 * the roster says hears a change of it, an import or a sync, through storage.onChanged.
 */
export const GUARD_STATE_KEY = 'guardState';

/**
 * Pushed over the `moderation` port to the reply and follow-request watches whenever the roster or
 * settings change: not the snapshot (replies are judged in the background), only what they need.
 */
export type ModerationPush = {
  type: 'moderation-state';
  /** A pupil list is in force. */
  ready: boolean;
  /** Lower-case handles without @; empty guards every account. */
  schoolHandles: string[];
  /** Changes with the pupil list and the settings (the snapshot's hash): the page's replies are then checked again. */
  version: string | null;
};

export type GuardRequest =
  | { type: 'get-guard-state' }
  /** From the content script, on a page of X's where replies or follow requests are moderated: load the watches there. */
  | { type: 'load-moderation-watch' }
  | { type: 'record-audit'; entry: AuditEntryInput }
  /** `classNames`: every class the post's opening names (a joint post counts for each); empty for none or the whole school. */
  | { type: 'record-post'; classNames: string[]; kind: PostKind; account: string | null }
  | { type: 'get-posts-this-week' }
  /** Post records with from ≤ at < to (ISO times), for the weekly promise's reports. */
  | { type: 'list-post-records'; from: string; to: string }
  /**
   * From the consent frame, with the token its address carries: whether the token is its tab's and,
   * when so, the no-consent list of `classNames` (the classes the post is for, CheckResult.classNames;
   * empty means the whole school; null: a frame for photos alone, no list).
   */
  | { type: 'get-consent-frame'; token: string; classNames: string[] | null }
  /** From the content script, before it sends a photo: makes ready the document that analyses photos (Chrome: the offscreen document). */
  | { type: 'open-photo-checker' }
  /**
   * An attached photo, base64 (Chrome's extension messaging is JSON), answered by the document that
   * analyses photos (Chrome's offscreen document, Firefox's event page), which it reaches directly:
   * its metadata read, its text (OCR) and faces found, the names judged against the pupil list.
   */
  | { type: 'check-photo'; base64: string; mediaType: string }
  /** From Chrome's offscreen document: the lines it read from a photo, to be judged against the pupil list here. */
  | { type: 'judge-photo-text'; lines: ReadTextLine[] }
  /** From Chrome's offscreen document, once it has answered every photo sent it, after one failed: close it, so the next photo gets a fresh one. */
  | { type: 'recycle-photo-checker' }
  /** From the content script, once a page, when staff open the file chooser or drag a file in: load the photo models before the photo comes. */
  | { type: 'warm-photo-checker' }
  /** For the extension's frame: a photo analysed earlier, with what was read in it. */
  | { type: 'get-photo-view'; photoId: string }
  /**
   * The blur tool, from the frame: a new JPEG of the photo with `regions` covered and no metadata;
   * `into: 'post'` also has the frame's tab put it in the composer in place of the original.
   */
  | { type: 'blur-photo'; photoId: string; regions: PhotoBox[]; into: 'post' | 'save' }
  /** `basedOn`: the version id the ICT lead's preview compared with (get-roster's `versionId`); refused if another is in force now. */
  | { type: 'import-roster'; pupils: Pupil[]; source: string; basedOn: number | null; pin?: string }
  | { type: 'get-roster' }
  | { type: 'list-roster-versions' }
  | { type: 'restore-roster-version'; versionId: number; pin?: string }
  | { type: 'get-settings' }
  | { type: 'save-settings'; settings: Settings; pin?: string }
  | { type: 'check-settings-pin'; pin: string }
  /** `newPin: null` removes the PIN. `pin` is the current one, when one is set. */
  | { type: 'set-settings-pin'; newPin: string | null; pin?: string }
  | { type: 'sync-now' }
  | { type: 'list-audit'; limit?: number }
  /** From the follower-requests page: the administrator pressed Accept or Decline. */
  | { type: 'record-follow-decision'; handle: string; decision: FollowDecision['decision'] }
  | { type: 'list-follow-decisions' }
  /**
   * From a content script: replies its tab shows, new or changed since it last sent them, every one
   * whatever it says (the check runs here, so the page cannot time it). Those flagged are kept for
   * the activity page by ids, link and rule ids; the words found are only shown in the tab's reply
   * panel (extension-origin frame) and held in memory for it. Always answered `{ ok: true }`.
   */
  | { type: 'check-replies'; postId: string | null; replies: ReplyToCheck[] }
  /** From a content script: its tab shows another page now; the replies listed were the last page's. */
  | { type: 'clear-reply-panel' }
  /** From the reply panel frame: what to show for the tab it is in. */
  | { type: 'get-reply-panel'; token: string }
  /** From a content script, before it draws its reply panel or a no-consent list: the token the frames' addresses carry. */
  | { type: 'frame-token' }
  /** From the reply panel frame: scroll to the reply and open X's own menu on it. */
  | { type: 'show-flagged-reply'; replyId: string; token: string }
  | { type: 'list-flagged-replies' }
  /** From the options page, or from a reply panel (with its token). */
  | { type: 'remove-flagged-reply'; replyId: string; token?: string }
  /** From a blocked post: the phrases its pupil-name findings offer as never a name (Finding.neverANameOffer). */
  | { type: 'record-never-a-name-offers'; phrases: string[] }
  | { type: 'list-never-a-name-offers' }
  | { type: 'dismiss-never-a-name-offer'; phrase: string };

/** A reply as a tab shows it, for the background to check: its text includes what X draws as images (emoji's alt text). */
export interface ReplyToCheck {
  replyId: string;
  /** The reply's author's handle, lower-case. */
  author: string;
  text: string;
}

/** A reply the guard flagged on the page a tab shows. */
export interface ReplyPanelEntry {
  replyId: string;
  /** The school's post replied to, when the page says (a post page); null in Notifications. */
  postId: string | null;
  /** The reply's author's handle, lower-case. */
  author: string;
  rules: RuleId[];
  /** The words that were flagged, as the reply has them. */
  words: string[];
}

/** The audit entry as a content script reports it; the background stamps the time. */
export type AuditEntryInput = Omit<AuditEntry, 'at'>;

export type SettingKey = keyof Settings;

/** A value the school's admin console set that was rejected: `message` names the entry ("pupil-name: …"). */
export interface ManagedProblem {
  key: SettingKey;
  message: string;
}

export interface SettingsState {
  settings: Settings;
  /** Keys forced by the school's admin console: shown locked in the options page. */
  managedKeys: SettingKey[];
  /** What the admin console asked for but was not applied, and why. */
  managedProblems: ManagedProblem[];
  /** The admin console locked every setting. */
  locked: boolean;
  /** A settings PIN is set: changes need it. */
  pinSet: boolean;
  sync: SyncStatus;
}

/** Why a change was refused, for requests that a settings PIN or the admin console can refuse. */
export type ChangeResult = { ok: true } | { ok: false; message: string };

/**
 * What the content script of a tab answers to `{ type: 'tab-guard-status' }` (sent by the popup
 * with tabs.sendMessage). A tab without our content script (not x.com) does not answer at all.
 */
export interface TabGuardStatus {
  /** The tab's account is one the guard checks (a school handle, or every account when none is set). */
  guarded: boolean;
  account: string | null;
  /** `degraded`: X's markup changed and the guard runs on its fallback selectors, still blocking. */
  health: 'primary' | 'degraded';
  state: 'ready' | 'no-roster' | 'connecting' | 'invalidated';
}

export type TabRequest =
  | { type: 'tab-guard-status' }
  /** Relayed by the background from the tab's reply panel: answered with `{ found: boolean }`. */
  | { type: 'show-flagged-reply'; replyId: string }
  /** From the background, for the blur tool: put this JPEG (base64) in place of the photo analysed as `photoId`; answered true when done. */
  | { type: 'put-blurred-photo'; photoId: string; base64: string };

/**
 * What the content script learns of an attached photo: its metadata, where the faces are and, for
 * each line of text in which a pupil's name was read, where the line and the name are — never what
 * was read (`text` is empty): that is shown only in the extension's frame.
 */
export type PhotoFindings = Required<Pick<Attachment, 'metadataText' | 'gps' | 'photoText' | 'faces' | 'analysisId'>>;

/** The reply each request gets. */
export interface GuardResponses {
  'get-guard-state': GuardPush;
  'load-moderation-watch': { ok: true };
  'record-audit': { ok: true };
  'record-post': { ok: true };
  'get-posts-this-week': Record<string, number>;
  'list-post-records': PostRecord[];
  /** `ok: false`: a copy framed by someone else (no token, or another tab's), shown nothing. */
  'get-consent-frame': { ok: false } | { ok: true; noConsent: { names: string[]; wholeSchool: boolean } | null };
  'open-photo-checker': { ok: true };
  'check-photo': { ok: true; photo: PhotoFindings } | { ok: false; problem: PhotoProblem };
  /** The lines that name a pupil (their text left out); null without a pupil list. */
  'judge-photo-text': PhotoTextLine[] | null;
  'recycle-photo-checker': { ok: true };
  'warm-photo-checker': { ok: true };
  /** null when the photo is no longer held (the browser restarted, or many photos came since). */
  'get-photo-view': (PhotoView & { nameLines: boolean[] }) | null;
  /** `jpeg`: base64, null when the photo is no longer held; `replaced`: it is in the composer now. */
  'blur-photo': { jpeg: string | null; replaced: boolean };
  /** `listChanged`: another pupil list came into force after the preview; nothing was replaced. */
  'import-roster': { ok: true; version: RosterVersionSummary } | { ok: false; message: string; listChanged?: true };
  'get-roster': { pupils: Pupil[]; status: RosterStatus | null; versionId: number | null };
  'list-roster-versions': RosterVersionSummary[];
  'restore-roster-version': ChangeResult;
  'get-settings': SettingsState;
  'save-settings': { ok: true } | { ok: false; errors: string[] };
  'check-settings-pin': { ok: boolean };
  'set-settings-pin': ChangeResult;
  'sync-now': SyncStatus;
  'list-audit': AuditEntry[];
  'record-follow-decision': { ok: true };
  'list-follow-decisions': FollowDecision[];
  'check-replies': { ok: true };
  'clear-reply-panel': { ok: true };
  'get-reply-panel': { tabId: number | null; replies: ReplyPanelEntry[] };
  'frame-token': { token: string };
  'show-flagged-reply': { found: boolean };
  'list-flagged-replies': FlaggedReply[];
  'remove-flagged-reply': { ok: true };
  'record-never-a-name-offers': { ok: true };
  'list-never-a-name-offers': NeverANameOffer[];
  'dismiss-never-a-name-offer': { ok: true };
}

export type RequestOf<T extends GuardRequest['type']> = Extract<GuardRequest, { type: T }>;
export type ResponseOf<T extends GuardRequest['type']> = GuardResponses[T];

/**
 * How long a photo check may take, from when the photo's turn comes where photos are analysed, one
 * at a time (README: photo figures; a cold start on a busy school laptop takes less); past it the
 * post is held with a reason instead of "Checking…" for ever.
 */
export const PHOTO_CHECK_TIME_LIMIT_MS = 90_000;

/**
 * How long to wait for the answer to a photo check asked for while `waiting` others are still
 * unanswered: each of them, and a warm-up run, may take its whole limit before this one's turn.
 */
export function photoAnswerLimit(waiting: number, timeLimitMs = PHOTO_CHECK_TIME_LIMIT_MS): number {
  return (waiting + 2) * timeLimitMs;
}

export const GUARD_PORT_NAME = 'guard';
export const MODERATION_PORT_NAME = 'moderation';

export type { RuleId };
