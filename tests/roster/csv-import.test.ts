import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv, parseRosterCsvInChunks, type RosterParseResult } from '../../src/roster/csv-import';
import type { Pupil } from '../../src/roster/model';
import { describeRosterProblem } from '../../src/roster/parse-result';
import { tMessage } from '../../src/shared/i18n';
import { utf16be, utf16le, utf8, windows1252 } from './text-encoders';

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/roster/${name}`, import.meta.url)));
}

const SAMPLE_TEXT = new TextDecoder().decode(fixture('sample-roster.csv'));

function pupilsOf(result: RosterParseResult): Pupil[] {
  if (!result.ok) throw new Error(`expected a valid roster, got: ${problemsOf(result).join('; ')}`);
  return result.pupils;
}

function problemsOf(result: RosterParseResult): string[] {
  if (result.ok) throw new Error('expected problems, the roster was accepted');
  return result.errors.map((problem) => tMessage(describeRosterProblem(problem)));
}

function csv(text: string): RosterParseResult {
  return parseRosterCsv(utf8(text), 'roster.csv');
}

const SAMPLE_PUPILS = pupilsOf(parseRosterCsv(fixture('sample-roster.csv'), 'sample-roster.csv'));

describe('the sample roster', () => {
  it('has 30 pupils in four classes, one without photo consent in each', () => {
    expect(SAMPLE_PUPILS).toHaveLength(30);
    const classes = [...new Set(SAMPLE_PUPILS.map((pupil) => pupil.className))];
    expect(classes).toEqual(['Hedgehogs', 'Badgers', 'Owls', 'Year 5']);
    for (const className of classes) {
      expect(SAMPLE_PUPILS.filter((pupil) => pupil.className === className && !pupil.photoConsent)).toHaveLength(1);
    }
  });

  it('reads each field from its SIMS-style column', () => {
    expect(SAMPLE_PUPILS[1]).toEqual({ id: 'T90000000002', forename: 'William', preferredName: 'Will', surname: 'Hunter', className: 'Hedgehogs', yearGroup: 'R', photoConsent: true });
    expect(SAMPLE_PUPILS[2]).toEqual({ id: 'T90000000003', forename: 'Zoë', surname: 'Green', className: 'Hedgehogs', yearGroup: 'R', photoConsent: false });
    expect(SAMPLE_PUPILS.find((pupil) => pupil.forename === 'Seán')?.surname).toBe('Ó Súilleabháin');
    expect(SAMPLE_PUPILS.find((pupil) => pupil.forename === 'Niamh')?.surname).toBe("O'Brien");
  });

  it('reads the year group from its "Year" column and uses every column', () => {
    const result = parseRosterCsv(fixture('sample-roster.csv'), 'sample-roster.csv');
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))).toEqual([]);
    expect([...new Set(SAMPLE_PUPILS.map((pupil) => `${pupil.className}:${pupil.yearGroup}`))]).toEqual(['Hedgehogs:R', 'Badgers:1', 'Owls:2', 'Year 5:5']);
  });
});

describe('encodings', () => {
  it.each([
    ['UTF-8 with BOM', utf8(SAMPLE_TEXT, { bom: true })],
    ['UTF-16 LE with BOM (Excel "Unicode text")', utf16le(SAMPLE_TEXT)],
    ['UTF-16 BE with BOM', utf16be(SAMPLE_TEXT)],
    ['UTF-16 LE without BOM', utf16le(SAMPLE_TEXT, { bom: false })],
    ['UTF-16 BE without BOM', utf16be(SAMPLE_TEXT, { bom: false })],
    ['Windows-1252 with CRLF', windows1252(SAMPLE_TEXT.replace(/\n/g, '\r\n'))],
  ])('reads the sample saved as %s', (_name, bytes) => {
    expect(pupilsOf(parseRosterCsv(bytes, 'roster.csv'))).toEqual(SAMPLE_PUPILS);
  });

  it('reads the Windows-1252 file on disk, accents intact, and says how it read it', () => {
    const bytes = fixture('sample-roster-windows-1252.csv');
    expect(bytes.includes(0xeb)).toBe(true); // "ë" as one byte: the file really is Windows-1252
    const result = parseRosterCsv(bytes, 'sample-roster-windows-1252.csv');
    expect(pupilsOf(result)).toEqual(SAMPLE_PUPILS);
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))[0]).toMatch(/read as Windows-1252/);
  });

  it('reads a curly apostrophe saved by Excel as Windows-1252', () => {
    const pupils = pupilsOf(parseRosterCsv(windows1252('Forename,Surname,Class,Consent\r\nNiamh,O’Brien,Owls,Y\r\n'), 'r.csv'));
    expect(pupils[0]?.surname).toBe('O’Brien');
  });

  it('keeps names as written, normalised to NFC (composed accents)', () => {
    const decomposed = 'Zoe\u0308';
    const pupils = pupilsOf(csv(`Forename,Surname,Class,Consent\n${decomposed},Green,Owls,Y\n`));
    expect(pupils[0]?.forename).toBe('Zoë');
    expect(pupils[0]?.forename).toHaveLength(3);
  });
});

describe('delimiters', () => {
  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
    ['comma', ','],
  ])('detects %s', (_name, delimiter) => {
    const rows = Papa.parse<string[]>(SAMPLE_TEXT, { delimiter: ',', skipEmptyLines: true }).data;
    const text = Papa.unparse(rows, { delimiter });
    expect(pupilsOf(csv(text))).toEqual(SAMPLE_PUPILS);
  });

  it('detects semicolons when names contain commas in quotes', () => {
    const pupils = pupilsOf(csv('Forename;Surname;Class;Consent\n"Ada, Jr";Nowak;Owls;Y\nKai;Bell;Owls;N\n'));
    expect(pupils.map((pupil) => pupil.forename)).toEqual(['Ada, Jr', 'Kai']);
  });

  it('honours an Excel "sep=" first line and does not count it as a row', () => {
    const result = csv('sep=;\nForename;Surname;Class;Consent\nAda;Nowak;Owls;maybe\n');
    expect(problemsOf(result)).toEqual([`"Consent": 1 pupil has no consent value the guard can read — 'maybe' (row 2). They are imported with photo consent = no, so staff are asked about them before any photo goes out. Values read: Yes/No, Y/N, Granted/Refused, Given/Not given, Agreed/Declined, Consented/Not consented, Allowed/Not allowed, True/False, 1/0.`]);
  });
});

describe('header names', () => {
  it.each([
    ['First name,Known as,Surname,Class,Photo consent'],
    ['Forename,Preferred name,Last name,Reg Group,Photo permission'],
    ['Legal Forename,Preferred Forename,Legal Surname,Registration Group,Consent'],
    ['FIRST_NAME,known_as,SURNAME,form,PHOTO-CONSENT'],
    ['Firstname,Preferred Forename,Family name,Reg,Photo Consent (Y/N)'],
    ['Given name,Known As,Surname,Registration Form,Photography consent'],
    ['  First   Name ,Known as,Surname, Class ,Photo consent'],
  ])('reads %s', (header) => {
    const pupils = pupilsOf(csv(`${header}\nWilliam,Will,Hunter,Hedgehogs,Yes\n`));
    expect(pupils).toEqual([{ id: 'name:william|hunter|hedgehogs', forename: 'William', preferredName: 'Will', surname: 'Hunter', className: 'Hedgehogs', photoConsent: true }]);
  });

  it.each([['UPN'], ['Admission No'], ['MIS ID'], ['Pupil ID'], ['ID'], ['Adno']])('takes the pupil id from %s', (idHeader) => {
    const pupils = pupilsOf(csv(`${idHeader},Forename,Surname,Class,Consent\nA123,Ada,Nowak,Owls,Y\n`));
    expect(pupils[0]?.id).toBe('A123');
  });

  it('reads an Arbor-style export', () => {
    const result = parseRosterCsv(fixture('arbor-style.csv'), 'arbor-style.csv');
    expect(pupilsOf(result).map((pupil) => [pupil.id, pupil.forename, pupil.preferredName, pupil.surname, pupil.className, pupil.photoConsent])).toEqual([
      ['ARB-1001', 'Grace', undefined, 'Brown', 'Hedgehogs', true],
      ['ARB-1002', 'William', 'Will', 'Hunter', 'Hedgehogs', true],
      ['ARB-1003', 'Zoë', undefined, 'Green', 'Hedgehogs', false],
      ['ARB-1009', 'Rose', undefined, 'Parker', 'Badgers', true],
      ['ARB-1011', 'Chloé', undefined, 'Dubois', 'Badgers', false],
    ]);
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))).toEqual([]);
    expect(pupilsOf(result)[0]?.yearGroup).toBe('Reception');
  });

  it('reads a Bromcom-style export (Y/N in any case, padded with spaces)', () => {
    const pupils = pupilsOf(parseRosterCsv(fixture('bromcom-style.csv'), 'bromcom-style.csv'));
    expect(pupils.map((pupil) => [pupil.id, pupil.forename, pupil.photoConsent])).toEqual([
      ['000101', 'Grace', true],
      ['000102', 'William', true],
      ['000103', 'Zoë', false],
      ['000109', 'Rose', true],
      ['000111', 'Chloé', false],
    ]);
  });

  it('uses the left-most of two columns for the same field, and says so', () => {
    const result = csv('Forename,Legal Forename,Surname,Class,Consent\nJo,Joanna,Marsh,Owls,Y\n');
    expect(pupilsOf(result)[0]?.forename).toBe('Jo');
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))).toContain(`Both "Forename" and "Legal Forename" look like the pupil's forename; "Forename" is used.`);
  });

  it('warns that pupils are matched by name when there is no id column', () => {
    const result = csv('Forename,Surname,Class,Consent\nAda,Nowak,Owls,Y\n');
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))).toEqual([expect.stringContaining('no pupil ID column')]);
  });
});

