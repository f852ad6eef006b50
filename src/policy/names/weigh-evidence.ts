/**
 * Decides whether a name found in the text is a pupil here, and how sure we are. Names that are not
 * ordinary words are names anywhere, unless the text shows someone else (a famous title, a regnal
 * number, a surname that is no pupil's, a story); word-names ("Grace", "Will", "May") and short
 * forms the roster does not record ("Freddie") need evidence of a person. evidence.ts asks the
 * questions; each verdict says in words a teacher understands which evidence decided it.
 */
import { messageText, type MessageText } from '../message-text';
import type { Severity } from '../types';
import {
  actionAfter,
  isAfterArticle,
  isAfterDeterminer,
  fromClassAfter,
  startsPraiseCue,
  isNameOfAThing,
  parentDescribed,
  staffDescribed,
  placeContext,
  listedWithPlace,
  byAuthorAfter,
  isQuotedTitle,
  coordinatedToken,
  familyWordAfter,
  figureNounWith,
  initialAfter,
  isAfterFamousTitle,
  isAfterStaffTitle,
  isCalendarUse,
  isFollowedByClassWord,
  isListedBeforeClasses,
  isInTitleCaseSentence,
  isMixedCase,
  isPossessive,
  isPossessiveBeforeCapital,
  isTitleAfter,
  isAfterSubjectPronoun,
  isSayingGrace,
  isSchoolValue,
  otherSurnameAfter,
  ownAfter,
  praiseCueAfter,
  praiseCueBefore,
  pronounAfter,
  pronounPartnerAfter,
  pronounReferringBack,
  personNounAfter,
  personObjectAfter,
  personAdjectiveAfter,
  roleBefore,
  singularHelperBetween,
  regnalNumberAfter,
  startsSentence,
  storyFrameBefore,
  wordAt,
  yearGroupInBracketsAfter,
  type TokenStream,
} from './evidence';
import type { CompiledNameToken } from './compile';
import type { VariantFound } from './find-candidates';

export type NameMatchKind = 'name' | 'misspelling';

/** A found name with its verdict: `severity` null when it is not a pupil's name here. */
export interface Candidate {
  first: number;
  last: number;
  severity: Severity | null;
  kind: NameMatchKind;
  /** Which evidence decided, as the end of a teacher's sentence ("it comes after “well done”"), by its key in _locales (`name_reason_*`). */
  reason: MessageText;
  /** Not a child here for a reason a list cannot undo (staff, a class, the time of year, a value). */
  excused?: boolean;
  /** A given name written with a capital (or in capitals): two of them in a list are two children. */
  capitalisedGivenName?: boolean;
  /** The token of the surname that is not this pupil's ("Darwin" in "Charles Darwin"), when that decided. */
  otherSurname?: number;
  /** Blocked by the name alone (not an ordinary word, a capital): in a sentence about history's people, it may be one of them. */
  nameAlone?: boolean;
  /** Excused as a famous person by a title or a regnal number ("King Henry", "Henry VIII"): the sentence is about history's people. */
  figure?: boolean;
}

/** What the evidence needs from the compiled roster. */
export interface EvidenceContext {
  personVerbs: ReadonlySet<number>;
  classNames: ReadonlySet<string>;
  places: ReadonlySet<number>;
  /** Whether the token at this index is a name part of the roster. */
  isNamePart(index: number): boolean;
  /** Whether the token at this index is some pupil's given name as the roster records it (not only a short form). */
  isGivenName(index: number): boolean;
}

/**
 * Evidence that tokens first..last are a person, whatever the case they are written in: praise,
 * what someone did, an initial, a year group in brackets, a family word, a possessive. The reason,
 * or null. `season`: a month or season needs a pronoun too ("Autumn has learnt her…", not "Autumn has arrived").
 * `didCounts`: whether "did a…" is something done (not for a slip that may be someone else's name: "Daniela did a workshop").
 */
