/**
 * A sentence staff or the ICT lead read, named by its key in public/_locales/<locale>/messages.json
 * with its substitutions, not written out: src/policy has no browser API and no messages table, so
 * each place that shows it says it in the reader's words there (t() in the extension's pages, the
 * en_GB file in the CLI) and a school changes its words in one file. The import is of types only:
 * a key that is not in the file does not compile, and nothing of the file is bundled with a rule.
 */
import type messages from '../../public/_locales/en_GB/messages.json';

type Messages = typeof messages;
export type MessageKey = keyof Messages;
/** A word or number to fill in, or a sentence of its own said by its key (a name matcher's reason inside a finding). */
export type Substitution = string | number | MessageText;

/** A message with placeholders needs substitutions; one without takes none. The exact count is tests/shared/i18n.test.ts's. */
export type SubstitutionsOf<K extends MessageKey> = Messages[K] extends { placeholders: object } ? [Substitution, ...Substitution[]] : [];

/** A message said as it is, with nothing to fill in (a confirmation's statement, the words staff type). */
export type PlainMessageKey = { [K in MessageKey]: Messages[K] extends { placeholders: object } ? never : K }[MessageKey];

export interface MessageText {
  key: MessageKey;
  /**
   * Positional, as chrome.i18n.getMessage takes them: the first fills the placeholder whose content
   * is "$1". A nested message is said first, in the same reader's words, then filled in.
   */
  substitutions: (string | MessageText)[];
}

export function messageText<K extends MessageKey>(key: K, ...substitutions: SubstitutionsOf<K>): MessageText {
  return { key, substitutions: substitutions.map((substitution) => (typeof substitution === 'object' ? substitution : String(substitution))) };
}
