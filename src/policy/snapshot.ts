/**
 * The policy snapshot: everything the content script needs to check a draft, as plain data
 * (structured-clonable, JSON-safe). Built in the background from the roster and the settings, sent
 * to every x.com tab, compiled there once by `compilePolicy`.
 *
 * The dictionary questions are answered here ("is this name part an ordinary English word?", "which
 * words are one typing slip away from it?"), so the content script never loads a word list.
 */
import type { Pupil, Roster } from '../roster/model';
import { handleKey } from '../shared/handle-key';
import type { Settings } from '../shared/settings';
import { classNameKey } from './class-prefix';
import { LOOK_ALIKE_LETTERS } from './look-alike-letters';
import { REGNAL_NUMBER } from './names/evidence';
import { foldText, useLookAlikeLetters } from './normalise';
import type { RuleId, RuleLevel } from './types';

/** One folded name part or whole name ("amelia", "lilyrose", "oliverbennett"). */
export interface SnapshotNameToken {
  text: string;
  /** An ordinary English word ("will", "rose"): it is a name only when the context says so. */
  ordinaryWord: boolean;
  /** The token plus "s" is a word too ("roses"): "Roses" is then not read as a possessive. */
  plusSIsWord: boolean;
  /** …and a common one ("woods", "kings"; not "smiths", "bakers"): "the Woods" needs more than a capital to be a family. Only when true. */
  plusSIsCommonWord?: true;
  /** Ordinary words one edit away ("maso" → "mason"): never reported as a misspelt name. Only for tokens the misspelling check covers. */
  nearbyWords?: string[];
}

/** `short`: a short form of the forename the roster does not record ("Freddie" for Frederick). */
export type NameVariantKind = 'forename' | 'preferred' | 'alias' | 'surname' | 'full' | 'forename-part' | 'surname-part' | 'short';

/** One way to write a pupil's name, as indices into `nameTokens`, read with a space, hyphen or apostrophe between. */
export interface SnapshotNameVariant {
  kind: NameVariantKind;
  tokens: number[];
}

export interface SnapshotPupil {
  id: string;
  classIndex: number;
  variants: SnapshotNameVariant[];
}

export interface SnapshotClass {
  name: string;
  aliases: string[];
  /** Pupils of the class without photo consent: staff confirm none is identifiable in a photo. */
  pupilIdsWithoutConsent: string[];
}

export interface PolicySnapshot {
  /**
   * A hash of everything else: a content script told the same snapshot again (the worker woke up)
   * keeps its compiled policy instead of compiling it again (src/content/guard-connection.ts).
   */
  hash: string;
  nameTokens: SnapshotNameToken[];
  pupils: SnapshotPupil[];
  /** Classes from the roster's class column and from the settings, with their aliases. */
  classes: SnapshotClass[];
  extraPrefixes: string[];
  /** The ICT lead's levels; a rule not listed runs at its default level. */
  ruleLevels: Partial<Record<RuleId, RuleLevel>>;
  /** Phrases that are never a pupil's name here ("May Day"), folded. */
  neverANames: string[];
  /** Famous people, stories and places holding a roster name ("charles darwin", "robin hood"), folded; none is a pupil's full name. */
  famousPhrases: string[];
  /**
   * Ascending indices into famousPhrases of history's people, known by a title or a regnal number
   * ("queen victoria", "henry viii", "elizabeth i"), and of a story's pair of names ("rama and sita"):
   * worked out once here, so each tab's compile only reads them.
   */
  famousFigures: number[];
  famousStoryPairs: number[];
  /** Words saying what someone did or does ("sang", "reads"), folded: a word-name right before one is a person. */
  personVerbs: string[];
  /** One-word names of places ("india", "paris", "florence"), folded: a name that is one may be the place. */
  places: string[];
  /** The words that tell the name matcher what a sentence says (staff titles, praise, months…: known-phrases.ts). */
  nameWords: NameWordLists;
  schoolPhones: string[];
  schoolEmails: string[];
  schoolHandles: string[];
  /** Unicode's look-alike letters as src/policy/look-alike-letters.ts encodes them: sent, not shipped in the content script. */
  lookAlikeLetters: string;
}

