/**
 * Recognises X's requests that publish something (posts, quotes, long posts, scheduled posts,
 * poll options, direct messages) and pulls out the texts they would publish and the media they
 * attach. Pure, so it is
 * tested in Node; used by the main-world backstop.
 *
 * The address is judged as the server will read it, not as the page wrote it: parsed the way the
 * browser parses it (`new URL` drops tabs and new lines and resolves `..`), with percent-escapes
 * decoded, repeated slashes merged and case ignored, so no spelling of a path slips past.
 */

// Taken when the module loads (in the page's world, before any page script): a page that later
// replaces URL or JSON cannot change how an address or a body is read.
const NativeURL = URL;
const NativeURLSearchParams = URLSearchParams;
const NativeTextDecoder = TextDecoder;
const parseJson = JSON.parse;
const decodeComponent = decodeURIComponent;

/** GraphQL mutations that publish. Saving a draft (CreateDraftTweet) publishes nothing, and posting it later goes through a composer. */
const PUBLISHING_MUTATION = /\/i\/api\/graphql\/(?:[^/]+\/)?(?:createtweet|createnotetweet|createscheduledtweet|editscheduledtweet|usesendmessagemutation)(?:[^a-z0-9]|$)/;

/** REST endpoints that publish: direct messages, the older post endpoint, and poll cards (their options are text). */
const PUBLISHING_REST = /\/(?:i\/api\/)?1\.1\/(?:dm\/new2?|statuses\/update)\.json$|\/v2\/cards\/create\.json$/;

/** Variables only a post-creating mutation carries: a GraphQL call with them publishes, whatever its path says. */
const POST_VARIABLES = ['tweet_text', 'post_tweet_request'];

/** Stands for a text that could not be read: it was never approved, so the request is refused. */
export const UNREADABLE = '\u0000unreadable';

const TEXT_KEYS = new Set(['tweet_text', 'status', 'text', 'message_text']);
/** A poll card's options: `twitter:string:choice1_label` … */
const POLL_CHOICE_KEY = /^twitter:string:choice\d+_label$/;

/** A request body the backstop can read synchronously. */
export type ReadableBody = string | URLSearchParams | ArrayBuffer | ArrayBufferView | null;

/** The path as the server will route it, lower-case; null when the address does not parse (the browser would refuse it too). */
export function normalisedPath(url: string, base: string): string | null {
  let parsed: URL;
  try {
    parsed = new NativeURL(url, base);
  } catch {
    return null;
  }
  const decoded = parsed.pathname.split('/').map((segment) => {
    try {
      return decodeComponent(segment);
    } catch {
      return segment;
    }
  });
  return decoded.join('/').replace(/\/{2,}/g, '/').toLowerCase();
}

/** Whether a request to `url` publishes, judged by its address alone. */
export function isPostRequest(url: string, base: string): boolean {
  const path = normalisedPath(url, base);
  return path !== null && (PUBLISHING_MUTATION.test(path) || PUBLISHING_REST.test(path));
}

/** Whether the address is one of X's GraphQL calls (whose body can still make it a post). */
function isGraphqlRequest(path: string): boolean {
  return path.includes('/graphql/');
}

/** What a publishing request would publish: every text it carries, and the media ids it attaches. */
export interface OutgoingPost {
  /** UNREADABLE stands for a text that could not be read. */
  texts: string[];
  mediaIds: string[];
}

/**
 * null when the request does not publish; otherwise every text it carries (UNREADABLE when one
 * cannot be read) and its media. A body the backstop cannot read is passed as `undefined`.
 */
export function readPostRequest(url: string, base: string, body: ReadableBody | undefined): OutgoingPost | null {
  const path = normalisedPath(url, base);
  if (path === null) return null;
  const raw = body === undefined ? undefined : readBodyText(body);
  const fromBody = raw === undefined ? null : parseBody(raw);
  const fromQuery = parseQuery(url, base);
  const publishing =
    PUBLISHING_MUTATION.test(path) ||
    PUBLISHING_REST.test(path) ||
    (isGraphqlRequest(path) && (carriesPostVariables(fromBody) || carriesPostVariables(fromQuery)));
  if (!publishing) {
    // An unreadable body on a GraphQL call might be a post: it cannot be told, so it is treated as one.
    return isGraphqlRequest(path) && raw === undefined ? { texts: [UNREADABLE], mediaIds: [] } : null;
  }
  if (raw === undefined) return { texts: [UNREADABLE], mediaIds: [] };
  const texts = [...textsIn(fromBody), ...textsIn(fromQuery)];
  return { texts: texts.length > 0 ? texts : [UNREADABLE], mediaIds: [...mediaIdsIn(fromBody), ...mediaIdsIn(fromQuery)] };
}

/** A body as text, as the server will read it; undefined when it cannot be read synchronously (a Blob, a form, bytes that are not UTF-8). */
export function readBodyText(body: ReadableBody): string | undefined {
  if (body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    try {
      return new NativeTextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The body as X's servers would read it: JSON, or a form (the older endpoints, poll cards) whose fields may hold JSON. */
function parseBody(raw: string): unknown {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return parseJson(trimmed);
    } catch {
      return { unreadable: true };
    }
  }
  return formFields(new NativeURLSearchParams(raw));
}

/** GraphQL may also carry its variables in the query string. */
function parseQuery(url: string, base: string): unknown {
  try {
    return formFields(new NativeURL(url, base).searchParams);
  } catch {
    return null;
  }
}

/** A form's fields, with any field that holds JSON (`variables=…`, `card_data=…`) parsed. */
function formFields(params: URLSearchParams): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of params) {
    const trimmed = value.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        fields[key] = parseJson(trimmed);
        continue;
      } catch {
        // Not JSON after all: kept as the text it is.
      }
    }
    fields[key] = value;
  }
  return fields;
}

function carriesPostVariables(parsed: unknown): boolean {
  let found = false;
  collect(parsed, (key) => {
    if (POST_VARIABLES.includes(key)) found = true;
  });
  return found;
}

function textsIn(parsed: unknown): string[] {
  const texts: string[] = [];
  if (parsed && typeof parsed === 'object' && 'unreadable' in parsed) return [UNREADABLE];
  collect(parsed, (key, value) => {
    if (typeof value === 'string' && (TEXT_KEYS.has(key) || POLL_CHOICE_KEY.test(key))) texts.push(value);
  });
  return texts;
}

/**
 * Every media id a post attaches: `media_entities[].media_id` (posts), `media_ids` (scheduled posts
 * as a list; the older statuses/update form as "1,2").
 */
function mediaIdsIn(parsed: unknown): string[] {
  const ids: string[] = [];
  const idOf = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? [String(value)] : []);
  collect(parsed, (key, value) => {
    if (key === 'media_entities' && Array.isArray(value)) for (const entity of value) ids.push(...idOf((entity as { media_id?: unknown } | null)?.media_id));
    else if (key === 'media_ids' && Array.isArray(value)) for (const id of value) ids.push(...idOf(id));
    else if (key === 'media_ids' && typeof value === 'string') ids.push(...value.split(',').map((id) => id.trim()).filter((id) => id !== ''));
  });
  return ids;
}

function collect(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, visit);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      visit(key, child);
      collect(child, visit);
    }
  }
}
