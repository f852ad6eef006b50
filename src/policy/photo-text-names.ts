/**
 * Names in a line of text read from a photo (OCR). A photo is not a sentence: a certificate's name
 * line, a peg label or a book cover carries a name with no context at all, in capitals or in
 * handwriting, and OCR gets a letter wrong now and then. So, besides the text matcher's own
 * findings, a line blocks when it is only a name (every word a pupil's name part, at most three),
 * when it holds a pupil's full name, or a pupil's forename followed by their surname's initial
 * ("Priya O."). Names of five letters or more are recognised one edit away (OCR noise).
 */
import { messageText, type MessageText } from './message-text';
import { findPupilNames, type NameMatch } from './names/find-pupil-names';
import { normaliseText, originalRange } from './normalise';
import type { CompiledPolicy } from './rule';
import { MISSPELLING_MIN_LENGTH } from './snapshot';
import { withinOneEdit } from './one-edit';
import { tokenise } from './tokenise';
import type { PhotoTextLine, ReadTextLine } from './types';

/** A label or a name line: more words than this are a sentence, where the text matcher decides. */
const NAME_LINE_MAX_WORDS = 3;

interface PupilNameParts {
  given: ReadonlySet<number>;
  surnames: ReadonlySet<number>;
  surnameInitials: ReadonlySet<string>;
}

interface LongToken {
  text: string;
  index: number;
  /** Ordinary words one edit away: read as themselves, never as OCR noise on the name. */
  nearbyWords: ReadonlySet<string>;
}

interface PhotoNameIndex {
  /** Folded name part → its token index. */
  tokenByText: Map<string, number>;
  /** Name parts long enough to be recognised one edit away, by length. */
  longTokensByLength: Map<number, LongToken[]>;
  pupils: PupilNameParts[];
  /** Token index → the pupils who have it as a given name. */
  pupilsByGiven: Map<number, number[]>;
  /** Results per line: the rule runs on every keystroke, a photo's lines do not change. */
  lines: Map<string, NameMatch[]>;
}

const GIVEN_KINDS = new Set(['forename', 'preferred', 'alias', 'forename-part']);
const SURNAME_KINDS = new Set(['surname', 'surname-part']);
const indexes = new WeakMap<CompiledPolicy, PhotoNameIndex>();

/**
 * The lines read from a photo, each with the names in it. Run where the photo is analysed (the
 * background, the CLI), so that the content script on every X page never carries this matcher.
 */
export function namePhotoLines(policy: CompiledPolicy, lines: readonly ReadTextLine[]): PhotoTextLine[] {
  return lines.map((line) => ({
    ...line,
    names: findNamesInPhotoText(policy, line.text).map(({ start, end, severity, reason }) => ({ start, end, severity, reason })),
  }));
}

function findNamesInPhotoText(policy: CompiledPolicy, line: string): NameMatch[] {
  const index = photoNameIndex(policy);
  let found = index.lines.get(line);
  if (!found) {
    found = matchLine(policy, index, line);
    index.lines.set(line, found);
  }
  return found;
}

function photoNameIndex(policy: CompiledPolicy): PhotoNameIndex {
  let index = indexes.get(policy);
  if (index) return index;
  const { nameTokens, pupils } = policy.snapshot;
  const tokenByText = new Map<string, number>();
  const longTokensByLength = new Map<number, LongToken[]>();
  nameTokens.forEach((token, tokenIndex) => {
    tokenByText.set(token.text, tokenIndex);
    if (token.text.length < MISSPELLING_MIN_LENGTH) return;
    const list = longTokensByLength.get(token.text.length) ?? [];
    list.push({ text: token.text, index: tokenIndex, nearbyWords: new Set(token.nearbyWords ?? []) });
    longTokensByLength.set(token.text.length, list);
  });
  const pupilsByGiven = new Map<number, number[]>();
  const parts = pupils.map((pupil, pupilIndex) => {
    const given = new Set<number>();
    const surnames = new Set<number>();
    for (const variant of pupil.variants) {
      const target = GIVEN_KINDS.has(variant.kind) ? given : SURNAME_KINDS.has(variant.kind) ? surnames : null;
      if (target && variant.tokens.length === 1) target.add(variant.tokens[0] as number);
    }
    for (const token of given) pupilsByGiven.set(token, [...(pupilsByGiven.get(token) ?? []), pupilIndex]);
    const surnameInitials = new Set([...surnames].map((token) => nameTokens[token]?.text.charAt(0) ?? ''));
    return { given, surnames, surnameInitials };
  });
  index = { tokenByText, longTokensByLength, pupils: parts, pupilsByGiven, lines: new Map() };
  indexes.set(policy, index);
  return index;
}

interface LineWord {
  start: number;
  end: number;
  text: string;
  /** Name parts this word is, exactly or one edit away; empty when none. */
  tokens: number[];
}

function matchLine(policy: CompiledPolicy, index: PhotoNameIndex, line: string): NameMatch[] {
  const normalised = normaliseText(line);
  const words: LineWord[] = tokenise(normalised).map((token) => {
    const text = normalised.text.slice(token.start, token.end);
    return { ...originalRange(normalised, token.start, token.end), text, tokens: nameTokensOf(index, text) };
  });
  // A short line has no sentence around it (a label, a caption): lower case says nothing there.
  const matches = findPupilNames(policy.names, normalised, { keywords: words.length <= NAME_LINE_MAX_WORDS });
  const strong: NameMatch[] = [];
  words.forEach((word, at) => {
    const next = words[at + 1];
    if (!next) return;
    for (const given of word.tokens) {
      for (const pupilIndex of index.pupilsByGiven.get(given) ?? []) {
        const pupil = index.pupils[pupilIndex] as PupilNameParts;
        if (next.tokens.some((token) => pupil.surnames.has(token))) {
          strong.push(blocking(word.start, next.end, messageText('name_reason_photo_full_name')));
          return;
        }
        if (next.text.length === 1 && pupil.surnameInitials.has(next.text)) {
          strong.push(blocking(word.start, next.end, messageText('name_reason_photo_forename_initial')));
          return;
        }
      }
    }
  });
  const nameWords = words.filter((word) => word.tokens.length > 0 || word.text.length === 1);
  if (strong.length === 0 && words.length > 0 && words.length <= NAME_LINE_MAX_WORDS && nameWords.length === words.length && words.some((word) => word.tokens.length > 0)) {
    strong.push(blocking((words[0] as LineWord).start, (words[words.length - 1] as LineWord).end, messageText('name_reason_photo_label_line')));
  }
  if (strong.length === 0) return matches;
  // The stronger reading replaces what the text matcher found inside the same words.
  const kept = matches.filter((match) => !strong.some((found) => match.start < found.end && found.start < match.end));
  return [...kept, ...strong].sort((a, b) => a.start - b.start);
}

function blocking(start: number, end: number, reason: MessageText): NameMatch {
  return { start, end, severity: 'block', kind: 'name', reason };
}

function nameTokensOf(index: PhotoNameIndex, word: string): number[] {
  const exact = index.tokenByText.get(word);
  if (exact !== undefined) return [exact];
  if (word.length < MISSPELLING_MIN_LENGTH) return [];
  const found: number[] = [];
  for (const length of [word.length - 1, word.length, word.length + 1]) {
    for (const token of index.longTokensByLength.get(length) ?? []) {
      if (!token.nearbyWords.has(word) && withinOneEdit(word, token.text)) found.push(token.index);
    }
  }
  return found;
}