describe('photo consent values', () => {
  it.each([
    ['Y', true], ['y', true], ['Yes', true], ['YES', true], ['True', true], ['TRUE', true], ['1', true], [' yes ', true],
    ['N', false], ['n', false], ['No', false], ['no', false], ['False', false], ['false', false], ['0', false], ['\tNo', false],
    // The words MIS consent panels and schools' own sheets use.
    ['Granted', true], ['Refused', false], ['Given', true], ['Not given', false], ['NOT GIVEN', false], ['Consent given', true],
    ['Agreed', true], ['Declined', false], ['Consented', true], ['Not consented', false], ['Allowed', true], ['Not allowed', false],
    ['Not_Allowed', false], ['Withdrawn', false], ['Not asked', false], ['Pending', false],
  ])('%j is %s', (value, consent) => {
    const pupils = pupilsOf(csv(`Forename,Surname,Class,Consent\nAda,Nowak,Owls,"${value}"\n`));
    expect(pupils[0]?.photoConsent).toBe(consent);
  });
});

describe('files with problems', () => {
  it('empty file', () => {
    expect(problemsOf(parseRosterCsv(fixture('empty.csv'), 'empty.csv'))).toEqual(['"empty.csv" is empty: there is no header row and no pupils.']);
    expect(problemsOf(csv('\n\n  \n'))).toEqual(['"roster.csv" is empty: there is no header row and no pupils.']);
  });

  it('header only', () => {
    expect(problemsOf(parseRosterCsv(fixture('header-only.csv'), 'header-only.csv'))).toEqual(['"header-only.csv" has a header row but no pupils below it.']);
  });

  it('missing column: says which, and lists the headers found', () => {
    expect(problemsOf(parseRosterCsv(fixture('missing-column.csv'), 'missing-column.csv'))).toEqual([
      'row 1: the header row has no column for photo consent (a header such as "Photo consent", "Photo permission", "Photo permissions"). Columns found: "First name", "Known as", "Last name", "Class".',
    ]);
  });

  it('several missing columns in one message', () => {
    const [problem] = problemsOf(csv('Pupil details,Class\nAda Nowak,Owls\n'));
    expect(problem).toMatch(/^row 1: the header row has no column for the pupil's forename .*; nor for the pupil's surname .*; nor for photo consent .*Columns found: "Pupil details", "Class"\.$/);
  });

  it('unterminated quote: names the row where the quote opens and keeps the rows before it', () => {
    const result = parseRosterCsv(fixture('unterminated-quote.csv'), 'unterminated-quote.csv');
    expect(problemsOf(result)).toEqual(['row 3: a double quote (") opened in this row is never closed, so everything after it reads as one cell. Close the quote or remove it.']);
    expect(!result.ok && result.validPupils.map((pupil) => pupil.forename)).toEqual(['Oliver']);
  });

  it('malformed quotes in the middle of a cell', () => {
    expect(problemsOf(csv('Forename,Surname,Class,Consent\n"Ada"x,Nowak,Owls,Y\nKai,Bell,Owls,N\n'))[0]).toMatch(/^row 2: a double quote \("\) in this row is not written correctly/);
  });

  it('bad and empty consent values, by row and header as written', () => {
    const result = parseRosterCsv(fixture('bad-consent.csv'), 'bad-consent.csv');
    expect(problemsOf(result)).toEqual([`"Photo consent": 2 pupils have no consent value the guard can read — 'maybe' (row 3), empty (row 5). They are imported with photo consent = no, so staff are asked about them before any photo goes out. Values read: Yes/No, Y/N, Granted/Refused, Given/Not given, Agreed/Declined, Consented/Not consented, Allowed/Not allowed, True/False, 1/0.`]);
    // Unknown consent is no consent: the pupils are kept, so their names stay guarded.
    expect(!result.ok && result.validPupils.map((pupil) => [pupil.forename, pupil.photoConsent])).toEqual([['Oliver', true], ['Poppy', false], ['Jasmine', false], ['Holly', false]]);
    expect(!result.ok && result.consentAssumedNo).toBe(2);
    expect(!result.ok && result.leftOut).toEqual([]);
  });

  it('empty required cells', () => {
    expect(problemsOf(csv('Forename,Surname,Reg Group,Consent\n ,Nowak,Owls,Y\nKai,,,N\n'))).toEqual([
      'row 2, "Forename": the cell is empty; every pupil needs a forename',
      'row 3, "Surname": the cell is empty; every pupil needs a surname',
      'row 3, "Reg Group": the cell is empty; every pupil needs a class (the pupil\'s name is still guarded)',
    ]);
  });

  it('duplicate pupil by name and class (any case), naming both rows', () => {
    const result = parseRosterCsv(fixture('duplicate-pupil.csv'), 'duplicate-pupil.csv');
    expect(problemsOf(result)).toEqual(['row 5: this row repeats row 2: oliver Bennett in Hedgehogs is listed twice.']);
    expect(!result.ok && result.validPupils).toHaveLength(3);
  });

  it('duplicate pupil id, naming both rows', () => {
    expect(problemsOf(csv('UPN,Forename,Surname,Class,Consent\nA1,Ada,Nowak,Owls,Y\nA2,Kai,Bell,Owls,Y\nA1,Ivy,Fox,Owls,N\n'))).toEqual([
      `row 4, "UPN": 'A1' is also the ID of row 2: each pupil needs their own ID, so one of the two rows is a duplicate.`,
    ]);
  });

  it('two pupils with the same name and class but different ids are kept, with a warning', () => {
    const result = csv('UPN,Forename,Surname,Class,Consent\nA1,Ada,Nowak,Owls,Y\nA2,Ada,Nowak,Owls,Y\n');
    expect(pupilsOf(result)).toHaveLength(2);
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))).toContain('Rows 2 and 3 are both Ada Nowak in Owls, with different IDs: both are kept.');
  });

  it('rows with the wrong number of cells', () => {
    const result = parseRosterCsv(fixture('wrong-field-count.csv'), 'wrong-field-count.csv');
    expect(problemsOf(result)).toEqual([
      'row 3: this row has 6 cells but the header row has 5: a name or class containing a comma must be in double quotes.',
      'row 4: this row has 4 cells but the header row has 5: a comma is missing, or the row is cut short.',
    ]);
    // A trailing empty cell ("…,Yes,") shifts nothing and is accepted.
    expect(!result.ok && result.validPupils.map((pupil) => pupil.forename)).toEqual(['Oliver', 'Holly']);
  });

  it('a workbook chosen instead of its CSV', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(problemsOf(parseRosterCsv(zip, 'pupils.xlsx'))[0]).toMatch(/^"pupils.xlsx" is a spreadsheet workbook \(.xlsx or .ods\), not a CSV file/);
  });
});

