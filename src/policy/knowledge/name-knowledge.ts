/** Everything the snapshot builder knows about language, in one object for the background and the CLI. */
import { isEnglishWord } from '../english-words';
import type { NameKnowledge } from '../snapshot';
import { famousPhrasesWith } from './famous-phrases';
import { personVerbs } from './person-verbs';
import { shortFormsOf } from './short-forms';

export const NAME_KNOWLEDGE: NameKnowledge = { isEnglishWord, personVerbs, shortFormsOf, famousPhrasesWith };
