/** A roster with the names that make name matching hard, compiled the way the background and CLI do. */
import { buildPolicySnapshot } from '../../src/policy/snapshot';
import { NAME_KNOWLEDGE } from '../../src/policy/knowledge/name-knowledge';
import { compilePolicy, type CompileOptions, type CompiledPolicy } from '../../src/policy/engine';
import type { Pupil } from '../../src/roster/model';
import { SettingsSchema, type SettingsInput } from '../../src/shared/settings';
import * as v from 'valibot';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRosterCsv } from '../../src/roster/csv-import';

type PupilRow = [forename: string, surname: string, className: string, photoConsent?: boolean, preferredName?: string];

const ROWS: PupilRow[] = [
  ['Ava', 'Brown', 'Oak'],
  ['Max', 'Green', 'Oak'],
  ['Isla', 'Wood', 'Oak'],
  ['Will', 'King', 'Oak'],
  ['Oliver', 'Smith', 'Oak', true, 'Ollie'],
  ['Grace', 'Young', 'Willow', false],
  ['Hope', 'Stone', 'Willow'],
  ['May', 'Walker', 'Willow'],
  ['Willow', 'Adeyemi', 'Willow'],
  ['Summer', 'Bell', 'Year 6'],
  ['Rose', 'Price', 'Year 6'],
  ['Mason', 'Knight', 'Year 6'],
  ['Kai', 'Marsh', 'Year 6'],
  ['Amelia', 'Hussain', 'Owls'],
  ['Zoë', 'Novak', 'Owls'],
  ['Siobhán', 'Murphy', 'Owls'],
  ['Jose', 'García', 'Owls'],
  ['Mary-Jane', "O'Brien", 'Badgers'],
  ['Daan', 'Van der Berg', 'Badgers'],
  ['Reggie', 'Okafor', 'Badgers'],
  ['Jack', 'Fox', 'Badgers'],
  ['Daisy', 'Hunter', 'Badgers'],
  ['Noor', 'Ahmed', 'Hedgehogs'],
];

export const TEST_PUPILS: Pupil[] = ROWS.map(([forename, surname, className, photoConsent = true, preferredName]) => ({
  id: `${forename}-${surname}`.toLowerCase(),
  forename,
  surname,
  className,
  photoConsent,
  ...(preferredName ? { preferredName } : {}),
}));

export function testPolicy(settings: SettingsInput = {}, pupils: Pupil[] = TEST_PUPILS, options: CompileOptions = {}): CompiledPolicy {
  const snapshot = buildPolicySnapshot({ pupils, importedAt: '2025-01-01T00:00:00Z', source: 'test' }, v.parse(SettingsSchema, settings), NAME_KNOWLEDGE);
  return compilePolicy(snapshot, options);
}

/** The test roster and pupils with Arabic and Urdu names, written in their own scripts as a school's MIS may hold them. */
export function rtlPolicy(settings: SettingsInput = {}): CompiledPolicy {
  const pupils: Pupil[] = [
    { id: 'muhammad-ali', forename: 'محمد', surname: 'علي', className: 'Oak', photoConsent: true },
    { id: 'ayesha-khan', forename: 'عائشہ', surname: 'خان', className: 'Oak', photoConsent: true },
    { id: 'yusuf-rahman', forename: 'یوسف', surname: 'رحمان', className: 'Willow', photoConsent: true },
  ];
  return testPolicy(settings, [...TEST_PUPILS, ...pupils]);
}

/** The sample roster of tests/fixtures/roster (the one the CLI probes use), compiled without a phone library. */
export function samplePolicy(settings: SettingsInput = {}, options: CompileOptions = {}): CompiledPolicy {
  const parsed = parseRosterCsv(new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/roster/sample-roster.csv'))), 'sample-roster.csv');
  if (!parsed.ok) throw new Error('the sample roster does not parse');
  return testPolicy(settings, parsed.pupils, options);
}

/** The school-scale roster of tests/fixtures/school (406 pupils in 14 tree classes) and more pupils: [forename, surname, class]. */
export function schoolPolicy(more: [forename: string, surname: string, className: string][] = [], settings: SettingsInput = {}): CompiledPolicy {
  const parsed = parseRosterCsv(new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/school/roster.csv'))), 'roster.csv');
  if (!parsed.ok) throw new Error('the school roster does not parse');
  const extra = more.map(([forename, surname, className]): Pupil => ({ id: `${forename}-${surname}`.toLowerCase(), forename, surname, className, photoConsent: true }));
  return testPolicy(settings, [...parsed.pupils, ...extra]);
}
