/**
 * The synchronous handshake between the main-world network backstop and the isolated-world guard.
 * Both sides share only the DOM, so they talk with CustomEvents on `document`: the main world
 * asks with the outgoing texts, the isolated world answers within the same dispatch. The answer
 * says only whether the composer guard approved those texts: no roster data, and nothing that
 * depends on it, crosses into the page's world.
 */
export const BACKSTOP_ASK = 'school-post-guard:ask';
export const BACKSTOP_ANSWER = 'school-post-guard:answer';

/** What the page's upload says about a file: enough to tell it from another photo staff did not approve. */
export interface MediaIdentity {
  bytes: number;
  type: string;
}

/**
 * A post-creating request: its texts and, in order, what each attached media id was uploaded as
 * (null for media this page did not upload, such as a GIF from X's picker). Or a media-metadata
 * request: the description it would set on the media uploaded as `media`.
 */
export type BackstopQuestion =
  | { texts: string[]; media?: (MediaIdentity | null)[] }
  | { description: { media: MediaIdentity | null; alt: string | null } };

export type BackstopAsk = BackstopQuestion & { id: string };

export interface BackstopAnswer {
  id: string;
  allow: boolean;
  /** One of a few fixed sentences. */
  reason: string;
}
