/**
 * Recognises X's requests that publish something and pulls out the text they would publish.
 * Pure, so it is tested in Node; used by the main-world backstop.
 */

/** GraphQL operations that create or schedule a post, and the DM send endpoints. */
const POST_OPERATION = /\/i\/api\/graphql\/[^/]+\/(CreateTweet|CreateNoteTweet|CreateScheduledTweet|EditScheduledTweet|CreateDraftTweet|EditDraftTweet)\b/;
const DM_OPERATION = /\/i\/api\/graphql\/[^/]+\/useSendMessageMutation\b|\/i\/api\/1\.1\/dm\/new2?\.json/;

export interface OutgoingPost {
  texts: string[];
  hasMedia: boolean;
  isMessage: boolean;
}

/**
 * null: not a publishing request. A publishing request whose body cannot be read yields a text of
 * '' with an unreadable marker, so the guard refuses it rather than letting it through unread.
 */
export function isPostRequest(url: string): boolean {
  return POST_OPERATION.test(url) || DM_OPERATION.test(url);
}

export function postRequestTexts(url: string, body: unknown): OutgoingPost | null {
  if (!isPostRequest(url)) return null;
  const isMessage = DM_OPERATION.test(url);
  const unreadable = { texts: [UNREADABLE], hasMedia: false, isMessage };
  const raw = bodyText(body);
  if (raw === null) return unreadable;
  if (isMessage && !raw.trimStart().startsWith('{')) {
    const text = new URLSearchParams(raw).get('text');
    return { texts: [text ?? UNREADABLE], hasMedia: false, isMessage };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return unreadable;
  }
  const texts: string[] = [];
  let hasMedia = false;
  collect(json, (key, value) => {
    if (typeof value === 'string' && TEXT_KEYS.has(key)) texts.push(value);
    if (MEDIA_KEYS.has(key) && Array.isArray(value) && value.length > 0) hasMedia = true;
    if (key === 'media_id' && value) hasMedia = true;
  });
  return { texts: texts.length > 0 ? texts : [UNREADABLE], hasMedia, isMessage };
}

/** A text no roster can clear: the isolated world treats it as "could not read the post". */
export const UNREADABLE = '\u0000unreadable';

const TEXT_KEYS = new Set(['tweet_text', 'status', 'text', 'message_text']);
const MEDIA_KEYS = new Set(['media_entities', 'media_ids', 'media']);

function bodyText(body: unknown): string | null {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body === null || body === undefined) return '';
  return null;
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
