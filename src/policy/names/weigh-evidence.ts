/**
 * Decides whether a name found in the text is a pupil here, and how sure we are: names that are not
 * ordinary words are names anywhere; word-names ("Grace", "Will", "May") need evidence from their
 * context (evidence.ts asks the questions).
 */
import { MONTHS, SEASONS } from '../known-phrases';
import type { Severity } from '../types';
import {
  coordinatedToken,
  isAfterStaffTitle,
  isCalendarUse,
  isFollowedByClassWord,
  isInTitleCaseSentence,
  isMixedCase,
  isPossessive,
  isPossessiveBeforeCapital,
  isSayingGrace,
  isSchoolValue,
  praiseCueAfter,
  praiseCueBefore,
  startsSentence,
  wordAt,
  type TokenStream,
} from './evidence';
import type { VariantFound } from './find-candidates';

export type NameMatchKind = 'name' | 'misspelling';

/** A found name with its verdict: `severity` null when it is not a pupil's name here. */
export interface Candidate {
  first: number;
  last: number;
  severity: Severity | null;
  kind: NameMatchKind;
  reason: string;
  /** Not a child here for a reason a list cannot undo (staff, a class, the time of year, a value). */
  excused?: boolean;
  /** A given name written with a capital (or in capitals): two of them in a list are two children. */
  capitalisedGivenName?: boolean;
}

/** Decides whether a matched variant is a pupil's name here, and how sure we are. */
export function judge(stream: TokenStream, found: VariantFound): Candidate {
  const verdict = (severity: Severity | null, reason: string): Candidate => ({ first: found.first, last: found.last, severity, kind: 'name', reason });
  const excused = (reason: string): Candidate => ({ ...verdict(null, reason), excused: true });
  const tokens = stream.tokens.slice(found.first, found.last + 1);
  const capitalised = tokens.every((token) => token.capitalised);
  // Capitals for emphasis in a text that has lower case ("We saw GRACE"): evidence, but weaker.
  const inCapitals = !capitalised && tokens.every((token) => token.allCaps) && isMixedCase(stream);
  const fullName = found.fullName || tokens.length > 1;

  // A staff title: a surname after it is a member of staff ("Mrs King"); a full name is a child
  // ("Mrs Ada Nowak" still names Ada); a first name may be either ("Miss Holly"): look at it.
  if (isAfterStaffTitle(stream, found.first)) {
    if (!found.fullName && found.tokens.every((token) => token.surname)) return excused('a member of staff');
    if (fullName) return verdict('block', 'a full name, after a staff title');
    if (found.tokens.some((token) => !token.ordinaryWord && !token.className)) return verdict('block', 'not an ordinary word');
    return verdict('warn', 'a first name after a staff title');
  }
  const className = found.tokens.length === 1 && found.tokens[0]?.className === true;
  if (className && isFollowedByClassWord(stream, found.last)) return excused('a class');
  if (found.tokens.some((token) => !token.ordinaryWord && !token.className)) return verdict('block', 'not an ordinary word');

  const cue = praiseCueBefore(stream, found.first) ?? praiseCueAfter(stream, found.last);
  if (cue) return verdict('block', `after “${cue}”`);
  if (isCalendarUse(stream, found.first, found.last)) return excused('the time of year');
  if (isSchoolValue(stream, found.first, found.last)) return excused('a school value');
  if (isSayingGrace(stream, found.first, found.last)) return excused('grace before a meal');
  if (found.possessive || isPossessive(stream, found.last)) {
    // "Brown's Farm", "the Hunter's Moon": a surname-word before a capitalised noun is more often a place or a title.
    if (!found.givenName && !found.possessive && isPossessiveBeforeCapital(stream, found.last)) return verdict('warn', 'a place or a title?');
    return verdict('block', 'a possessive');
  }

  if (fullName) {
    if (capitalised || inCapitals || stream.keywords) return verdict('block', 'a full name');
    return verdict('warn', 'a full name in lower case');
  }
  if (!capitalised) {
    if (inCapitals) return { ...verdict('warn', 'written in capitals'), capitalisedGivenName: found.givenName };
    // File names and keywords have no sentences: lower case says nothing there ("grace.jpg").
    return stream.keywords ? verdict('warn', 'in a file name or keywords') : verdict(null, 'an ordinary word in lower case');
  }
  const named = (severity: Severity, reason: string): Candidate => ({ ...verdict(severity, reason), capitalisedGivenName: found.givenName });
  // At a sentence start a capital says nothing, yet "Grace helped us tidy" is exactly how a child
  // gets named: a warning (staff look, and may go on), never a block ("Summer is here!").
  if (startsSentence(stream, found.first)) return named('warn', 'capitalised at the start of a sentence');
  if (className) return verdict('warn', 'a class name used on its own');
  if (isInTitleCaseSentence(stream, found.first, found.last)) return verdict('warn', 'capitalised in a headline');
  // A capitalised surname-word is more often a place or a title ("Green Park", "King Arthur").
  if (!found.givenName) return verdict('warn', 'a surname written with a capital');
  // "Summer" mid-sentence is as often the season as the child.
  const word = wordAt(stream, found.first) ?? '';
  if (MONTHS.has(word) || SEASONS.has(word)) return named('warn', 'a month or season?');
  return named('block', 'capitalised in the middle of a sentence');
}

/** A weak candidate in a list with a clear name is a name too ("Faith and Noor"); twice for chains. */
export function promoteListedNames(stream: TokenStream, candidates: Candidate[]): void {
  for (let round = 0; round < 2; round += 1) {
    for (const candidate of candidates) {
      if (candidate.severity === 'block' || candidate.excused) continue;
      const neighbours = [coordinatedToken(stream, candidate.last, 1), coordinatedToken(stream, candidate.first, -1)];
      const listed = (other: Candidate) => other !== candidate && neighbours.some((token) => token >= other.first && token <= other.last);
      // With a clear name, or two capitalised given names together ("Grace and Summer won").
      const listedWithName = candidates.some((other) => listed(other) && (other.severity === 'block' || (candidate.capitalisedGivenName === true && other.capitalisedGivenName === true && !other.excused)));
      if (listedWithName && !isCalendarUse(stream, candidate.first, candidate.last)) {
        candidate.severity = 'block';
        candidate.reason = 'listed with another pupil’s name';
      }
    }
  }
}
