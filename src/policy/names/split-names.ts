/**
 * Names split into pieces: spelled out letter by letter ("A d a", "K.A.I") or broken by emoji,
 * symbols or a line break ("Ad🎉a"). Only names that are not ordinary words, except when spelled
 * out letter by letter ("W i l l"), which nobody does to a word by chance.
 */
import { messageText } from '../message-text';
import { originalRange, type NormalisedText } from '../normalise';
import { extendHash, type WordToken } from '../tokenise';
import type { CompiledNameToken, NameMatcher } from './compile';
import { wordAt, type TokenStream } from './evidence';
import type { NameMatch } from './find-pupil-names';
import type { TokenLookup } from './find-candidates';

/** A name found even when split up: a name on its own, and an ordinary word only when spelled out. */
function isSplittableName(token: CompiledNameToken, spelledOut: boolean): boolean {
  return (spelledOut || !token.ordinaryWord) && token.standsAlone;
}

/** Letters in the longest name that could be split up (or spelled out): bounds the search. */
export function longestSplittable(tokens: readonly CompiledNameToken[], spelledOut: boolean): number {
  let longest = 0;
  for (const token of tokens) if (isSplittableName(token, spelledOut)) longest = Math.max(longest, token.text.length);
  return longest;
}

/** Joins across which a name may be split, between two word tokens. */
const NO_JOIN = 0;
const JOIN = 1;
const JOIN_ACROSS_LINE = 2;
type Join = typeof NO_JOIN | typeof JOIN | typeof JOIN_ACROSS_LINE;

/** The longest gap (in UTF-16 units) a split may have, and in characters. */
const MAX_GAP_UNITS = 4;
const MAX_GAP_CHARACTERS = 2;
/** Fewer letters than this spell no name worth the search. */
const MIN_SPLIT_LETTERS = 3;

/** ASCII characters that split a word into pieces only on purpose ("Am*elia"). */
const SPLITTERS = '*_~|^';

/**
 * Whether the gap before token `index` may split a name: one or two characters that are not letters,
 * digits or (between longer pieces) spaces. Between single letters anything short will do ("A d a",
 * "K.A.I", "A·d·a", "A/d/a", "A d  a", "A⇥d⇥a"); between longer pieces, emoji, symbols and "*_~|^"
 * ("Ad🎉a", "Am*elia") or a line break ("Ad⏎a", which may be two words: a warning).
 */
function joinBefore(stream: TokenStream, index: number): Join {
  const token = stream.tokens[index] as WordToken;
  const previous = stream.tokens[index - 1] as WordToken;
  const gapLength = token.start - previous.end;
  if (gapLength === 0 || gapLength > MAX_GAP_UNITS) return NO_JOIN;
  const singleLetters = previous.end - previous.start === 1 && token.end - token.start === 1;
  // The common case, two words and a space or punctuation between (" ", ", ", ". "), without making
  // a string: between longer pieces, a gap that starts with an ASCII character that is no line break
  // and no splitter joins nothing (the checks below would say so, after slicing it).
  const unit = stream.text.charCodeAt(previous.end);
  if (!singleLetters && unit < 0x80 && unit !== 0x0a && unit !== 0x0d && !SPLITTERS.includes(String.fromCharCode(unit))) return NO_JOIN;
  const gap = stream.text.slice(previous.end, token.start);
  if ([...gap].length > MAX_GAP_CHARACTERS || /[\p{N}]/u.test(gap)) return NO_JOIN;
  if (singleLetters) return gap.includes('\n') ? JOIN_ACROSS_LINE : JOIN;
  if (/^\r?\n$/.test(gap)) return JOIN_ACROSS_LINE;
  return [...gap].every((character) => SPLITTERS.includes(character) || /[^\p{ASCII}\s]/u.test(character)) ? JOIN : NO_JOIN;
}

/**
 * From each token, the pieces after it are joined while the letters fit in the longest such name,
 * the hash growing a letter at a time: work grows with the text times that length, never with the
 * length of a run.
 */
export function findSplitNames(matcher: NameMatcher, stream: TokenStream, normalised: NormalisedText, covered: Uint8Array, lookup: TokenLookup): NameMatch[] {
  const matches: NameMatch[] = [];
  const { tokens, text } = stream;
  const usable = (index: number) => covered[index] !== 1 && !lookup.suppressed(index);
  for (let first = 0; first + 1 < tokens.length; first += 1) {
    if (!usable(first) || joinBefore(stream, first + 1) === NO_JOIN) continue;
    let hash = 0;
    let letters = 0;
    let acrossLine = false;
    let singleLetters = true;
    let best: { last: number; acrossLine: boolean; singleLetters: boolean; ordinaryWord: boolean } | null = null;
    for (let last = first; last < tokens.length; last += 1) {
      const token = tokens[last] as WordToken;
      if (last > first) {
        const join = joinBefore(stream, last);
        if (join === NO_JOIN || !usable(last)) break;
        acrossLine ||= join === JOIN_ACROSS_LINE;
      }
      letters += token.end - token.start;
      singleLetters &&= token.end - token.start === 1;
      if (letters > (singleLetters ? matcher.longestSpelledOut : matcher.longestSplittable)) break;
      for (let at = token.start; at < token.end; at += 1) hash = extendHash(hash, text.charCodeAt(at));
      if (last === first || letters < MIN_SPLIT_LETTERS) continue;
      const id = splitNameId(matcher, stream, hash, first, last, letters, singleLetters);
      if (id >= 0) best = { last, acrossLine, singleLetters, ordinaryWord: (matcher.tokens[id] as CompiledNameToken).ordinaryWord };
    }
    if (!best) continue;
    const start = (tokens[first] as WordToken).start;
    const end = (tokens[best.last] as WordToken).end;
    matches.push({
      ...originalRange(normalised, start, end),
      // A word spelled out ("W i l l") is probably a name being hidden, but may be emphasis: a warning.
      severity: best.acrossLine || best.ordinaryWord ? 'warn' : 'block',
      kind: 'name',
      reason: messageText(best.singleLetters ? 'name_reason_spelled_out' : best.acrossLine ? 'name_reason_split_across_line' : 'name_reason_split_by_characters'),
    });
    first = best.last;
  }
  return matches;
}

/** The name token that tokens first..last spell when joined (their letters hash to `hash`), or -1. */
function splitNameId(matcher: NameMatcher, stream: TokenStream, hash: number, first: number, last: number, letters: number, spelledOut: boolean): number {
  const index = matcher.tokensByHash;
  for (let position = index.first(hash); position >= 0; position = index.next(position, hash)) {
    const id = index.valueAt(position);
    const token = matcher.tokens[id] as CompiledNameToken;
    if (token.text.length !== letters || !isSplittableName(token, spelledOut)) continue;
    let joined = '';
    for (let index = first; index <= last; index += 1) joined += wordAt(stream, index);
    if (joined === token.text) return id;
  }
  return -1;
}