/** The word lists of known-phrases.ts by name ("staffTitles"), and its phrase lists, words joined by one space. */
export type NameWordListName = 'staffTitles' | 'coordinatingWords' | 'months' | 'seasons' | 'calendarWordsBefore' | 'holidayAdjectives' | 'holidayDeterminers' | 'valueCues' | 'valueWords' | 'sayingVerbs' | 'calendarWordsAfter' | 'classWords' | 'determiners' | 'helperVerbs' | 'singularHelpers' | 'personalPronouns' | 'familyWords' | 'yearGroupWords' | 'famousTitles' | 'timeOfYearVerbs' | 'placeWordsBefore' | 'travelWords' | 'placeNouns' | 'geographyWords' | 'mapWords' | 'parentWords' | 'staffRoles' | 'ourStaffRoles' | 'familyPronouns' | 'figureNouns' | 'articles' | 'personNouns' | 'agentNouns' | 'phraseEndWords' | 'faithFigures' | 'faithStoryWords' | 'storyWords' | 'childWorkWords' | 'readingWords' | 'titleFrameWords' | 'performingWords' | 'subjectPronouns' | 'storyPlaces' | 'personAdjectives' | 'praiseAdjectives' | 'intensifiers' | 'classAwardWords';
export type NamePhraseListName = 'cuesBeforeAName' | 'cuesAfterAName' | 'storyFrames';
export interface NameWordLists {
  words: Record<NameWordListName, string[]>;
  phrases: Record<NamePhraseListName, string[]>;
}

/** Misspellings are looked for only in names this long: shorter ones have too many neighbours. */
export const MISSPELLING_MIN_LENGTH = 5;

/** A name this long has a near miss that is a look only when written as a name ("well done Nooh", "Oak – Ayal, phonics"), word-names too ("Rubi"). */
export const SHORT_NAME_LENGTH = MISSPELLING_MIN_LENGTH - 1;

/** Surname particles: part of a surname, never a name on their own ("van", "der", "o"). */
const NAME_PARTICLES = new Set(['al', 'ap', 'bin', 'bint', 'da', 'de', 'del', 'della', 'den', 'der', 'di', 'du', 'el', 'ibn', 'la', 'le', 'mac', 'mc', 'o', 'st', 'ten', 'ter', 'van', 'von']);

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * What the background and the CLI know about language, for the snapshot (src/policy/knowledge/
 * and english-words.ts: word lists the content script never loads).
 */
export interface NameKnowledge {
  isEnglishWord(lowercaseWord: string): boolean;
  /** A word most readers meet often (SCOWL's levels up to 20): "woods", not "smiths". */
  isCommonEnglishWord(lowercaseWord: string): boolean;
  /** A name the part-of-speech source knows ("jill", "oman"): near a short pupil's name ("Will", "Omar"), someone or something else. */
  isKnownName(lowercaseWord: string): boolean;
  placeNames(): readonly string[];
  /** The matcher's word lists (known-phrases.ts), and the phrases that are never a name anywhere ("may day"). */
  nameWordLists(): NameWordLists;
  builtInNeverANames(): readonly string[];
  personVerbs(): readonly string[];
  shortFormsOf(foldedName: string): readonly string[];
  /** Famous phrases holding a name part, or a word for which `nearName` is true. */
  famousPhrasesWith(nameParts: ReadonlySet<string>, nearName: (word: string) => boolean): string[];
}

export function buildPolicySnapshot(roster: Roster, settings: Settings, knowledge: NameKnowledge): PolicySnapshot {
  // Roster names are folded as drafts will be.
  useLookAlikeLetters(LOOK_ALIKE_LETTERS);
  const tokens = new NameTokenTable(knowledge);
  const classes = new ClassTable(settings);
  const pupils = roster.pupils.map((pupil) => ({
    id: pupil.id,
    classIndex: classes.add(pupil),
    variants: nameVariants(pupil, tokens, knowledge),
  }));
  classes.coverOpenings(settings);
  const nameWords = knowledge.nameWordLists();
  const famousPhrases = famousPhrasesOf(roster, tokens, knowledge);
  const famousTitles = new Set(nameWords.words.famousTitles);
  const famousWords = famousPhrases.map((phrase) => phrase.split(' '));
  const content = {
    nameTokens: tokens.entries,
    pupils,
    classes: classes.entries,
    extraPrefixes: settings.extraPrefixes,
    ruleLevels: settings.rules,
    neverANames: [...knowledge.builtInNeverANames(), ...settings.neverANames].map(foldText),
    famousPhrases,
    famousFigures: indicesWhere(famousWords, (words) => isFamousFigure(words, famousTitles)),
    famousStoryPairs: indicesWhere(famousWords, isStoryPair),
    personVerbs: [...knowledge.personVerbs()],
    places: [...knowledge.placeNames()],
    nameWords,
    schoolPhones: settings.schoolPhones,
    schoolEmails: settings.schoolEmails.map((email) => email.trim().toLowerCase()),
    schoolHandles: settings.schoolHandles.map(handleKey),
    lookAlikeLetters: LOOK_ALIKE_LETTERS,
  } satisfies Omit<PolicySnapshot, 'hash'>;
  return { ...content, hash: hashJson(content) };
}

