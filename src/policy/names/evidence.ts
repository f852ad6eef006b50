/**
 * The context around a possible name, in small named questions the name matcher asks when a name is
 * also an ordinary word ("Will", "Grace", "May"): is it after a staff title, after praise, in a
 * list with another name, a possessive, the time of year, capitalised mid-sentence?
 */
import type { WordToken } from '../tokenise';
import type { NameWords } from './compile';
import { indexSentences, isLongWord, type SentenceIndex } from './sentences';

/** Word tokens over folded text: a draft, an alt text, a file name, or the parts of a CamelCase word. */
export interface TokenStream {
  text: string;
  /** What the words around a name mean (the snapshot's word lists). */
  words: NameWords;
  tokens: WordToken[];
  /** Where the text begins for this stream (after the class prefix): a sentence starts here. */
  origin: number;
  /** The parts of one CamelCase word: nothing between them, and no sentence structure. */
  camelCaseParts: boolean;
  /** A file name or metadata keywords: no sentences, so lower case says nothing ("grace.jpg"). */
  keywords?: boolean;
  /** Whether the text has lower-case words, so a word in capitals stands out ("We saw GRACE"); worked out when first asked. */
  mixedCase?: boolean;
  /** Where its sentences are; worked out when first asked (sentenceIndex). */
  sentences?: SentenceIndex;
}

export function wordAt(stream: TokenStream, index: number): string | undefined {
  const token = stream.tokens[index];
  return token && stream.text.slice(token.start, token.end);
}

/** The text between token `index - 1` (or the origin) and token `index`. */
export function gapBefore(stream: TokenStream, index: number): string {
  const token = stream.tokens[index];
  if (!token) return '';
  const previous = stream.tokens[index - 1];
  return stream.text.slice(previous ? previous.end : stream.origin, token.start);
}

/** The text between token `index` and the next one ('' at the end). */
function gapAfter(stream: TokenStream, index: number): string {
  return stream.tokens[index + 1] ? gapBefore(stream, index + 1) : '';
}

/**
 * Whether a gap ends a sentence, for capitalisation: . ! ? : ; brackets, quotes, a new line, a
 * spaced dash, an emoji or other symbol. A comma, "&" or a digit does not.
 */
