/**
 * Runs in x.com's own JavaScript world, at document_start: the last line of defence. It wraps
 * fetch and XMLHttpRequest so that a post-creating request (however it was triggered) is sent
 * only when the isolated-world guard answers that its text may go out. No answer means no post.
 */
import { BACKSTOP_ANSWER, BACKSTOP_ASK, type BackstopAnswer, type BackstopAsk } from '../shared/backstop-protocol';
import { isPostRequest, postRequestTexts } from './post-request';

const originalFetch = window.fetch;
const originalOpen = XMLHttpRequest.prototype.open;
const originalSend = XMLHttpRequest.prototype.send;
const requestUrls = new WeakMap<XMLHttpRequest, string>();

function ask(texts: string[]): BackstopAnswer {
  const id = crypto.randomUUID();
  let answer: BackstopAnswer | null = null;
  const listen = (event: Event) => {
    const detail = parse((event as CustomEvent<unknown>).detail);
    if (detail?.id === id) answer = detail;
  };
  document.addEventListener(BACKSTOP_ANSWER, listen);
  try {
    const question: BackstopAsk = { id, texts };
    document.dispatchEvent(new CustomEvent(BACKSTOP_ASK, { detail: JSON.stringify(question) }));
  } finally {
    document.removeEventListener(BACKSTOP_ANSWER, listen);
  }
  return answer ?? { id, allow: false, reason: 'School Post Guard did not answer, so the post was stopped. Reload the page.' };
}

function parse(detail: unknown): BackstopAnswer | null {
  if (typeof detail !== 'string') return null;
  try {
    return JSON.parse(detail) as BackstopAnswer;
  } catch {
    return null;
  }
}

function refusal(reason: string): Error {
  return new TypeError(`School Post Guard stopped this post: ${reason}`);
}

window.fetch = function guardedFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  const body = init?.body ?? null;
  if (input instanceof Request && body === null && isPostRequest(url)) {
    // A Request object's body cannot be read synchronously: refuse rather than guess.
    return Promise.reject(refusal('the post could not be read.'));
  }
  const outgoing = postRequestTexts(url, body);
  if (outgoing) {
    const answer = ask(outgoing);
    if (!answer.allow) return Promise.reject(refusal(answer.reason));
  }
  return originalFetch.call(this, input, init);
} as typeof window.fetch;

XMLHttpRequest.prototype.open = function guardedOpen(this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>) {
  requestUrls.set(this, String(args[1]));
  return (originalOpen as (...a: unknown[]) => void).apply(this, args);
} as XMLHttpRequest['open'];

XMLHttpRequest.prototype.send = function guardedSend(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
  const outgoing = postRequestTexts(requestUrls.get(this) ?? '', body ?? null);
  if (outgoing) {
    const answer = ask(outgoing);
    if (!answer.allow) throw refusal(answer.reason);
  }
  return (originalSend as (body?: unknown) => void).call(this, body);
};
