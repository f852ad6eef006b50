/**
 * Text normalisation for matching: lower case, no accents, look-alike letters mapped to Latin,
 * invisible characters dropped. Every code unit of the result remembers which characters of the
 * original it came from, so a finding found in the folded text highlights the exact original
 * characters even when folding changed lengths (emoji, "ﬁ" → "fi", a zero-width space removed).
 */
import { isDirectionControl } from './direction-controls';

export interface NormalisedText {
  /** The folded text. */
  text: string;
  /** For code unit i of `text`: where its source character starts in the original (UTF-16). */
  sourceStart: Int32Array;
  /** For code unit i of `text`: where its source character ends in the original (UTF-16). */
  sourceEnd: Int32Array;
  /** 1 where the source character was an upper-case letter: capitalisation is evidence of a name. */
  upper: Uint8Array;
  /**
   * Where the original's first bidirectional control is (UTF-16), or -1. Folding drops it like any
   * invisible character, but the text after it may be shown in another order than it is stored.
   */
  firstDirectionControl: number;
}

/**
 * Characters that render as nothing, or only change how text is laid out, used (on purpose or by
 * paste) to split words: every default-ignorable code point (zero-width spaces and joiners, soft
 * hyphen, U+206F, tag characters, variation selectors, Hangul fillers…) and every format character
 * (U+1D173, U+FFF9…). A zero-width joiner inside an emoji sequence goes too: nothing matches emoji.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;

/**
 * What Unicode's confusables data gets wrong for matching names, and what it does not cover: Latin
 * letters in their own right that English spells with two letters or a plain one (ß → ss, æ → ae,
 * þ → th, ð → d, ø → o, ł → l…, where the data reads "ß" as "B"); capitals drawn like "I" (Cyrillic
 * "І", Greek "Ι"), which the data reads as a small "l" but which stand for "i" once a name is in
 * lower case; "З" for the digit 3; Arabic-script letters that Urdu and Persian keyboards type at
 * other code points (ی for ي, ک for ك) and the tatweel that only stretches a word; and apostrophe and dash variants, so "O’Brien" and "Mary‑Jane"
 * read like their ASCII spellings. Everything else that looks like a Latin letter comes from
 * the look-alike letters (the confusables data, below); full-width and mathematical letters need neither:
 * compatibility decomposition (NFKD) folds them.
 */
const OVERRIDES: ReadonlyMap<number, string> = new Map(
  Object.entries({
    ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ħ: 'h', Ħ: 'h', ı: 'i', ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', þ: 'th', Þ: 'th', ð: 'd', Ð: 'd', ŋ: 'n', ſ: 's',
    І: 'i', Ι: 'i', ι: 'i', ɩ: 'i', З: '3',
    ی: 'ي', ى: 'ي', ک: 'ك', ـ: '',
    '’': "'", '‘': "'", 'ʼ': "'", 'ʻ': "'", '´': "'", '′': "'", '＇': "'",
    '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-', '﹣': '-', '－': '-',
  }).map(([character, latin]): [number, string] => [character.codePointAt(0) ?? 0, latin]),
);

/**
 * The confusables table (src/policy/look-alike-letters.ts, 2 KB gzipped) arrives with the policy
 * snapshot, so the content script, which loads on every X page, does not carry it: building a
 * snapshot and compiling one install it, and so do the background's and the CLI's start. Folding
 * without it would let "Оliver" through, so until it is installed folding refuses (fail closed).
 */
let lookAlikeLetters: { encoded: string; table: ReadonlyMap<number, string> } | null = null;

/** Installs the look-alike letters, as src/policy/look-alike-letters.ts encodes them ("162c1e…": distance from the last code point, letter). */
export function useLookAlikeLetters(encoded: string): void {
  if (lookAlikeLetters?.encoded === encoded) return;
  const table = new Map<number, string>();
  let codePoint = 0;
  for (const [, distance, letter] of encoded.matchAll(/(\d+)([a-z])/g)) {
    codePoint += Number(distance);
    table.set(codePoint, letter as string);
  }
  lookAlikeLetters = { encoded, table };
  foldedCodePoints.clear();
}

function lookAlike(codePoint: number): string | undefined {
  if (lookAlikeLetters === null) throw new Error('call useLookAlikeLetters first'); // a programmer's slip: short, as the content script carries it
  return OVERRIDES.get(codePoint) ?? lookAlikeLetters.table.get(codePoint);
}

