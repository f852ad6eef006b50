/**
 * Runs in x.com's own JavaScript world at document_start, in the page and in every same-origin
 * and about:blank frame: the last line of defence. It wraps fetch, XMLHttpRequest, sendBeacon and
 * form submission so that a post-creating request (however it was triggered) is sent only when
 * the isolated-world guard answers, over a private MessagePort, that its text may go out. No
 * answer means no post.
 *
 * Defence in depth, not a trust boundary: it stops staff (and X's own code) from posting past the
 * composer guard by a route the guard does not see, but a page that set out to defeat it could
 * (from a worker, say). See the README.
 */
import { BACKSTOP_HELLO, BACKSTOP_PORT, type BackstopAnswer, type BackstopAsk } from '../shared/backstop-protocol';
import { isPostRequest, normalisedPath, postRequestTexts, type ReadableBody } from './post-request';

// Taken before any page script runs: what the page later puts in their place never reaches the backstop.
const reflectApply = Reflect.apply;
const nativeFetch = window.fetch;
const NativeRequest = Request;
const NativePromise = Promise;
const NativeURLSearchParams = URLSearchParams;
const NativeUint8Array = Uint8Array;
const NativeProgressEvent = ProgressEvent;
const requestUrl = Object.getOwnPropertyDescriptor(Request.prototype, 'url')?.get;
const requestClone = Request.prototype.clone;
const requestText = Request.prototype.text;
const promiseThen = Promise.prototype.then;
const nativeOpen = XMLHttpRequest.prototype.open;
const nativeSend = XMLHttpRequest.prototype.send;
const nativeDispatch = EventTarget.prototype.dispatchEvent;
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

function ask(texts: string[]): Promise<Verdict> {
  const line = port;
  if (line === null) return NativePromise.resolve({ allow: false, reason: NO_GUARD });
  const id = nextQuestion++;
  return new NativePromise<Verdict>((resolve) => {
    const timer = setTimer(() => {
      delete waiting[id];
      resolve({ allow: false, reason: NO_ANSWER });
    }, ANSWER_TIMEOUT_MS);
    waiting[id] = (verdict) => {
      clearTimer(timer);
      resolve(verdict);
    };
    line.postMessage({ id, texts } satisfies BackstopAsk);
  });
}

function refusal(reason: string): Error {
  return new TypeError(`School Post Guard stopped this post: ${reason}`);
}

/** Whether a request to `url` must be read before it goes: a publishing address, or any GraphQL call (its body can make it a post). */
function mustRead(url: string): boolean {
  if (isPostRequest(url, document.baseURI)) return true;
  return normalisedPath(url, document.baseURI)?.includes('/graphql/') ?? false;
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
      const outgoing = postRequestTexts(url, document.baseURI, text);
      if (outgoing === null) return reflectApply(nativeFetch, window, [request]);
      return reflectApply(promiseThen, ask(outgoing), [
        (verdict: Verdict) => (verdict.allow ? reflectApply(nativeFetch, window, [request]) : NativePromise.reject(refusal(verdict.reason))),
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

function holdUntilChecked(xhr: XMLHttpRequest, body: Document | XMLHttpRequestBodyInit | null): void {
  const request = reflectApply(weakMapGet, opened, [xhr]) as { url: string; async: boolean; generation: number } | undefined;
  if (request === undefined || !mustRead(request.url)) return reflectApply(nativeSend, xhr, [body]) as void;
  const snapshot = snapshotBody(body);
  const outgoing = postRequestTexts(request.url, document.baseURI, snapshot);
  if (outgoing === null) return reflectApply(nativeSend, xhr, [body]) as void;
  if (!request.async) throw refusal(SYNCHRONOUS);
  // Sent, or failed as a network error, once the guard has answered; what is sent is the body as it was at send().
  reflectApply(promiseThen, ask(outgoing), [
    (verdict: Verdict) => {
      const current = reflectApply(weakMapGet, opened, [xhr]) as { generation: number } | undefined;
      if (current?.generation !== request.generation) return;
      if (verdict.allow) {
        try {
          reflectApply(nativeSend, xhr, [snapshot ?? body]);
        } catch {
          // Aborted while the guard was asked: nothing to send.
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
