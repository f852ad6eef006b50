/**
 * Recognises X's requests that publish something (posts, scheduled posts, direct messages) and
 * pulls out the texts they would publish. Pure, so it is tested in Node; used by the main-world
 * backstop.
 */

const PUBLISHING_REQUEST = new RegExp(
  [
    // Saving a draft (CreateDraftTweet) publishes nothing, and posting it later goes through a composer.
    String.raw`/i/api/graphql/[^/]+/(?:CreateTweet|CreateNoteTweet|CreateScheduledTweet|EditScheduledTweet|useSendMessageMutation)\b`,
    String.raw`/i/api/1\.1/dm/new2?\.json`,
  ].join('|'),
);

/** Stands for a text that could not be read: it was never approved, so the request is refused. */
export const UNREADABLE = '\u0000unreadable';

const TEXT_KEYS = new Set(['tweet_text', 'status', 'text', 'message_text']);

export function isPostRequest(url: string): boolean {
  return PUBLISHING_REQUEST.test(url);
}

/** null when the request does not publish; otherwise every text it carries (UNREADABLE when none can be read). */
export function postRequestTexts(url: string, body: unknown): string[] | null {
  if (!isPostRequest(url)) return null;
  const raw = bodyText(body);
  if (raw === null) return [UNREADABLE];
  if (!raw.trimStart().startsWith('{')) {
    // The older DM endpoint takes a form.
    return [new URLSearchParams(raw).get('text') ?? UNREADABLE];
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [UNREADABLE];
  }
  const texts: string[] = [];
  collect(json, (key, value) => {
    if (typeof value === 'string' && TEXT_KEYS.has(key)) texts.push(value);
  });
  return texts.length > 0 ? texts : [UNREADABLE];
}

function bodyText(body: unknown): string | null {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
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
