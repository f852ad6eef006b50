/**
 * What a rule is (ESLint-style: metadata + check) and what it is given. A rule reports how sure it
 * is through each finding's severity (`block`: this breaks the policy; `warn`: it may); the engine
 * then applies the level the ICT lead set (off, warn, block, block with the policy's exception).
 */
import type { ClassPrefixMatch, ClassPrefixMatcher } from './class-prefix';
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

export interface RuleMeta {
  id: RuleId;
  defaultLevel: RuleLevel;
  /** The sentence of the school's Twitter policy the rule enforces, quoted. */
  policySentence: string;
  /** Message templates by id; `{{name}}` is filled in. */
  messages: Record<string, string>;
  /** What staff confirm, in words, when the rule runs at `block-with-exception`. */
  exceptionPrompt?: string;
}

export interface PolicyRule {
  meta: RuleMeta;
  check(draft: Draft, context: RuleContext): Finding[];
}

/** Fills a message template: "“{{text}}” looks like…" with { text: 'Ada' }. */
export function formatMessage(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
