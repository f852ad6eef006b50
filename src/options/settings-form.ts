/**
 * The options page's forms → a Settings object, or the problems with it in words an ICT lead can
 * act on, each tied to the setting (and line) it is about. The background validates again on save.
 */
import * as v from 'valibot';
import { t } from '../shared/i18n';
import type { SettingKey } from '../shared/messages';
import { SettingsSchema, type ClassSetting, type Settings } from '../shared/settings';

export interface SettingsProblem {
  key: SettingKey;
  message: string;
}

export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

export const SETTING_LABELS: Readonly<Record<SettingKey, string>> = {
  schoolHandles: t('options_setting_school_handles'),
  classes: t('options_setting_classes'),
  extraPrefixes: t('options_setting_extra_prefixes'),
  rules: t('options_setting_rules'),
  neverANames: t('options_setting_never_a_names'),
  schoolPhones: t('options_setting_school_phones'),
  schoolEmails: t('options_setting_school_emails'),
  staleRosterDays: t('options_setting_stale_roster_days'),
  syncUrl: t('options_setting_sync_url'),
  syncEveryHours: t('options_setting_sync_every_hours'),
};

/** Said instead of valibot's own messages, which are written for programmers. */
const EXPECTED: Readonly<Record<SettingKey, string>> = {
  schoolHandles: t('options_expected_school_handles'),
  classes: t('options_expected_classes'),
  extraPrefixes: t('options_expected_extra_prefixes'),
  rules: t('options_expected_rules'),
  neverANames: t('options_expected_never_a_names'),
  schoolPhones: t('options_expected_school_phones'),
  schoolEmails: t('options_expected_school_emails'),
  staleRosterDays: t('options_expected_stale_roster_days'),
  syncUrl: t('options_expected_sync_url'),
  syncEveryHours: t('options_expected_sync_every_hours'),
};

/** One entry per non-blank line of a text box, trimmed. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** Aliases typed as "Y1, Year One". */
export function aliasesOf(text: string): string[] {
  return text.split(',').map((alias) => alias.trim()).filter((alias) => alias !== '');
}

/** A number box's text; anything that is not a number fails validation with the field's message. */
export function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** An empty box means no sync. */
export function syncUrlOf(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

/** Validates `base` with `change` applied: what a section's Save button sends. */
export function checkSettings(base: Settings, change: Partial<Record<SettingKey, unknown>>): SettingsCheck {
  const parsed = v.safeParse(SettingsSchema, { ...base, ...change });
  if (!parsed.success) {
    const seen = new Set<string>();
    const problems: SettingsProblem[] = [];
    for (const issue of parsed.issues) {
      const path = (issue.path ?? []).map((item) => item.key);
      const key = path[0] as SettingKey | undefined;
      if (key === undefined) continue;
      const message = problemMessage(key, path[1], friendly(key, issue.message));
      if (!seen.has(message)) problems.push({ key, message });
      seen.add(message);
    }
    return { ok: false, problems };
  }
  const problems = [...contactProblems(parsed.output), ...classProblems(parsed.output.classes)];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: parsed.output };
}

/** "Setting: problem.", naming the class or line when the problem is in one (`index` is the issue path's second step). */
function problemMessage(key: SettingKey, index: unknown, problem: string): string {
  if (typeof index !== 'number') return t('options_problem', SETTING_LABELS[key], problem);
  return key === 'classes' ? t('options_problem_class', SETTING_LABELS[key], index + 1, problem) : t('options_problem_line', SETTING_LABELS[key], index + 1, problem);
}

function friendly(key: SettingKey, message: string): string {
  // The schema's own messages that were written for people ("The sync URL must start with https://").
  if (!/^Invalid /.test(message)) return message.replace(/\.$/, '');
  return EXPECTED[key];
}

function contactProblems(settings: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  settings.schoolEmails.forEach((email, index) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      problems.push({ key: 'schoolEmails', message: t('options_problem_email', SETTING_LABELS.schoolEmails, index + 1, email) });
    }
  });
  settings.schoolPhones.forEach((phone, index) => {
    const digits = phone.replace(/\D/g, '').length;
    if (digits < 7 || /[^\d\s()+.-]/.test(phone)) {
      problems.push({ key: 'schoolPhones', message: t('options_problem_phone', SETTING_LABELS.schoolPhones, index + 1, phone) });
    }
  });
  return problems;
}

/** A name or alias used twice would make "begins with a class name" ambiguous. */
function classProblems(classes: readonly ClassSetting[]): SettingsProblem[] {
  const owners = new Map<string, string>();
  const problems: SettingsProblem[] = [];
  for (const setting of classes) {
    for (const name of [setting.name, ...setting.aliases]) {
      const key = name.toLocaleLowerCase('en-GB');
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, setting.name);
      else problems.push({ key: 'classes', message: t('options_problem_name_twice', SETTING_LABELS.classes, name, owner, setting.name) });
    }
  }
  return problems;
}
