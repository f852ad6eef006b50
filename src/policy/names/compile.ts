/**
 * Compiles the snapshot's names once per roster: every folded name part in a hash map keyed by the
 * hash of its letters (a token of the draft is then one Map lookup), the ways of writing each
 * pupil's name by their first part, the misspelling index and the never-a-name phrases.
 */
import { nameParts, type NamePhraseListName, type NameVariantKind, type NameWordListName, type PolicySnapshot, type SnapshotNameVariant } from '../snapshot';
import { hashString } from '../tokenise';
import { HashIndexBuilder, type HashIndex } from './hash-index';
import { compileMisspellings, type MisspellingIndex } from './misspellings';
import { longestSplittable } from './split-names';

export interface CompiledNameToken {
  text: string;
  ordinaryWord: boolean;
  plusSIsWord: boolean;
  /** The plural is a common word ("woods"): "the Woods" is a family only with more evidence. */
  plusSIsCommonWord: boolean;
  /** Ordinary words one edit away: never reported as a misspelling of this name (a short list). */
  nearbyWords: readonly string[] | undefined;
  /** Some pupil has it as a surname (or surname part): it can make a full name with the word before it. */
  surname: boolean;
  /** Some pupil has it as a given name: it can make a full name with the word after it. */
  givenName: boolean;
  /** Also the name of a class ("Willow"): a name only with evidence, never when followed by "Class". */
  className: boolean;
  /** A way of writing some pupil's name on its own (not only the first word of a longer one). */
  standsAlone: boolean;
}

export interface CompiledVariant {
  tokens: number[];
  /** A forename, preferred name or alias (or part of one) for at least one pupil. */
  givenName: boolean;
  /** A short form of a pupil's forename that the roster does not record ("Freddie" for Frederick). */
  shortForm: boolean;
  /** Forename and surname together. */
  fullName: boolean;
}

export interface NameMatcher {
  tokens: CompiledNameToken[];
  /** Hash of a folded name part → its index in `tokens` (several when hashes collide). */
  tokensByHash: HashIndex;
  /** The ways of writing a pupil's name that start with a token, longest first. */
  variants: VariantTable;
  misspellings: MisspellingIndex;
  /** Letters in the longest name a split-up name could be (see split-names.ts): bounds that search. */
  longestSplittable: number;
  /** The same for names spelled out letter by letter, which include ordinary-word names ("W i l l"). */
  longestSpelledOut: number;
  /**
   * Folded phrases that are no pupil here (never-a-name phrases, built-in and the ICT lead's, and
   * famous ones), by phraseKey of their first two words (or of the one word): one lookup per token,
   * however many famous phrases begin with "the" or "saint".
   */
  neverANames: Map<number, KnownPhrase[]>;
  /**
   * Story pairs ("rama and sita", "romeo and juliet"): hash of one of the pair's names → hashes of
   * the names it is paired with. Both in one sentence, apart, they are the story's people.
   */
  storyPairs: Map<number, number[]>;
  /** Hashes of the words that say what someone did or does ("sang", "reads"): see evidence.ts. */
  personVerbs: ReadonlySet<number>;
  /** Folded one-word class names and aliases ("oak", "willow"). */
  classNames: ReadonlySet<string>;
  /** Hashes of one-word place names ("paris", "italy"): see placeContext in evidence.ts. */
  places: ReadonlySet<number>;
  words: NameWords;
}

/** A phrase that is no pupil here, as its folded words. */
export interface KnownPhrase {
  words: string[];
  /** A famous person with a title or a regnal number ("queen victoria", "mary queen of scots", "henry viii"): history's people are in this sentence. */
  figure: boolean;
  /** A story pair ("rama and sita", "jack and jill"): praised, they are pupils (see TokenLookup). */
  storyPair: boolean;
}

/** The snapshot's word lists, as sets, and its phrase lists, as words. */
export type NameWords = { readonly [List in NameWordListName]: ReadonlySet<string> } & { readonly [List in NamePhraseListName]: readonly string[][] };

function compileNameWords(lists: PolicySnapshot['nameWords']): NameWords {
  const sets = Object.fromEntries(Object.entries(lists.words).map(([name, words]) => [name, new Set(words)]));
  const phrases = Object.fromEntries(Object.entries(lists.phrases).map(([name, list]) => [name, list.map((phrase) => phrase.split(' '))]));
  return { ...sets, ...phrases } as unknown as NameWords;
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
    plusSIsCommonWord: token.plusSIsCommonWord === true,
    nearbyWords: token.nearbyWords,
    surname: false,
    givenName: false,
    className: classNames.has(token.text),
    standsAlone: false,
  }));
  const tokensByHash = new HashIndexBuilder();
  tokens.forEach((token, index) => tokensByHash.add(hashString(token.text), index));
  const variants = new VariantTable(snapshot, tokens);

  const words = compileNameWords(snapshot.nameWords);
  const neverANames = new Map<number, KnownPhrase[]>();
  const storyPairs = new Map<number, number[]>();
  const add = (phrase: KnownPhrase) => {
    const [first, second] = phrase.words;
    if (first === undefined) return;
    const key = phraseKey(hashString(first), second !== undefined ? hashString(second) : null);
    const list = neverANames.get(key);
    if (list) list.push(phrase);
    else neverANames.set(key, [phrase]);
  };
  for (const words of snapshot.neverANames.map(nameParts)) add({ words, figure: false, storyPair: false });
  // Famous phrases come folded, words joined by one space: splitting is enough (folding thousands costs).
  const figures = new Set(snapshot.famousFigures);
  const pairs = new Set(snapshot.famousStoryPairs);
  snapshot.famousPhrases.forEach((phrase, index) => {
    const parts = phrase.split(' ');
    const storyPair = pairs.has(index);
    if (storyPair) pairStory(storyPairs, parts[0] as string, parts[2] as string);
    add({ words: parts, figure: figures.has(index), storyPair });
  });
  return {
    tokens,
    tokensByHash: tokensByHash.build(),
    variants,
    misspellings: compileMisspellings(tokens, variants.misspellable),
    longestSplittable: longestSplittable(tokens, false),
    longestSpelledOut: longestSplittable(tokens, true),
    neverANames,
    storyPairs,
    personVerbs: new Set(snapshot.personVerbs.map(hashString)),
    classNames,
    places: new Set(snapshot.places.map(hashString)),
    words,
  };
}