const COMBINING_MARK = /\p{M}/u;

/** Folding one non-ASCII code point is slow (normalize + regex): remember each answer. */
const foldedCodePoints = new Map<number, string>();

function foldCodePoint(codePoint: number): string {
  const cached = foldedCodePoints.get(codePoint);
  if (cached !== undefined) return cached;
  const character = String.fromCodePoint(codePoint);
  // Cherokee small letters (ꭺ) are drawn like their capitals (Ꭺ), which the data knows.
  const capital = character.toUpperCase();
  let folded = lookAlike(codePoint) ?? (capital.length === character.length ? lookAlike(capital.codePointAt(0) ?? 0) : undefined);
  if (folded === undefined && INVISIBLE.test(character)) folded = '';
  if (folded === undefined) {
    folded = '';
    for (const part of character.normalize('NFKD')) {
      if (COMBINING_MARK.test(part)) continue;
      // After decomposition: "𝐀" became "A", "Ǆ" became "DŽ"… map and lower-case each part.
      folded += lookAlike(part.codePointAt(0) ?? 0) ?? part.toLowerCase();
    }
  }
  foldedCodePoints.set(codePoint, folded);
  return folded;
}

function isUpperCase(character: string): boolean {
  return character !== character.toLowerCase() && character === character.toUpperCase();
}

/** Folds `original` for matching and keeps the map back to its UTF-16 positions. */
export function normaliseText(original: string): NormalisedText {
  let capacity = original.length + 16;
  let sourceStart = new Int32Array(capacity);
  let sourceEnd = new Int32Array(capacity);
  let upper = new Uint8Array(capacity);
  const pieces: string[] = [];
  let length = 0;
  let firstDirectionControl = -1;

  const grow = (needed: number) => {
    if (length + needed <= capacity) return;
    capacity = Math.max(capacity * 2, length + needed);
    const copy = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from.subarray(0, length));
      return to;
    };
    sourceStart = copy(sourceStart, new Int32Array(capacity));
    sourceEnd = copy(sourceEnd, new Int32Array(capacity));
    upper = copy(upper, new Uint8Array(capacity));
  };

  // ASCII, the common case, is copied a run at a time and lower-cased natively (same length).
  let asciiRunStart = 0;
  let index = 0;
  while (index < original.length) {
    const unit = original.charCodeAt(index);
    if (unit < 0x80) {
      sourceStart[length] = index;
      sourceEnd[length] = index + 1;
      upper[length] = unit >= 0x41 && unit <= 0x5a ? 1 : 0;
      length += 1;
      index += 1;
      continue;
    }
    if (asciiRunStart < index) pieces.push(original.slice(asciiRunStart, index).toLowerCase());
    if (firstDirectionControl < 0 && isDirectionControl(unit)) firstDirectionControl = index;
    const codePoint = original.codePointAt(index) ?? unit;
    const width = codePoint > 0xffff ? 2 : 1;
    const folded = foldCodePoint(codePoint);
    const capital = folded.length > 0 && isUpperCase(String.fromCodePoint(codePoint)) ? 1 : 0;
    // Room for this character's folding and for every character after it (ASCII, written above
    // without a check, folds to one code unit each).
    grow(folded.length + original.length - index - width);
    for (let offset = 0; offset < folded.length; offset += 1) {
      sourceStart[length] = index;
      sourceEnd[length] = index + width;
      upper[length] = offset === 0 ? capital : 0;
      length += 1;
    }
    pieces.push(folded);
    index += width;
    asciiRunStart = index;
  }
  if (asciiRunStart < original.length) pieces.push(original.slice(asciiRunStart).toLowerCase());

  return {
    text: pieces.join(''),
    sourceStart: sourceStart.subarray(0, length),
    sourceEnd: sourceEnd.subarray(0, length),
    upper: upper.subarray(0, length),
    firstDirectionControl,
  };
}

/** The original UTF-16 range that the folded range [start, end) came from. */
export function originalRange(normalised: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < normalised.sourceStart.length ? (normalised.sourceStart[start] ?? 0) : (normalised.sourceEnd[normalised.sourceEnd.length - 1] ?? 0);
    return { start: at, end: at };
  }
  return { start: normalised.sourceStart[start] ?? 0, end: normalised.sourceEnd[end - 1] ?? 0 };
}

/** The folded form of a short string (a roster name, a class name, a phrase). */
export function foldText(text: string): string {
  return normaliseText(text).text;
}
