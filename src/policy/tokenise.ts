/**
 * Word tokens of a normalised text: maximal runs of letters, each with a hash of its folded letters
 * so a name lookup is a number lookup in a Map, with no substring made for the great majority of
 * words that are not names. Digits and everything else separate words, so "Ada2" holds "ada" and
 * "poppy_hughes.jpg" holds "poppy", "hughes", "jpg".
 */
import type { NormalisedText } from './normalise';

export interface WordToken {
  /** Range in the normalised text. */
  start: number;
  end: number;
  hash: number;
  /** Hash of the token without its last letter: finds "Amelias" (a possessive without apostrophe). */
  hashWithoutLast: number;
  /** Written with a capital first letter and not in capitals throughout ("Grace", not "GRACE"). */
  capitalised: boolean;
  /** Has a capital after its first letter and is not all capitals: maybe CamelCase ("WellDoneAda"). */
  innerCapitals: boolean;
  /** Two or more letters, every one a capital ("GRACE"). */
  allCaps: boolean;
}

/** Multiplier of the polynomial hash. Any odd number works; 31 keeps the arithmetic in int32. */
const HASH_BASE = 31;

export function extendHash(hash: number, unit: number): number {
  return (Math.imul(hash, HASH_BASE) + unit) | 0;
}

export function hashString(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = extendHash(hash, text.charCodeAt(index));
  return hash;
}

const letterCache = new Map<number, boolean>();
const LETTER = /\p{L}/u;

/** Whether the code point at `index` of the folded text is a letter. */
function isLetterAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0x80) return unit >= 0x61 && unit <= 0x7a;
  return isNonAsciiLetterAt(text, index, unit);
}

function isNonAsciiLetterAt(text: string, index: number, unit: number): boolean {
  const codePoint = text.codePointAt(index) ?? unit;
  let letter = letterCache.get(codePoint);
  if (letter === undefined) {
    letter = LETTER.test(String.fromCodePoint(codePoint));
    letterCache.set(codePoint, letter);
  }
  return letter;
}

function codePointWidth(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1;
}

/** The letter runs of `normalised.text` from `from` on. */
export function tokenise(normalised: NormalisedText, from = 0): WordToken[] {
  const { text, upper } = normalised;
  const tokens: WordToken[] = [];
  let index = from;
  while (index < text.length) {
    const unit = text.charCodeAt(index);
    // Folded ASCII has no capitals: a letter is a-z.
    if (unit < 0x80 ? unit < 0x61 || unit > 0x7a : !isNonAsciiLetterAt(text, index, unit)) {
      index += unit < 0x80 ? 1 : codePointWidth(text, index);
      continue;
    }
    const start = index;
    let hash = 0;
    let previousHash = 0;
    let capitals = 0;
    while (index < text.length) {
      const letter = text.charCodeAt(index);
      if (letter < 0x80) {
        if (letter < 0x61 || letter > 0x7a) break;
        previousHash = hash;
        hash = extendHash(hash, letter);
        capitals += upper[index] ?? 0;
        index += 1;
        continue;
      }
      if (!isNonAsciiLetterAt(text, index, letter)) break;
      const width = codePointWidth(text, index);
      for (let offset = 0; offset < width; offset += 1) {
        previousHash = hash;
        hash = extendHash(hash, text.charCodeAt(index + offset));
      }
      capitals += upper[index] ?? 0;
      index += width;
    }
    const length = index - start;
    const capitalised = upper[start] === 1 && (length === 1 || capitals < length);
    const innerCapitals = capitals > (upper[start] ?? 0) && capitals < length;
    tokens.push({ start, end: index, hash, hashWithoutLast: previousHash, capitalised, innerCapitals, allCaps: length > 1 && capitals === length });
  }
  return tokens;
}

/**
 * The parts of a CamelCase token ("WellDoneAda" → well, done, ada; "ADAnowak" → ada, nowak), or
 * null when it has none. Parts never count as capitalised: inside a handle every part is.
 */
export function camelCaseParts(normalised: NormalisedText, token: WordToken): WordToken[] | null {
  if (!token.innerCapitals) return null;
  const { text, upper } = normalised;
  const cuts: number[] = [];
  for (let index = token.start + 1; index < token.end; index += 1) {
    const here = upper[index] === 1;
    const before = upper[index - 1] === 1;
    // lower→Upper ("wellDone"), or the last capital of a run before lower case ("ADANowak" → ADA|Nowak)
    const lowerToUpper = here && !before;
    const acronymEnd = here && before && index + 1 < token.end && upper[index + 1] === 0 && isLetterAt(text, index + 1);
    if (lowerToUpper || acronymEnd) cuts.push(index);
  }
  if (cuts.length === 0) return null;
  const parts: WordToken[] = [];
  let start = token.start;
  for (const cut of [...cuts, token.end]) {
    parts.push(tokenOf(text, start, cut));
    start = cut;
  }
  return parts;
}

/** A token for an arbitrary range of the folded text (CamelCase parts, spaced-out letters). */
function tokenOf(text: string, start: number, end: number): WordToken {
  let hash = 0;
  let previousHash = 0;
  for (let index = start; index < end; index += 1) {
    previousHash = hash;
    hash = extendHash(hash, text.charCodeAt(index));
  }
  return { start, end, hash, hashWithoutLast: previousHash, capitalised: false, innerCapitals: false, allCaps: false };
}
