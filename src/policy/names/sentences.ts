/**
 * Where a token stream's sentences begin and end, worked out once per stream: the evidence asks
 * "does a sentence start here?", "is this sentence a headline?" and "what else is in this
 * sentence?" for every name, and scanning back and forth each time made a 25,000-character post of
 * names with no full stop quadratic.
 */
import type { WordToken } from '../tokenise';

/** For each token, whether the gap before it ends a sentence, and which sentence it is in. */
export interface SentenceIndex {
  /** 1 where the gap before token i ends a sentence (token 0 always starts one). */
  startsAt: Uint8Array;
  /** Sentence number of each token. */
  sentenceOf: Int32Array;
  /** First and last token of each sentence. */
  firsts: Int32Array;
  lasts: Int32Array;
  /** Per sentence: words of four letters or more, and how many of those have a capital (headline test). */
  longWords: Int32Array;
  capitalisedLongWords: Int32Array;
}

/** A token of four letters or more counts towards a sentence's headline test (see isInTitleCaseSentence). */
export function isLongWord(token: WordToken): boolean {
  return token.end - token.start >= 4;
}

/**
 * Indexes the sentences of `tokens`; `breaksBefore(i)` says whether the gap before token i ends a
 * sentence. CamelCase parts are one sentence (pass () => false).
 */
export function indexSentences(tokens: readonly WordToken[], breaksBefore: (index: number) => boolean): SentenceIndex {
  const count = tokens.length;
  const startsAt = new Uint8Array(count);
  const sentenceOf = new Int32Array(count);
  let sentences = 0;
  for (let index = 0; index < count; index += 1) {
    if (index === 0 || breaksBefore(index)) {
      startsAt[index] = 1;
      sentences += 1;
    }
    sentenceOf[index] = sentences - 1;
  }
  const firsts = new Int32Array(sentences);
  const lasts = new Int32Array(sentences);
  const longWords = new Int32Array(sentences);
  const capitalisedLongWords = new Int32Array(sentences);
  for (let index = 0; index < count; index += 1) {
    const sentence = sentenceOf[index] as number;
    if (startsAt[index] === 1) firsts[sentence] = index;
    lasts[sentence] = index;
    const token = tokens[index] as WordToken;
    if (!isLongWord(token)) continue;
    longWords[sentence] = (longWords[sentence] as number) + 1;
    if (token.capitalised) capitalisedLongWords[sentence] = (capitalisedLongWords[sentence] as number) + 1;
  }
  return { startsAt, sentenceOf, firsts, lasts, longWords, capitalisedLongWords };
}