export function personEvidence(stream: TokenStream, first: number, last: number, context: EvidenceContext, season = false, actionCounts = true, didCounts = true): MessageText | null {
  const cueBefore = praiseCueBefore(stream, first);
  if (cueBefore) return messageText('name_reason_after_praise', cueBefore);
  const cueAfter = praiseCueAfter(stream, last);
  if (cueAfter) return messageText('name_reason_before_praise', cueAfter);
  const partner = pronounPartnerAfter(stream, first, last);
  if (partner) return messageText('name_reason_pronoun_partner', partner);
  // "ivy and holly made a card": in lower case, what the pair did the first of them did too (two
  // capitalised given names are a list already: promoteListedNames).
  const listed = stream.tokens[first]?.capitalised === true || isAfterDeterminer(stream, first) ? -1 : coordinatedToken(stream, last, 1);
  const pair = listed >= 0 && context.isNamePart(listed);
  const action = actionAfter(stream, first, last, context.personVerbs, didCounts) ?? (pair ? actionAfter(stream, listed, listed, context.personVerbs) : null);
  // Two classes are persons in the plural too ("hazel and rowan were the winners").
  const twoPeople = pair && !context.classNames.has(wordAt(stream, first) ?? '') && !context.classNames.has(wordAt(stream, listed) ?? '');
  if (action) {
    if (pronounReferringBack(stream, action.index)) return messageText('name_reason_action_and_pronoun', wordAt(stream, action.index) ?? '');
    // "Mo was a brilliant team captain"; a class is a winner too ("Rowan were the winners"), but
    // one that "is" ("Rowan is our award winner") is a child, unless it won what classes win
    // ("Rowan is our attendance winner"); a month or season is no captain.
    const one = actionCounts || singularHelperBetween(stream, last, action.index);
    // "Jay was so kind", "Flo was brilliant"; a class that "was" kind is one child ("Juniper was so
    // thoughtful"), and a class or a season may be brilliant. Before what it is: "was so kind helping a friend".
    const adjective = action.verb || season || !one ? null : personAdjectiveAfter(stream, action.index, actionCounts);
    if (adjective) return messageText('name_reason_person_adjective', adjective);
    const personNoun = action.verb ? null : personNounAfter(stream, action.index, context.personVerbs, !actionCounts, twoPeople);
    if (personNoun && one && !season) return messageText('name_reason_person_noun', personNoun);
    // A class visits the farm; "Holly helped the younger children" is what a child does for others.
    const object = action.verb && !actionCounts ? personObjectAfter(stream, action.index) : null;
    if (object) return messageText('name_reason_action_on_person', wordAt(stream, action.index) ?? '', object);
    // A month or season comes, starts and ends ("Autumn has arrived"); anything else it "did" is a child ("May wrote a poem").
    const verb = wordAt(stream, action.index) ?? '';
    // "autumn colours", "rose hips": after a lower-case word an "-s" form is as often a plural noun.
    const plural = /[^su]s$/.test(verb) && action.index === last + 1 && stream.tokens[first]?.capitalised !== true;
    if (action.verb && actionCounts && !plural && !(season && stream.words.timeOfYearVerbs.has(verb))) return messageText('name_reason_action', verb);
  }
  // "Jay beat his own record": a class owns things too, but not "his own".
  const own = isAfterDeterminer(stream, first) ? -1 : ownAfter(stream, last);
  if (own >= 0) return messageText('name_reason_action_and_pronoun', wordAt(stream, own) ?? '');
  // "Our class rep this term is robin"; a month or season holds no role.
  const role = season ? null : roleBefore(stream, first, context.personVerbs, !actionCounts);
  if (role) return messageText('name_reason_role', role);
  if (initialAfter(stream, last)) return messageText('name_reason_initial_after');
  if (yearGroupInBracketsAfter(stream, last, context.classNames)) return messageText('name_reason_year_group_in_brackets');
  if (!season && fromClassAfter(stream, first, last, context.classNames) && !isAfterDeterminer(stream, first)) return messageText('name_reason_from_class', wordAt(stream, last + 2) ?? '');
  if (familyWordAfter(stream, last)) return messageText('name_reason_family_word', wordAt(stream, last + 1) ?? '');
  return null;
}

/** Module-level (not a closure per call): judge runs for every name in a 25,000-character draft. */
let judged: VariantFound;
function verdict(severity: Severity | null, reason: MessageText): Candidate {
  return { first: judged.first, last: judged.last, severity, kind: 'name', reason };
}
function excused(reason: MessageText): Candidate {
  return { first: judged.first, last: judged.last, severity: null, kind: 'name', reason, excused: true };
}
function figure(reason: MessageText): Candidate {
  return { ...excused(reason), figure: true };
}
function byNameAlone(candidate: Candidate): Candidate {
  return { ...candidate, nameAlone: true };
}
function named(severity: Severity, reason: MessageText): Candidate {
  return { first: judged.first, last: judged.last, severity, kind: 'name', reason, capitalisedGivenName: judged.givenName };
}

