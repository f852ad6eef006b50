/**
 * Compiles the snapshot's names once per roster: every folded name part in a hash map keyed by the
 * hash of its letters (a token of the draft is then one Map lookup), the ways of writing each
 * pupil's name by their first part, the misspelling index and the never-a-name phrases.
 */
import { BUILT_IN_NEVER_A_NAME } from '../known-phrases';
import { nameParts, type NameVariantKind, type PolicySnapshot } from '../snapshot';
import { hashString } from '../tokenise';
import { addToIndex, type HashIndex } from './hash-index';
import { compileMisspellings, type MisspellingIndex } from './misspellings';
import { longestSplittable } from './split-names';

export interface CompiledNameToken {
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
  /** By the index of their first token: the variants that start with it, longest first. */
  variantsByFirstToken: Map<number, CompiledVariant[]>;
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
  neverANames: Map<number, string[][]>;
  /** Hashes of the words that say what someone did or does ("sang", "reads"): see evidence.ts. */
  personVerbs: ReadonlySet<number>;
  /** Folded one-word class names and aliases ("oak", "willow"). */
  classNames: ReadonlySet<string>;
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
        compiled = { tokens: variant.tokens, givenName: false, shortForm: false, fullName: false };
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

  const neverANames = new Map<number, string[][]>();
  // Famous phrases come folded, words joined by one space: splitting is enough (folding thousands costs).
  const phrases = [...[...BUILT_IN_NEVER_A_NAME, ...snapshot.neverANames].map(nameParts), ...snapshot.famousPhrases.map((phrase) => phrase.split(' '))];
  for (const words of phrases) {
    if (words.length === 0) continue;
    const key = phraseKey(hashString(words[0] as string), words.length > 1 ? hashString(words[1] as string) : null);
    const list = neverANames.get(key);
    if (list) list.push(words);
    else neverANames.set(key, [words]);
  }
  return {
    tokens,
    tokensByHash,
    variantsByFirstToken,
    misspellings: compileMisspellings(tokens, misspellable),
    longestSplittable: longestSplittable(tokens, variantsByFirstToken, false),
    longestSpelledOut: longestSplittable(tokens, variantsByFirstToken, true),
    neverANames,
    personVerbs: new Set(snapshot.personVerbs.map(hashString)),
    classNames,
  };
}

/** The key of a phrase by the hashes of its first word and its second (null for a one-word phrase). */
export function phraseKey(first: number, second: number | null): number {
  return second === null ? first : (Math.imul(first, 0x01000193) ^ second) | 0;
}

const GIVEN_NAME_KINDS: ReadonlySet<NameVariantKind> = new Set(['forename', 'preferred', 'alias', 'forename-part']);

function markVariant(variant: CompiledVariant, kind: NameVariantKind, tokens: CompiledNameToken[]): void {
  if (kind === 'full') variant.fullName = true;
  if (kind === 'short') variant.shortForm = true;
  if (GIVEN_NAME_KINDS.has(kind)) variant.givenName = true;
  if (variant.tokens.length !== 1) return;
  const token = tokens[variant.tokens[0] as number] as CompiledNameToken;
  if (GIVEN_NAME_KINDS.has(kind)) token.givenName = true;
  if (kind === 'surname' || kind === 'surname-part') token.surname = true;
}