describe('rows and cells', () => {
  it('skips blank lines but counts them, so row numbers match the spreadsheet', () => {
    const result = csv('\nForename,Surname,Class,Consent\n\nAda,Nowak,Owls,Y\n,,,\n\nKai,Bell,Owls,perhaps\n');
    expect(problemsOf(result)).toEqual([`"Consent": 1 pupil has no consent value the guard can read — 'perhaps' (row 7). They are imported with photo consent = no, so staff are asked about them before any photo goes out. Values read: Yes/No, Y/N, Granted/Refused, Given/Not given, Agreed/Declined, Consented/Not consented, Allowed/Not allowed, True/False, 1/0.`]);
  });

  it('counts a quoted cell with a line break as one row, as Excel does', () => {
    const result = csv('Forename,Surname,Class,Consent\n"Ada\nMary",Nowak,Owls,Y\nKai,Bell,Owls,perhaps\n');
    expect(problemsOf(result)).toEqual([`"Consent": 1 pupil has no consent value the guard can read — 'perhaps' (row 3). They are imported with photo consent = no, so staff are asked about them before any photo goes out. Values read: Yes/No, Y/N, Granted/Refused, Given/Not given, Agreed/Declined, Consented/Not consented, Allowed/Not allowed, True/False, 1/0.`]);
  });

  it('keeps formula-like cells as the text given, without an error, and mentions them', () => {
    const result = csv('Forename,Surname,Class,Consent\n=HYPERLINK("http://x"),Nowak,Owls,Y\n-Ann,+Bell,@Owls,N\n');
    expect(pupilsOf(result).map((pupil) => [pupil.forename, pupil.surname, pupil.className])).toEqual([
      ['=HYPERLINK("http://x")', 'Nowak', 'Owls'],
      ['-Ann', '+Bell', '@Owls'],
    ]);
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))).toContain('Some cells start with =, +, - or @ (rows 2, 3); they are kept as plain text.');
  });

  it('reads other names separated by semicolons', () => {
    const pupils = pupilsOf(csv('Forename,Surname,Class,Consent,Other names\nAda,Nowak,Owls,Y,"Addie; Ada Smith ;"\n'));
    expect(pupils[0]?.aliases).toEqual(['Addie', 'Ada Smith']);
  });

  it('a pupil id derived from name and class stays the same when only the case changes', () => {
    const first = pupilsOf(csv('Forename,Surname,Class,Consent\nAda,Nowak,Owls,Y\n'));
    const second = pupilsOf(csv('Forename,Surname,Class,Consent\nADA,NOWAK,owls,N\n'));
    expect(first[0]?.id).toBe(second[0]?.id);
  });
});

