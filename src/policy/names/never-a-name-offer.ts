/**
 * What the ICT lead may be offered for the never-a-name list: only a name that was stopped because
 * the word after it looks like someone else's surname ("Grace Court", "Charles Darwin" where the
 * pupils are Grace Brown and Charles Okoro; see otherSurnameAfter in evidence.ts). That evidence
 * already refuses verbs, class and year words, title-case sentences and roster names, so the phrase
 * is a name and a proper noun, and accepting it cannot excuse the pupil in "well done Grace" or
 * "Grace won the race". A phrase that overlaps another finding, or whose second word is one letter
 * from a pupil's surname ("Amelia Hartly"), is never offered.
 */
import type { WordToken } from '../tokenise';
import type { NameMatcher } from './compile';
import type { TokenStream } from './evidence';
import { misspeltName } from './misspellings';
import type { Candidate } from './weigh-evidence';

/** The tokens of the phrase to offer for `candidate`, or null when there is none. */
export function neverANameOfferTokens(matcher: NameMatcher, stream: TokenStream, candidate: Candidate): { first: number; last: number } | null {
  if (candidate.otherSurname === undefined || candidate.kind !== 'name') return null;
  const surname = stream.tokens[candidate.otherSurname] as WordToken;
  if (misspeltName(matcher.misspellings, matcher.tokens, stream.text, surname)) return null;
  return { first: candidate.first, last: candidate.otherSurname };
}

/**
 * Leaves out the offers whose phrase overlaps another finding (a misspelt surname, a second name).
 * `matches` sorted by start: an offer begins at its own match, so only its neighbours can overlap it —
 * a draft that repeats a name thousands of times stays linear.
 */
export function withoutOverlappingOffers<Match extends { start: number; end: number; offer?: { start: number; end: number } }>(matches: Match[]): Match[] {
  return matches.map((match, index) => {
    const { offer } = match;
    if (!offer) return match;
    const previous = matches[index - 1];
    const next = matches[index + 1];
    if ((previous === undefined || previous.end <= offer.start) && (next === undefined || next.start >= offer.end)) return match;
    const { offer: _dropped, ...rest } = match;
    return rest as Match;
  });
}
