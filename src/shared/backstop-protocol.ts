/**
 * How the main-world network backstop and the isolated-world guard talk. They share only the DOM,
 * and anything said on it (a CustomEvent's detail, an attribute) can be read and forged by x.com's
 * own scripts. So the DOM carries one thing, once: a `MessagePort`, handed over at document_start
 * before any page script exists, and every question and verdict then travels over that port,
 * which no page script holds.
 *
 * The handshake works whichever script runs first: the isolated world offers its port at start
 * and again when the main world says hello; the main world listens only while its own first run
 * lasts, so a port offered later (by a page script) is never taken.
 *
 * The verdict says only whether the composer guard approved those texts: no roster data, and
 * nothing that depends on it, crosses into the page's world.
 */
export const BACKSTOP_HELLO = 'school-post-guard:backstop-hello';
export const BACKSTOP_PORT = 'school-post-guard:backstop-port';

export interface BackstopAsk {
  id: number;
  texts: string[];
}

export interface BackstopAnswer {
  id: number;
  allow: boolean;
  /** One of a few fixed sentences. */
  reason: string;
}
