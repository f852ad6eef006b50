/**
 * Words that say what someone did or does ("sang", "painted", "reads", "has"): a word-name straight
 * before one, with no "the" or "a" in front of it, is the subject of a sentence ("grace read her
 * story", "Ivy painted a picture"), and a subject written bare like that is a person.
 *
 * Part of speech comes from compromise's lexicon and its verb conjugation: every past tense,
 * third-person present and participle of its verbs that is a common word (SCOWL, english-words.ts),
 * and the regular past tenses of SCOWL's words ("bloomed"), less the forms compromise also knows
 * as nouns ("leaves", "springs", "plays"), so
 * "autumn leaves" and "the rose bush" stay ordinary. Built in the background and the CLI when the
 * snapshot is built; the content script gets the list in the snapshot, never the lexicon.
 */
import nlp from 'compromise/two';
import { englishWords } from '../english-words';

/** What this module reads of compromise's public `model()` and `methods()`. */
interface CompromiseLexicon {
  one: { lexicon: Record<string, string | string[]> };
}
interface CompromiseMethods {
  two: { transform: { verb: { conjugate: (infinitive: string, model: CompromiseLexicon) => Partial<Record<VerbForm, string>> } } };
}
type VerbForm = 'PastTense' | 'PresentTense' | 'Participle' | 'Infinitive' | 'Gerund';

const FORMS: readonly VerbForm[] = ['PastTense', 'PresentTense', 'Participle'];
/**
 * Tags that make a form mean a thing, not an action ("leaves", "springs"), or only a helper ("is",
 * "may", "can"): "Summer is here" says nothing about a person.
 */
const NOT_AN_ACTION = new Set(['Noun', 'Singular', 'Plural', 'Uncountable', 'Place', 'Month', 'Date', 'Determiner', 'Copula', 'Modal', 'Auxiliary']);
/** A form compromise also knows as a name ("drew") counts only when it came from conjugating a verb. */
const NAME_TAGS = new Set(['Person', 'FirstName', 'LastName']);
/**
 * Helpers whose forms are no action of their own ("has", "did", "was"); evidence.ts skips one before
 * the verb. "Get" is not one: "Summer got full marks" is something a child did.
 */
const HELPER_VERBS = new Set(['be', 'have', 'do', 'will', 'shall', 'can', 'may', 'must']);

let cached: string[] | null = null;

export function personVerbs(): string[] {
  cached ??= buildPersonVerbs();
  return cached;
}

function buildPersonVerbs(): string[] {
  const model = nlp.model() as CompromiseLexicon;
  const { conjugate } = (nlp.methods() as CompromiseMethods).two.transform.verb;
  const tagsOf = (word: string): string[] => [model.one.lexicon[word] ?? []].flat();
  const words = englishWords();
  const found = new Set<string>();
  const consider = (form: string | undefined, conjugated: boolean) => {
    if (!form || !/^[a-z]+$/.test(form) || !words.has(form)) return;
    const tags = tagsOf(form);
    if (!tags.some((tag) => NOT_AN_ACTION.has(tag) || (!conjugated && NAME_TAGS.has(tag)))) found.add(form);
  };
  for (const [word, tags] of Object.entries(model.one.lexicon)) {
    if (!/^[a-z]{2,}$/.test(word) || HELPER_VERBS.has(word) || ![tags].flat().includes('Infinitive')) continue;
    const forms = conjugate(word, model);
    for (const name of FORMS) consider(forms[name], true);
  }
  // Regular past tenses of words compromise does not list as verbs, when both are common words
  // ("bloomed" from "bloom"): a string test over the word list, no conjugation.
  for (const word of words) {
    if (word.length < 6 || !word.endsWith('ed')) continue;
    const stem = word.slice(0, -2);
    const doubled = stem.length > 3 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : stem;
    if (words.has(stem) || words.has(doubled) || words.has(word.slice(0, -1))) consider(word, true);
  }
  for (const [word, tags] of Object.entries(model.one.lexicon)) {
    if ([tags].flat().some((tag) => tag === 'PastTense' || tag === 'PresentTense' || tag === 'Participle')) consider(word, false);
  }
  for (const helper of HELPER_VERBS) for (const form of Object.values(conjugate(helper, model))) found.delete(form);
  return [...found].sort();
}

let cachedNouns: string[] | null = null;

/**
 * Words for what a person is ("captain", "scientist", "farmer": compromise's Actor tag, common
 * words only): "Mo was a brilliant team captain" is a person, and "the farmer showed us his
 * tractor" puts someone else between a name and a pronoun.
 */
export function personNouns(): string[] {
  if (!cachedNouns) {
    const words = englishWords();
    const lexicon = (nlp.model() as CompromiseLexicon).one.lexicon;
    cachedNouns = Object.entries(lexicon)
      .filter(([word, tags]) => /^[a-z]+$/.test(word) && words.has(word) && [tags].flat().includes('Actor'))
      .map(([word]) => word)
      .sort();
  }
  return cachedNouns;
}

let cachedAgents: string[] | null = null;

/** "-er" words more often what is done than who does it ("Hope is our prayer this week", "A is our letter of the week", "our best seller"). */
const NOT_AGENTS = new Set(['prayer', 'letter', 'chatter', 'seller']);

/**
 * Who does a verb, in "-er" ("scorer", "sprinter", "runner"; common words only, less compromise's
 * Actors, already person nouns): "Harry was our top scorer" is a person. Many are things too
 * ("printer", "sticker"), so they count only as what a name "is" or "was", never as someone else a
 * pronoun could mean.
 */
export function agentNouns(): string[] {
  if (!cachedAgents) {
    const words = englishWords();
    const lexicon = (nlp.model() as CompromiseLexicon).one.lexicon;
    const actors = new Set(personNouns());
    const found = new Set<string>();
    for (const [verb, tags] of Object.entries(lexicon)) {
      if (!/^[a-z]{3,}$/.test(verb) || HELPER_VERBS.has(verb) || ![tags].flat().includes('Infinitive')) continue;
      const doubled = /[^aeiou][aeiou][bdglmnprt]$/.test(verb) ? `${verb}${verb.at(-1) ?? ''}er` : '';
      for (const agent of [verb.endsWith('e') ? `${verb}r` : `${verb}er`, doubled]) if (agent && words.has(agent) && !actors.has(agent) && !(agent in lexicon) && !NOT_AGENTS.has(agent)) found.add(agent);
    }
    cachedAgents = [...found].sort();
  }
  return cachedAgents;
}
