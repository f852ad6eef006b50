/**
 * One-word names of places ("india", "paris", "georgia", "florence"): a pupil's name that is a
 * place is the place where the sentence shows one ("a trip to Paris", "Florence in Italy", see
 * placeContext in names/evidence.ts), and a place after "in" or a comma says the name before it
 * is a place too ("Sydney, Australia").
 *
 * From compromise's lexicon (words it tags Country, City, Region or Place), plus well-known places
 * that it knows only as first names (reviewed below). Read in the background and the CLI when the
 * snapshot is built; the snapshot carries the list (about 1,100 words), the content script never
 * loads the lexicon.
 */
import nlp from 'compromise/two';

/** What this module reads of compromise's public `model()`. */
interface CompromiseLexicon {
  one: { lexicon: Record<string, string | string[]> };
}

const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);
/** Abbreviations tagged as places ("rd", "mt", "calif") are no place a post names in full. */
const NOT_A_PLACE_NAME = new Set(['Abbreviation', 'Unit']);

/** Places UK schools write about that compromise tags only as people's names. */
const PLACES_NAMED_LIKE_PEOPLE = [
  'florence', 'sydney', 'jordan', 'chelsea', 'devon', 'lincoln', 'chester', 'victoria', 'savannah', 'austin', 'orlando',
  'adelaide', 'skye', 'sofia', 'virginia', 'alexandria', 'charlotte', 'houston', 'kent', 'carolina', 'chad', 'iona',
  'siena', 'lourdes', 'kendal', 'holland', 'dakota', 'cheyenne', 'madison', 'dublin', 'galway', 'shannon', 'petra', 'milan',
  'verona', 'valencia', 'geneva', 'lima', 'asia', 'africa', 'india',
];

let cached: string[] | null = null;

export function placeNames(): string[] {
  cached ??= buildPlaceNames();
  return cached;
}

function buildPlaceNames(): string[] {
  const { lexicon } = (nlp.model() as CompromiseLexicon).one;
  const found = new Set(PLACES_NAMED_LIKE_PEOPLE);
  for (const [word, tags] of Object.entries(lexicon)) {
    const all = [tags].flat();
    if (/^[a-z]{3,}$/.test(word) && all.some((tag) => PLACE_TAGS.has(tag)) && !all.some((tag) => NOT_A_PLACE_NAME.has(tag))) found.add(word);
  }
  return [...found].sort();
}
