/** The settings object: what the options page edits, settings.json holds and managed storage can force. */
import * as v from 'valibot';
import type { RuleMeta } from '../policy/rule';
import { RULES, ruleMeta } from '../policy/rules/index';
import type { RuleId, RuleLevel } from '../policy/types';
import { t } from './i18n';

const RULES_WITH_EXCEPTION = RULES.filter(({ meta }) => meta.levels.includes('block-with-exception')).map(({ meta }) => meta.id);

/**
 * Why `level` is not one the rule allows, in words the ICT lead (options page, admin console) and
 * the CLI's user can act on. Rule ids are what settings.json and managed storage are written in.
 */
export function ruleLevelProblem(id: RuleId, level: unknown): string {
  const allowed = ruleMeta(id).levels.join(', ');
  if (level === 'block-with-exception') return t('settings_level_needs_exception', id, RULES_WITH_EXCEPTION.join(', '), allowed);
  return t('settings_level_unknown', JSON.stringify(level) ?? String(level), id, allowed);
}

/** Only the levels the rule's metadata allows: `block-with-exception` only where the policy has an exception. */
function ruleLevelSchema(meta: RuleMeta<RuleId>) {
  return v.picklist(meta.levels, (issue) => ruleLevelProblem(meta.id, issue.input));
}

const RuleLevelsSchema = v.partial(
  v.strictObject(
    Object.fromEntries(RULES.map(({ meta }) => [meta.id, ruleLevelSchema(meta)])) as Record<RuleId, ReturnType<typeof ruleLevelSchema>>,
    // An unknown key is a misspelt rule id: say which ids there are. Otherwise valibot's own words.
    (issue) => (issue.expected === 'never' ? t('settings_rule_unknown', String(issue.input), RULES.map(({ meta }) => meta.id).join(', ')) : `Invalid rules: ${issue.received}`),
  ),
);

export const ClassSettingSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'A class needs a name.')),
  aliases: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), []),
  /**
   * For an opening that covers several classes ("Year 4": Maple and Birch), the classes it covers:
   * a post that begins with it is checked against each one's photo consent. Absent for a class.
   */
  covers: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1)))),
});
export type ClassSetting = v.InferOutput<typeof ClassSettingSchema>;

export const SettingsSchema = v.object({
  /** X handles (without @) that are guarded; empty means every account in the browser is guarded. */
  schoolHandles: v.optional(v.array(v.pipe(v.string(), v.trim(), v.regex(/^@?\w{1,15}$/, 'An X handle is 1–15 letters, digits or _.'))), []),
  classes: v.optional(v.array(ClassSettingSchema), []),
  /** Other allowed openings besides class names, e.g. "Whole School", "PTA". */
  extraPrefixes: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), []),
  rules: v.optional(RuleLevelsSchema, {}),
  /** Phrases that are never a pupil's name here ("May Day", "Jack and the Beanstalk"). */
  neverANames: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), []),
  /** The school's own contact details: not personal information. */
  schoolPhones: v.optional(v.array(v.string()), []),
  schoolEmails: v.optional(v.array(v.string()), []),
  /** Staff see a warning when the roster is older than this. */
  staleRosterDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 30),
  syncUrl: v.optional(v.nullable(v.pipe(v.string(), v.url(), v.startsWith('https://', 'The sync URL must start with https://'))), null),
  syncEveryHours: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(168)), 24),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsInput = v.InferInput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

export type RuleLevels = Partial<Record<RuleId, RuleLevel>>;
