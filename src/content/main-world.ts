/**
 * Runs in x.com's own JavaScript world at document_start, in the page and in every same-origin
 * and about:blank frame: the last line of defence. It wraps fetch, XMLHttpRequest, sendBeacon and
 * form submission so that a post-creating request (however it was triggered) is sent only when
 * the isolated-world guard answers, over a private MessagePort, that its texts, its media and
 * their descriptions may go out. No answer means no post. Once X has answered a post that was let
 * go, it reports over the same port whether X accepted it, so only a post X really has is logged.
 *
 * Defence in depth, not a trust boundary: it stops staff (and X's own code) from posting past the
 * composer guard by a route the guard does not see, but a page that set out to defeat it could
 * (from a worker, say). See the README.
 */
import { BACKSTOP_HELLO, BACKSTOP_PORT, type BackstopAnswer, type BackstopAsk, type BackstopQuestion, type BackstopReport, type MediaIdentity } from '../shared/backstop-protocol';
import { isMediaMetadataRequest, mediaDescription, uploadedMediaId, uploadInit } from './media-requests';
import { isPostRequest, normalisedPath, readBodyText, readPostRequest, type ReadableBody } from './post-request';

// Taken before any page script runs: what the page later puts in their place never reaches the backstop.
const reflectApply = Reflect.apply;
const nativeFetch = window.fetch;
const NativeRequest = Request;
const NativePromise = Promise;
const NativeURLSearchParams = URLSearchParams;
const NativeUint8Array = Uint8Array;
const NativeProgressEvent = ProgressEvent;
const parseJson = JSON.parse;
const isArray = Array.isArray;
const requestUrl = Object.getOwnPropertyDescriptor(Request.prototype, 'url')?.get;
const requestClone = Request.prototype.clone;
const requestText = Request.prototype.text;
const responseOk = Object.getOwnPropertyDescriptor(Response.prototype, 'ok')?.get;
const responseClone = Response.prototype.clone;
const responseText = Response.prototype.text;
const promiseThen = Promise.prototype.then;
const nativeOpen = XMLHttpRequest.prototype.open;
const nativeSend = XMLHttpRequest.prototype.send;
const xhrStatus = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'status')?.get;
const xhrResponseType = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'responseType')?.get;
const xhrResponse = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'response')?.get;
const nativeDispatch = EventTarget.prototype.dispatchEvent;
const nativeListen = EventTarget.prototype.addEventListener;
const nativeBeacon = Navigator.prototype.sendBeacon;
const nativeFormSubmit = HTMLFormElement.prototype.submit;
const formAction = Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, 'action')?.get;
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
const arrayBufferSlice = ArrayBuffer.prototype.slice;
const setTimer = setTimeout;
const clearTimer = clearTimeout;

const NO_GUARD = 'School Post Guard is not running in this part of the page, so the post was stopped. Post from X’s composer.';
const NO_ANSWER = 'School Post Guard did not answer, so the post was stopped. Reload the page.';
const SYNCHRONOUS = 'a synchronous request cannot wait for School Post Guard’s check.';
/** Long enough for a busy tab; a guard that has not answered by then is not going to. */
const ANSWER_TIMEOUT_MS = 10_000;

type Verdict = Pick<BackstopAnswer, 'allow' | 'reason'>;

/**
 * The private line to the isolated world: only the top frame of an X page has the guard beside
 * it. Frames and pop-ups never post on X, so with no port every post they try is refused.
 */
const port = window === window.top ? receivePort() : null;

function receivePort(): MessagePort | null {
  let received: MessagePort | null = null;
  const take = (event: Event) => {
    received ??= (event as MessageEvent).ports[0] ?? null;
  };
  document.addEventListener(BACKSTOP_PORT, take);
  document.dispatchEvent(new Event(BACKSTOP_HELLO));
  // Listening stops here, before any page script can offer a port of its own.
  document.removeEventListener(BACKSTOP_PORT, take);
  return received;
}

/** Waiting questions by id; no prototype, so nothing the page adds to Object.prototype is consulted. */
const waiting: Record<number, (verdict: Verdict) => void> = Object.create(null) as Record<number, (verdict: Verdict) => void>;
/** What each media id this page uploaded was announced as: a post's media are held to the approved ones. */
const uploads: Record<string, MediaIdentity> = Object.create(null) as Record<string, MediaIdentity>;
let nextQuestion = 1;
if (port !== null) {
  port.onmessage = (event: MessageEvent<BackstopAnswer>) => {
    const answer = event.data;
    const settle = waiting[answer.id];
    if (settle === undefined) return;
    delete waiting[answer.id];
    settle({ allow: answer.allow === true, reason: String(answer.reason) });
  };
}

