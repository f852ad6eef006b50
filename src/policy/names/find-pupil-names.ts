/**
 * Finds pupils' names in text, pass by pass: the roster's names token by token (find-candidates.ts)
 * judged by their context (weigh-evidence.ts), then the parts of CamelCase words ("WellDoneAda"),
 * names split up by spaces or symbols (split-names.ts) and misspellings of longer names
 * (misspellings.ts). Word boundaries come for free: "avalanche" is one token and never "ava".
 */
import { messageText, type MessageText } from '../message-text';
import { originalRange, type NormalisedText } from '../normalise';
import { camelCaseParts, tokenise, type WordToken } from '../tokenise';
import type { Severity } from '../types';
import type { CompiledNameToken, NameMatcher } from './compile';
import { MISSPELLING_MIN_LENGTH } from '../snapshot';
import { isAfterFamousTitle, isAfterStaffTitle, isNamedStorm, isPossessive, isWrittenAsAName, type TokenStream } from './evidence';
import { longestVariantAt, NOT_A_NAME, TokenLookup } from './find-candidates';
import { judgeFamousCompany } from './famous-company';
import { misspeltName } from './misspellings';
import { neverANameOfferTokens, withoutOverlappingOffers } from './never-a-name-offer';
import { findSplitNames } from './split-names';
import { judge, personEvidence, promoteListedNames, type Candidate, type EvidenceContext, type NameMatchKind } from './weigh-evidence';

export interface NameMatch {
  /** UTF-16 range in the original text. */
  start: number;
  end: number;
  severity: Severity;
  kind: NameMatchKind;
  /** Why it counts as a name, for the message ("it comes after “well done”"), by its key in _locales (`name_reason_*`). */
  reason: MessageText;
  /** UTF-16 range in the original text of the phrase the ICT lead may call never a name (see never-a-name-offer.ts). */
  offer?: { start: number; end: number };
}

export interface FindNamesOptions {
  /** Where to start in the folded text (after the class prefix, which is the class, not a name). */
  from?: number;
  /** A file name or metadata keywords: a name in lower case still counts ("grace.jpg"). */
  keywords?: boolean;
}

/** The pupils' names in a normalised text, with ranges in the original text. */
export function findPupilNames(matcher: NameMatcher, normalised: NormalisedText, options: FindNamesOptions = {}): NameMatch[] {
  const from = options.from ?? 0;
  const stream: TokenStream = { text: normalised.text, words: matcher.words, tokens: tokenise(normalised, from), origin: from, camelCaseParts: false, keywords: options.keywords === true };
  const lookup = new TokenLookup(matcher, stream);
  const candidates = matchStream(matcher, stream, lookup);

  const covered = new Uint8Array(stream.tokens.length);
  for (const candidate of candidates) covered.fill(1, candidate.first, candidate.last + 1);
  const results = candidates
    .filter((candidate) => candidate.severity !== null)
    .map((candidate) => withOffer(toMatch(stream, candidate, normalised), neverANameOfferTokens(matcher, stream, candidate), stream, normalised));

  stream.tokens.forEach((token, index) => {
    if (covered[index] || lookup.suppressed(index)) return;
    const parts = camelCaseParts(normalised, token);
    if (!parts) return;
    const partStream: TokenStream = { text: normalised.text, words: matcher.words, tokens: parts, origin: token.start, camelCaseParts: true };
    for (const candidate of matchStream(matcher, partStream, new TokenLookup(matcher, partStream))) {
      if (candidate.severity !== null) results.push(toMatch(partStream, candidate, normalised));
      covered[index] = 1;
    }
  });
  results.push(...findSplitNames(matcher, stream, normalised, covered, lookup));
  const context = evidenceContext(matcher, lookup);
  const misspelt: Candidate[] = [];
  stream.tokens.forEach((token, index) => {
    if (covered[index] || lookup.suppressed(index)) return;
    const name = misspeltName(matcher.misspellings, matcher.tokens, stream.text, token);
    if (!name || isAfterStaffTitle(stream, index) || isAfterFamousTitle(stream, index) || isNamedStorm(stream, index, context.isNamePart)) return;
    // "well done Nooh", "Oak – Ayal, phonics", "Nooh came first": a short name has many neighbours,
    // so a near miss of one is a look when written as a name or doing what a person does, never a block.
    if (name.text.length < MISSPELLING_MIN_LENGTH) {
      if (isWrittenAsAName(stream, index, context.places) || personEvidence(stream, index, index, context, false, true, false)) misspelt.push({ first: index, last: index, severity: 'warn', kind: 'misspelling', reason: messageText('name_reason_near_short_name') });
      return;
    }
    // "Sofai's design won", "Isacc helped tidy up": a slip of the keyboard in a sentence about a person.
    const evidence = isPossessive(stream, index) ? messageText('name_reason_possessive_short') : personEvidence(stream, index, index, context, false, true, false);
    misspelt.push(
      evidence
        ? { first: index, last: index, severity: 'block', kind: 'misspelling', reason: evidence }
        : { first: index, last: index, severity: 'warn', kind: 'misspelling', reason: messageText('name_reason_one_letter_off') },
    );
  });
  // "Juliet met Romeo": one letter from a pupil's name, and in a story's company.
  judgeFamousCompany(stream, misspelt, candidates, lookup, matcher.storyPairs, context);
  for (const candidate of misspelt) results.push(toMatch(stream, candidate, normalised));
  return withoutOverlappingOffers(results.sort((a, b) => a.start - b.start || b.end - a.end));
}

function toMatch(stream: TokenStream, candidate: Candidate, normalised: NormalisedText): NameMatch {
  const first = stream.tokens[candidate.first] as WordToken;
  const last = stream.tokens[candidate.last] as WordToken;
  const { start, end } = originalRange(normalised, first.start, last.end);
  // Written out, not spread from the range: Node 20's V8 takes a slow path for `{ ...range, … }`
  // on every call, and a long post has hundreds of names.
  return { start, end, severity: candidate.severity ?? 'warn', kind: candidate.kind, reason: candidate.reason };
}

/** The match with the never-a-name offer added to it, if there is one (see toMatch for why not a spread). */
function withOffer(match: NameMatch, offer: { first: number; last: number } | null, stream: TokenStream, normalised: NormalisedText): NameMatch {
  if (!offer) return match;
  const first = stream.tokens[offer.first] as WordToken;
  const last = stream.tokens[offer.last] as WordToken;
  match.offer = originalRange(normalised, first.start, last.end);
  return match;
}

function evidenceContext(matcher: NameMatcher, lookup: TokenLookup): EvidenceContext {
  return { personVerbs: matcher.personVerbs, classNames: matcher.classNames, places: matcher.places, isNamePart: (index) => lookup.id(index) !== NOT_A_NAME,
    isGivenName: (index) => lookup.id(index) !== NOT_A_NAME && (matcher.tokens[lookup.id(index)] as CompiledNameToken).givenName,
  };
}

/** Every name variant in the stream, longest first at each token, judged by its context. */
function matchStream(matcher: NameMatcher, stream: TokenStream, lookup: TokenLookup): Candidate[] {
  const context = evidenceContext(matcher, lookup);
  const candidates: Candidate[] = [];
  for (let index = 0; index < stream.tokens.length; index += 1) {
    if (lookup.suppressed(index)) continue;
    const found = longestVariantAt(matcher, stream, lookup, index);
    if (!found) continue;
    candidates.push(judge(stream, found, context));
    index = found.last;
  }
  judgeFamousCompany(stream, candidates, candidates, lookup, matcher.storyPairs, context);
  promoteListedNames(stream, candidates);
  return candidates;
}
