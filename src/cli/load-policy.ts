/** The roster file and settings file → a compiled policy, or an InputError naming the file, row or field. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as v from 'valibot';
import { compilePolicy, type CompiledPolicy } from '../policy/engine';
import { NAME_KNOWLEDGE } from '../policy/knowledge/name-knowledge';
import { findPhoneNumbersWithLibrary } from '../policy/phone-numbers';
import { buildPolicySnapshot } from '../policy/snapshot';
import { parseRosterCsv } from '../roster/csv-import';
import { describeRosterProblem } from '../roster/parse-result';
import type { Roster } from '../roster/model';
import { tMessage } from '../shared/i18n';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../shared/settings';
import { InputError } from '../shared/input-error';

/** Shown at most, so a file with thousands of bad rows still gives a readable message. */
const MAX_PROBLEMS_SHOWN = 20;

export function readInputFile(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new InputError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

export function loadRoster(path: string, warn: (line: string) => void): Roster {
  const result = parseRosterCsv(readInputFile(path), basename(path));
  if (!result.ok) {
    const problems = result.errors.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => `${path}: ${tMessage(describeRosterProblem(problem))}`);
    if (result.errors.length > MAX_PROBLEMS_SHOWN) problems.push(`${path}: … and ${result.errors.length - MAX_PROBLEMS_SHOWN} more problems`);
    throw new InputError(problems.join('\n'));
  }
  // Fail closed: with no pupils nothing could be checked.
  if (result.pupils.length === 0) throw new InputError(`${path}: the pupil list has no pupils`);
  for (const warning of result.warnings) warn(`${path}: warning: ${tMessage(warning)}`);
  return { pupils: result.pupils, importedAt: new Date().toISOString(), source: basename(path) };
}

export function loadSettings(path: string | undefined): Settings {
  if (path === undefined) return DEFAULT_SETTINGS;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readInputFile(path)));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = v.safeParse(SettingsSchema, json);
  if (!parsed.success) {
    throw new InputError(parsed.issues.map((issue) => `${path}: ${v.getDotPath(issue) ?? 'settings'}: ${issue.message}`).join('\n'));
  }
  return parsed.output;
}

export function loadPolicy(rosterPath: string, settingsPath: string | undefined, warn: (line: string) => void): CompiledPolicy {
  const roster = loadRoster(rosterPath, warn);
  const settings = loadSettings(settingsPath);
  return compilePolicy(buildPolicySnapshot(roster, settings, NAME_KNOWLEDGE), { findPhoneNumbers: findPhoneNumbersWithLibrary });
}
