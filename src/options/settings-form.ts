/**
 * The options page's forms → a Settings object, or the problems with it in words an ICT lead can
 * act on, each tied to the setting (and line) it is about. The background validates again on save.
 */
import * as v from 'valibot';
import type { SettingKey } from '../shared/messages';
import { SettingsSchema, type ClassSetting, type Settings } from '../shared/settings';

export interface SettingsProblem {
  key: SettingKey;
  message: string;
}

export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

export const SETTING_LABELS: Readonly<Record<SettingKey, string>> = {
  schoolHandles: 'School X accounts',
  classes: 'Classes',
  extraPrefixes: 'Other allowed openings',
  rules: 'Rules',
  neverANames: 'Never a name',
  schoolPhones: 'School phone numbers',
  schoolEmails: 'School e-mail addresses',
  staleRosterDays: 'Warn when the roster is older than (days)',
  syncUrl: 'Roster sync address',
  syncEveryHours: 'Sync every (hours)',
};

/** Said instead of valibot's own messages, which are written for programmers. */
const EXPECTED: Readonly<Record<SettingKey, string>> = {
  schoolHandles: 'an X handle is 1–15 letters, digits or _',
  classes: 'every class needs a name',
  extraPrefixes: 'each line needs some text',
  rules: 'choose one of the listed levels',
  neverANames: 'each line needs some text',
  schoolPhones: 'each line is one phone number',
  schoolEmails: 'each line is one e-mail address',
  staleRosterDays: 'a whole number of days, 1 or more',
  syncUrl: 'a full address starting with https://',
  syncEveryHours: 'a number of hours from 1 to 168',
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
      const message = `${SETTING_LABELS[key]}${whereIn(key, path)}: ${friendly(key, issue.message)}.`;
      if (!seen.has(message)) problems.push({ key, message });
      seen.add(message);
    }
    return { ok: false, problems };
  }
  const problems = [...contactProblems(parsed.output), ...classProblems(parsed.output.classes)];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: parsed.output };
}

function whereIn(key: SettingKey, path: unknown[]): string {
  const index = path[1];
  if (typeof index !== 'number') return '';
  return key === 'classes' ? `, class ${index + 1}` : `, line ${index + 1}`;
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
      problems.push({ key: 'schoolEmails', message: `${SETTING_LABELS.schoolEmails}, line ${index + 1}: “${email}” is not an e-mail address.` });
    }
  });
  settings.schoolPhones.forEach((phone, index) => {
    const digits = phone.replace(/\D/g, '').length;
    if (digits < 7 || /[^\d\s()+.-]/.test(phone)) {
      problems.push({ key: 'schoolPhones', message: `${SETTING_LABELS.schoolPhones}, line ${index + 1}: “${phone}” is not a phone number.` });
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
      else problems.push({ key: 'classes', message: `${SETTING_LABELS.classes}: “${name}” is used by both ${owner} and ${setting.name}.` });
    }
  }
  return problems;
}
