/**
 * Finds where the roster's names are in a token stream: each token is looked up once by its hash,
 * then the longest way of writing a pupil's name that starts there ("Mary Jane O'Brien" before
 * "Mary"). Whether a match is a pupil here is weigh-evidence.ts's question.
 */
import type { WordToken } from '../tokenise';
import { phraseKey, type CompiledNameToken, type KnownPhrase, type NameMatcher } from './compile';
import { familyWordAfter, gapBefore, joinsNameParts, praiseCueAfter, praiseCueBefore, storyFrameBefore, wordAt, type TokenStream } from './evidence';

/** A token's name id when it is no name part. */
export const NOT_A_NAME = -1;
/** Ids are looked up when first asked for. */
const NOT_LOOKED_UP = -2;

/** Words that follow the pronoun "I" and never a king's number ("James I am so proud"; "Elizabeth I was" stays the queen). */
const PRONOUN_I_FOLLOWERS = new Set(['am', 'm', 've', 'll', 'd', 'love', 'loved', 'think', 'thought', 'hope', 'really', 'just', 'feel', 'felt', 'want', 'wanted', 'wish', 'know', 'knew', 'enjoyed', 'like', 'liked', 'can', 'cannot', 'would', 'will', 'must', 'noticed', 'heard', 'saw', 'have']);

/**
 * Whether a famous phrase's words are written as one phrase across this gap: spaces, a hyphen or
 * an apostrophe ("Henry VIII", "Jemima Puddle-Duck", "the lions' den"), an underscore (a file name), and a full stop after a short title ("St.
 * George") — never a comma or a sentence's end ("Well done James, I am so proud").
 */
