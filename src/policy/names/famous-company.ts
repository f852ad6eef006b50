/**
 * A name in the company of a story or of history's people is as likely one of them as a pupil:
 * "Sita was rescued by Rama" (a story pair, apart), "Catherine, Anne and Jane were Henry VIII's
 * wives" (a sentence about a king). Such a name is a warning, not a block, unless the sentence
 * speaks to or about a child in ways no story does: praise, an initial, a year group in brackets,
 * a family word ("Well done Sita and Rama!" stays blocked), a parent ("Henry's dad came to talk
 * about Henry VIII").
 */
import { messageText } from '../message-text';
import type { WordToken } from '../tokenise';
import { familyWordAfter, gapBefore, initialAfter, isPossessive, praiseCueAfter, praiseCueBefore, sentenceIndex, wordAt, yearGroupInBracketsAfter, type TokenStream } from './evidence';
import type { TokenLookup } from './find-candidates';
import { personEvidence, type Candidate, type EvidenceContext } from './weigh-evidence';

/** Evidence that a name is a child here that no story or history gives. */
function spokenOfAsAChild(stream: TokenStream, candidate: Candidate, context: EvidenceContext): boolean {
  return (
    praiseCueBefore(stream, candidate.first) !== null ||
    praiseCueAfter(stream, candidate.last) !== null ||
    initialAfter(stream, candidate.last) ||
    yearGroupInBracketsAfter(stream, candidate.last, context.classNames) ||
    familyWordAfter(stream, candidate.last) ||
    (isPossessive(stream, candidate.last) && stream.words.parentWords.has(wordAt(stream, candidate.last + 2) ?? ''))
  );
}

/** Why a name in a story told is a warning. */
type StoryReason = 'name_reason_faith_story' | 'name_reason_story_told';

/**
 * A sentence's story marks, with the one before its colon or semicolon (from `first`): the last
 * word saying a child ("us", "our class", a model…; -1 if none), a place only stories have, a word
 * of a faith story's telling or RE, the first story word (or Infinity), how many faith story people.
 */
interface StoryMarks {
  first: number;
  childAt: number;
  place: boolean;
  telling: boolean;
  storyAt: number;
  figures: number;
}

/** The marks of token `index`'s sentence, found once a sentence (`cache`): a long post may be one sentence. */
function storyMarks(stream: TokenStream, index: number, cache: Map<number, StoryMarks>): StoryMarks {
  const { words } = stream;
  const sentences = sentenceIndex(stream);
  const sentence = sentences.sentenceOf[index] as number;
  let marks = cache.get(sentence);
  if (marks) return marks;
  let first = sentences.firsts[sentence] as number;
  if (sentence > 0 && /[:;]/.test(gapBefore(stream, first))) first = sentences.firsts[sentence - 1] as number;
  marks = { first, childAt: -1, place: false, telling: false, storyAt: Infinity, figures: 0 };
  for (let at = first; at <= (sentences.lasts[sentence] as number); at += 1) {
    const word = wordAt(stream, at) ?? '';
    // "in our retelling" tells the story; "our class", "our model" say a child.
    if (words.childWorkWords.has(word) && !words.storyWords.has(wordAt(stream, at + 1) ?? '')) marks.childAt = at;
    marks.place ||= words.storyPlaces.has(word);
    marks.telling ||= words.faithStoryWords.has(word) || (word === 're' && stream.tokens[at]?.allCaps === true);
    if (words.storyWords.has(word)) marks.storyAt = Math.min(marks.storyAt, at);
    if (words.faithFigures.has(word)) marks.figures += 1;
  }
  cache.set(sentence, marks);
  return marks;
}

/**
 * "In RE, Noah built an enormous ark", "Our Diwali story: Rama rescued Sita", "In our story, Jack
 * climbed the beanstalk", "In Narnia, Lucy stepped through the wardrobe": a story's person where its
 * sentence, or the one before its colon or semicolon, tells the story — for a faith story's person
 * (faithFigures) a word of its telling, RE, or a story before two of its people; for anyone, a
 * place only stories have or an opening "In our story," — and nothing after the name in its
 * sentence says a child (childWorkWords: "us", "our class", a model, a part played, read to Year 2, today).
 * Returns the reason to give, or null.
 */
