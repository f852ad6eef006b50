/**
 * Given names compromise's lexicon knows ("jill", "tony", "elsa"): one letter from a short pupil's
 * name ("Will", "Toby", "Ella"), such a word is someone else, not a slip. Read in the background and
 * the CLI when the snapshot is built.
 */
import nlp from 'compromise/two';

const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

let lexicon: Record<string, string | string[]> | null = null;

export function isKnownGivenName(lowercaseWord: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  return [lexicon[lowercaseWord] ?? []].flat().some((tag) => GIVEN_NAME_TAGS.has(tag));
}
