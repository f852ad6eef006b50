/** The contracts of the policy engine: what goes in (a draft) and what comes out (findings). */

// Derived from the registry, so a rule's id is written once: in its own `meta`.
import type { RuleId } from './rules/index';
import type { MessageText } from './message-text';
import type { Confirmation } from './rule';

export type { RuleId };

/** What a finding does to a post. */
export type Severity = 'warn' | 'block';

/**
 * How the ICT lead sets a rule. `block-with-exception` blocks unless staff confirm the policy's
 * exception as the rule's `meta.confirmation` says (the confirmation is logged); only a rule whose
 * policy has an exception allows it.
 */
export type RuleLevel = 'off' | 'warn' | 'block' | 'block-with-exception';

/** Where in the draft a finding sits, so the composer can mark it. */
export type FindingTarget =
  | { kind: 'text' }
  | {
      kind: 'attachment';
      index: number;
      part: 'name' | 'alt' | 'metadata' | 'pixels';
      /** For `part: 'metadata'` / `'pixels'`: which entry of `metadataText` / `photoText` the range is in. */
      entry?: number;
      /** For `part: 'pixels'`: where in the photo the line was read. */
      box?: PhotoBox;
    };

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** UTF-16 offsets into the original string of `target` (the draft text unless said otherwise). */
  start: number;
  end: number;
  target: FindingTarget;
  /**
   * A sentence a teacher understands, by its key in _locales (said by t() in the panel, from the
   * en_GB file in the CLI). Never contains roster data the draft did not already contain.
   */
  message: MessageText;
  fix?: MessageText;
  /** Set on a block staff may go on past by confirming (the policy's exception, or what the rule asks them to check). */
  confirmation?: Confirmation;
  /**
   * The phrase read as a pupil's name, with the word beside it ("Grace Darling"), that the ICT lead
   * may add to the never-a-name list from the activity page. Never a name on its own or a full name.
   */
  neverANameOffer?: string;
}

export interface Attachment {
  /** Tells one attached file from another (a composer's own id for it); names repeat ("image.png"). */
  key?: string;
  name: string;
  alt: string;
  /** MIME type: image/jpeg, video/mp4… */
  type: string;
  /** Text fields read from EXIF/XMP/IPTC (title, description, keywords, person shown…). */
  metadataText?: string[];
  /** GPS position embedded in the file, if any. */
  gps?: { latitude: number; longitude: number } | null;
  /** Lines of text read from the photo's pixels (OCR), each with where it was read. */
  photoText?: PhotoTextLine[];
  /** Where the faces in the photo are. */
  faces?: PhotoBox[];
  /** The extension's id for its analysis of the photo, so its frame can show the photo and what was found. */
  analysisId?: string;
}

/** A rectangle in a photo, as fractions (0–1) of its width and height, so it fits any copy of it. */
export interface PhotoBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A line of text read from a photo (OCR), with where it was read. */
export interface ReadTextLine {
  text: string;
  box: PhotoBox;
}

/**
 * A line read from a photo with the pupils' names in it, as `namePhotoLines` judged them where the
 * photo was analysed (the background, the CLI): the content script only turns them into findings.
 */
export interface PhotoTextLine extends ReadTextLine {
  names: PhotoTextName[];
}

export interface PhotoTextName {
  /** UTF-16 range in the line's text. */
  start: number;
  end: number;
  severity: Severity;
  /** Why it counts as a name, for the message, by its key in _locales (`name_reason_*`). */
  reason: MessageText;
}

export type PostKind = 'general' | 'event' | 'residential';

export interface Draft {
  text: string;
  attachments: Attachment[];
  /** Rule ids whose confirmation staff gave (photo consent, the hashtag exception, a warning acknowledged). */
  confirmed: RuleId[];
  /** For posting-cadence: general posts already made this week, per class name. */
  postsThisWeek?: Record<string, number>;
  kind?: PostKind;
  /**
   * Where the text will appear (default `opening`). A later post of a thread carries on under the
   * opening post's class name, and a direct message is not a post to the feed: neither has to begin
   * with a class name.
   */
  placement?: 'opening' | 'continuation' | 'message';
  /**
   * Who can see the posting account's posts, as X's page shows it (a lock marks a protected
   * account); `unknown` when the page did not show it. Absent where it cannot be known (the CLI).
   */
  accountAudience?: 'protected' | 'public' | 'unknown';
}

export type Verdict = 'block' | 'warn' | 'pass';

export interface CheckResult {
  verdict: Verdict;
  findings: Finding[];
  /**
   * The opening the post begins with, as staff read it ("Oak", "Owls and Badgers", "Whole School"),
   * or null: for the activity log.
   */
  className: string | null;
  /**
   * The classes the post is for: every class its opening names ("Owls and Badgers:" → both). Empty
   * when it names none, or names an opening such as "Whole School": then the post is for the whole
   * school. Photo consent and the weekly post counts go by these.
   */
  classNames: string[];
  /**
   * Findings that staff's confirmations lifted (an acknowledged warning, photo consent confirmed, the
   * hashtag exception). They no longer count towards the verdict and are not in `findings`; they are
   * kept here so the audit log can record which confirmation let the post go.
   */
  confirmedFindings?: Finding[];
}
