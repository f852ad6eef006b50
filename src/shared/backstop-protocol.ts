/**
 * How the main-world network backstop and the isolated-world guard talk. They share only the DOM,
 * and anything said on it (a CustomEvent's detail, an attribute) can be read and forged by x.com's
 * own scripts. So the DOM carries one thing, once: a `MessagePort`, handed over at document_start
 * before any page script exists, and every question, verdict and report then travels over that
 * port, which no page script holds.
 *
 * The handshake works whichever script runs first: the isolated world offers its port at start
 * and again when the main world says hello; the main world listens only while its own first run
 * lasts, so a port offered later (by a page script) is never taken.
 *
 * The verdict says only whether the composer guard approved what the request carries: no roster
 * data, and nothing that depends on it, crosses into the page's world.
 */
export const BACKSTOP_HELLO = 'school-post-guard:backstop-hello';
export const BACKSTOP_PORT = 'school-post-guard:backstop-port';

/** What the page's upload says about a file: enough to tell it from another photo staff did not approve. */
export interface MediaIdentity {
  bytes: number;
  type: string;
}

/**
 * A post-creating request: its texts and, in order, what each attached media id was uploaded as
 * (null for media this page did not see uploaded: a draft's, from an earlier page load). Or a media-metadata
 * request: the description it would set on the media uploaded as `media`.
 */
export type BackstopQuestion =
  | { texts: string[]; media?: (MediaIdentity | null)[] }
  | { description: { media: MediaIdentity | null; alt: string | null } };

/** Main world → guard: may this request go out? */
export type BackstopAsk = BackstopQuestion & { id: number };

/** Guard → main world. */
export interface BackstopAnswer {
  id: number;
  allow: boolean;
  /** One of a few fixed sentences. */
  reason: string;
}

/**
 * Main world → guard, after a post it let go has been answered by X: `sent` is true only when X
 * accepted it (a success status and no errors in the answer), so only then is it logged as posted.
 */
export interface BackstopReport {
  id: number;
  sent: boolean;
}