function joinsPhraseWords(gap: string, before: string): boolean {
  return /^[ \t'’_-]{1,3}$/.test(gap) || (before.length <= 2 && /^\.[^\S\n]?$/.test(gap));
}

/** Which name part each token is (or NOT_A_NAME), looked up once, and which tokens never-a-name phrases cover. */
export class TokenLookup {
  private readonly ids: Int32Array;
  private readonly inPhrase: Uint8Array;
  /** Tokens of a famous person with a title or a regnal number ("Queen Victoria", "Henry VIII"). */
  private readonly inFigure: Uint8Array;

  constructor(
    private readonly matcher: NameMatcher,
    private readonly stream: TokenStream,
  ) {
    this.ids = new Int32Array(stream.tokens.length).fill(NOT_LOOKED_UP);
    this.inPhrase = new Uint8Array(stream.tokens.length);
    this.inFigure = new Uint8Array(stream.tokens.length);
    stream.tokens.forEach((token, index) => {
      this.markPhrases(index, matcher.neverANames.get(phraseKey(token.hash, null)));
      const next = stream.tokens[index + 1];
      if (next) this.markPhrases(index, matcher.neverANames.get(phraseKey(token.hash, next.hash)));
      // "Flat Stanleys": a two-word title in the plural.
      if (next && stream.text.charCodeAt(next.end - 1) === 0x73) this.markPhrases(index, matcher.neverANames.get(phraseKey(token.hash, next.hashWithoutLast)));
    });
  }

  /**
   * Marks the phrases that start at token `index`. Called twice for every token, nearly always
   * with none: no closure in here, as one capturing `index` would cost an allocation each call.
   */
  private markPhrases(index: number, phrases: KnownPhrase[] | undefined): void {
    if (phrases === undefined) return;
    const { stream } = this;
    for (const phrase of phrases) {
      const { words } = phrase;
      if (!this.isPhraseAt(index, words)) continue;
      const last = index + words.length - 1;
      // "Elizabeth I loved your story": the pronoun, not a regnal number.
      if (words[words.length - 1] === 'i' && PRONOUN_I_FOLLOWERS.has(wordAt(stream, last + 1) ?? '')) continue;
      // "Well done Rama and Sita!", "Well done James I…": pupils praised, whatever story or king they share names with.
      if ((phrase.storyPair || words[words.length - 1] === 'i') && (praiseCueBefore(stream, index) !== null || praiseCueAfter(stream, last) !== null)) continue;
      // Two pupils who share a story's names ("Ruth and Naomi") are judged as pupils; the story only softens that (famous-company.ts).
      if (phrase.storyPair && !storyFrameBefore(stream, index) && this.id(index) !== NOT_A_NAME && this.id(last) !== NOT_A_NAME) continue;
      // "the King twins", "the Queen family": a pupil's surname, capitalised, before a family word is the family, not "the King".
      const surname = this.id(last);
      if (surname !== NOT_A_NAME && (this.matcher.tokens[surname] as CompiledNameToken).surname && stream.tokens[last]?.capitalised === true && familyWordAfter(stream, last)) continue;
      this.inPhrase.fill(1, index, index + words.length);
      if (phrase.figure) this.inFigure.fill(1, index, index + words.length);
    }
  }

  /**
   * Whether the phrase's words are the tokens from `index` on, written as one phrase; the last, a
   * given name, may be in the plural ("our Flat Stanleys"; "the Kings" is a family), and a song's
   * repeated word may follow a comma ("Daisy, Daisy").
   */
  private isPhraseAt(index: number, words: readonly string[]): boolean {
    for (let offset = 0; offset < words.length; offset += 1) {
      const word = words[offset] as string;
      if (!this.isWord(index + offset, word, offset === words.length - 1)) return false;
      const gap = gapBefore(this.stream, index + offset);
      if (offset > 0 && !this.stream.camelCaseParts && !joinsPhraseWords(gap, words[offset - 1] as string) && !(word === words[offset - 1] && /^,[^\S\n]?$/.test(gap))) return false;
    }
    return true;
  }

  private isWord(index: number, word: string, plural: boolean): boolean {
    const token = this.stream.tokens[index];
    if (token === undefined || !this.stream.text.startsWith(word, token.start)) return false;
    const length = token.end - token.start;
    if (length === word.length) return true;
    const withoutS = plural && length === word.length + 1 ? this.idWithoutFinalS(index) : NOT_A_NAME;
    return withoutS !== NOT_A_NAME && (this.matcher.tokens[withoutS] as CompiledNameToken).givenName;
  }

  id(index: number): number {
    const known = this.ids[index];
    if (known === undefined) return NOT_A_NAME;
    if (known !== NOT_LOOKED_UP) return known;
    const token = this.stream.tokens[index] as WordToken;
    const id = this.idByHash(token.hash, token.start, token.end);
    this.ids[index] = id;
    return id;
  }

  /** "Amelias", "Smiths": the name part the token is once its final "s" goes, or NOT_A_NAME. */
  idWithoutFinalS(index: number): number {
    const token = this.stream.tokens[index] as WordToken;
    if (token.end - token.start < 4 || this.stream.text.charCodeAt(token.end - 1) !== 0x73) return NOT_A_NAME;
    return this.idByHash(token.hashWithoutLast, token.start, token.end - 1);
  }

  idByHash(hash: number, start: number, end: number): number {
    const index = this.matcher.tokensByHash;
    for (let position = index.first(hash); position >= 0; position = index.next(position, hash)) {
      const id = index.valueAt(position);
      const text = (this.matcher.tokens[id] as CompiledNameToken).text;
      if (text.length === end - start && this.stream.text.startsWith(text, start)) return id;
    }
    return NOT_A_NAME;
  }

  suppressed(index: number): boolean {
    return this.inPhrase[index] === 1;
  }

  /** Whether the token is part of a famous person with a title or a regnal number ("Queen Victoria"). */
  inFamousFigure(index: number): boolean {
    return this.inFigure[index] === 1;
  }
}

/** A way of writing a pupil's name, found at tokens first..last. */
export interface VariantFound {
  first: number;
  last: number;
  tokens: CompiledNameToken[];
  givenName: boolean;
  /** Only a short form of a pupil's forename, which the roster does not record. */
  shortForm: boolean;
  fullName: boolean;
  /** Matched through "Amelias" (a possessive without its apostrophe, or a plural that is no word: "the Patels"). */
  possessive: boolean;
  /** "the Smiths": a surname in the plural after "the" that is also a word ("smiths"); weigh-evidence.ts decides. */
  familyPlural: boolean;
}

export function longestVariantAt(matcher: NameMatcher, stream: TokenStream, lookup: TokenLookup, index: number): VariantFound | null {
  const id = lookup.id(index);
  if (id === NOT_A_NAME) {
    const withoutS = lookup.idWithoutFinalS(index);
    const variant = withoutS !== NOT_A_NAME ? matcher.variants.startingWith(withoutS).find((entry) => entry.tokens.length === 1) : undefined;
    if (!variant) return null;
    const token = matcher.tokens[withoutS] as CompiledNameToken;
    // "roses", "greens" are plain plurals; only "the Smiths" (a surname after "the") is worth weighing.
    const familyPlural = token.plusSIsWord && token.surname && wordAt(stream, index - 1) === 'the' && /^[^\S\n]{1,2}$/.test(gapBefore(stream, index));
    if (token.plusSIsWord && !familyPlural) return null;
    return { first: index, last: index, tokens: [token], givenName: variant.givenName && !familyPlural, shortForm: variant.shortForm && !variant.givenName, fullName: false, possessive: !familyPlural, familyPlural };
  }
  for (const variant of matcher.variants.startingWith(id)) {
    const length = variant.tokens.length;
    let matches = true;
    for (let offset = 1; offset < length && matches; offset += 1) {
      matches = lookup.id(index + offset) === variant.tokens[offset] && (stream.camelCaseParts || joinsNameParts(gapBefore(stream, index + offset)));
    }
    if (!matches) continue;
    const found: VariantFound = {
      first: index,
      last: index + length - 1,
      tokens: compiledTokens(matcher, variant.tokens),
      givenName: variant.givenName,
      shortForm: variant.shortForm && !variant.givenName,
      fullName: variant.fullName,
      possessive: false,
      familyPlural: false,
    };
    return extendToSurname(stream, lookup, matcher, found);
  }
  return null;
}

/**
 * The compiled tokens of a variant. Its own function because a closure over `matcher` inside
 * longestVariantAt, which runs for every token, would make that allocate on every call.
 */
function compiledTokens(matcher: NameMatcher, ids: readonly number[]): CompiledNameToken[] {
  return ids.map((id) => matcher.tokens[id] as CompiledNameToken);
}

/** "Holly Hughes" where Holly is one pupil's forename and Hughes another's surname: still a full name. */
function extendToSurname(stream: TokenStream, lookup: TokenLookup, matcher: NameMatcher, found: VariantFound): VariantFound {
  if (found.fullName || !found.givenName) return found;
  const next = found.last + 1;
  const nextId = lookup.id(next);
  const nextToken = nextId !== NOT_A_NAME ? (matcher.tokens[nextId] as CompiledNameToken) : undefined;
  if (!nextToken?.surname || lookup.suppressed(next) || !(stream.camelCaseParts || joinsNameParts(gapBefore(stream, next)))) return found;
  return { ...found, last: next, tokens: [...found.tokens, nextToken], fullName: true };
}
