/**
 * What the ICT lead may be offered for the never-a-name list when the guard read a one-word name
 * ("Grace" in "Grace Darling rowed out to the wreck"): the name with the capitalised word beside it,
 * so accepting the offer never excuses a given name on its own. A name of two or more words (a
 * pupil's full name), a misspelling, an initial or a neighbour that is itself a pupil's name is never
 * offered.
 */
import { gapBefore, startsSentence, type TokenStream } from './evidence';
import type { Candidate } from './weigh-evidence';

/** One or two spaces on the same line: the words read as one phrase. */
const PHRASE_GAP = /^[^\S\n\r]{1,2}$/;

/** The tokens of the phrase to offer for `candidate`, or null when there is none. */
export function neverANameOfferTokens(stream: TokenStream, candidate: Candidate, isNamePart: (index: number) => boolean): { first: number; last: number } | null {
  if (candidate.first !== candidate.last || candidate.kind !== 'name') return null;
  const at = candidate.first;
  // An initial is evidence of the pupil ("Noah T."), never part of a phrase to excuse.
  const isNeighbour = (index: number) => {
    const token = stream.tokens[index];
    return token !== undefined && token.capitalised && token.end - token.start > 1 && !isNamePart(index);
  };
  if (isNeighbour(at + 1) && PHRASE_GAP.test(gapBefore(stream, at + 1))) return { first: at, last: at + 1 };
  // The word before counts only mid-sentence: at a sentence's start every word is capitalised.
  if (isNeighbour(at - 1) && !startsSentence(stream, at - 1) && PHRASE_GAP.test(gapBefore(stream, at))) return { first: at - 1, last: at };
  return null;
}
