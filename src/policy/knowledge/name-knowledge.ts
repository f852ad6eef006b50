/** Everything the snapshot builder knows about language, in one object for the background and the CLI. */
import { isCommonEnglishWord, isEnglishWord } from '../english-words';
import { BUILT_IN_NEVER_A_NAME, nameWordLists } from '../known-phrases';
import type { NameKnowledge } from '../snapshot';
import { famousPhrasesWith } from './famous-phrases';
import { isKnownName } from './known-names';
import { agentNouns, personNouns, personVerbs } from './person-verbs';
import { placeNames } from './places';
import { shortFormsOf } from './short-forms';

export const NAME_KNOWLEDGE: NameKnowledge = {
  isEnglishWord,
  isCommonEnglishWord,
  isKnownName,
  personVerbs,
  placeNames,
  shortFormsOf,
  famousPhrasesWith,
  nameWordLists: () => nameWordLists(personNouns(), agentNouns()),
  builtInNeverANames: () => BUILT_IN_NEVER_A_NAME,
};