/** Decides whether a matched variant is a pupil's name here, and how sure we are. */
export function judge(stream: TokenStream, found: VariantFound, context: EvidenceContext): Candidate {
  judged = found;
  let capitalised = true;
  let allCaps = true;
  for (let index = found.first; index <= found.last; index += 1) {
    const token = stream.tokens[index];
    capitalised &&= token?.capitalised === true;
    allCaps &&= token?.allCaps === true;
  }
  // Capitals for emphasis in a text that has lower case ("We saw GRACE"): evidence, but weaker.
  const inCapitals = !capitalised && allCaps && isMixedCase(stream);
  const fullName = found.fullName || found.last > found.first;
  const ordinaryWord = !found.tokens.some((token) => !token.ordinaryWord && !token.className);
  if (found.familyPlural) return judgeFamilyPlural(stream, found, capitalised || inCapitals);

  // A staff title: a surname after it is a parent, whose surname is their child's ("Mr Okoro
  // (Charles's dad)"), or a member of staff ("Mrs Patel, our SENCo"), or either; a full name is a
  // child ("Mrs Ada Nowak" still names Ada); a first name may be either ("Miss Holly"): look at it.
  if (isAfterStaffTitle(stream, found.first)) {
    if (!found.fullName && found.tokens.every((token) => token.surname)) {
      if (parentDescribed(stream, found.first, found.last)) return verdict('block', messageText('name_reason_parent_surname'));
      // "Mrs Nowak helped on the trip" may be a pupil's mother: a look, unless the sentence says staff.
      return staffDescribed(stream, found.first, found.last) ? excused(messageText('name_reason_staff_member')) : verdict('warn', messageText('name_reason_title_and_pupil_surname'));
    }
    if (fullName) return verdict('block', messageText('name_reason_full_name_after_staff_title'));
    if (!ordinaryWord) return verdict('block', messageText('name_reason_not_an_ordinary_word'));
    return verdict('warn', messageText('name_reason_first_name_after_staff_title'));
  }
  const className = found.tokens.length === 1 && found.tokens[0]?.className === true;
  if (className && (isFollowedByClassWord(stream, found.last) || isListedBeforeClasses(stream, found.last, context.classNames))) return excused(messageText('name_reason_class'));

  // Someone else of the same name: a famous or story person, a king, an author, another family.
  if (!found.fullName) {
    if (isAfterFamousTitle(stream, found.first)) return figure(messageText('name_reason_famous_title'));
    if (regnalNumberAfter(stream, found.last)) return figure(messageText('name_reason_regnal_number'));
    const owned = found.tokens.length === 1 ? figureNounWith(stream, found.first, found.last, found.possessive) : null;
    // "Well done Oliver's army!": praise, or anything else a child does, outweighs what is owned.
    if (owned && personEvidence(stream, found.first, found.last, context) === null) return verdict('warn', messageText('name_reason_owns_what_no_child_has', owned));
    if (storyFrameBefore(stream, found.first)) return excused(messageText('name_reason_story'));
    if (byAuthorAfter(stream, found.last)) return excused(messageText('name_reason_book_title'));
    // "We watched 'Mamma Mia'": a quoted title, unless the name in it does what a child does.
    if (isQuotedTitle(stream, found.first, found.last, context) && personEvidence(stream, found.first, found.last, context) === null) return excused(messageText('name_reason_quoted_title'));
    // Read, sung or watched, unless someone's ("We read Grace's poem") or "she" or "he" follows
    // ("We have been reading Victoria. She loved it."): the title, most likely; a look, as a child may be read too.
    if (!found.possessive && !isPossessive(stream, found.last) && !pronounReferringBack(stream, found.last)) {
      if (isTitleAfter(stream, found.first, found.last)) return verdict('warn', messageText('name_reason_book_read'));
      if (isTitleAfter(stream, found.first, found.last, stream.words.performingWords)) return verdict('warn', messageText('name_reason_title_performed'));
    }
    if (placeContext(stream, found.first, found.last, context.places)) return excused(messageText('name_reason_place'));
    // "Is Milan or Rome further north?": listed with a place that is no pupil's, unless the list does what a person does.
    const listEnd = capitalised ? listedWithPlace(stream, found.first, found.last, context.places, context.classNames, context.isNamePart) : -1;
    if (listEnd >= 0 && personEvidence(stream, found.first, found.last, context) === null && personEvidence(stream, listEnd, listEnd, context) === null) return excused(messageText('name_reason_listed_with_place'));
    // "the River Jordan", "a Bear Hunt", "the Rose Theatre": a thing's name; "Star of the week": the award.
    if (ordinaryWord && found.tokens.length === 1 && capitalised && isNameOfAThing(stream, found.first, found.last)) return excused(messageText('name_reason_thing_name'));
    if (ordinaryWord && startsPraiseCue(stream, found.first)) return excused(messageText('name_reason_award'));
    if (found.tokens.length === 1 && (capitalised || inCapitals) && !isInTitleCaseSentence(stream, found.first, found.last)) {
      const surname = otherSurnameAfter(stream, found.last, context.isNamePart, context.personVerbs, context.classNames);
      if (surname >= 0 && wordAt(stream, found.first - 1) === 'by') return excused(messageText('name_reason_author'));
      if (surname >= 0) return { ...verdict('warn', messageText('name_reason_other_surname')), otherSurname: surname };
    }
  }

  const season = found.tokens.length === 1 && (stream.words.months.has(wordAt(stream, found.first) ?? '') || stream.words.seasons.has(wordAt(stream, found.first) ?? ''));
  if (found.shortForm) {
    // "our class teddy": in lower case after a determiner, a thing.
    if (!capitalised && !inCapitals && isAfterDeterminer(stream, found.first)) return verdict(null, messageText('name_reason_thing_after_determiner'));
    const evidence =
      personEvidence(stream, found.first, found.last, context, season) ??
      (found.possessive || isPossessive(stream, found.last) ? messageText('name_reason_possessive_short') : null) ??
      // "Billy tied his shoelaces": a short form that is no word, and "his" referring back.
      (!ordinaryWord && !isAfterDeterminer(stream, found.first) && pronounReferringBack(stream, found.last) ? messageText('name_reason_action_and_pronoun', wordAt(stream, found.last + 1) ?? '') : null);
    if (evidence) return verdict('block', messageText('name_reason_short_form_and', evidence));
    return ordinaryWord ? verdict(null, messageText('name_reason_ordinary_word')) : verdict('warn', messageText('name_reason_short_form'));
  }
  if (!ordinaryWord) {
    const blocked = verdict('block', messageText('name_reason_not_an_ordinary_word'));
    // "Henry's painting": someone's; without that, the name alone decided.
    return found.possessive || isPossessive(stream, found.last) ? blocked : byNameAlone(blocked);
  }

  const cue = praiseCueBefore(stream, found.first) ?? praiseCueAfter(stream, found.last);
  if (cue) return verdict('block', messageText('name_reason_with_praise', cue));
  if (isAfterSubjectPronoun(stream, found.first)) return verdict(null, messageText('name_reason_verb_after_pronoun'));
  if (isCalendarUse(stream, found.first, found.last)) return excused(messageText('name_reason_time_of_year'));
  // "ivy and hope were our eco monitors": what persons are outweighs a value listed beside it.
  if (isSchoolValue(stream, found.first, found.last) && personEvidence(stream, found.first, found.last, context, season, found.givenName && !className, capitalised || inCapitals)?.key !== 'name_reason_person_noun') return excused(messageText('name_reason_school_value'));
  if (isSayingGrace(stream, found.first, found.last)) return excused(messageText('name_reason_saying_grace'));
  // "the river’s edge", "a bear’s footprint": the thing's, not a child's.
  const thingsPossessive = !capitalised && !inCapitals && isAfterArticle(stream, found.first);
  if ((found.possessive || isPossessive(stream, found.last)) && !thingsPossessive) {
    // "Brown's Farm", "the Hunter's Moon": a surname-word before a capitalised noun is more often a place or a title.
    if (!found.givenName && !found.possessive && isPossessiveBeforeCapital(stream, found.last)) return verdict('warn', messageText('name_reason_place_or_title_possessive'));
    return verdict('block', messageText('name_reason_possessive'));
  }
  // A class does things too ("Willow visited the farm"), and so does a family ("Brown won" is rarer than "the Browns won"): only a given name is made a person by its verb.
  // "hope did a lot for us": in lower case a word is as likely the subject as a child.
  const evidence = personEvidence(stream, found.first, found.last, context, season, found.givenName && !className, capitalised || inCapitals);
  if (evidence) return verdict('block', evidence);

  if (fullName) {
    if (capitalised || inCapitals || stream.keywords) return verdict('block', messageText('name_reason_full_name'));
    return verdict('warn', messageText('name_reason_full_name_lower_case'));
  }
  if (!capitalised) {
    if (inCapitals) return named('warn', messageText('name_reason_in_capitals'));
    // "rowan helped the younger children": a class doing things, in any case, is worth a look.
    if (className && actionAfter(stream, found.first, found.last, context.personVerbs)?.verb) return verdict('warn', messageText('name_reason_class_name_alone'));
    // File names and keywords have no sentences: lower case says nothing there ("grace.jpg").
    return stream.keywords ? verdict('warn', messageText('name_reason_in_file_name')) : verdict(null, messageText('name_reason_lower_case_word'));
  }
  // At a sentence start a capital says nothing, yet "Grace helped us tidy" is exactly how a child
  // gets named: a warning (staff look, and may go on), never a block ("Summer is here!").
  if (startsSentence(stream, found.first)) return named('warn', messageText('name_reason_sentence_start'));
  if (className) return verdict('warn', messageText('name_reason_class_name_alone'));
  if (isInTitleCaseSentence(stream, found.first, found.last)) return verdict('warn', messageText('name_reason_headline'));
  // A capitalised surname-word is more often a place or a title ("Green Park", "King Arthur").
  if (!found.givenName) return verdict('warn', messageText('name_reason_surname_capitalised'));
  // "Summer" mid-sentence is as often the season as the child.
  if (season) return named('warn', messageText('name_reason_month_or_season'));
  // "along the River", "past the Rose": after "the" a capital more often names a thing.
  if (isAfterArticle(stream, found.first)) return verdict('warn', messageText('name_reason_capital_after_word', wordAt(stream, found.first - 1) ?? ''));
  return byNameAlone(named('block', messageText('name_reason_capital_mid_sentence')));
}

