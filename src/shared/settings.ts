/** The settings object: what the options page edits, settings.json holds and managed storage can force. */
import * as v from 'valibot';
import { RULE_IDS, type RuleId, type RuleLevel } from '../policy/types';

const RuleLevelSchema = v.picklist(['off', 'warn', 'block', 'block-with-exception']);

export const ClassSettingSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'A class needs a name.')),
  aliases: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), []),
});
export type ClassSetting = v.InferOutput<typeof ClassSettingSchema>;

export const SettingsSchema = v.object({
  /** X handles (without @) that are guarded; empty means every account in the browser is guarded. */
  schoolHandles: v.optional(v.array(v.pipe(v.string(), v.trim(), v.regex(/^@?\w{1,15}$/, 'An X handle is 1–15 letters, digits or _.'))), []),
  classes: v.optional(v.array(ClassSettingSchema), []),
  /** Other allowed openings besides class names, e.g. "Whole School", "PTA". */
  extraPrefixes: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), []),
  rules: v.optional(v.partial(v.object(Object.fromEntries(RULE_IDS.map((id) => [id, RuleLevelSchema])) as Record<RuleId, typeof RuleLevelSchema>)), {}),
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
