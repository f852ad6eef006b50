/**
 * Misspellings of longer names ("Amleia", "Reggei"): a deletion-neighbourhood index, so checking a
 * word is one Map lookup per letter of it, with no strings made.
 */
import { extendHash } from '../tokenise';
import type { WordToken } from '../tokenise';
import { MISSPELLING_MIN_LENGTH, SHORT_NAME_LENGTH } from '../snapshot';
import { withinOneSlipOrMove } from '../one-edit';
import { HashIndexBuilder, type HashIndex } from './hash-index';
import type { CompiledNameToken } from './compile';

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

export interface MisspellingIndex {
  /** Hash of a long name, or of it with one letter deleted → its index in the matcher's tokens. */
  byHash: HashIndex;
  longest: number;
}

/** The index over the single-name tokens that are long enough and not ordinary words, and the short given names (SHORT_NAME_LENGTH) whatever they are (a short surname's neighbours are too many: "Nike" for Pike). */
export function compileMisspellings(tokens: readonly CompiledNameToken[], misspellable: Iterable<number>): MisspellingIndex {
  const byHash = new HashIndexBuilder();
  let longest = 0;
  for (const index of misspellable) {
    const token = tokens[index] as CompiledNameToken;
    const short = token.text.length === SHORT_NAME_LENGTH;
    if (token.text.length < SHORT_NAME_LENGTH || (short ? !token.givenName : token.ordinaryWord)) continue;
    longest = Math.max(longest, token.text.length);
    const count = deletionHashes(token.text, 0, token.text.length, deletionScratch);
    for (let hash = 0; hash < count; hash += 1) byHash.add(deletionScratch[hash] as number, index);
  }
  return { byHash: byHash.build(), longest };
}

/**
 * The name a token is one slip (a letter added, missed, changed, two swapped, or one moved past the
 * next) from: a long name before a short one (SHORT_NAME_LENGTH); or null.
 */
export function misspeltName(index: MisspellingIndex, tokens: readonly CompiledNameToken[], text: string, token: WordToken): CompiledNameToken | null {
  const length = token.end - token.start;
  if (length < SHORT_NAME_LENGTH || length > index.longest + 1) return null;
  let short: CompiledNameToken | null = null;
  const count = deletionHashes(text, token.start, token.end, deletionScratch);
  for (let at = 0; at < count; at += 1) {
    const hash = deletionScratch[at] as number;
    let position = index.byHash.first(hash);
    if (position < 0) continue;
    const word = text.slice(token.start, token.end);
    for (; position >= 0; position = index.byHash.next(position, hash)) {
      const name = tokens[index.byHash.valueAt(position)] as CompiledNameToken;
      if (word === name.text || !withinOneSlipOrMove(word, name.text) || name.nearbyWords?.includes(word)) continue;
      if (name.text.length >= MISSPELLING_MIN_LENGTH) return name;
      short = name;
    }
  }
  return short;
}