/**
 * "the Smiths", "the Bakers": a pupil's surname in the plural after "the", where the plural is a
 * word too ("smiths", "bakers"). In lower case it is the word; with a capital it names a family —
 * at once when the plural is an uncommon word, and with thanks or a "their" after it when it is a
 * common one ("The Woods were dark and deep").
 */
function judgeFamilyPlural(stream: TokenStream, found: VariantFound, capitalised: boolean): Candidate {
  if (!capitalised) return verdict(null, messageText('name_reason_lower_case_word'));
  const cue = praiseCueBefore(stream, found.first - 1);
  if (cue) return verdict('block', messageText('name_reason_family_after_praise', cue));
  if (pronounAfter(stream, found.last, stream.words.familyPronouns)) return verdict('block', messageText('name_reason_family_pronoun'));
  if (isInTitleCaseSentence(stream, found.first, found.last)) return verdict('warn', messageText('name_reason_family_headline'));
  return (found.tokens[0] as CompiledNameToken).plusSIsCommonWord ? verdict(null, messageText('name_reason_ordinary_plural')) : verdict('block', messageText('name_reason_family'));
}

/** A weak candidate in a list with a clear name is a name too ("Faith and Noor"); twice for chains. */
export function promoteListedNames(stream: TokenStream, candidates: Candidate[]): void {
  // Which candidate covers each token: a list neighbour is found in one lookup, not a scan of all.
  const byToken = new Map<number, Candidate>();
  for (const candidate of candidates) for (let index = candidate.first; index <= candidate.last; index += 1) byToken.set(index, candidate);
  // Forward, then back: a block anywhere in a list reaches every name in it ("Oliver, Amelia, Sophia
  // and Zara, well done" reaches back to Oliver), in two passes however long the list.
  for (const order of [candidates, [...candidates].reverse()]) {
    for (const candidate of order) {
      if (candidate.severity === 'block' || candidate.excused) continue;
      const neighbours = [byToken.get(coordinatedToken(stream, candidate.last, 1)), byToken.get(coordinatedToken(stream, candidate.first, -1))];
      // With a clear name, or two capitalised given names together ("Grace and Summer won").
      const listedWithName = neighbours.some(
        (other) => other !== undefined && other !== candidate && (other.severity === 'block' || (candidate.capitalisedGivenName === true && other.capitalisedGivenName === true && !other.excused)),
      );
      if (listedWithName && !isCalendarUse(stream, candidate.first, candidate.last)) {
        candidate.severity = 'block';
        candidate.reason = messageText('name_reason_listed');
      }
    }
  }
}
