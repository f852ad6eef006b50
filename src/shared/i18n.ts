/**
 * The extension pages' words, from public/_locales/<locale>/messages.json through the browser's
 * own i18n (chrome.i18n works in extension pages on Chrome and Firefox alike). Keys are typed from
 * the en_GB file, so a key that is not there does not compile; tests/shared/i18n.test.ts checks
 * that each call passes as many substitutions as its message has placeholders.
 *
 * Substitutions are positional: the first fills the placeholder whose content is "$1", and so on.
 * In messages.json they are numbered in the order the English sentence names them.
 */
import messages from '../../public/_locales/en_GB/messages.json';
import type { MessageKey, MessageText, PlainMessageKey, Substitution, SubstitutionsOf } from '../policy/message-text';

export type { MessageKey, Substitution } from '../policy/message-text';

interface MessageEntry {
  message: string;
  placeholders?: Readonly<Record<string, { content: string }>>;
}

export function t<K extends MessageKey>(key: K, ...substitutions: SubstitutionsOf<K>): string {
  return say(key, substitutions);
}

/**
 * Words a rule's metadata names by their key (a finding's message and fix, a confirmation's
 * statement: see src/policy/message-text.ts), in the reader's words. tests/shared/i18n.test.ts
 * checks every key the rules name, as it checks the keys of t() calls.
 */
export function tMessage(text: MessageText | PlainMessageKey): string {
  return typeof text === 'string' ? say(text, []) : say(text.key, text.substitutions);
}

function say(key: MessageKey, substitutions: readonly Substitution[]): string {
  const strings = substitutions.map((substitution) => (typeof substitution === 'object' ? tMessage(substitution) : String(substitution)));
  // Outside an extension page (unit tests, the CLI) there is no chrome.i18n: the en_GB file is read directly.
  const message = typeof chrome === 'undefined' || chrome.i18n === undefined
    ? fillLocaleMessage(messages[key], strings)
    : chrome.i18n.getMessage(key, strings.length > 0 ? strings : undefined);
  // A key missing at run time (a stale _locales folder) shows as itself rather than as nothing.
  return message || key;
}

/** What chrome.i18n.getMessage does with one messages.json entry: named placeholders, then $1…$9, and $$ for $. */
export function fillLocaleMessage(entry: MessageEntry | undefined, substitutions: readonly string[]): string {
  if (entry === undefined) return '';
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  const numbered = (text: string) => text.replace(/\$(\d)/g, (_match, digit: string) => substitutions[Number(digit) - 1] ?? '');
  return entry.message.replace(/\$\$|\$(\d)|\$(\w+)\$/g, (match, digit: string | undefined, name: string | undefined) => {
    if (match === '$$') return '$';
    if (digit !== undefined) return substitutions[Number(digit) - 1] ?? '';
    return numbered(placeholders.get(name?.toLowerCase() ?? '') ?? '');
  });
}
