/**
 * Finds pupils' names in text. The roster is compiled once into hash maps keyed by the hash of each
 * folded name part; the text is cut into word tokens (see tokenise.ts) and each token is one Map
 * lookup. Word boundaries come for free: "avalanche" is one token and never "ava". Passes of their
 * own cover CamelCase ("WellDoneAda"), letters spelled out with spaces ("A d a") and misspellings
 * of longer names (a deletion-neighbourhood index: one Map lookup per letter of a word).
 *
 * Names that are ordinary words need evidence (name-evidence.ts); the others are names in any case
 * and position.
 */
import type { NormalisedText } from './normalise';
import { originalRange } from './normalise';
import { BUILT_IN_NEVER_A_NAME, MONTHS, SEASONS } from './known-phrases';
import {
  coordinatedToken,
  gapBefore,
  isAfterStaffTitle,
  isCalendarUse,
  isFollowedByClassWord,
  isInTitleCaseSentence,
  isMixedCase,
  isPossessive,
  isPossessiveBeforeCapital,
  isSayingGrace,
  isSchoolValue,
  joinsNameParts,
  praiseCueAfter,
  praiseCueBefore,
  startsSentence,
  wordAt,
  type TokenStream,
} from './name-evidence';
import { MISSPELLING_MIN_LENGTH, nameParts, type NameVariantKind, type PolicySnapshot } from './snapshot';
import { camelCaseParts, extendHash, hashString, tokenise, type WordToken } from './tokenise';
import type { Severity } from './types';

interface CompiledNameToken {
  text: string;
  ordinaryWord: boolean;
  plusSIsWord: boolean;
  /** Ordinary words one edit away: never reported as a misspelling of this name (a short list). */
  nearbyWords: readonly string[] | undefined;
  /** Some pupil has it as a surname (or surname part): it can make a full name with the word before it. */
  surname: boolean;
  /** Some pupil has it as a given name: it can make a full name with the word after it. */
  givenName: boolean;
  /** Also the name of a class ("Willow"): a name only with evidence, never when followed by "Class". */
  className: boolean;
}

interface CompiledVariant {
  tokens: number[];
  /** A forename, preferred name or alias (or part of one) for at least one pupil. */
  givenName: boolean;
  /** Forename and surname together. */
  fullName: boolean;
}

/** Hash → token indices. Nearly every hash has one: a bare number saves an array per entry at compile time. */
type HashIndex = Map<number, number | number[]>;

export interface NameMatcher {
  tokens: CompiledNameToken[];
  /** Hash of a folded name part → its index in `tokens` (several when hashes collide). */
  tokensByHash: HashIndex;
  /** By the index of their first token: the variants that start with it, longest first. */
  variantsByFirstToken: Map<number, CompiledVariant[]>;
  /** Hash of a long name, or of it with one letter deleted → its index in `tokens`. */
  misspellingIndex: HashIndex;
  longestMisspellable: number;
  /** Letters in the longest name a split-up name could be (see splitNames): bounds that search. */
  longestSplittable: number;
  /** The same for names spelled out letter by letter, which include ordinary-word names ("W i l l"). */
  longestSpelledOut: number;
  /** Folded never-a-name phrases (built-in and the ICT lead's), by the hash of their first word. */
  neverANames: Map<number, string[][]>;
}

export type NameMatchKind = 'name' | 'misspelling';

export interface NameMatch {
  /** UTF-16 range in the original text. */
  start: number;
  end: number;
  severity: Severity;
  kind: NameMatchKind;
  /** Why it counts as a name, for the message ("after “well done”", "not an ordinary word"). */
  reason: string;
}