/** A question put to the guard: its id (to report X's answer under) and the verdict to come. */
function ask(question: BackstopQuestion): { id: number; verdict: Promise<Verdict> } {
  const id = nextQuestion++;
  const line = port;
  if (line === null) return { id, verdict: NativePromise.resolve({ allow: false, reason: NO_GUARD }) };
  const verdict = new NativePromise<Verdict>((resolve) => {
    const timer = setTimer(() => {
      delete waiting[id];
      resolve({ allow: false, reason: NO_ANSWER });
    }, ANSWER_TIMEOUT_MS);
    waiting[id] = (answer) => {
      clearTimer(timer);
      resolve(answer);
    };
    line.postMessage({ ...question, id } satisfies BackstopAsk);
  });
  return { id, verdict };
}

/** Tells the guard whether X accepted the post it let go as question `id`. */
function report(id: number, sent: boolean): void {
  port?.postMessage({ id, sent } satisfies BackstopReport);
}

/** Whether X's answer says the post is published: a success status, and no errors in its JSON. */
function acceptedByX(ok: boolean, answer: unknown): boolean {
  if (!ok) return false;
  let json: unknown = answer;
  if (typeof answer === 'string') {
    try {
      json = parseJson(answer);
    } catch {
      return true; // Not JSON: the status is all there is to go by.
    }
  }
  const errors = (json as { errors?: unknown } | null)?.errors;
  return !(isArray(errors) && errors.length > 0);
}

function refusal(reason: string): Error {
  return new TypeError(`School Post Guard stopped this post: ${reason}`);
}

/** Whether a request to `url` must be read before it goes: a publishing or description address, or any GraphQL call (its body can make it a post). */
function mustRead(url: string): boolean {
  if (isPostRequest(url, document.baseURI) || isMediaMetadataRequest(url, document.baseURI)) return true;
  return normalisedPath(url, document.baseURI)?.includes('/graphql/') ?? false;
}

/** The question a request raises, if any: a post (its texts and media) or a description (alt text). */
function questionFor(url: string, body: string | undefined): BackstopQuestion | null {
  if (isMediaMetadataRequest(url, document.baseURI)) {
    const { mediaId, alt } = mediaDescription(body);
    return { description: { media: uploads[mediaId] ?? null, alt } };
  }
  const post = readPostRequest(url, document.baseURI, body);
  if (post === null) return null;
  return { texts: post.texts, media: post.mediaIds.map((mediaId) => uploads[mediaId] ?? null) };
}

/** Notes the media id X gives an upload, once its INIT is answered. */
function noteUpload(identity: MediaIdentity, answer: unknown): void {
  let json: unknown = answer;
  try {
    if (typeof answer === 'string') json = parseJson(answer);
  } catch {
    return; // Not JSON: no media id to note, so a post attaching it is refused.
  }
  const mediaId = uploadedMediaId(json);
  if (mediaId !== null) uploads[mediaId] = identity;
}

/** Reads X's answer to a fetch without consuming it for the page. */
function readAnswer(response: Response, use: (ok: boolean, text: string | undefined) => void): void {
  const ok = reflectApply(responseOk as () => boolean, response, []);
  const text: Promise<string> = reflectApply(responseText, reflectApply(responseClone, response, []), []);
  reflectApply(promiseThen, text, [(body: string) => use(ok, body), () => use(ok, undefined)]);
}

window.fetch = function guardedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let url: string;
  let isRequest = false;
  try {
    // The getter accepts a Request from any frame, where `instanceof Request` would not.
    url = reflectApply(requestUrl as () => string, input, []);
    isRequest = true;
  } catch {
    // Converted once, and the string is what is sent: a URL object whose text changes between reads gains nothing.
    url = String(input);
  }
  const target = isRequest ? input : url;
  const upload = uploadInit(url, document.baseURI);
  if (upload !== null) {
    const sent: Promise<Response> = reflectApply(nativeFetch, window, init === undefined ? [target] : [target, init]);
    reflectApply(promiseThen, sent, [(response: Response) => readAnswer(response, (_ok, text) => noteUpload(upload, text)), () => undefined]);
    return sent;
  }
  if (!mustRead(url)) return reflectApply(nativeFetch, window, init === undefined ? [target] : [target, init]);
  let request: Request;
  try {
    // Built once from what the page passed; this request, and nothing read again from `init`, is what goes out.
    request = new NativeRequest(target, init);
  } catch (error) {
    return NativePromise.reject(error);
  }
  const body: Promise<string> = reflectApply(requestText, reflectApply(requestClone, request, []), []);
  return reflectApply(promiseThen, body, [
    (text: string) => {
      const question = questionFor(url, text);
      if (question === null) return reflectApply(nativeFetch, window, [request]);
      const { id, verdict } = ask(question);
      return reflectApply(promiseThen, verdict, [
        (answer: Verdict) => {
          if (!answer.allow) return NativePromise.reject(refusal(answer.reason));
          const sent: Promise<Response> = reflectApply(nativeFetch, window, [request]);
          if ('texts' in question) {
            reflectApply(promiseThen, sent, [(response: Response) => readAnswer(response, (ok, answerText) => report(id, acceptedByX(ok, answerText))), () => report(id, false)]);
          }
          return sent;
        },
      ]);
    },
  ]) as Promise<Response>;
} as typeof window.fetch;

