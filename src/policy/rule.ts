/**
 * What a rule is (ESLint-style: metadata + check) and what it is given. A rule reports how sure it
 * is through each finding's severity (`block`: this breaks the policy; `warn`: it may); the engine
 * then applies the level the ICT lead set (off, warn, block, block with the policy's exception).
 */
import type { ClassPrefixMatch, ClassPrefixMatcher } from './class-prefix';
import type { MessageKey, PlainMessageKey } from './message-text';
import type { NameMatcher } from './names/compile';
import type { NormalisedText } from './normalise';
import type { PolicySnapshot } from './snapshot';
import type { Draft, Finding, RuleId, RuleLevel } from './types';

/** A phone number's UTF-16 range in a text. */
export interface TextRange {
  start: number;
  end: number;
}

/** Finds phone numbers; the CLI and background pass libphonenumber-js (see phone-numbers.ts). */
export type PhoneNumberFinder = (text: string) => TextRange[];

export interface CompileOptions {
  /** When absent, personal-info uses its built-in pattern for UK and international numbers. */
  findPhoneNumbers?: PhoneNumberFinder;
}

export interface CompiledPolicy {
  snapshot: PolicySnapshot;
  names: NameMatcher;
  classPrefixes: ClassPrefixMatcher;
  levels: Record<RuleId, RuleLevel>;
  findPhoneNumbers: PhoneNumberFinder | null;
  /** How many pupils lack photo consent, by class name, and in the whole school. */
  withoutPhotoConsent: { byClass: ReadonlyMap<string, number>; total: number };
}

export interface RuleContext {
  policy: CompiledPolicy;
  /** The draft text, folded once for every rule. */
  normalisedText: NormalisedText;
  /** The class name the post begins with, if any. */
  prefix: ClassPrefixMatch | null;
}

/**
 * What staff do to go on past a rule's block: click to confirm a statement, or type words (for
 * something that needs a deliberate act, such as the parents' written agreement to a hashtag).
 * Either is logged.
 */
export type Confirmation = ({ kind: 'typed'; words: PlainMessageKey } | { kind: 'click' }) & {
  /** What staff confirm, as they read it when photos or video are attached. */
  prompt: PlainMessageKey;
  /** What they confirm when nothing is attached, where that reads differently ("the children in the photo"). */
  promptWithoutPhotos?: PlainMessageKey;
};

/**
 * What a confirmation is about besides the findings' own words: the attached photos (another photo
 * asks again), the class whose pupils' consent was shown (another class asks again).
 */
export type ConfirmationScope = 'photos' | 'class';

/** What staff need beside a rule's findings to act on them. */
export type RuleAside = 'pupils-without-consent' | 'post-kind';

export interface RuleMeta<Id extends string = string> {
  id: Id;
  defaultLevel: RuleLevel;
  /**
   * The levels the ICT lead may choose for the rule, `defaultLevel` among them. Only a rule whose
   * policy has an exception allows `block-with-exception`, and its `confirmation` is that exception.
   */
  levels: readonly RuleLevel[];
  /**
   * The sentence of the school's Twitter policy the rule enforces, by its key in _locales'
   * messages.json (only the options page shows it, so the content script does not carry its
   * words). `{{account}}` and `{{Account}}` (at the start of a sentence) stand for the school's
   * account: see `quotePolicy`.
   */
  policySentence: PlainMessageKey;
  /**
   * The rule's sentences and fix lines, by their keys in _locales' messages.json (see message-text.ts):
   * its findings name these keys, never English of their own.
   */
  messages: Readonly<Record<string, MessageKey>>;
  /**
   * For a sentence whose first substitution is the draft's own words: the sentence that says several
   * of them at once (those words listed first, the rest as they are). The panel says findings that
   * share everything but their words in it, once ("Each of “Amelia” and “Noah” looks like a pupil’s
   * name: it is listed with another pupil’s name."), instead of the same reason after every name.
   */
  together?: Readonly<Partial<Record<MessageKey, MessageKey>>>;
  /**
   * How staff go on past the rule's block. For a rule whose levels include `block-with-exception`
   * it is the policy's exception, offered at that level only (the ICT lead may withhold it by
   * choosing `block`); otherwise every block of the rule waits for it (photo consent). See `offersConfirmation`.
   */
  confirmation?: Confirmation;
  /** What confirming a finding of this rule (its exception, or a warning) is about besides its words. */
  confirmationScope?: readonly ConfirmationScope[];
  aside?: RuleAside;
  /**
   * Also checked in other people's replies under the school's posts ("Any comments considered
   * inappropriate will be removed by the account administrator"), which the administrator may hide.
   */
  checksReplies?: true;
}

/** A finding as a rule reports it; the engine adds the rule's id and the confirmation its level offers. */
export type RuleFinding = Omit<Finding, 'rule' | 'confirmation'>;

export interface PolicyRule<Id extends string = string> {
  meta: RuleMeta<Id>;
  check(draft: Draft, context: RuleContext): RuleFinding[];
}

/** Declares a rule, keeping its id's literal type: the registry's ids become `RuleId`. */
export function defineRule<const Id extends string>(rule: PolicyRule<Id>): PolicyRule<Id> {
  return rule;
}

/** Whether staff may confirm a block of the rule at `level` (see `RuleMeta.confirmation`). */
export function offersConfirmation(meta: RuleMeta, level: RuleLevel): boolean {
  if (!meta.confirmation) return false;
  return level === (meta.levels.includes('block-with-exception') ? 'block-with-exception' : 'block');
}

/**
 * A rule's policy sentence (`sentence`: its words, said from the rule's `policySentence` key) for
 * the school that uses the guard: its own handle ("@OakfieldPrimary") where the settings name one,
 * otherwise "the school's account".
 */
export function quotePolicy(sentence: string, schoolHandle: string | null): string {
  const handle = schoolHandle?.trim().replace(/^@/, '') ?? '';
  const account = handle === '' ? 'the school’s account' : `@${handle}`;
  return formatMessage(sentence, { account, Account: account.charAt(0).toUpperCase() + account.slice(1) });
}

/** Fills a policy sentence's template: "{{Account}} will not…" with { Account: '@OakfieldPrimary' }. */
function formatMessage(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