describe('large files', () => {
  const rowCount = 10_000;
  function largeRoster(): string {
    const lines = ['UPN,Forename,Known as,Surname,Class,Photo consent'];
    for (let index = 0; index < rowCount; index += 1) {
      const name = index % 97 === 0 ? `"Zoë ""Z"", ${index}"` : `Pupil${index}`;
      lines.push(`U${index},${name},,Surname${index},Class ${index % 12},${index % 5 === 0 ? 'No' : 'Yes'}`);
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  it(`parses ${rowCount} rows correctly`, () => {
    const pupils = pupilsOf(csv(largeRoster()));
    expect(pupils).toHaveLength(rowCount);
    expect(pupils[9_999]).toEqual({ id: 'U9999', forename: 'Pupil9999', surname: 'Surname9999', className: 'Class 3', photoConsent: true });
    expect(pupils[97]?.forename).toBe('Zoë "Z", 97');
    expect(pupils.filter((pupil) => !pupil.photoConsent)).toHaveLength(rowCount / 5);
  });

  it('in chunks: the same result, progress reported, the event loop given back between chunks', async () => {
    const bytes = utf8(largeRoster());
    const progress: number[] = [];
    // A timer stands in for the options page: it must get turns while the file is still being parsed.
    let timerTurns = 0;
    const timer = setInterval(() => (timerTurns += 1), 0);
    let timerTurnsBeforeEnd = 0;
    const result = await parseRosterCsvInChunks(bytes, 'big.csv', (fraction) => {
      progress.push(fraction);
      if (fraction < 1) timerTurnsBeforeEnd = timerTurns;
    });
    clearInterval(timer);
    expect(result).toEqual(parseRosterCsv(bytes, 'big.csv'));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect(timerTurnsBeforeEnd).toBeGreaterThan(0);
  });

  it('in chunks: problems deep in the file get the same row numbers', async () => {
    const lines = largeRoster().split('\r\n');
    lines[4_000] = 'U3999,Pupil3999,,Surname3999,Class 3,maybe';
    // Row 9996 opens a quote nothing closes: the rest of the file is one cell.
    lines[9_995] = 'U9994,"Pupil9994,,Surname9994,Class 10,Yes';
    const bytes = utf8(lines.join('\r\n'));
    const chunked = await parseRosterCsvInChunks(bytes, 'big.csv', () => undefined);
    expect(chunked).toEqual(parseRosterCsv(bytes, 'big.csv'));
    expect(problemsOf(chunked)).toEqual([
      `"Photo consent": 1 pupil has no consent value the guard can read — 'maybe' (row 4001). They are imported with photo consent = no, so staff are asked about them before any photo goes out. Values read: Yes/No, Y/N, Granted/Refused, Given/Not given, Agreed/Declined, Consented/Not consented, Allowed/Not allowed, True/False, 1/0.`,
      'row 9996: a double quote (") opened in this row is never closed, so everything after it reads as one cell. Close the quote or remove it.',
    ]);
  });

  it('in chunks: a file-level problem comes back at once', async () => {
    const progress: number[] = [];
    const result = await parseRosterCsvInChunks(new Uint8Array(), 'empty.csv', (fraction) => progress.push(fraction));
    expect(problemsOf(result)).toEqual(['"empty.csv" is empty: there is no header row and no pupils.']);
    expect(progress.at(-1)).toBe(1);
  });
});

describe('importing a file with problems anyway', () => {
  const result = csv([
    'UPN,Forename,Surname,Class,Photo consent',
    'A1,Ada,Nowak,Owls,Website only', // unknown value: kept, no consent
    'A2,Kai,Bell,Owls,', // empty: kept, no consent
    'A3,,,Owls,Yes', // no name at all: left out
    'A4,Ivy,Fox,Owls,Website only',
    'A5,Eli,"Moss,Owls,Yes', // an unclosed quote: the rest cannot be read
  ].join('\n'));

  it('keeps every pupil with a name, those whose consent cannot be read with photo consent = no', () => {
    expect(!result.ok && result.validPupils.map((pupil) => [pupil.forename, pupil.photoConsent])).toEqual([['Ada', false], ['Kai', false], ['Ivy', false]]);
    expect(!result.ok && result.consentAssumedNo).toBe(3);
  });

  it('lists the rows it would leave out, by row and whatever name they show', () => {
    expect(!result.ok && result.leftOut).toEqual([{ row: 4, name: null }, { row: 6, name: 'Eli Moss,Owls,Yes' }]);
  });

  it('says once which consent values it cannot read, with how many of each', () => {
    const consentProblems = problemsOf(result).filter((problem) => problem.includes('consent value'));
    expect(consentProblems).toEqual([expect.stringMatching(/^"Photo consent": 3 pupils have no consent value the guard can read — 'Website only' \(2 rows: 2, 5\), empty \(row 3\)\. They are imported with photo consent = no/)]);
  });

  it('one message for a whole column of an unknown value, however long the file', () => {
    const rows = Array.from({ length: 420 }, (_, index) => `Pupil${index},Surname${index},Owls,Website only`);
    const problems = problemsOf(csv(`Forename,Surname,Class,Consent\n${rows.join('\n')}\n`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^"Consent": 420 pupils have no consent value the guard can read — 'Website only' \(420 rows: 2, 3, 4, 5, 6… and 415 more\)/);
  });

  it('counts in the thousands with a separator, row numbers as the spreadsheet shows them', () => {
    const rows = Array.from({ length: 1200 }, (_, index) => `Pupil${index},Surname${index},Owls,${index === 1100 ? 'Ja' : 'Website only'}`);
    const problems = problemsOf(csv(`Forename,Surname,Class,Consent\n${rows.join('\n')}\n`));
    expect(problems).toEqual([expect.stringMatching(/^"Consent": 1,200 pupils have no consent value the guard can read — 'Website only' \(1,199 rows: 2, 3, 4, 5, 6… and 1,194 more\), 'Ja' \(row 1102\)\. They are imported/)]);
  });

  it('keeps the file\'s notes for that import', () => {
    const withNotes = parseRosterCsv(windows1252('Forename,Surname,Class,Consent,Shoe size\r\nZoë,Green,Owls,maybe\r\n'), 'r.csv');
    expect(!withNotes.ok && withNotes.warnings.map((warning) => tMessage(warning))).toEqual([
      'The file is not UTF-8, so it was read as Windows-1252 (Excel\'s usual "CSV" on Windows): check that accented names look right.',
      'Columns not used: "Shoe size".',
      'There is no pupil ID column (such as "UPN" or "Admission No"), so pupils are matched between imports by name and class.',
    ]);
  });

  it('a pupil without a class or surname is still kept: the name is what must be guarded', () => {
    const kept = csv('Forename,Surname,Class,Consent\nAda,,Owls,Y\nKai,Bell,,N\n');
    expect(!kept.ok && kept.validPupils.map((pupil) => [pupil.forename, pupil.surname, pupil.className])).toEqual([['Ada', '', 'Owls'], ['Kai', 'Bell', '']]);
  });

  it('two pupils given the same ID are both kept', () => {
    const both = csv('UPN,Forename,Surname,Class,Consent\nA1,Ada,Nowak,Owls,Y\nA1,Ivy,Fox,Owls,N\n');
    expect(!both.ok && both.validPupils.map((pupil) => pupil.forename)).toEqual(['Ada', 'Ivy']);
    expect(!both.ok && new Set(both.validPupils.map((pupil) => pupil.id)).size).toBe(2);
  });

  it('a row with its cells shifted is left out, not read into the wrong fields', () => {
    const shifted = csv('Forename,Surname,Class,Consent\nAda,Nowak,Owls,Y\nKai,Bell,Oak,Class,N\n');
    expect(!shifted.ok && shifted.validPupils.map((pupil) => pupil.forename)).toEqual(['Ada']);
    expect(!shifted.ok && shifted.leftOut).toEqual([{ row: 3, name: 'Kai Bell' }]);
  });
});

describe('a SIMS-style single "Name" column', () => {
  it('splits "Surname, Forename" and says so', () => {
    const result = csv('Name,Reg Group,Photo consent\n"Ó Súilleabháin, Seán",Owls,Granted\n"Smith-Jones, Mary Ann",Owls,Refused\n');
    expect(pupilsOf(result).map((pupil) => [pupil.forename, pupil.surname, pupil.photoConsent])).toEqual([['Seán', 'Ó Súilleabháin', true], ['Mary Ann', 'Smith-Jones', false]]);
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))).toContain('The "Name" column was read as "Surname, Forename" (as SIMS writes it) and split for 2 pupils: check a few names in the preview.');
  });

  it('a name it cannot split: says how to get separate columns out of SIMS, and still guards every part', () => {
    const result = csv('Pupil Name,Class,Consent\nAmelia Hartley,Owls,Y\n"Bell, Kai",Owls,N\n');
    expect(problemsOf(result)).toEqual([
      '"Pupil Name": 1 name is not written "Surname, Forename" (row 2), so the surname cannot be told from the forename. Imported anyway, that name is guarded word by word. '
        + 'To get separate columns from SIMS, add "Legal Forename" and "Legal Surname" (or "Forename" and "Surname") to the report instead of "Name", and export it again.',
    ]);
    expect(!result.ok && result.validPupils.map((pupil) => [pupil.forename, pupil.surname])).toEqual([['Amelia Hartley', ''], ['Kai', 'Bell']]);
  });

  it('separate forename and surname columns win over a "Name" column', () => {
    const result = csv('Name,Forename,Surname,Class,Consent\n"Nowak, Ada",Ada,Nowak,Owls,Y\n');
    expect(pupilsOf(result)[0]).toMatchObject({ forename: 'Ada', surname: 'Nowak' });
    expect(result.ok && result.warnings.map((warning) => tMessage(warning))).toContain('Columns not used: "Name".');
  });
});