export function compileNameMatcher(snapshot: PolicySnapshot): NameMatcher {
  const classNames = new Set<string>();
  for (const entry of snapshot.classes) {
    for (const name of [entry.name, ...entry.aliases]) {
      const parts = nameParts(name);
      if (parts.length === 1) classNames.add(parts[0] as string);
    }
  }
  const tokens: CompiledNameToken[] = snapshot.nameTokens.map((token) => ({
    text: token.text,
    ordinaryWord: token.ordinaryWord,
    plusSIsWord: token.plusSIsWord,
    nearbyWords: token.nearbyWords,
    surname: false,
    givenName: false,
    className: classNames.has(token.text),
  }));
  const tokensByHash: HashIndex = new Map();
  tokens.forEach((token, index) => addToIndex(tokensByHash, hashString(token.text), index));

  // Pupils share names: one compiled variant per spelling, keyed by its token (or tokens, joined).
  const variants = new Map<number | string, CompiledVariant>();
  const misspellable = new Set<number>();
  for (const pupil of snapshot.pupils) {
    for (const variant of pupil.variants) {
      const key = variant.tokens.length === 1 ? (variant.tokens[0] as number) : variant.tokens.join(',');
      let compiled = variants.get(key);
      if (!compiled) {
        compiled = { tokens: variant.tokens, givenName: false, fullName: false };
        variants.set(key, compiled);
      }
      markVariant(compiled, variant.kind, tokens);
      if (variant.kind !== 'full' && variant.tokens.length === 1) misspellable.add(variant.tokens[0] as number);
    }
  }
  const variantsByFirstToken = new Map<number, CompiledVariant[]>();
  for (const variant of variants.values()) {
    const first = variant.tokens[0] as number;
    const list = variantsByFirstToken.get(first) ?? [];
    list.push(variant);
    variantsByFirstToken.set(first, list);
  }
  for (const list of variantsByFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  const misspellingIndex: HashIndex = new Map();
  let longestMisspellable = 0;
  for (const index of misspellable) {
    const token = tokens[index] as CompiledNameToken;
    if (token.ordinaryWord || token.text.length < MISSPELLING_MIN_LENGTH) continue;
    longestMisspellable = Math.max(longestMisspellable, token.text.length);
    const count = deletionHashes(token.text, 0, token.text.length, deletionScratch);
    for (let hash = 0; hash < count; hash += 1) addToIndex(misspellingIndex, deletionScratch[hash] as number, index);
  }

  const neverANames = new Map<number, string[][]>();
  for (const phrase of [...BUILT_IN_NEVER_A_NAME, ...snapshot.neverANames]) {
    const words = nameParts(phrase);
    if (words.length === 0) continue;
    const hash = hashString(words[0] as string);
    neverANames.set(hash, [...(neverANames.get(hash) ?? []), words]);
  }
  let longestSplittable = 0;
  let longestSpelledOut = 0;
  tokens.forEach((token, index) => {
    if (isSplittableName({ variantsByFirstToken }, token, index, false)) longestSplittable = Math.max(longestSplittable, token.text.length);
    if (isSplittableName({ variantsByFirstToken }, token, index, true)) longestSpelledOut = Math.max(longestSpelledOut, token.text.length);
  });
  return { tokens, tokensByHash, variantsByFirstToken, misspellingIndex, longestMisspellable, longestSplittable, longestSpelledOut, neverANames };
}

/**
 * A name found even when split up ("A d a", "Ad🎉a"): a name on its own, and not an ordinary word
 * unless spelled out letter by letter ("W i l l"), which nobody does to a word by chance.
 */
function isSplittableName(matcher: Pick<NameMatcher, 'variantsByFirstToken'>, token: CompiledNameToken, id: number, spelledOut: boolean): boolean {
  return (spelledOut || !token.ordinaryWord) && matcher.variantsByFirstToken.get(id)?.some((variant) => variant.tokens.length === 1) === true;
}

const GIVEN_NAME_KINDS: ReadonlySet<NameVariantKind> = new Set(['forename', 'preferred', 'alias', 'forename-part']);

function markVariant(variant: CompiledVariant, kind: NameVariantKind, tokens: CompiledNameToken[]): void {
  if (kind === 'full') variant.fullName = true;
  if (GIVEN_NAME_KINDS.has(kind)) variant.givenName = true;
  if (variant.tokens.length !== 1) return;
  const token = tokens[variant.tokens[0] as number] as CompiledNameToken;
  if (GIVEN_NAME_KINDS.has(kind)) token.givenName = true;
  if (kind === 'surname' || kind === 'surname-part') token.surname = true;
}

function addToIndex(index: HashIndex, hash: number, value: number): void {
  const entry = index.get(hash);
  if (entry === undefined) index.set(hash, value);
  else if (typeof entry === 'number') {
    if (entry !== value) index.set(hash, [entry, value]);
  } else if (!entry.includes(value)) entry.push(value);
}

const NO_ENTRIES: readonly number[] = [];

function entriesOf(index: HashIndex, hash: number): readonly number[] {
  const entry = index.get(hash);
  return entry === undefined ? NO_ENTRIES : typeof entry === 'number' ? [entry] : entry;
}

/** Longest word the misspelling check looks at; longer ones are not names. */
const MAX_WORD_FOR_MISSPELLING = 64;
const prefixHashes = new Int32Array(MAX_WORD_FOR_MISSPELLING + 1);
const deletionScratch = new Int32Array(MAX_WORD_FOR_MISSPELLING + 1);

/**
 * Writes into `out` the hash of text[start, end) and of it with each one letter deleted, without
 * building the strings; returns how many. Deleting letter i from a polynomial hash:
 * prefix[i]·B^(n-1-i) + (whole − prefix[i+1]·B^(n-1-i)), all in int32 arithmetic.
 */
function deletionHashes(text: string, start: number, end: number, out: Int32Array): number {
  const length = end - start;
  if (length > MAX_WORD_FOR_MISSPELLING) return 0;
  prefixHashes[0] = 0;
  for (let index = 0; index < length; index += 1) prefixHashes[index + 1] = extendHash(prefixHashes[index] as number, text.charCodeAt(start + index));
  const whole = prefixHashes[length] as number;
  out[0] = whole;
  let power = 1;
  for (let index = length - 1; index >= 0; index -= 1) {
    const head = Math.imul(prefixHashes[index] as number, power);
    const upToHere = Math.imul(prefixHashes[index + 1] as number, power);
    out[length - index] = (head + whole - upToHere) | 0;
    power = Math.imul(power, 31);
  }
  return length + 1;
}

/** Optimal string alignment distance, capped: is `a` at most one edit or one swap from `b`? */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Candidate {
  first: number;
  last: number;
  severity: Severity | null;
  kind: NameMatchKind;
  reason: string;
  /** Not a child here for a reason a list cannot undo (staff, a class, the time of year, a value). */
  excused?: boolean;
  /** A given name written with a capital (or in capitals): two of them in a list are two children. */
  capitalisedGivenName?: boolean;
}

export interface FindNamesOptions {
  /** Where to start in the folded text (after the class prefix, which is the class, not a name). */
  from?: number;
  /** A file name or metadata keywords: a name in lower case still counts ("grace.jpg"). */
  keywords?: boolean;
}

/** The pupils' names in a normalised text, with ranges in the original text. */
export function findPupilNames(matcher: NameMatcher, normalised: NormalisedText, options: FindNamesOptions = {}): NameMatch[] {
  const from = options.from ?? 0;
  const stream: TokenStream = { text: normalised.text, tokens: tokenise(normalised, from), origin: from, camelCaseParts: false, keywords: options.keywords === true };
  const lookup = new TokenLookup(matcher, stream);
  const candidates = matchStream(matcher, stream, lookup);

  const covered = new Uint8Array(stream.tokens.length);
  for (const candidate of candidates) covered.fill(1, candidate.first, candidate.last + 1);
  const results = candidates.filter((candidate) => candidate.severity !== null).map((candidate) => toMatch(stream, candidate, normalised));

  stream.tokens.forEach((token, index) => {
    if (covered[index] || lookup.suppressed(index)) return;
    const parts = camelCaseParts(normalised, token);
    if (!parts) return;
    const partStream: TokenStream = { text: normalised.text, tokens: parts, origin: token.start, camelCaseParts: true };
    for (const candidate of matchStream(matcher, partStream, new TokenLookup(matcher, partStream))) {
      if (candidate.severity !== null) results.push(toMatch(partStream, candidate, normalised));
      covered[index] = 1;
    }
  });
  results.push(...splitNames(matcher, stream, normalised, covered, lookup));
  stream.tokens.forEach((token, index) => {
    if (covered[index] || lookup.suppressed(index)) return;
    if (misspeltName(matcher, stream.text, token) && !isAfterStaffTitle(stream, index)) {
      results.push(toMatch(stream, { first: index, last: index, severity: 'warn', kind: 'misspelling', reason: 'close to a pupil’s name' }, normalised));
    }
  });
  return results.sort((a, b) => a.start - b.start || b.end - a.end);
}

function toMatch(stream: TokenStream, candidate: Candidate, normalised: NormalisedText): NameMatch {
  const first = stream.tokens[candidate.first] as WordToken;
  const last = stream.tokens[candidate.last] as WordToken;
  const range = originalRange(normalised, first.start, last.end);
  return { ...range, severity: candidate.severity ?? 'warn', kind: candidate.kind, reason: candidate.reason };
}

/** Which name part each token is (or -1), looked up once, and which tokens never-a-name phrases cover. */
class TokenLookup {
  private readonly ids: Int32Array;
  private readonly inPhrase: Uint8Array;

  constructor(
    private readonly matcher: NameMatcher,
    private readonly stream: TokenStream,
  ) {
    this.ids = new Int32Array(stream.tokens.length).fill(-2);
    this.inPhrase = new Uint8Array(stream.tokens.length);
    stream.tokens.forEach((token, index) => {
      for (const words of matcher.neverANames.get(token.hash) ?? []) {
        if (words.every((word, offset) => this.isWord(index + offset, word))) this.inPhrase.fill(1, index, index + words.length);
      }
    });
  }

  private isWord(index: number, word: string): boolean {
    const token = this.stream.tokens[index];
    return token !== undefined && token.end - token.start === word.length && this.stream.text.startsWith(word, token.start);
  }

  id(index: number): number {
    const known = this.ids[index];
    if (known === undefined) return -1;
    if (known !== -2) return known;
    const token = this.stream.tokens[index] as WordToken;
    const id = this.idByHash(token.hash, token.start, token.end);
    this.ids[index] = id;
    return id;
  }

  /** "Amelias": the name part the token is once its final "s" goes, when that is not a plain plural. */
  idWithoutFinalS(index: number): number {
    const token = this.stream.tokens[index] as WordToken;
    if (token.end - token.start < 4 || this.stream.text.charCodeAt(token.end - 1) !== 0x73) return -1;
    const id = this.idByHash(token.hashWithoutLast, token.start, token.end - 1);
    return id >= 0 && !(this.matcher.tokens[id] as CompiledNameToken).plusSIsWord ? id : -1;
  }

  idByHash(hash: number, start: number, end: number): number {
    for (const id of entriesOf(this.matcher.tokensByHash, hash)) {
      const text = (this.matcher.tokens[id] as CompiledNameToken).text;
      if (text.length === end - start && this.stream.text.startsWith(text, start)) return id;
    }
    return -1;
  }

  suppressed(index: number): boolean {
    return this.inPhrase[index] === 1;
  }
}

/** Every name variant in the stream, longest first at each token, judged by its context. */
function matchStream(matcher: NameMatcher, stream: TokenStream, lookup: TokenLookup): Candidate[] {
  const candidates: Candidate[] = [];
  for (let index = 0; index < stream.tokens.length; index += 1) {
    if (lookup.suppressed(index)) continue;
    const found = longestVariantAt(matcher, stream, lookup, index);
    if (!found) continue;
    candidates.push(judge(matcher, stream, found));
    index = found.last;
  }
  // A weak candidate in a list with a clear name is a name too ("Faith and Noor"); twice for chains.
  for (let round = 0; round < 2; round += 1) {
    for (const candidate of candidates) {
      if (candidate.severity === 'block') continue;
      const neighbours = [coordinatedToken(stream, candidate.last, 1), coordinatedToken(stream, candidate.first, -1)];
      if (candidate.excused) continue;
      const listed = (other: Candidate) => other !== candidate && neighbours.some((token) => token >= other.first && token <= other.last);
      // With a clear name, or two capitalised given names together ("Grace and Summer won").
      const listedWithName = candidates.some((other) => listed(other) && (other.severity === 'block' || (candidate.capitalisedGivenName === true && other.capitalisedGivenName === true && !other.excused)));
      if (listedWithName && !isCalendarUse(stream, candidate.first, candidate.last)) {
        candidate.severity = 'block';
        candidate.reason = 'listed with another pupil’s name';
      }
    }
  }
  return candidates;
}

interface VariantFound {
  first: number;
  last: number;
  tokens: CompiledNameToken[];
  givenName: boolean;
  fullName: boolean;
  /** Matched through "Amelias" (a possessive without its apostrophe). */
  possessive: boolean;
}

function longestVariantAt(matcher: NameMatcher, stream: TokenStream, lookup: TokenLookup, index: number): VariantFound | null {
  const id = lookup.id(index);
  if (id < 0) {
    const withoutS = lookup.idWithoutFinalS(index);
    const variant = withoutS >= 0 ? matcher.variantsByFirstToken.get(withoutS)?.find((entry) => entry.tokens.length === 1) : undefined;
    if (!variant) return null;
    return { first: index, last: index, tokens: [matcher.tokens[withoutS] as CompiledNameToken], givenName: variant.givenName, fullName: false, possessive: true };
  }
  for (const variant of matcher.variantsByFirstToken.get(id) ?? []) {
    const length = variant.tokens.length;
    let matches = true;
    for (let offset = 1; offset < length && matches; offset += 1) {
      matches = lookup.id(index + offset) === variant.tokens[offset] && (stream.camelCaseParts || joinsNameParts(gapBefore(stream, index + offset)));
    }
    if (!matches) continue;
    const found: VariantFound = {
      first: index,
      last: index + length - 1,
      tokens: variant.tokens.map((token) => matcher.tokens[token] as CompiledNameToken),
      givenName: variant.givenName,
      fullName: variant.fullName,
      possessive: false,
    };
    return extendToSurname(stream, lookup, matcher, found);
  }
  return null;
}

/** "Holly Hughes" where Holly is one pupil's forename and Hughes another's surname: still a full name. */
function extendToSurname(stream: TokenStream, lookup: TokenLookup, matcher: NameMatcher, found: VariantFound): VariantFound {
  if (found.fullName || !found.givenName) return found;
  const next = found.last + 1;
  const nextId = lookup.id(next);
  const nextToken = nextId >= 0 ? (matcher.tokens[nextId] as CompiledNameToken) : undefined;
  if (!nextToken?.surname || lookup.suppressed(next) || !(stream.camelCaseParts || joinsNameParts(gapBefore(stream, next)))) return found;
  return { ...found, last: next, tokens: [...found.tokens, nextToken], fullName: true };
}

/** Decides whether a matched variant is a pupil's name here, and how sure we are. */
function judge(matcher: NameMatcher, stream: TokenStream, found: VariantFound): Candidate {
  const verdict = (severity: Severity | null, reason: string): Candidate => ({ first: found.first, last: found.last, severity, kind: 'name', reason });
  const excused = (reason: string): Candidate => ({ ...verdict(null, reason), excused: true });
  const tokens = stream.tokens.slice(found.first, found.last + 1);
  const capitalised = tokens.every((token) => token.capitalised);
  // Capitals for emphasis in a text that has lower case ("We saw GRACE"): evidence, but weaker.
  const inCapitals = !capitalised && tokens.every((token) => token.allCaps) && isMixedCase(stream);
  const fullName = found.fullName || tokens.length > 1;

  // A staff title: a surname after it is a member of staff ("Mrs King"); a full name is a child
  // ("Mrs Ada Nowak" still names Ada); a first name may be either ("Miss Holly"): look at it.
  if (isAfterStaffTitle(stream, found.first)) {
    if (!found.fullName && found.tokens.every((token) => token.surname)) return excused('a member of staff');
    if (fullName) return verdict('block', 'a full name, after a staff title');
    if (found.tokens.some((token) => !token.ordinaryWord && !token.className)) return verdict('block', 'not an ordinary word');
    return verdict('warn', 'a first name after a staff title');
  }
  const className = found.tokens.length === 1 && found.tokens[0]?.className === true;
  if (className && isFollowedByClassWord(stream, found.last)) return excused('a class');
  if (found.tokens.some((token) => !token.ordinaryWord && !token.className)) return verdict('block', 'not an ordinary word');

  const cue = praiseCueBefore(stream, found.first) ?? praiseCueAfter(stream, found.last);
  if (cue) return verdict('block', `after “${cue}”`);
  if (isCalendarUse(stream, found.first, found.last)) return excused('the time of year');
  if (isSchoolValue(stream, found.first, found.last)) return excused('a school value');
  if (isSayingGrace(stream, found.first, found.last)) return excused('grace before a meal');
  if (found.possessive || isPossessive(stream, found.last)) {
    // "Brown's Farm", "the Hunter's Moon": a surname-word before a capitalised noun is more often a place or a title.
    if (!found.givenName && !found.possessive && isPossessiveBeforeCapital(stream, found.last)) return verdict('warn', 'a place or a title?');
    return verdict('block', 'a possessive');
  }

  if (fullName) {
    if (capitalised || inCapitals || stream.keywords) return verdict('block', 'a full name');
    return verdict('warn', 'a full name in lower case');
  }
  if (!capitalised) {
    if (inCapitals) return { ...verdict('warn', 'written in capitals'), capitalisedGivenName: found.givenName };
    // File names and keywords have no sentences: lower case says nothing there ("grace.jpg").
    return stream.keywords ? verdict('warn', 'in a file name or keywords') : verdict(null, 'an ordinary word in lower case');
  }
  const named = (severity: Severity, reason: string): Candidate => ({ ...verdict(severity, reason), capitalisedGivenName: found.givenName });
  // At a sentence start a capital says nothing, yet "Grace helped us tidy" is exactly how a child
  // gets named: a warning (staff look, and may go on), never a block ("Summer is here!").
  if (startsSentence(stream, found.first)) return named('warn', 'capitalised at the start of a sentence');
  if (className) return verdict('warn', 'a class name used on its own');
  if (isInTitleCaseSentence(stream, found.first, found.last)) return verdict('warn', 'capitalised in a headline');
  // A capitalised surname-word is more often a place or a title ("Green Park", "King Arthur").
  if (!found.givenName) return verdict('warn', 'a surname written with a capital');
  // "Summer" mid-sentence is as often the season as the child.
  const word = wordAt(stream, found.first) ?? '';
  if (MONTHS.has(word) || SEASONS.has(word)) return named('warn', 'a month or season?');
  return named('block', 'capitalised in the middle of a sentence');
}

/** Joins across which a name may be split, between two word tokens (see splitNames). */
const NO_JOIN = 0;
const JOIN = 1;
const JOIN_ACROSS_LINE = 2;

/**
 * Whether the gap before token `index` may split a name: one or two characters that are not letters,
 * digits or (between longer pieces) spaces. Between single letters anything short will do ("A d a",
 * "K.A.I", "A·d·a", "A/d/a", "A d  a", "A⇥d⇥a"); between longer pieces, emoji, symbols and "*_~|^"
 * ("Ad🎉a", "Am*elia") or a line break ("Ad⏎a", which may be two words: a warning).
 */
function joinBefore(stream: TokenStream, index: number): number {
  const token = stream.tokens[index] as WordToken;
  const previous = stream.tokens[index - 1] as WordToken;
  const gapLength = token.start - previous.end;
  if (gapLength === 0 || gapLength > 4) return NO_JOIN;
  const singleLetters = previous.end - previous.start === 1 && token.end - token.start === 1;
  // The common case, two words and one space or punctuation mark between, without making a string.
  const unit = stream.text.charCodeAt(previous.end);
  if (!singleLetters && gapLength === 1 && unit < 0x80 && unit !== 0x0a && !SPLITTERS.includes(String.fromCharCode(unit))) return NO_JOIN;
  const gap = stream.text.slice(previous.end, token.start);
  if ([...gap].length > 2 || /[\p{N}]/u.test(gap)) return NO_JOIN;
  if (singleLetters) return gap.includes('\n') ? JOIN_ACROSS_LINE : JOIN;
  if (/^\r?\n$/.test(gap)) return JOIN_ACROSS_LINE;
  return [...gap].every((character) => SPLITTERS.includes(character) || /[^\p{ASCII}\s]/u.test(character)) ? JOIN : NO_JOIN;
}

/** ASCII characters that split a word into pieces only on purpose ("Am*elia"). */
const SPLITTERS = '*_~|^';

/**
 * Names split into pieces: spelled out letter by letter ("A d a", "K.A.I") or broken by emoji,
 * symbols or a line break ("Ad🎉a"). Only names that are not ordinary words. From each token, the
 * pieces after it are joined while the letters fit in the longest such name, the hash growing a
 * letter at a time: work grows with the text times that length, never with the length of a run.
 */
function splitNames(matcher: NameMatcher, stream: TokenStream, normalised: NormalisedText, covered: Uint8Array, lookup: TokenLookup): NameMatch[] {
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
      if (last === first || letters < 3) continue;
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
      reason: best.singleLetters ? 'spelled out letter by letter' : best.acrossLine ? 'split across a line' : 'split up by other characters',
    });
    first = best.last;
  }
  return matches;
}

