import { describe, expect, it } from 'vitest';
import { parseRosterJson } from '../../src/roster/json-import';
import type { RosterParseResult } from '../../src/roster/parse-result';
import { describeRosterProblem } from '../../src/roster/parse-result';
import { tMessage } from '../../src/shared/i18n';
import { utf16le } from './text-encoders';

function file(pupils: unknown, envelope: Record<string, unknown> = {}): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({ format: 'school-post-guard-roster', version: 1, exportedAt: '2025-09-02T10:00:00.000Z', source: 'mis.csv', importedAt: '2025-09-01T08:00:00.000Z', pupils, ...envelope }),
  );
}

function problems(result: RosterParseResult): string[] {
  return result.ok ? [] : result.errors.map((problem) => tMessage(describeRosterProblem(problem)));
}

const ADA = { id: 'A1', forename: 'Ada', surname: 'Nowak', className: 'Owls', photoConsent: false };

describe('parseRosterJson', () => {
  it('reads our export, tidying names as the CSV import does', () => {
    const result = parseRosterJson(file([{ ...ADA, forename: ' Zoe\u0308 ', preferredName: '', aliases: [' Zo ', ''] }]), 'roster.json');
    expect(result).toEqual({ ok: true, pupils: [{ ...ADA, forename: 'Zoë', aliases: ['Zo'] }], warnings: [] });
  });

  it('reads it whatever the encoding', () => {
    const text = new TextDecoder().decode(file([ADA]));
    expect(parseRosterJson(utf16le(text), 'roster.json').ok).toBe(true);
  });

  it.each([
    ['not JSON', new TextEncoder().encode('Forename,Surname\n'), /^"roster.json" is not valid JSON \(/],
    ['someone else\'s JSON', new TextEncoder().encode('{"pupils": []}'), /^"roster.json" is not a pupil list exported by School Post Guard\.$/],
    ['from a newer version', file([ADA], { version: 2 }), /^"roster.json" was exported by a newer version/],
    ['no pupils', file([]), /^"roster.json" has no pupils in it\.$/],
  ])('refuses a file that is %s', (_name, bytes, message) => {
    const result = parseRosterJson(bytes, 'roster.json');
    expect(problems(result)).toEqual([expect.stringMatching(message)]);
  });

  it('names each bad pupil by position and field', () => {
    const result = parseRosterJson(file([ADA, { ...ADA, id: 'A2', photoConsent: 'yes' }, 'Kai Bell', { ...ADA, id: ' ', forename: '' }]), 'roster.json');
    expect(problems(result)).toEqual([
      'row 2, "photoConsent": should be true or false.',
      'row 3: this entry is not a pupil (it should have an id, forename, surname, className and photoConsent).',
      'row 4, "forename": should be text that is not empty.',
    ]);
    expect(!result.ok && result.validPupils).toEqual([ADA]);
  });

  it('refuses a repeated id and warns about a repeated name with another id', () => {
    expect(problems(parseRosterJson(file([ADA, { ...ADA, forename: 'Kai' }]), 'roster.json'))).toEqual([
      `row 2, "id": 'A1' is also the id of pupil 1: one of the two is a duplicate.`,
    ]);
    const result = parseRosterJson(file([ADA, { ...ADA, id: 'A2' }]), 'roster.json');
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))).toEqual(['Pupils 1 and 2 are both Ada Nowak in Owls, with different ids: both are kept.']);
  });
});