function storyTold(stream: TokenStream, index: number, cache: Map<number, StoryMarks>): StoryReason | null {
  const { words } = stream;
  const { first, childAt, place, telling, storyAt, figures } = storyMarks(stream, index, cache);
  if (childAt > index) return null;
  const faithFigure = words.faithFigures.has(wordAt(stream, index) ?? '');
  const reason: StoryReason = faithFigure ? 'name_reason_faith_story' : 'name_reason_story_told';
  // "In our story, Jack…", "In the story, Lucy…": an opening that names the story, before a comma.
  if (wordAt(stream, first) === 'in' && index - first <= 4 && /,/.test(gapBefore(stream, index))) {
    for (let at = first + 1; at < index; at += 1) if (words.storyWords.has(wordAt(stream, at) ?? '')) return reason;
  }
  // "Our Diwali story: Rama…" tells it; "Noah and Peter built a den in the story corner" does not.
  return place || (faithFigure && (telling || (storyAt < index && figures > 1))) ? reason : null;
}

/**
 * The partner of a story pair (storyPairs: "rama" → "sita") in the same sentence as token `index`,
 * as written there, or null. `sentenceWords` caches each sentence's word hashes.
 */
function storyPartnerInSentence(stream: TokenStream, index: number, storyPairs: ReadonlyMap<number, readonly number[]>, sentenceWords: Map<number, Map<number, number>>): string | null {
  const partners = storyPairs.get((stream.tokens[index] as WordToken).hash);
  if (!partners) return null;
  const sentences = sentenceIndex(stream);
  const sentence = sentences.sentenceOf[index] as number;
  let words = sentenceWords.get(sentence);
  if (!words) {
    words = new Map();
    for (let at = sentences.firsts[sentence] as number; at <= (sentences.lasts[sentence] as number); at += 1) words.set((stream.tokens[at] as WordToken).hash, at);
    sentenceWords.set(sentence, words);
  }
  for (const partner of partners) {
    const at = words.get(partner);
    if (at !== undefined && at !== index) return wordAt(stream, at) ?? null;
  }
  return null;
}

/**
 * Turns blocks into warnings for `candidates` in a story's or history's company (see above);
 * `names` are the stream's judged names, whose famous people ("Henry VIII") mark their sentences.
 * Runs before promoteListedNames: a name listed with a pupil who is blocked is blocked again.
 */
export function judgeFamousCompany(
  stream: TokenStream,
  candidates: Candidate[],
  names: readonly Candidate[],
  lookup: TokenLookup,
  storyPairs: ReadonlyMap<number, readonly number[]>,
  context: EvidenceContext,
): void {
  if (candidates.length === 0) return;
  const sentences = sentenceIndex(stream);
  // Sentences that name a king, a queen or a saint ("Henry VIII", "Queen Victoria", "St George").
  const aboutFigures = new Uint8Array(sentences.firsts.length);
  for (const name of names) if (name.figure) aboutFigures[sentences.sentenceOf[name.first] as number] = 1;
  for (let index = 0; index < stream.tokens.length; index += 1) if (lookup.inFamousFigure(index)) aboutFigures[sentences.sentenceOf[index] as number] = 1;

  const sentenceWords = new Map<number, Map<number, number>>();
  const storyMarksCache = new Map<number, StoryMarks>();
  for (const candidate of candidates) {
    if (candidate.severity === null || candidate.first !== candidate.last) continue;
    const partner = storyPartnerInSentence(stream, candidate.first, storyPairs, sentenceWords);
    // Blocked by being a name (or one letter from one) with nothing a person does after it: "Oliver
    // and Amelia led our St George's Day assembly" are pupils. A slip beside its story's partner
    // ("Juliet met Romeo" where a pupil is Julien) is two coincidences: the story, whatever it did.
    const slip = candidate.severity === 'block' && candidate.kind === 'misspelling';
    const nameOnly = candidate.severity === 'block' && (candidate.nameAlone === true || slip) && personEvidence(stream, candidate.first, candidate.last, context) === null;
    const aboutFigure = nameOnly && aboutFigures[sentences.sentenceOf[candidate.first] as number] === 1;
    const storyCompany = partner !== null && (nameOnly || slip || candidate.severity === 'warn');
    // What a person did decides for the child, except in a faith story told as one.
    const storyReason = candidate.severity === 'block' && candidate.kind === 'name' ? storyTold(stream, candidate.first, storyMarksCache) : null;
    if (!(aboutFigure || storyCompany || storyReason) || spokenOfAsAChild(stream, candidate, context)) continue;
    candidate.severity = 'warn';
    candidate.capitalisedGivenName = false;
    candidate.reason = storyReason ? messageText(storyReason) : partner !== null ? messageText('name_reason_story_pair', partner) : messageText('name_reason_history_sentence');
  }
}