/** What each XMLHttpRequest was last opened with; `generation` tells a re-opened request from the one that was checked. */
const opened = new WeakMap<XMLHttpRequest, { url: string; async: boolean; generation: number }>();
let generations = 0;

XMLHttpRequest.prototype.open = function guardedOpen(this: XMLHttpRequest, ...args: unknown[]) {
  const url = String(args[1]);
  args[1] = url;
  reflectApply(weakMapSet, opened, [this, { url, async: args.length < 3 || Boolean(args[2]), generation: ++generations }]);
  return reflectApply(nativeOpen, this, args) as void;
} as XMLHttpRequest['open'];

XMLHttpRequest.prototype.send = function guardedSend(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
  holdUntilChecked(this, body ?? null);
};

/** Calls `use` with X's answer once the request has finished (or failed: status 0). */
function onAnswer(xhr: XMLHttpRequest, use: (ok: boolean, answer: unknown) => void): void {
  reflectApply(nativeListen, xhr, [
    'loadend',
    () => {
      const status = reflectApply(xhrStatus as () => number, xhr, []);
      const type = reflectApply(xhrResponseType as () => string, xhr, []);
      // Only text and JSON answers can be read back; for others the status is all there is.
      const answer: unknown = type === '' || type === 'text' || type === 'json' ? reflectApply(xhrResponse as () => unknown, xhr, []) : undefined;
      use(status >= 200 && status < 300, answer);
    },
    { once: true },
  ]);
}

function holdUntilChecked(xhr: XMLHttpRequest, body: Document | XMLHttpRequestBodyInit | null): void {
  const request = reflectApply(weakMapGet, opened, [xhr]) as { url: string; async: boolean; generation: number } | undefined;
  const upload = request === undefined ? null : uploadInit(request.url, document.baseURI);
  if (upload !== null) onAnswer(xhr, (_ok, answer) => noteUpload(upload, answer));
  if (request === undefined || !mustRead(request.url)) return reflectApply(nativeSend, xhr, [body]) as void;
  const snapshot = snapshotBody(body);
  const question = questionFor(request.url, snapshot === undefined ? undefined : readBodyText(snapshot));
  if (question === null) return reflectApply(nativeSend, xhr, [body]) as void;
  if (!request.async) throw refusal(SYNCHRONOUS);
  const { id, verdict } = ask(question);
  // Sent, or failed as a network error, once the guard has answered; what is sent is the body as it was at send().
  reflectApply(promiseThen, verdict, [
    (answer: Verdict) => {
      const current = reflectApply(weakMapGet, opened, [xhr]) as { generation: number } | undefined;
      if (current?.generation !== request.generation) {
        if ('texts' in question) report(id, false);
        return;
      }
      if (answer.allow) {
        if ('texts' in question) onAnswer(xhr, (ok, xAnswer) => report(id, acceptedByX(ok, xAnswer)));
        try {
          reflectApply(nativeSend, xhr, [snapshot ?? body]);
        } catch {
          // Aborted while the guard was asked: nothing to send.
          if ('texts' in question) report(id, false);
        }
        return;
      }
      for (const type of ['error', 'loadend']) reflectApply(nativeDispatch, xhr, [new NativeProgressEvent(type)]);
    },
  ]);
}

/** A copy the page can no longer change; undefined when the body cannot be read synchronously (a Blob, a form). */
function snapshotBody(body: Document | XMLHttpRequestBodyInit | null): ReadableBody | undefined {
  if (body === null || typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return new NativeURLSearchParams(body);
  if (body instanceof ArrayBuffer) return reflectApply(arrayBufferSlice, body, [0]) as ArrayBuffer;
  if (ArrayBuffer.isView(body)) return new NativeUint8Array(reflectApply(arrayBufferSlice, body.buffer, [body.byteOffset, body.byteOffset + body.byteLength]) as ArrayBuffer);
  return undefined;
}

// A beacon cannot wait for an answer, and X never posts with one.
Navigator.prototype.sendBeacon = function guardedBeacon(this: Navigator, url: string | URL, data?: BodyInit | null) {
  const address = String(url);
  if (mustRead(address)) return false;
  return reflectApply(nativeBeacon, this, data === undefined ? [address] : [address, data]) as boolean;
};

// A form cannot wait either, and X never posts with one: one aimed at a publishing address is stopped.
function aimsAtPost(form: HTMLFormElement, submitter: Element | null): boolean {
  const override = submitter?.getAttribute('formaction');
  const action = override ? new URL(override, document.baseURI).href : (reflectApply(formAction as () => string, form, []) as string);
  return mustRead(action);
}

HTMLFormElement.prototype.submit = function guardedSubmit(this: HTMLFormElement) {
  if (aimsAtPost(this, null)) throw refusal('a form cannot send a post.');
  reflectApply(nativeFormSubmit, this, []);
};

window.addEventListener(
  'submit',
  (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && aimsAtPost(form, (event as SubmitEvent).submitter)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  true,
);
