/**
 * Runs in x.com's own JavaScript world, at document_start: the last line of defence. It wraps
 * fetch and XMLHttpRequest so that a post-creating request (however it was triggered) is sent
 * only when the isolated-world guard answers that its text may go out. No answer means no post.
 */
import { BACKSTOP_ANSWER, BACKSTOP_ASK, type BackstopAnswer, type BackstopAsk, type BackstopQuestion, type MediaIdentity } from '../shared/backstop-protocol';
import { isMediaMetadataRequest, mediaDescription, postMediaIds, uploadedMediaId, uploadInit } from './media-requests';
import { isPostRequest, postRequestTexts } from './post-request';

const originalFetch = window.fetch;
const originalOpen = XMLHttpRequest.prototype.open;
const originalSend = XMLHttpRequest.prototype.send;
const requestUrls = new WeakMap<XMLHttpRequest, string>();
/** What each media id this page uploaded was announced as: a post's media are held to the approved ones. */
const uploads = new Map<string, MediaIdentity>();

function ask(question: BackstopQuestion): BackstopAnswer {
  const id = crypto.randomUUID();
  let answer: BackstopAnswer | null = null;
  const listen = (event: Event) => {
    const detail = parse((event as CustomEvent<unknown>).detail);
    if (detail?.id === id) answer = detail;
  };
  document.addEventListener(BACKSTOP_ANSWER, listen);
  try {
    document.dispatchEvent(new CustomEvent(BACKSTOP_ASK, { detail: JSON.stringify({ ...question, id } satisfies BackstopAsk) }));
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

/** The question a request raises, if any: a post (its texts and media) or a description (alt text). */
function questionFor(url: string, body: unknown): BackstopQuestion | null {
  if (isMediaMetadataRequest(url)) {
    const { mediaId, alt } = mediaDescription(body);
    return { description: { media: uploads.get(mediaId) ?? null, alt } };
  }
  const texts = postRequestTexts(url, body);
  if (!texts) return null;
  return { texts, media: postMediaIds(body).map((mediaId) => uploads.get(mediaId) ?? null) };
}

/** Notes the media id X gives an upload, once its INIT is answered. */
function noteUpload(identity: MediaIdentity, answer: unknown): void {
  const mediaId = uploadedMediaId(answer);
  if (mediaId) uploads.set(mediaId, identity);
}

window.fetch = function guardedFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  const body = init?.body ?? null;
  if (input instanceof Request && body === null && (isPostRequest(url) || isMediaMetadataRequest(url))) {
    // A Request object's body cannot be read synchronously: refuse rather than guess.
    return Promise.reject(refusal('the post could not be read.'));
  }
  const question = questionFor(url, body);
  if (question) {
    const answer = ask(question);
    if (!answer.allow) return Promise.reject(refusal(answer.reason));
  }
  const sent = originalFetch.call(this, input, init);
  const upload = uploadInit(url);
  if (upload) {
    void sent.then((response) => response.clone().json()).then((answer: unknown) => noteUpload(upload, answer), () => undefined);
  }
  return sent;
} as typeof window.fetch;

XMLHttpRequest.prototype.open = function guardedOpen(this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>) {
  requestUrls.set(this, String(args[1]));
  return (originalOpen as (...a: unknown[]) => void).apply(this, args);
} as XMLHttpRequest['open'];

XMLHttpRequest.prototype.send = function guardedSend(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
  const url = requestUrls.get(this) ?? '';
  const question = questionFor(url, body ?? null);
  if (question) {
    const answer = ask(question);
    if (!answer.allow) throw refusal(answer.reason);
  }
  const upload = uploadInit(url);
  if (upload) {
    this.addEventListener('load', () => {
      try {
        noteUpload(upload, JSON.parse(String(this.responseText)));
      } catch {
        // Not JSON: no media id to note, so a post attaching it is refused.
      }
    });
  }
  return (originalSend as (body?: unknown) => void).call(this, body);
};
