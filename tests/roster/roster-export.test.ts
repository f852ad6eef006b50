import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../src/roster/csv-import';
import { parseRosterJson } from '../../src/roster/json-import';
import type { Pupil, Roster } from '../../src/roster/model';
import { exportRosterCsv, exportRosterJson } from '../../src/roster/roster-export';

const sample = parseRosterCsv(new Uint8Array(readFileSync(new URL('../fixtures/roster/sample-roster.csv', import.meta.url))), 'sample-roster.csv');
if (!sample.ok) throw new Error('the sample roster must parse');
const SAMPLE_PUPILS = sample.pupils;

/** Pupils whose names a spreadsheet would run as formulas, or that look like our escaping. */
const AWKWARD_PUPILS: Pupil[] = [
  { id: 'p1', forename: '=HYPERLINK("http://evil.example","Click")', surname: '+Smith', className: '-Owls', photoConsent: true },
  { id: 'p2', forename: '@SUM(A1)', surname: "'=already quoted", className: "''+twice", photoConsent: false },
  { id: 'p3', forename: "'Ofa", surname: "O'Brien", className: 'Year 5', photoConsent: true, preferredName: 'Ofa', aliases: ['=alias', 'Ofa T'] },
  { id: '=1+1', forename: 'Ada', surname: 'Nowak, Jr', className: 'Owls "Class"', photoConsent: false },
];

function reimportCsv(pupils: Pupil[]): Pupil[] {
  const result = parseRosterCsv(new TextEncoder().encode(exportRosterCsv(pupils)), 'export.csv');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.pupils;
}

describe('CSV export', () => {
  it('writes the header our import reads, consent as Yes/No, with a BOM for Excel', () => {
    const csv = exportRosterCsv(SAMPLE_PUPILS.slice(1, 3));
    expect(csv).toBe(
      '\uFEFFPupil ID,Forename,Preferred name,Surname,Class,Year Group,Photo consent,Other names\r\n' +
        'T90000000002,William,Will,Hunter,Hedgehogs,R,Yes,\r\n' +
        'T90000000003,Zoë,,Green,Hedgehogs,R,No,\r\n',
    );
  });

  it('round-trips the sample roster', () => {
    expect(reimportCsv(SAMPLE_PUPILS)).toEqual(SAMPLE_PUPILS);
  });

  it('round-trips names that look like formulas or like our escaping', () => {
    expect(reimportCsv(AWKWARD_PUPILS)).toEqual(AWKWARD_PUPILS);
  });

  it('round-trips pupils known only by name and class (derived ids)', () => {
    const result = parseRosterCsv(new TextEncoder().encode('Forename,Surname,Class,Consent\nAda,Nowak,Owls,Y\n'), 'r.csv');
    const pupils = result.ok ? result.pupils : [];
    expect(reimportCsv(pupils)).toEqual(pupils);
  });

  it('makes every formula cell safe: none starts with = + - @ tab or CR when a spreadsheet opens it', () => {
    const cells = Papa.parse<string[]>(exportRosterCsv(AWKWARD_PUPILS).slice(1), { skipEmptyLines: true }).data.flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","Click")`);
    expect(cells).toContain("'+Smith");
    expect(cells).toContain("''=already quoted");
    expect(cells).toContain("'''+twice");
    // A ' before a letter is part of the name, never escaping.
    expect(cells).toContain("'Ofa");
    expect(cells).toContain("O'Brien");
  });

  it('the same rule applies in a roster file not made by us: a leading \' before = is taken as escaping', () => {
    const result = parseRosterCsv(new TextEncoder().encode("Forename,Surname,Class,Consent\n'=Ada,'Nowak,Owls,Y\n"), 'r.csv');
    expect(result.ok && result.pupils[0]).toMatchObject({ forename: '=Ada', surname: "'Nowak" });
  });
});

describe('JSON export', () => {
  const roster: Roster = { pupils: [...SAMPLE_PUPILS, ...AWKWARD_PUPILS], importedAt: '2025-09-01T08:00:00.000Z', source: 'sample-roster.csv' };

  it('writes the format marker, where the roster came from, and the pupils', () => {
    const file = JSON.parse(exportRosterJson(roster, new Date('2025-09-02T10:00:00Z')));
    expect(file).toEqual({
      format: 'school-post-guard-roster',
      version: 1,
      exportedAt: '2025-09-02T10:00:00.000Z',
      source: 'sample-roster.csv',
      importedAt: '2025-09-01T08:00:00.000Z',
      pupils: roster.pupils,
    });
  });

  it('round-trips through the JSON import', () => {
    const result = parseRosterJson(new TextEncoder().encode(exportRosterJson(roster)), 'roster.json');
    expect(result).toEqual({ ok: true, pupils: roster.pupils, warnings: [] });
  });
});
