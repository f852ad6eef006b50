/**
 * The synchronous handshake between the main-world network backstop and the isolated-world guard.
 * Both sides share only the DOM, so they talk with CustomEvents on `document`: the main world
 * asks with the outgoing texts, the isolated world answers within the same dispatch with a verdict.
 * Only a verdict crosses into the page's world, never roster data.
 */
export const BACKSTOP_ASK = 'school-post-guard:ask';
export const BACKSTOP_ANSWER = 'school-post-guard:answer';

export interface BackstopAsk {
  id: string;
  texts: string[];
  hasMedia: boolean;
  /** A direct message, not a post: it needs no class name. */
  isMessage: boolean;
}

export interface BackstopAnswer {
  id: string;
  allow: boolean;
  reason: string;
}
