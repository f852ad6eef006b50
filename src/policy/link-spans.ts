/**
 * Where the text holds a link that a "#" can be part of, for the hashtag rule: X makes no hashtag
 * of the "#" in "school.org.uk/#news". twitter-text answers this exactly, but its web-address grammar
 * carries every top-level domain there is (6.7 kB gzipped, a sixth of the content script's budget).
 * This asks less: is the "#" inside something that is certainly a link — a domain ending in a common
 * top-level domain, with or without its protocol, and only characters every link may hold. Anything
 * less certain is left to count as a hashtag: the rule may block a tag X would not make, never
 * miss one it would (tests/policy/hashtag-links.test.ts holds it to twitter-text's own answers).
 */

/** The top-level domains a school's links end in, all of them twitter-text's too. */
const COMMON_TOP_LEVEL_DOMAINS = 'com|org|net|edu|gov|uk|co|io|info|me|sch|ac|ie|eu|us|tv|ly|be|app|dev|news|online|school';

/**
 * A link: not glued to a word, an @ or a # before it (twitter-text would not start a link there);
 * an http(s) protocol or none; ASCII domain labels; a common top-level domain; an optional port; then
 * a path or query made of characters twitter-text allows anywhere in one.
 */
const LINK = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@＠$#＃\-.\/])(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${COMMON_TOP_LEVEL_DOMAINS})(?::\d+)?(?=[/?])[a-z0-9\-._~\/?#=&%+]*`,
  'giu',
);

export interface TextSpan {
  start: number;
  end: number;
}

/** The links in `text`, as UTF-16 ranges, in order. */
export function linkSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(LINK)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}