/** The folded letters of a name, split into its parts ("Lily-Rose" → lily, rose; "O'Brien" → o, brien). */
export function nameParts(name: string): string[] {
  return foldText(name).split(/[^\p{L}]+/u).filter((part) => part.length > 0);
}

/**
 * The famous phrases holding a roster name part or a word one slip from a longer one ("Romeo and
 * Juliet" where a pupil is Julien: the misspelling check would flag "Juliet"), less any that is a
 * pupil's full name (a pupil called Grace Darling is named by "Grace Darling").
 */
function famousPhrasesOf(roster: Roster, tokens: NameTokenTable, knowledge: NameKnowledge): string[] {
  const parts = new Set(tokens.entries.map((token) => token.text));
  const fullNames = new Set<string>();
  for (const pupil of roster.pupils) {
    const surname = nameParts(pupil.surname);
    for (const given of [pupil.forename, pupil.preferredName, ...(pupil.aliases ?? [])]) {
      if (given) fullNames.add([...nameParts(given), ...surname].join(' '));
    }
  }
  // Symmetric deletions: a word is near a name when the two share a spelling with at most one letter
  // dropped from each (a letter changed, added, missed; neighbours swapped). A few more pass than
  // are one edit away, which only lets a few more famous phrases in.
  const deletions = new Set<string>();
  for (const token of tokens.entries) {
    if (token.ordinaryWord || token.text.length < MISSPELLING_MIN_LENGTH) continue;
    for (const deleted of withOneLetterDeleted(token.text)) deletions.add(deleted);
  }
  const nearName = (word: string) => word.length >= MISSPELLING_MIN_LENGTH - 1 && withOneLetterDeleted(word).some((deleted) => deletions.has(deleted));
  return knowledge.famousPhrasesWith(parts, nearName).filter((phrase) => !fullNames.has(phrase));
}

/** A famous person with a title or a regnal number; "elizabeth i" ends in a regnal number, not the pronoun. */
function isFamousFigure(words: readonly string[], famousTitles: ReadonlySet<string>): boolean {
  return words.some((word, at) => famousTitles.has(word) || REGNAL_NUMBER.test(word) || (word === 'i' && at === words.length - 1 && at > 0));
}

/** "rama and sita": two names joined by "and". */
function isStoryPair(words: readonly string[]): boolean {
  return words.length === 3 && words[1] === 'and';
}

function indicesWhere<T>(items: readonly T[], test: (item: T) => boolean): number[] {
  return items.flatMap((item, index) => (test(item) ? [index] : []));
}

/** The word itself and the word with each one of its letters deleted. */
function withOneLetterDeleted(word: string): string[] {
  const all = [word];
  for (let index = 0; index < word.length; index += 1) all.push(word.slice(0, index) + word.slice(index + 1));
  return all;
}

function nameVariants(pupil: Pupil, tokens: NameTokenTable, knowledge: NameKnowledge): SnapshotNameVariant[] {
  const variants: SnapshotNameVariant[] = [];
  const seen = new Set<string>();
  const add = (kind: NameVariantKind, parts: string[]) => {
    // Misspellings are looked for in single names only, not in "oliverbennett".
    const indices = parts.map((part) => tokens.index(part, kind !== 'full' && parts.length === 1));
    const key = `${kind}:${indices.join(',')}`;
    if (parts.length === 0 || seen.has(key)) return;
    seen.add(key);
    variants.push({ kind, tokens: indices });
  };
  const addName = (kind: NameVariantKind, parts: string[], partKind: NameVariantKind) => {
    add(kind, parts);
    if (parts.length < 2) return;
    // Written with nothing between the parts: "MaryJane", "OBrien", "VanderBerg".
    add(kind, [parts.join('')]);
    for (const part of parts) if (part.length >= 3 && !NAME_PARTICLES.has(part)) add(partKind, [part]);
  };

  const surname = nameParts(pupil.surname);
  const givenNames: [NameVariantKind, string[]][] = [
    ['forename', nameParts(pupil.forename)],
    ['preferred', nameParts(pupil.preferredName ?? '')],
    ...(pupil.aliases ?? []).map((alias): [NameVariantKind, string[]] => ['alias', nameParts(alias)]),
  ];
  for (const [kind, parts] of givenNames) {
    if (parts.length === 0) continue;
    addName(kind, parts, 'forename-part');
    if (surname.length === 0) continue;
    add('full', [...parts, ...surname]);
    add('full', [[...parts, ...surname].join('')]);
  }
  addName('surname', surname, 'surname-part');
  // Short forms of the forename the roster does not record; a recorded one is a variant already.
  const forename = nameParts(pupil.forename);
  if (forename.length === 1) for (const short of knowledge.shortFormsOf(forename[0] as string)) add('short', [short]);
  return variants;
}

