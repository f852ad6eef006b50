/**
 * Names compromise's lexicon knows — people, places, organisations ("jill", "tony", "elsa", "oman",
 * "nike"): one letter from a short pupil's name ("Will", "Toby", "Ella", "Omar"), such a word is
 * someone or something else, not a slip. Read in the background and the CLI when the snapshot is built.
 */
import nlp from 'compromise/two';

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Place', 'City', 'Country', 'Region', 'Organization', 'Month']);

let lexicon: Record<string, string | string[]> | null = null;

export function isKnownName(lowercaseWord: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  return [lexicon[lowercaseWord] ?? []].flat().some((tag) => NAME_TAGS.has(tag));
}