export function breaksSentence(gap: string): boolean {
  if (/[.!?:;()[\]{}"«»\n\r|]|\s-|-\s/.test(gap)) return true;
  // Emoji and other symbols: anything outside ASCII that is not a space (gaps hold no letters).
  return /[^\p{ASCII}\s]/u.test(gap);
}

/** Whether two name parts are written as one name across this gap ("Mary Jane", "Mary-Jane", "O'Brien", "poppy_hughes"). */
export function joinsNameParts(gap: string): boolean {
  return /^(?:[\s'_-]{1,3}|\.)$/.test(gap) && !/\n.*\n/.test(gap);
}

/** breaksSentence of each one-character ASCII gap, by its code. */
const ASCII_GAP_BREAKS = Array.from({ length: 0x80 }, (_, unit) => breaksSentence(String.fromCharCode(unit)));

/**
 * breaksSentence of the gap before token `index`. Indexing sentences asks this of every token: the
 * common gap, one ASCII character (a space, a comma), is looked up by its code, without a substring.
 */
function breaksSentenceBefore(stream: TokenStream, index: number): boolean {
  const token = stream.tokens[index] as WordToken;
  const gapStart = index > 0 ? (stream.tokens[index - 1] as WordToken).end : stream.origin;
  const unit = stream.text.charCodeAt(gapStart);
  if (token.start - gapStart === 1 && unit < 0x80) return ASCII_GAP_BREAKS[unit] as boolean;
  return breaksSentence(gapBefore(stream, index));
}

/** The stream's sentences, indexed once (CamelCase parts are one sentence). */
export function sentenceIndex(stream: TokenStream): SentenceIndex {
  stream.sentences ??= indexSentences(stream.tokens, (index) => !stream.camelCaseParts && breaksSentenceBefore(stream, index));
  return stream.sentences;
}

export function startsSentence(stream: TokenStream, index: number): boolean {
  return sentenceIndex(stream).startsAt[index] === 1;
}

/**
 * "Mrs King", "Mr. Knight", "Miss Holly": the name straight after a staff title, on the same line
 * (only spaces, or a full stop and spaces, between). Whether that is a member of staff depends on
 * the name: a surname is, a first name may be, a full name is a child (weigh-evidence.ts decides).
 */
export function isAfterStaffTitle(stream: TokenStream, first: number): boolean {
  const title = wordAt(stream, first - 1);
  return title !== undefined && stream.words.staffTitles.has(title) && /^\.?[^\S\n\r]{1,2}$/.test(gapBefore(stream, first));
}

/** Whether the text has a lower-case word of two letters or more: then a word in capitals is emphasis. */
export function isMixedCase(stream: TokenStream): boolean {
  stream.mixedCase ??= stream.tokens.some((token) => token.end - token.start > 1 && !token.allCaps);
  return stream.mixedCase;
}

function wordsMatch(stream: TokenStream, from: number, words: string[]): boolean {
  return words.every((word, offset) => wordAt(stream, from + offset) === word);
}

/**
 * Praise or address before the name ("Well done Will", "Congratulations to Grace"): the cue, or
 * null. It reaches across one line break when it ends with "to" ("Star of the week goes to⏎Grace")
 * or a colon ("Star of the week:⏎Grace").
 */
export function praiseCueBefore(stream: TokenStream, first: number): string | null {
  const gap = gapBefore(stream, first);
  const afterColon = /^[^\S\n]*:[^\S\n]*(?:\n[^\S\n]*)?$/.test(gap);
  const acrossLine = /^[^\S\n]*\n[^\S\n]*$/.test(gap);
  if (/[.?:;\n]/.test(gap) && !afterColon && !acrossLine) return null;
  const cue = stream.words.cuesBeforeAName.find((words) => first >= words.length && wordsMatch(stream, first - words.length, words) && (!acrossLine || words[words.length - 1] === 'to'));
  return cue ? cue.join(' ') : null;
}

/** "Star of the week": a word-name that begins a phrase of praise is that phrase. */
export function startsPraiseCue(stream: TokenStream, first: number): boolean {
  const word = wordAt(stream, first);
  return stream.words.cuesBeforeAName.some((words) => words.length > 1 && words[0] === word && wordsMatch(stream, first, words));
}

/**
 * "well done Nooh", "lovely reading from Rubi", "Oak – Ayal, phonics": a word written as a name —
 * praised, or with a capital mid-sentence or before a comma, not in a headline, after an article or
 * as a place (`places`).
 */
export function isWrittenAsAName(stream: TokenStream, index: number, places: ReadonlySet<number>): boolean {
  if (praiseCueBefore(stream, index) !== null || praiseCueAfter(stream, index) !== null) return true;
  const token = stream.tokens[index] as WordToken;
  if (!token.capitalised || places.has(token.hash) || isAfterArticle(stream, index) || isInTitleCaseSentence(stream, index, index)) return false;
  return !startsSentence(stream, index) || /^[^\S\n]*,/.test(gapAfter(stream, index));
}

/** Praise after the name ("Grace, well done!", "Hope was star of the week"): the cue, or null. */
export function praiseCueAfter(stream: TokenStream, last: number): string | null {
  if (/[.?:;\n]/.test(gapAfter(stream, last))) return null;
  const cue = stream.words.cuesAfterAName.find((words) => wordsMatch(stream, last + 1, words));
  return cue ? cue.join(' ') : null;
}

/** Whether the gap is one to three spaces on one line: the words belong to one phrase. */
function isSpaceOnly(gap: string): boolean {
  return /^[^\S\n]{1,3}$/.test(gap);
}

/**
 * "the rose", "our robin", "a jay": a word-name after a determiner is the thing it names; in lower
 * case also with one lower-case word between ("our class teddy", "the little robin").
 */
export function isAfterDeterminer(stream: TokenStream, first: number): boolean {
  if (!isSpaceOnly(gapBefore(stream, first))) return false;
  if (stream.words.determiners.has(wordAt(stream, first - 1) ?? '')) return true;
  const between = stream.tokens[first - 1];
  return (
    stream.tokens[first]?.capitalised === false &&
    between !== undefined &&
    !between.capitalised &&
    !between.allCaps &&
    stream.words.determiners.has(wordAt(stream, first - 2) ?? '') &&
    isSpaceOnly(gapBefore(stream, first - 1))
  );
}

/** "the River…", "a Bear Hunt", "the river’s edge": straight after "the", "a" or "an". */
export function isAfterArticle(stream: TokenStream, first: number): boolean {
  return stream.words.articles.has(wordAt(stream, first - 1) ?? '') && isSpaceOnly(gapBefore(stream, first));
}

/** "the River Jordan", "a Bear Hunt", "the Rose Theatre": after an article and before a capitalised word, the name of a thing. */
export function isNameOfAThing(stream: TokenStream, first: number, last: number): boolean {
  const next = stream.tokens[last + 1];
  return isAfterArticle(stream, first) && next !== undefined && next.capitalised && next.end - next.start > 1 && isSpaceOnly(gapAfter(stream, last));
}

/** What follows a possible subject: a verb of the part-of-speech list, or only helpers ("has", "was"). */
export interface ActionAfter {
  /** The token index of the verb, or of the last helper when no verb follows. */
  index: number;
  verb: boolean;
}

/**
 * "grace read her story", "Ivy painted a picture", "Autumn has learnt…": the name is the bare
 * subject of a verb (from the snapshot's part-of-speech list), with at most two helpers between
 * ("has", "was", "also"); or null.
 */
export function actionAfter(stream: TokenStream, first: number, last: number, personVerbs: ReadonlySet<number>, didCounts = true): ActionAfter | null {
  if (isAfterDeterminer(stream, first)) return null;
  let helper = -1;
  for (let index = last + 1; index <= last + 3 && index < stream.tokens.length; index += 1) {
    if (!isSpaceOnly(gapBefore(stream, index))) break;
    if (personVerbs.has((stream.tokens[index] as WordToken).hash)) return { index, verb: true };
    if (!stream.words.helperVerbs.has(wordAt(stream, index) ?? '')) break;
    helper = index;
  }
  if (helper < 0) return null;
  // "Florance did a cartwheel", "Fred did his best": "did" before what was done is the verb itself.
  const after = wordAt(stream, helper + 1) ?? '';
  const done = didCounts && DID.has(wordAt(stream, helper) ?? '') && (stream.words.articles.has(after) || stream.words.personalPronouns.has(after)) && isSpaceOnly(gapBefore(stream, helper + 1));
  return { index: helper, verb: done };
}

/** Helpers that are a verb of their own before an object ("did a cartwheel"). */
const DID = new Set(['did', 'does']);

/** A personal pronoun later in the same sentence ("Autumn has learnt her number bonds"), within a few words. */
export function pronounAfter(stream: TokenStream, from: number, pronouns: ReadonlySet<string> = stream.words.personalPronouns): boolean {
  for (let index = from + 1; index <= from + 4 && index < stream.tokens.length; index += 1) {
    if (startsSentence(stream, index)) return false;
    if (pronouns.has(wordAt(stream, index) ?? '')) return true;
  }
  return false;
}

/** How many words after what a name did a pronoun may still refer back to it ("…awarded Star of the Week for her…"). */
const PRONOUN_REACH = 10;

/**
 * "Aspen has been awarded Star of the Week for her positive attitude", "Ruby was chosen - she…",
 * "Holly has been chosen as our rep. Congratulations to her!": she/he/her/his later in the sentence,
 * or opening the next one or after its praise, with no one between whom it could mean instead (a
 * person noun or a title: "Willow visited the farmer, who showed us his tractor"). "They" and
 * "their" are not asked: a class is "they".
 */
export function pronounReferringBack(stream: TokenStream, from: number): boolean {
  let nextSentence = false;
  for (let index = from + 1; index <= from + PRONOUN_REACH && index < stream.tokens.length; index += 1) {
    if (startsSentence(stream, index)) {
      if (nextSentence) return false;
      nextSentence = true;
    }
    const word = wordAt(stream, index) ?? '';
    if (stream.words.personalPronouns.has(word)) return !nextSentence || startsSentence(stream, index) || praiseCueBefore(stream, index) !== null;
    if (stream.words.personNouns.has(word) || stream.words.staffTitles.has(word) || stream.words.famousTitles.has(word)) return false;
  }
  return false;
}

/** Whether token `index` continues the phrase after token `from`: spaces between, or a hyphen inside it ("our eco-monitor"). */
function isInNounPhrase(stream: TokenStream, index: number, from: number): boolean {
  const gap = gapBefore(stream, index);
  return isSpaceOnly(gap) || (gap === '-' && index > from + 1);
}

/** How many words after a helper what a person is may come ("is our new school council rep"). */
const PERSON_NOUN_REACH = 5;

/**
 * "Mo was a brilliant team captain", "Rowan is our Headteacher's award winner": what a person is, a
 * few words after a helper ("was", "has been"), past whose a word is ("Headteacher's"), or who does a
 * verb ("Harry was our top scorer": agentNouns); the word, or null.
 */
export function personNounAfter(stream: TokenStream, helper: number, personVerbs: ReadonlySet<number>, classAward = false, pair = false): string | null {
  for (let index = helper + 1, words = 0; words < PERSON_NOUN_REACH && index < stream.tokens.length; index += 1) {
    if (isPossessive(stream, index - 1) && wordAt(stream, index) === 's') continue;
    const word = wordAt(stream, index) ?? '';
    // "rose and ivy were reading buddies", "were our eco monitors": two names are what persons are, in the plural (a plural is no verb after "were our").
    // Not whose a plural is ("our readers' favourite plants").
    const noun = pair && word.endsWith('s') ? (/^['’]/.test(gapAfter(stream, index)) ? '' : singularOf(word)) : word;
    // "was so kind helping a friend": the friend is whom a verb's done to, not what the name is.
    if (!isInNounPhrase(stream, index, helper) || (noun === word && personVerbs.has((stream.tokens[index] as WordToken).hash))) return null;
    words += 1;
    // A class is our top scorer in house points as often as a child (`classAward`: a name a class shares).
    if (stream.words.agentNouns.has(word) && !classAward && isAgentReported(stream, helper, index) && !isPossessive(stream, index)) return word;
    // "the winner class" is a class; "were the wives of King Henry", history's people.
    if (stream.words.personNouns.has(noun) && !isPossessive(stream, index)) return stream.words.classWords.has(wordAt(stream, index + 1) ?? '') || stream.words.figureNouns.has(word) || isAfterClassAward(stream, index, classAward) ? null : word;
  }
  return null;
}

/** "buddies" → buddy, "monitors" → monitor. */
function singularOf(plural: string): string {
  return plural.endsWith('ies') ? `${plural.slice(0, -3)}y` : plural.slice(0, -1);
}

/**
 * "Harry was our top scorer at tag rugby": a doer's "-er" noun is a person only as what a name was
 * (plants climb and grow: "Ivy is a climber", "ivy was the best climber"), after "our", ending its
 * phrase ("Hazel is a good container plant"), not owning ("the keeper's daughter").
 */
function isAgentReported(stream: TokenStream, helper: number, noun: number): boolean {
  const next = wordAt(stream, noun + 1);
  const ends = next === undefined || !isSpaceOnly(gapAfter(stream, noun)) || stream.words.phraseEndWords.has(next);
  return ends && PAST_COPULAS.has(wordAt(stream, helper) ?? '') && wordAt(stream, helper + 1) === 'our';
}
const PAST_COPULAS = new Set(['was', 'been']);

/** "our attendance winner": with `classAward` (a name a class shares), what a class wins as often as a child says nothing. */
function isAfterClassAward(stream: TokenStream, noun: number, classAward: boolean): boolean {
  return classAward && stream.words.classAwardWords.has(wordAt(stream, noun - 1) ?? '');
}

/**
 * "Jay was so kind", "Flo was brilliant", "Juniper is always so polite": what a person is, after
 * the helper and up to two words such as "so" or "really"; the word, or null. `praise`: how someone
 * did counts too ("brilliant"), which a month, a season or a class may also be.
 */
export function personAdjectiveAfter(stream: TokenStream, helper: number, praise: boolean): string | null {
  for (let index = helper + 1; index <= helper + 3 && index < stream.tokens.length; index += 1) {
    if (!isSpaceOnly(gapBefore(stream, index))) return null;
    const word = wordAt(stream, index) ?? '';
    if (stream.words.personAdjectives.has(word) || (praise && stream.words.praiseAdjectives.has(word))) return word;
    if (!stream.words.intensifiers.has(word)) return null;
  }
  return null;
}

/**
 * "Our reading ambassador this term is robin", "The new lunchtime monitor is Frank": the name is
 * what a person noun a few words back in its sentence "is" or "was", with no verb between ("the
 * teacher said the answer is ruby" is a gem); the noun, or null.
 */
export function roleBefore(stream: TokenStream, first: number, personVerbs: ReadonlySet<number>, classAward: boolean): string | null {
  const copula = wordAt(stream, first - 1);
  if ((copula !== 'is' && copula !== 'was') || !isSpaceOnly(gapBefore(stream, first))) return null;
  // "The winner of the attendance cup is Rowan": what classes win, after the noun or before it.
  let award = false;
  for (let index = first - 2; index >= 0 && index >= first - 6 && isSpaceOnly(gapBefore(stream, index + 1)) && !personVerbs.has((stream.tokens[index] as WordToken).hash); index -= 1) {
    const word = wordAt(stream, index) ?? '';
    award ||= classAward && stream.words.classAwardWords.has(word);
    if (stream.words.personNouns.has(word) && !isPossessive(stream, index)) return award || isAfterClassAward(stream, index, classAward) || stream.words.figureNouns.has(word) ? null : word;
  }
  return null;
}

/** "is", "was", "has" between a name and what it did or is: one subject, where a class "are" or "were". */
export function singularHelperBetween(stream: TokenStream, last: number, action: number): boolean {
  for (let index = last + 1; index <= action; index += 1) if (stream.words.singularHelpers.has(wordAt(stream, index) ?? '')) return true;
  return false;
}

/** "helped the younger children", "read to the younger children": a person as what someone did's object, within four words of the verb; the word, or null. */
export function personObjectAfter(stream: TokenStream, verb: number): string | null {
  for (let index = verb + 1; index <= verb + 4; index += 1) {
    if (!isInNounPhrase(stream, index, verb)) return null;
    const word = wordAt(stream, index) ?? '';
    if (stream.words.personNouns.has(word)) return word;
  }
  return null;
}

/**
 * "Holly from Holly Class", "Rose from Year 2": a child of a class or year group, written with its
 * capital; not "hope from Year 6" (a message of it), nor what a class owns ("ivy from Oak Class's fence").
 */
export function fromClassAfter(stream: TokenStream, first: number, last: number, classNames: ReadonlySet<string>): boolean {
  const word = wordAt(stream, last + 2) ?? '';
  // "from Oak's class" is a child of Oak; "from Oak's fence", "from Oak Class's fence" what Oak owns.
  const owned = (isPossessive(stream, last + 2) && !stream.words.classWords.has(wordAt(stream, last + 4) ?? '')) || (stream.words.classWords.has(wordAt(stream, last + 3) ?? '') && isPossessive(stream, last + 3));
  return stream.tokens[first]?.capitalised === true && wordAt(stream, last + 1) === 'from' && isSpaceOnly(gapAfter(stream, last)) && isSpaceOnly(gapAfter(stream, last + 1)) && (classNames.has(word) || stream.words.yearGroupWords.has(word)) && !owned;
}

/** "ivy and her partner made…", "robin and his little brother built…": "and her"/"and his" and a person straight after the name, whose that person is. */
export function pronounPartnerAfter(stream: TokenStream, first: number, last: number): string | null {
  const pronoun = coordinatedToken(stream, last, 1);
  const word = pronoun >= 0 ? wordAt(stream, pronoun) : undefined;
  if (word === undefined || !stream.words.personalPronouns.has(word) || isAfterDeterminer(stream, first)) return null;
  // "Mary, Queen of Scots and her time": whose "time" says nothing.
  // "Matlida and her group": a group or team of one's own is a person's too.
  const person = (index: number) => isSpaceOnly(gapBefore(stream, index)) && [stream.words.personNouns, stream.words.parentWords, stream.words.classWords].some((words) => words.has(wordAt(stream, index) ?? ''));
  return person(pronoun + 1) || (person(pronoun + 2) && isSpaceOnly(gapBefore(stream, pronoun + 1))) ? word : null;
}

/** "Jay beat his own record": the word straight after the name when "his own"/"her own" follows it, in one phrase; else -1. */
export function ownAfter(stream: TokenStream, last: number): number {
  const pronoun = last + 2;
  const word = wordAt(stream, pronoun) ?? '';
  const phrase = [last + 1, pronoun, pronoun + 1].every((index) => isSpaceOnly(gapBefore(stream, index)));
  return phrase && (word === 'his' || word === 'her') && wordAt(stream, pronoun + 1) === 'own' ? last + 1 : -1;
}

/** "Noah T.", "Ella R", "Kai B.": a capital initial straight after the name. "Hope I…", "May A…" are words. */
export function initialAfter(stream: TokenStream, last: number): boolean {
  const next = stream.tokens[last + 1];
  if (!next || next.end - next.start !== 1 || !next.capitalised || gapBefore(stream, last + 1) !== ' ') return false;
  const after = stream.text.slice(next.end, next.end + 1);
  if (after !== '' && !/[\s.,!:;)\p{So}]/u.test(after)) return false;
  const letter = wordAt(stream, last + 1);
  if (letter === 'i') return after === '.';
  // "Grace A has joined", "Sky A and Honey M": an "A" is an initial when a verb or another
  // capitalised name follows it, not in "May A…" prose.
  const following = wordAt(stream, last + 2) ?? '';
  const listed = stream.words.coordinatingWords.has(following) && stream.tokens[last + 3]?.capitalised === true;
  return letter !== 'a' || after === '.' || stream.words.helperVerbs.has(following) || listed;
}

/**
 * "We finished reading Matilda", "We sang Waltzing Matilda", "We watched Rosie and Jim": a title
 * after a word of reading (`words`), or of singing or watching, not read to someone ("read Ivy a story").
 */
export function isTitleAfter(stream: TokenStream, first: number, last: number, words: ReadonlySet<string> = stream.words.readingWords): boolean {
  return words.has(wordAt(stream, first - 1) ?? '') && isSpaceOnly(gapBefore(stream, first)) && !stream.words.determiners.has(wordAt(stream, last + 1) ?? '');
}

/** "we will read", "you may go": a word-name straight after a subject pronoun, in lower case, is a verb. */
export function isAfterSubjectPronoun(stream: TokenStream, first: number): boolean {
  return stream.tokens[first]?.capitalised !== true && stream.words.subjectPronouns.has(wordAt(stream, first - 1) ?? '') && isSpaceOnly(gapBefore(stream, first));
}

/** How many words a quoted title may hold ("'Winnie and Wilbur'", "'The Owl Who Was Afraid of the Dark'"). */
const QUOTED_TITLE_WORDS = 8;
/** A gap ending in an opening quote: after a space, a bracket or a colon, or at the text's start. */
const OPENING_QUOTE = /(?:^|[\s([:])['"“«]$/;
/** A gap starting with a closing quote: then a space, punctuation or the end. */
const CLOSING_QUOTE = /^['"”»](?:$|[\s.,!?;:)\]])/;
/** Small words a title leaves in lower case ("Winnie and Wilbur", "The Owl Who Was Afraid of the Dark"). */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from']);

/** Quoted words around a name: where the quote opens and closes (token indexes), or null. */
interface Quoted {
  first: number;
  last: number;
}

/**
 * "We watched 'Mamma Mia'", "film club showed 'Luca'": the quote the name is in, on one line, up
 * to eight words, with no sentence's end inside ("'Well done Amelia!' said the judge" is speech),
 * or null. An apostrophe inside a word or before "s" is no quote ("Amelia's", "don't").
 */
function quoteAround(stream: TokenStream, first: number, last: number): Quoted | null {
  let open = first;
  while (!(OPENING_QUOTE.test(gapBefore(stream, open)) && (open === 0 || gapBefore(stream, open) !== "'"))) {
    open -= 1;
    if (open < 0 || first - open >= QUOTED_TITLE_WORDS || endsQuoteOrSentence(gapAfter(stream, open))) return null;
  }
  let close = last;
  for (;;) {
    const gap = gapAfter(stream, close);
    if (CLOSING_QUOTE.test(gap) && !(gap === "'" && stream.tokens[close + 1] !== undefined)) break;
    if (close + 1 >= stream.tokens.length || close - open + 1 >= QUOTED_TITLE_WORDS || endsQuoteOrSentence(gap)) return null;
    close += 1;
  }
  return { first: open, last: close };
}

/** Whether a gap inside a quote ends it or a sentence; an apostrophe alone joins a word ("Tom's", "don't"). */
function endsQuoteOrSentence(gap: string): boolean {
  return gap !== "'" && /[.!?\n'"“”«»]/.test(gap);
}

/** Whether the quoted words are written as a title: the first with a capital, each with one or a title's small word. */
function isTitleCased(stream: TokenStream, quoted: Quoted): boolean {
  for (let index = quoted.first; index <= quoted.last; index += 1) {
    const token = stream.tokens[index] as WordToken;
    // The "s" of a possessive ("'Ruby's Worry'") is no word of the title.
    if (!token.capitalised && !token.allCaps && !isPossessive(stream, index - 1) && (index === quoted.first || !TITLE_SMALL_WORDS.has(wordAt(stream, index) ?? ''))) return false;
  }
  return true;
}

/**
 * "We watched 'Mamma Mia'", "our book 'Amelia Fang'", "'Ruby's Worry' by Tom Percival": a quoted
 * title of two words or more, title-cased, holding the name, after a word of reading, watching or
 * a title (titleFrameWords) or before its author. Not said ("'Go Team Amelia' said the judge"), not
 * praised ("Well done 'Amelia and Kai'"), not followed by what a person does or a pronoun ("We
 * watched 'Amelia' perform her solo"); without such a word it may be a child's ("'Team Amelia'
 * won", "'Amelia's Big Day' was a success"). Only the name quoted is no title ("We watched 'Kai' at
 * the match"), nor a title holding a second pupil's given name.
 */
export function isQuotedTitle(
  stream: TokenStream,
  first: number,
  last: number,
  { personVerbs, classNames, isNamePart, isGivenName }: { personVerbs: ReadonlySet<number>; classNames: ReadonlySet<string>; isNamePart(index: number): boolean; isGivenName(index: number): boolean },
): boolean {
  const quoted = quoteAround(stream, first, last);
  if (!quoted || (quoted.first === first && quoted.last === last)) return false;
  // "We read 'Amelia's Big Day'" may be her own story: a possessive opening the quote needs its author.
  const author = authorAfter(stream, quoted.last, classNames, isNamePart);
  if (!author && (!stream.words.titleFrameWords.has(wordAt(stream, quoted.first - 1) ?? '') || (quoted.first === first && isPossessive(stream, last)))) return false;
  const next = stream.tokens[quoted.last + 1];
  if (stream.words.sayingVerbs.has(wordAt(stream, quoted.last + 1) ?? '') || (next !== undefined && personVerbs.has(next.hash)) || pronounReferringBack(stream, quoted.last) || praiseCueBefore(stream, quoted.first) !== null) return false;
  // "Our film 'Kai and Amelia Go Camping'": two pupils' given names in a title may be the children who made it ("Wilbur" is only a short form).
  for (let index = quoted.first; index <= quoted.last && isGivenName(first); index += 1) if ((index < first || index > last) && isGivenName(index)) return false;
  return isTitleCased(stream, quoted);
}

/**
 * "… by Tom Percival", "… by Julia Donaldson": "by" and an author's two capitalised names after
 * token `index`, in one phrase; not a member of staff, a class or a year group ("by Mrs Jones",
 * "by Ash Class", "by Year 3" made it, and may have made it about a child), nor two names of the
 * roster ("by Ava Brown" may be a child's own work).
 */
function authorAfter(stream: TokenStream, index: number, classNames: ReadonlySet<string>, isNamePart: (index: number) => boolean): boolean {
  const forename = wordAt(stream, index + 2) ?? '';
  return (
    wordAt(stream, index + 1) === 'by' &&
    stream.tokens[index + 2]?.capitalised === true &&
    stream.tokens[index + 3]?.capitalised === true &&
    /^[^\S\n]$/.test(gapBefore(stream, index + 2)) &&
    /^[^\S\n]$/.test(gapBefore(stream, index + 3)) &&
    !(isNamePart(index + 2) && isNamePart(index + 3)) &&
    ![stream.words.staffTitles, stream.words.classWords, stream.words.yearGroupWords, classNames].some((words) => words.has(forename) || words.has(wordAt(stream, index + 3) ?? ''))
  );
}

/** "Matilda by Roald Dahl": a book's title, by its author (a capitalised name after "by"). */
export function byAuthorAfter(stream: TokenStream, last: number): boolean {
  return wordAt(stream, last + 1) === 'by' && isSpaceOnly(gapAfter(stream, last)) && stream.tokens[last + 2]?.capitalised === true && isSpaceOnly(gapAfter(stream, last + 1));
}


/** "Jude (Year 5)", "Kai (Y6)", "Ivy (Oak)": a year group or class in brackets after the name. */
export function yearGroupInBracketsAfter(stream: TokenStream, last: number, classNames: ReadonlySet<string>): boolean {
  if (!/^[^\S\n]*\($/.test(gapAfter(stream, last))) return false;
  const word = wordAt(stream, last + 1) ?? '';
  return stream.words.yearGroupWords.has(word) || classNames.has(word);
}

/** "the Patel twins", "the Brown family": a surname before a family word. */
export function familyWordAfter(stream: TokenStream, last: number): boolean {
  return stream.words.familyWords.has(wordAt(stream, last + 1) ?? '') && isSpaceOnly(gapAfter(stream, last));
}

/**
 * "Mrs Okafor (Chidi’s mum)", "Mr Bishop, one of our parents", "our parent helper Mr Knight": a
 * title and a surname described as a parent, in brackets or after a comma up to the next
 * punctuation, or just before the title. A parent's surname is their child's. A parent elsewhere
 * in the sentence is not enough: staff thank, meet and invite parents every day ("Mrs Hunter
 * thanked all the parents").
 */
export function parentDescribed(stream: TokenStream, first: number, last: number): boolean {
  return describedAs(stream, first, last, stream.words.parentWords);
}

/**
 * "Mrs Patel, our SENCo", "Miss Green (our TA)", "our headteacher Mr Bell", "Mrs Clarke's Year 2
 * class": a title and a surname described as staff, as parentDescribed finds a parent, or owning a
 * class. Without it a title and a pupil's surname may be the pupil's parent.
 */
export function staffDescribed(stream: TokenStream, first: number, last: number): boolean {
  if (describedAs(stream, first, last, stream.words.staffRoles)) return true;
  // "Mr Fox our site manager", "Mrs King, our head": "our" and a role the school's (not "a bank manager", "head of the PTA").
  if (wordAt(stream, last + 1) === 'our' && /^[^\S\n]*[(,–-]?[^\S\n]*$/.test(gapAfter(stream, last))) {
    for (let index = last + 2; index <= last + 4 && index < stream.tokens.length && isSpaceOnly(gapBefore(stream, index)); index += 1) {
      const word = wordAt(stream, index) ?? '';
      if (stream.words.staffRoles.has(word) || stream.words.ourStaffRoles.has(word)) return true;
    }
  }
  if (!isPossessive(stream, last)) return false;
  // "Mr King's class", "Mrs Clarke's Year 2 class": up to three words on, within the phrase.
  for (let index = last + 2; index <= last + 4 && index < stream.tokens.length && isSpaceOnly(gapBefore(stream, index)); index += 1) {
    const word = wordAt(stream, index) ?? '';
    if (stream.words.classWords.has(word) || stream.words.yearGroupWords.has(word)) return true;
  }
  return false;
}

/** How far a description after a comma or bracket is read: a long post of one phrase would otherwise be read again for each title in it. */
const DESCRIPTION_WORDS = 8;

/** A word of `words` up to three words before the title, or in brackets or after a comma after the name, up to the next punctuation (or eight words). */
function describedAs(stream: TokenStream, first: number, last: number, words: ReadonlySet<string>): boolean {
  // Up to three words before the title ("our parent volunteer Mrs Bell"), none across punctuation (none before the first word).
  for (let index = first - 2; index >= first - 4 && isSpaceOnly(gapAfter(stream, index)); index -= 1) {
    if (words.has(wordAt(stream, index) ?? '')) return true;
  }
  if (!/^[^\S\n]*[(,–-][^\S\n]*$/.test(gapAfter(stream, last))) return false;
  for (let index = last + 1; index <= last + DESCRIPTION_WORDS && index < stream.tokens.length && !(index > last + 1 && /[),.!?;:\n]/.test(gapBefore(stream, index))); index += 1) {
    if (words.has(wordAt(stream, index) ?? '')) return true;
  }
  return false;
}

/**
 * "live in Florence", "a trip to India", "the city of Paris", "the River Jordan", "Florence in
 * Italy", "Sydney, Australia": a name that is a place (`places`: hashes of place names), where the
 * sentence shows a place. Not as a possessive, nor with a pronoun after it ("visited Florence and
 * her mum"). The words that showed it, or null.
 */
export function placeContext(stream: TokenStream, first: number, last: number, places: ReadonlySet<number>): string | null {
  const token = stream.tokens[first];
  if (first !== last || token === undefined || !places.has(token.hash) || isPossessive(stream, last) || pronounAfter(stream, last)) return null;
  const name = wordAt(stream, first) ?? '';
  const before = wordAt(stream, first - 1);
  if (before !== undefined && isSpaceOnly(gapBefore(stream, first))) {
    const twoBefore = isSpaceOnly(gapBefore(stream, first - 1)) ? wordAt(stream, first - 2) : undefined;
    if (stream.words.placeWordsBefore.has(before)) return `${before} ${name}`;
    if ((before === 'to' || before === 'from') && twoBefore !== undefined && stream.words.travelWords.has(twoBefore)) return `${twoBefore} ${before} ${name}`;
    if (before === 'of' && twoBefore !== undefined && stream.words.placeNouns.has(twoBefore)) return `${twoBefore} of ${name}`;
    if (stream.words.geographyWords.has(before) && stream.tokens[first - 1]?.capitalised === true) return `${before} ${name}`;
  }
  const next = stream.tokens[last + 1];
  if (next === undefined) return null;
  if (next.capitalised && /^,[^\S\n]?$/.test(gapAfter(stream, last)) && places.has(next.hash)) return `${name}, ${wordAt(stream, last + 1)}`;
  const afterIn = stream.tokens[last + 2];
  if (wordAt(stream, last + 1) === 'in' && isSpaceOnly(gapAfter(stream, last)) && afterIn?.capitalised === true && places.has(afterIn.hash) && isSpaceOnly(gapAfter(stream, last + 1))) {
    return `${name} in ${wordAt(stream, last + 2)}`;
  }
  return null;
}


/** How many names a list of places is walked for, each way ("Florence, Milan and Rome"): a long post's list is not walked again for each name in it. */
const PLACE_LIST_REACH = 6;
/** Words after a word of geography that keep it one ("the map of Italy", "further north than Rome", "the weather in Milan"). */
const MAP_WORD_FOLLOWERS = new Set(['of', 'than', 'in', 'and', 'or', 'from', 'to', 'on']);
/** How many words either side of a list of places are read for a person or praise. */
const PLACE_LIST_SENTENCE_REACH = 12;

/**
 * "Is Milan or Rome further north?", "We found Florence, Milan and Rome on the map": a place's name
 * in a list of capitalised places only, one of which is no name on the roster, in a sentence of
 * geography (a map, a compass point, a city: mapWords) is the place. Not
 * with a possessive, a pronoun after, what a person does after the list, praise or a person in
 * the sentence, a year group or class after it ("Milan and Theo won", "Milan and Rome, thank you",
 * "our captains Milan and Rome", "Milan and Rome are in Year 3").
 * The token of the list's last name (whose verb the caller asks about), or -1.
 */
export function listedWithPlace(stream: TokenStream, first: number, last: number, places: ReadonlySet<number>, classNames: ReadonlySet<string>, isNamePart: (index: number) => boolean): number {
  if (first !== last) return -1;
  let start = first;
  let end = first;
  let other = false;
  for (const direction of [1, -1] as const) {
    for (let index = first, steps = 0; steps < PLACE_LIST_REACH; steps += 1) {
      index = coordinatedToken(stream, index, direction);
      if (index < 0) break;
      const token = stream.tokens[index] as WordToken;
      // "Which is further south, Milan or Rome?": a lower-case word ends the list; a capitalised one that is no place is a name.
      if (!token.capitalised) break;
      if (!places.has(token.hash)) return -1;
      other ||= !isNamePart(index);
      if (direction === 1) end = index;
      else start = index;
    }
  }
  if (!other || isPossessive(stream, end) || pronounAfter(stream, end) || pronounReferringBack(stream, end)) return -1;
  const sentences = sentenceIndex(stream);
  const sentence = sentences.sentenceOf[first] as number;
  const from = Math.max(sentences.firsts[sentence] as number, start - PLACE_LIST_SENTENCE_REACH);
  const to = Math.min(sentences.lasts[sentence] as number, end + PLACE_LIST_SENTENCE_REACH);
  let map = false;
  for (let index = from; index <= to; index += 1) {
    const word = wordAt(stream, index) ?? '';
    // "on the map.", "further north?", "the map of Italy"; not "the map club", "further ahead".
    map ||= stream.words.mapWords.has(word) && (breaksSentence(gapAfter(stream, index)) || /,/.test(gapAfter(stream, index)) || index + 1 >= stream.tokens.length || MAP_WORD_FOLLOWERS.has(wordAt(stream, index + 1) ?? '') || stream.words.mapWords.has(wordAt(stream, index + 1) ?? ''));
    // "Our map monitors are Milan and Rome": a person noun, or its plural.
    if (stream.words.personNouns.has(word) || stream.words.personNouns.has(word.slice(0, -1)) || praiseCueBefore(stream, index) !== null || praiseCueAfter(stream, index) !== null) return -1;
    // "Milan and Rome are in Year 3": a year group or a class after the list says children.
    if (index > end && (stream.words.yearGroupWords.has(word) || classNames.has(word))) return -1;
  }
  return map ? end : -1;
}

/**
 * "Henry's second wife", "Noah's three sons", "the wives of Henry", "the reign of Victoria": the
 * name owns what a king or a story's hero has and a child does not (figureNouns). The word, or null.
 * `possessive`: matched through "Henrys" (the token itself is the possessive).
 */
export function figureNounWith(stream: TokenStream, first: number, last: number, possessive: boolean): string | null {
  const after = possessive ? last + 1 : isPossessive(stream, last) ? last + 2 : -1;
  // Up to two words between: "second", "six unlucky".
  for (let index = after; after >= 0 && index <= after + 2 && index < stream.tokens.length; index += 1) {
    if (!isSpaceOnly(gapBefore(stream, index))) break;
    const word = wordAt(stream, index) ?? '';
    if (stream.words.figureNouns.has(word)) return word;
  }
  const noun = wordAt(stream, first - 2);
  if (wordAt(stream, first - 1) === 'of' && noun !== undefined && stream.words.figureNouns.has(noun) && isSpaceOnly(gapBefore(stream, first)) && isSpaceOnly(gapBefore(stream, first - 1))) return noun;
  return null;
}

/** "King Arthur", "St George", "Prophet Muhammad", "Captain Tom": a title of a famous or story person before the name. */
export function isAfterFamousTitle(stream: TokenStream, first: number): boolean {
  return stream.words.famousTitles.has(wordAt(stream, first - 1) ?? '') && /^\.?[^\S\n]{1,2}$/.test(gapBefore(stream, first));
}

/** A regnal number in folded text ("viii", "ii"): Roman numerals of two letters or more. */
export const REGNAL_NUMBER = /^(?=[ivx]{2,}$)x{0,3}(?:ix|iv|v?i{0,3})$/;

/** "Henry VIII", "Elizabeth II", "George VI": a regnal number after the name, in capitals. */
export function regnalNumberAfter(stream: TokenStream, last: number): boolean {
  const next = stream.tokens[last + 1];
  return next !== undefined && next.allCaps && isSpaceOnly(gapAfter(stream, last)) && REGNAL_NUMBER.test(wordAt(stream, last + 1) ?? '');
}

/** "the story of Noah", "learning about Rosa Parks", "dressed as Robin", "Ivy played Mary": a story's or a play's person. */
export function storyFrameBefore(stream: TokenStream, first: number): string | null {
  if (!isSpaceOnly(gapBefore(stream, first))) return null;
  const frame = stream.words.storyFrames.find((words) => first >= words.length && wordsMatch(stream, first - words.length, words) && words.every((_, offset) => offset === 0 || isSpaceOnly(gapBefore(stream, first - words.length + offset))));
  return frame ? frame.join(' ') : null;
}

/**
 * "Charles Darwin" where the pupil is Charles Okoro: the next word is written like a surname (a
 * capital, same phrase) and is no name part of the roster. Returns that token's index, or -1.
 */
export function otherSurnameAfter(stream: TokenStream, last: number, isNamePart: (index: number) => boolean, personVerbs: ReadonlySet<number>, classNames: ReadonlySet<string>): number {
  const next = stream.tokens[last + 1];
  if (!next?.capitalised || next.end - next.start < 2 || !/^[^\S\n]$/.test(gapAfter(stream, last)) || isNamePart(last + 1)) return -1;
  const word = wordAt(stream, last + 1) ?? '';
  // A family word is no surname: "the Patel Family" names the pupil's family (familyWordAfter).
  if (personVerbs.has(next.hash) || stream.words.classWords.has(word) || stream.words.yearGroupWords.has(word) || classNames.has(word) || stream.words.helperVerbs.has(word) || stream.words.coordinatingWords.has(word) || stream.words.familyWords.has(word)) return -1;
  return last + 1;
}

/** "Grace's" (the "s" after an apostrophe is its own token). */
export function isPossessive(stream: TokenStream, last: number): boolean {
  return gapAfter(stream, last) === "'" && wordAt(stream, last + 1) === 's';
}

/** "Brown's Farm", "the Hunter's Moon", "King's Coronation": a possessive before a capitalised word, more often a place or a title. */
export function isPossessiveBeforeCapital(stream: TokenStream, last: number): boolean {
  return isPossessive(stream, last) && stream.tokens[last + 2]?.capitalised === true && /^[^\S\n]{1,2}$/.test(gapAfter(stream, last + 1));
}

/** "Our value is Hope", "Christian values: Hope, Faith and Love": a school value, not a child. */
export function isSchoolValue(stream: TokenStream, first: number, last: number): boolean {
  // A value cue earlier in the sentence (a colon does not end it), a few words back at most.
  for (let index = first - 1; index >= 0 && first - index <= 8; index -= 1) {
    if (/[.!?\n]/.test(gapBefore(stream, index + 1))) break;
    if (stream.words.valueCues.has(wordAt(stream, index) ?? '')) return true;
  }
  // Listed with a value that is no name ("Hope, Faith and Love").
  for (const direction of [1, -1] as const) {
    let index = direction === 1 ? last : first;
    for (let steps = 0; steps < 6; steps += 1) {
      index = coordinatedToken(stream, index, direction);
      if (index < 0) break;
      if (stream.words.valueWords.has(wordAt(stream, index) ?? '')) return true;
    }
  }
  return false;
}

/** "We said grace", "time to say Grace" — but not quoted speech ("'Yes,' said Grace"). */
export function isSayingGrace(stream: TokenStream, first: number, last: number): boolean {
  if (first !== last || wordAt(stream, first) !== 'grace' || !stream.words.sayingVerbs.has(wordAt(stream, first - 1) ?? '')) return false;
  return /^[^\S\n]{1,2}$/.test(gapBefore(stream, first)) && !/["“”'‘’,]/.test(gapBefore(stream, first - 1));
}

/** "In May", "this Summer", "May 5th", "Summer term": the time of year, not a child. */
export function isCalendarUse(stream: TokenStream, first: number, last: number): boolean {
  const word = wordAt(stream, first);
  if (first !== last || word === undefined || !(stream.words.months.has(word) || stream.words.seasons.has(word))) return false;
  const before = gapBefore(stream, first);
  const after = gapAfter(stream, last);
  if (/\d\s*$/.test(before) || /^\s*\d/.test(after)) return true;
  const previous = wordAt(stream, first - 1);
  if (previous !== undefined && stream.words.calendarWordsBefore.has(previous) && !breaksSentence(before)) return true;
  // "Enjoy your Summer", "have a lovely Summer", "a wonderful, restful Summer".
  let back = first - 1;
  while (back >= 0 && first - back <= 2 && stream.words.holidayAdjectives.has(wordAt(stream, back) ?? '') && !startsSentence(stream, back + 1)) back -= 1;
  const determiner = wordAt(stream, back);
  if (determiner !== undefined && stream.words.holidayDeterminers.has(determiner) && !startsSentence(stream, back + 1)) return true;
  const next = wordAt(stream, last + 1);
  return next !== undefined && stream.words.calendarWordsAfter.has(next) && joinsNameParts(after);
}

/**
 * A headline Written Like This: capitals there say nothing about names. True when most longer
 * words of the sentence, apart from the candidate, start with a capital.
 */
export function isInTitleCaseSentence(stream: TokenStream, first: number, last: number): boolean {
  const sentences = sentenceIndex(stream);
  let words = 0;
  let capitalised = 0;
  // The sentence (or sentences: "Ad⏎a") the candidate is in, less the candidate's own words.
  for (let sentence = sentences.sentenceOf[first] as number; sentence <= (sentences.sentenceOf[last] as number); sentence += 1) {
    words += sentences.longWords[sentence] as number;
    capitalised += sentences.capitalisedLongWords[sentence] as number;
  }
  for (let index = first; index <= last; index += 1) {
    const token = stream.tokens[index] as WordToken;
    if (!isLongWord(token)) continue;
    words -= 1;
    if (token.capitalised) capitalised -= 1;
  }
  return words >= 3 && capitalised / words >= 0.75;
}

/** "Willow Class", "Oak team": the class, not a child. */
export function isFollowedByClassWord(stream: TokenStream, last: number): boolean {
  const next = wordAt(stream, last + 1);
  return next !== undefined && stream.words.classWords.has(next) && joinsNameParts(gapAfter(stream, last));
}

/** The plural class word a list of classes' names goes before ("Holly and Hazel classes"). */
const CLASSES = 'classes';
/** How many classes' names a list before "classes" is walked for. */
const CLASS_LIST_REACH = 6;

/**
 * "Thank you to Holly and Hazel classes": a class's name listed with other classes' names before
 * "classes" is a class. Only the plural: "Holly and Hazel class" may be a child and a class.
 */
export function isListedBeforeClasses(stream: TokenStream, last: number, classNames: ReadonlySet<string>): boolean {
  for (let index = last, steps = 0; steps < CLASS_LIST_REACH; steps += 1) {
    index = coordinatedToken(stream, index, 1);
    if (index < 0 || !classNames.has(wordAt(stream, index) ?? '')) return false;
    if (wordAt(stream, index + 1) === CLASSES && joinsNameParts(gapAfter(stream, index))) return true;
  }
  return false;
}

/** "Storm", capitalised, before a storm's name. */
const STORM = 'storm';

/**
 * "Storm Isha blew our fence down": a capitalised word straight after "Storm" (no article before
 * it: "the Storm" is a title or the weather) names a storm, so one letter from a pupil's name there
 * is no slip of it; unless "Storm" is itself a name on the roster, or "she"/"he" or praise follows
 * ("Storm Aisha read her poem"). A pupil's own name after "Storm" is judged as any name is (review s13).
 */
export function isNamedStorm(stream: TokenStream, first: number, isNamePart: (index: number) => boolean): boolean {
  const storm = stream.tokens[first - 1];
  return (
    storm?.capitalised === true &&
    stream.tokens[first]?.capitalised === true &&
    wordAt(stream, first - 1) === STORM &&
    gapBefore(stream, first) === ' ' &&
    !isNamePart(first - 1) &&
    !(stream.words.articles.has(wordAt(stream, first - 2) ?? '') && isSpaceOnly(gapBefore(stream, first - 1))) &&
    !pronounReferringBack(stream, first) &&
    praiseCueAfter(stream, first) === null
  );
}

/**
 * The token joined to this one in a list ("Summer and Hope", "Grace & Will", "Hope, Noor"), looking
 * after `index` (direction 1) or before it (direction -1); -1 when there is none.
 */
export function coordinatedToken(stream: TokenStream, index: number, direction: 1 | -1): number {
  const gap = direction === 1 ? gapAfter(stream, index) : gapBefore(stream, index);
  if (/^\s*[&,+/]\s*$/.test(gap)) return index + direction;
  const linker = wordAt(stream, index + direction);
  if (gap.trim() !== '' || linker === undefined || !stream.words.coordinatingWords.has(linker)) return -1;
  const next = direction === 1 ? gapAfter(stream, index + 1) : gapBefore(stream, index - 1);
  return next.trim() === '' && stream.tokens[index + 2 * direction] ? index + 2 * direction : -1;
}
