/**
 * Where the text holds a link that a "#" can be part of, for the hashtag rule: X makes no hashtag of
 * the "#" in "school.org.uk/#news". twitter-text answers this exactly, but its web-address grammar
 * carries every top-level domain there is (6.7 kB gzipped, a sixth of the content script's budget).
 * This finds only links twitter-text certainly sees, and no longer than it sees them: after a space,
 * a bracket or a quotation mark; a domain ending in a common top-level domain; a path of characters
 * every link may hold. Anything less certain is left to count as a hashtag: the rule may block a tag
 * X would not make, never miss one it would (tests/policy/hashtag-links.test.ts).
 */

/** The top-level domains a school's links end in; each is twitter-text's too (the test checks). */
export const COMMON_TOP_LEVEL_DOMAINS = ['com', 'org', 'net', 'edu', 'gov', 'uk', 'co', 'io', 'info', 'me', 'ac', 'ie', 'eu', 'us', 'tv', 'ly', 'be', 'app', 'dev', 'news', 'online', 'school'];

/** Past these, twitter-text makes no link of it (a label, a domain, a whole address), so its tags count. */
const MAX_LABEL = 63;
const MAX_DOMAIN = 253;
const MAX_LINK = 4000;

/**
 * ASCII only and without the `u` flag, so no letter outside ASCII (the Kelvin sign, a long s) is
 * folded into one; the path stops at "?", "(" and anything twitter-text may end a path before.
 */
const LINK = new RegExp(
  String.raw`(?<=^|[ \t\n\r("'])(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]{0,${MAX_LABEL - 2}}[a-z0-9])?\.)+(?:${COMMON_TOP_LEVEL_DOMAINS.join('|')}))(?::\d+)?(?=\/)[a-z0-9\-._~\/#=&%+]*`,
  'gi',
);

export interface TextSpan {
  start: number;
  end: number;
}

/** The links in `text`, as UTF-16 ranges, in order. X shortens its own t.co links after their slug: none of those. */
export function linkSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(LINK)) {
    const [link, domain = ''] = match;
    if (link.length > MAX_LINK || domain.length > MAX_DOMAIN || domain.toLowerCase() === 't.co') continue;
    spans.push({ start: match.index, end: match.index + link.length });
  }
  return spans;
}