/** The name token that tokens first..last spell when joined (their letters hash to `hash`), or -1. */
function splitNameId(matcher: NameMatcher, stream: TokenStream, hash: number, first: number, last: number, letters: number, spelledOut: boolean): number {
  for (const id of entriesOf(matcher.tokensByHash, hash)) {
    const token = matcher.tokens[id] as CompiledNameToken;
    if (token.text.length !== letters || !isSplittableName(matcher, token, id, spelledOut)) continue;
    let joined = '';
    for (let index = first; index <= last; index += 1) joined += wordAt(stream, index);
    if (joined === token.text) return id;
  }
  return -1;
}

/** Whether a token is one slip (a letter added, missed, changed or two swapped) from a long name. */
function misspeltName(matcher: NameMatcher, text: string, token: WordToken): boolean {
  const length = token.end - token.start;
  if (length < MISSPELLING_MIN_LENGTH - 1 || length > matcher.longestMisspellable + 1) return false;
  const count = deletionHashes(text, token.start, token.end, deletionScratch);
  for (let index = 0; index < count; index += 1) {
    const candidates = entriesOf(matcher.misspellingIndex, deletionScratch[index] as number);
    if (candidates.length === 0) continue;
    const word = text.slice(token.start, token.end);
    for (const id of candidates) {
      const name = matcher.tokens[id] as CompiledNameToken;
      if (word !== name.text && withinOneEdit(word, name.text) && !name.nearbyWords?.includes(word)) return true;
    }
  }
  return false;
}