class NameTokenTable {
  readonly entries: SnapshotNameToken[] = [];
  private readonly indices = new Map<string, number>();

  private readonly months: ReadonlySet<string>;

  constructor(private readonly knowledge: NameKnowledge) {
    this.months = new Set(knowledge.nameWordLists().words.months);
  }

  private isEnglishWord(word: string): boolean {
    return this.knowledge.isEnglishWord(word);
  }

  index(text: string, misspellable: boolean): number {
    let index = this.indices.get(text);
    if (index === undefined) {
      index = this.entries.length;
      this.indices.set(text, index);
      // Month names are proper nouns to the word list, yet "in April", "June half term" are the time of year.
      const entry: SnapshotNameToken = { text, ordinaryWord: this.isEnglishWord(text) || this.months.has(text), plusSIsWord: this.isEnglishWord(`${text}s`) };
      if (entry.plusSIsWord && this.knowledge.isCommonEnglishWord(`${text}s`)) entry.plusSIsCommonWord = true;
      this.entries.push(entry);
    }
    const entry = this.entries[index] as SnapshotNameToken;
    if (misspellable && !entry.nearbyWords && !entry.ordinaryWord && text.length >= MISSPELLING_MIN_LENGTH) entry.nearbyWords = this.wordsOneEditAway(text);
    // A short name's neighbours hold other names too ("Jill" for Will, "Tony" for Toby, "Oman" for Omar).
    if (misspellable && !entry.nearbyWords && text.length === SHORT_NAME_LENGTH) entry.nearbyWords = this.wordsOneEditAway(text, (word) => this.knowledge.isKnownName(word));
    return index;
  }

  /** Every English word (or other name, `isOtherName`) one deletion, insertion, substitution, swap of neighbours or letter moved past the next from `text`. */
  private wordsOneEditAway(text: string, isOtherName: (word: string) => boolean = () => false): string[] {
    const found = new Set<string>();
    const consider = (candidate: string) => {
      if (candidate !== text && (this.isEnglishWord(candidate) || isOtherName(candidate))) found.add(candidate);
    };
    for (let index = 0; index <= text.length; index += 1) {
      const head = text.slice(0, index);
      const tail = text.slice(index);
      if (index < text.length) consider(head + tail.slice(1));
      if (index + 1 < text.length) consider(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2));
      if (index + 2 < text.length) for (const turned of [tail.slice(1, 3) + tail.slice(0, 1), tail.slice(2, 3) + tail.slice(0, 2)]) consider(head + turned + tail.slice(3));
      for (const letter of ALPHABET) {
        consider(head + letter + tail);
        if (index < text.length) consider(head + letter + tail.slice(1));
      }
    }
    return [...found].sort();
  }
}

class ClassTable {
  readonly entries: SnapshotClass[] = [];
  private readonly indices = new Map<string, number>();

  constructor(settings: Settings) {
    for (const setting of settings.classes) this.entry(setting.name).aliases.push(...setting.aliases);
  }

  /** An opening covering classes ("Year 4": Maple, Birch) answers for the pupils of each. */
  coverOpenings(settings: Settings): void {
    for (const setting of settings.classes) {
      if (setting.covers === undefined || setting.covers.length === 0) continue;
      const covered = setting.covers.flatMap((name) => {
        const index = this.indices.get(classNameKey(name));
        return index === undefined ? [] : (this.entries[index]?.pupilIdsWithoutConsent ?? []);
      });
      this.entry(setting.name).pupilIdsWithoutConsent = [...new Set(covered)];
    }
  }

  add(pupil: Pupil): number {
    const entry = this.entry(pupil.className);
    if (!pupil.photoConsent) entry.pupilIdsWithoutConsent.push(pupil.id);
    return this.indices.get(classNameKey(pupil.className)) ?? 0;
  }

  private entry(name: string): SnapshotClass {
    const key = classNameKey(name);
    let index = this.indices.get(key);
    if (index === undefined) {
      index = this.entries.length;
      this.indices.set(key, index);
      this.entries.push({ name: name.trim(), aliases: [], pupilIdsWithoutConsent: [] });
    }
    return this.entries[index] as SnapshotClass;
  }
}

/** FNV-1a over the JSON: a change detector, not a security measure. */
function hashJson(value: unknown): string {
  const json = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let index = 0; index < json.length; index += 1) hash = Math.imul(hash ^ json.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
