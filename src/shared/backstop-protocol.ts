/**
 * The synchronous handshake between the main-world network backstop and the isolated-world guard.
 * Both sides share only the DOM, so they talk with CustomEvents on `document`: the main world
 * asks with the outgoing texts, the isolated world answers within the same dispatch. The answer
 * says only whether the composer guard approved those texts: no roster data, and nothing that
 * depends on it, crosses into the page's world.
 */
export const BACKSTOP_ASK = 'school-post-guard:ask';
export const BACKSTOP_ANSWER = 'school-post-guard:answer';

export interface BackstopAsk {
  id: string;
  texts: string[];
}

export interface BackstopAnswer {
  id: string;
  allow: boolean;
  /** One of a few fixed sentences. */
  reason: string;
}