/**
 * The pupils' ways of writing their names, by first token. Compiling all of them up front made
 * 40,000 objects for a 10,000-pupil roster, most never looked at: the table keeps where each
 * token's variants are in the snapshot (two flat arrays) and builds a token's list when a draft
 * first holds that token. What every token needs at once (given name, surname, a name on its own,
 * misspellable) is marked on the tokens while indexing.
 */
export class VariantTable {
  /** Token t's variants are at starts[t]..starts[t + 1] of pupilRefs (which pupil) and variantRefs (which of its variants). */
  private readonly starts: Int32Array;
  private readonly pupilRefs: Int32Array;
  private readonly variantRefs: Int32Array;
  private readonly built: (CompiledVariant[] | undefined)[];
  /** Tokens that are a single-token forename, preferred name, alias or surname: the misspelling index covers them. */
  readonly misspellable: number[] = [];

  constructor(
    private readonly snapshot: PolicySnapshot,
    private readonly tokens: CompiledNameToken[],
  ) {
    const counts = new Int32Array(tokens.length + 1);
    const misspellable = new Uint8Array(tokens.length);
    snapshot.pupils.forEach((pupil) => {
      for (const variant of pupil.variants) {
        const first = variant.tokens[0] as number;
        counts[first + 1] = (counts[first + 1] as number) + 1;
        if (variant.tokens.length !== 1) continue;
        const token = tokens[first] as CompiledNameToken;
        if (variant.kind !== 'full' && misspellable[first] === 0) {
          misspellable[first] = 1;
          this.misspellable.push(first);
        }
        token.standsAlone = true;
        if (GIVEN_NAME_KINDS.has(variant.kind)) token.givenName = true;
        if (variant.kind === 'surname' || variant.kind === 'surname-part') token.surname = true;
      }
    });
    for (let token = 0; token < tokens.length; token += 1) counts[token + 1] = (counts[token + 1] as number) + (counts[token] as number);
    this.starts = counts.slice();
    this.pupilRefs = new Int32Array(counts[tokens.length] as number);
    this.variantRefs = new Int32Array(counts[tokens.length] as number);
    snapshot.pupils.forEach((pupil, pupilIndex) => {
      pupil.variants.forEach((variant, variantIndex) => {
        const first = variant.tokens[0] as number;
        this.pupilRefs[counts[first] as number] = pupilIndex;
        this.variantRefs[counts[first] as number] = variantIndex;
        counts[first] = (counts[first] as number) + 1;
      });
    });
    this.built = new Array<CompiledVariant[] | undefined>(tokens.length);
  }

  /** The variants starting with token `id`, one per spelling (pupils share names), longest first. */
  startingWith(id: number): readonly CompiledVariant[] {
    const known = this.built[id];
    if (known) return known;
    const list: CompiledVariant[] = [];
    for (let at = this.starts[id] as number; at < (this.starts[id + 1] as number); at += 1) {
      const variant = this.snapshot.pupils[this.pupilRefs[at] as number]?.variants[this.variantRefs[at] as number] as SnapshotNameVariant;
      let compiled = list.find((entry) => sameTokens(entry.tokens, variant.tokens));
      if (!compiled) {
        compiled = { tokens: variant.tokens, givenName: false, shortForm: false, fullName: false };
        list.push(compiled);
      }
      if (variant.kind === 'full') compiled.fullName = true;
      if (variant.kind === 'short') compiled.shortForm = true;
      if (GIVEN_NAME_KINDS.has(variant.kind)) compiled.givenName = true;
    }
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.built[id] = list;
    return list;
  }
}

function sameTokens(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((token, index) => token === b[index]);
}

/** "rama and sita": each of the two names points at the other. */
function pairStory(storyPairs: Map<number, number[]>, one: string, other: string): void {
  for (const [name, partner] of [[one, other], [other, one]] as const) storyPairs.set(hashString(name), [...(storyPairs.get(hashString(name)) ?? []), hashString(partner)]);
}

/** The key of a phrase by the hashes of its first word and its second (null for a one-word phrase). */
export function phraseKey(first: number, second: number | null): number {
  return second === null ? first : (Math.imul(first, 0x01000193) ^ second) | 0;
}

const GIVEN_NAME_KINDS: ReadonlySet<NameVariantKind> = new Set(['forename', 'preferred', 'alias', 'forename-part']);
