/**
 * A roster CSV exported from the school's MIS (or saved from Excel) → pupils, or the list of what is
 * wrong with it, by spreadsheet row and column header, in words an ICT lead can act on.
 */
import Papa from 'papaparse';
import type { ParseError } from 'papaparse';
import * as v from 'valibot';
import { decodeText, type TextEncodingName } from './decode-text';
import { createDuplicateFinder } from './duplicate-pupils';
import { looksLikeFormula, unescapeFormulaCell } from './formula-cells';
import type { Pupil } from './model';
import type { RosterParseResult, RosterProblem } from './parse-result';
import { COLUMN_ALIASES, FIELD_DESCRIPTIONS, matchRosterColumns, type RosterField } from './roster-columns';

export type { RosterParseResult, RosterProblem } from './parse-result';

/** Comma, semicolon (Excel where the decimal mark is a comma) or tab ("Text (Tab delimited)"). */
const DELIMITERS = [',', ';', '\t'];

/** Characters per chunk in the async variant: a few hundred rows, a few milliseconds of work. */
const CHUNK_CHARACTERS = 64 * 1024;

const CONSENT_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['yes', true], ['y', true], ['true', true], ['1', true],
  ['no', false], ['n', false], ['false', false], ['0', false],
]);

const requiredCell = (what: string) => v.pipe(v.string(), v.nonEmpty(`the cell is empty; every pupil needs ${what}`));

/** One data row, as the cells of the columns we use (an absent optional column reads as ''). */
const RosterRowSchema = v.object({
  forename: requiredCell('a forename'),
  preferredName: v.string(),
  surname: requiredCell('a surname'),
  className: requiredCell('a class'),
  photoConsent: v.pipe(
    v.string(),
    v.nonEmpty('the cell is empty; write Yes or No'),
    v.check((cell) => CONSENT_WORDS.has(cell.toLowerCase()), (issue) => `'${String(issue.input)}' is not Yes/No (Y/N, True/False and 1/0 also work)`),
    v.transform((cell) => CONSENT_WORDS.get(cell.toLowerCase()) === true),
  ),
  id: v.string(),
  aliases: v.string(),
});
type RosterRow = v.InferInput<typeof RosterRowSchema>;

export function parseRosterCsv(bytes: Uint8Array, fileName: string): RosterParseResult {
  const prepared = prepareText(bytes, fileName);
  if ('result' in prepared) return prepared.result;
  const collector = new RosterCollector(fileName, prepared.encoding);
  const parsed = Papa.parse<string[]>(prepared.text, parseConfig(prepared.delimiter));
  collector.add(parsed.data, parsed.errors, parsed.meta.delimiter);
  return collector.finish();
}

/**
 * The same as `parseRosterCsv`, a chunk at a time, giving the event loop back between chunks so the
 * options page stays responsive on a large file. `onProgress` receives 0…1.
 */
export function parseRosterCsvInChunks(bytes: Uint8Array, fileName: string, onProgress: (fraction: number) => void): Promise<RosterParseResult> {
  const prepared = prepareText(bytes, fileName);
  if ('result' in prepared) {
    onProgress(1);
    return Promise.resolve(prepared.result);
  }
  const { text } = prepared;
  const collector = new RosterCollector(fileName, prepared.encoding);
  return new Promise((resolve) => {
    // papaparse streams a string in chunks too (its typings only describe that for files).
    const config: Papa.ParseLocalConfig<string[], Papa.LocalFile> & Papa.ParseConfig<string[]> & { download?: false; worker?: false } = {
      ...parseConfig(prepared.delimiter),
      chunkSize: CHUNK_CHARACTERS,
      chunk(results, parser) {
        // In chunk mode papaparse numbers errors within the chunk, as `add` expects.
        collector.add(results.data, results.errors, results.meta.delimiter);
        parser.pause();
        setTimeout(() => {
          onProgress(text.length === 0 ? 1 : Math.min(results.meta.cursor / text.length, 1));
          parser.resume();
        }, 0);
      },
      complete() {
        onProgress(1);
        resolve(collector.finish());
      },
    };
    Papa.parse(text, config);
  });
}

function parseConfig(delimiter: string): Papa.ParseConfig<string[]> {
  // Blank lines are kept (and skipped later) so that row numbers match the spreadsheet.
  return { delimiter, skipEmptyLines: false };
}

/**
 * papaparse's guess, from the first rows, ignoring blank lines: counted in, the blank line at the
 * end of a short file makes the real delimiter look inconsistent, and a quoted "Addie; Ada" can then
 * win for ";".
 */
function guessDelimiter(text: string): string {
  return Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy', preview: 10 }).meta.delimiter;
}

type PreparedText = { text: string; encoding: TextEncodingName; delimiter: string } | { result: RosterParseResult };

function prepareText(bytes: Uint8Array, fileName: string): PreparedText {
  const workbook = spreadsheetWorkbookKind(bytes);
  if (workbook !== null) {
    return fileProblem(`"${fileName}" is a spreadsheet workbook (${workbook}), not a CSV file. In Excel choose File › Save As › "CSV UTF-8 (Comma delimited)" and import that file.`);
  }
  const { text, encoding } = decodeText(bytes);
  // Excel honours (and hides) a first line "sep=;": it names the delimiter and is not the header.
  const separatorLine = /^sep=(.)\r?\n/i.exec(text);
  if (separatorLine?.[1] !== undefined) return { text: text.slice(separatorLine[0].length), encoding, delimiter: separatorLine[1] };
  return { text, encoding, delimiter: guessDelimiter(text) };
}

/** Zip (.xlsx, .ods) or OLE (.xls) magic bytes: a workbook chosen by mistake for its CSV. */
function spreadsheetWorkbookKind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return '.xlsx or .ods';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return '.xls';
  return null;
}

function fileProblem(message: string): { result: RosterParseResult } {
  return { result: { ok: false, errors: [{ row: 0, message }], validPupils: [] } };
}

interface HeaderRow {
  cells: string[];
  columns: Partial<Record<RosterField, number>>;
}

/** Turns parsed records (all at once, or chunk by chunk) into pupils, problems and warnings. */
class RosterCollector {
  private rowsSeen = 0;
  private header: HeaderRow | null = null;
  /** Set when the header lacks a required column: the rows below cannot be read. */
  private unreadable = false;
  private dataRows = 0;
  private readonly pupils: Pupil[] = [];
  private readonly problems: RosterProblem[] = [];
  private readonly warnings: string[] = [];
  private readonly formulaRows: number[] = [];
  private readonly duplicates = createDuplicateFinder();

  constructor(
    private readonly fileName: string,
    encoding: TextEncodingName,
  ) {
    if (encoding === 'windows-1252') {
      this.warnings.push('The file is not UTF-8, so it was read as Windows-1252 (Excel\'s usual "CSV" on Windows): check that accented names look right.');
    }
  }

  /** `errors[].row` indexes into `records`. */
  add(records: string[][], errors: ParseError[], delimiter: string): void {
    const errorsByRecord = new Map<number, ParseError>();
    for (const error of errors) if (error.row !== undefined && !errorsByRecord.has(error.row)) errorsByRecord.set(error.row, error);
    records.forEach((cells, index) => {
      this.rowsSeen += 1;
      if (this.unreadable) return;
      const error = errorsByRecord.get(index);
      if (error) this.problems.push({ row: this.rowsSeen, message: describeParseError(error) });
      else if (cells.some((cell) => cell.trim() !== '')) this.addRow(cells, this.rowsSeen, delimiter);
    });
  }

  finish(): RosterParseResult {
    if (this.header === null && this.problems.length === 0) {
      this.problems.push({ row: 0, message: `"${this.fileName}" is empty: there is no header row and no pupils.` });
    } else if (this.header !== null && this.dataRows === 0 && this.problems.length === 0) {
      this.problems.push({ row: 0, message: `"${this.fileName}" has a header row but no pupils below it.` });
    }
    if (this.problems.length > 0) return { ok: false, errors: this.problems, validPupils: this.pupils };
    if (this.formulaRows.length > 0) {
      this.warnings.push(`Some cells start with =, +, - or @ (rows ${this.formulaRows.slice(0, 5).join(', ')}${this.formulaRows.length > 5 ? '…' : ''}); they are kept as plain text.`);
    }
    return { ok: true, pupils: this.pupils, warnings: this.warnings };
  }

  private addRow(cells: string[], row: number, delimiter: string): void {
    if (this.header === null) {
      this.readHeader(cells, row);
      return;
    }
    this.dataRows += 1;
    const header = this.header;
    const expected = header.cells.length;
    // Extra cells that are empty (a trailing delimiter) carry nothing and shift nothing.
    const meaningful = cells.length > expected && cells.slice(expected).every((cell) => cell.trim() === '') ? expected : cells.length;
    if (meaningful !== expected) {
      const delimiterName = DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`;
      const hint = meaningful > expected
        ? `a name or class containing a ${delimiterName} must be in double quotes`
        : `a ${delimiterName} is missing, or the row is cut short`;
      this.problems.push({ row, message: `this row has ${meaningful} cells but the header row has ${expected}: ${hint}.` });
      return;
    }

    const cell = (field: RosterField): string => {
      const index = header.columns[field];
      return index === undefined ? '' : unescapeFormulaCell((cells[index] ?? '').trim().normalize('NFC'));
    };
    const input: RosterRow = {
      forename: cell('forename'),
      preferredName: cell('preferredName'),
      surname: cell('surname'),
      className: cell('className'),
      photoConsent: cell('photoConsent'),
      id: cell('id'),
      aliases: cell('aliases'),
    };
    // abortPipeEarly: an empty consent cell is one problem (empty), not also "'' is not Yes/No".
    const parsed = v.safeParse(RosterRowSchema, input, { abortPipeEarly: true });
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const field = issue.path?.[0]?.key as RosterField | undefined;
        const index = field === undefined ? undefined : header.columns[field];
        this.problems.push({ row, column: index === undefined ? undefined : header.cells[index], message: issue.message });
      }
      return;
    }
    const values = parsed.output;
    if ([values.forename, values.preferredName, values.surname, values.className].some(looksLikeFormula)) this.formulaRows.push(row);

    const pupil: Pupil = {
      id: values.id === '' ? derivedPupilId(values.forename, values.surname, values.className) : values.id,
      forename: values.forename,
      surname: values.surname,
      className: values.className,
      photoConsent: values.photoConsent,
    };
    if (values.preferredName !== '') pupil.preferredName = values.preferredName;
    const aliases = values.aliases.split(';').map((alias) => alias.trim()).filter((alias) => alias !== '');
    if (aliases.length > 0) pupil.aliases = aliases;
    this.addPupil(pupil, row, values.id !== '');
  }

  private addPupil(pupil: Pupil, row: number, idFromFile: boolean): void {
    const { sameIdAs, sameNameAs } = this.duplicates.check(pupil, row);
    const who = `${pupil.forename} ${pupil.surname} in ${pupil.className}`;
    const idColumn = this.header?.columns.id;
    if (sameIdAs !== undefined && idFromFile) {
      const column = idColumn === undefined ? undefined : this.header?.cells[idColumn];
      this.problems.push({ row, column, message: `'${pupil.id}' is also the ID of row ${sameIdAs}: each pupil needs their own ID, so one of the two rows is a duplicate.` });
    } else if (sameIdAs !== undefined) {
      this.problems.push({ row, message: `this row repeats row ${sameIdAs}: ${who} is listed twice.` });
    } else {
      if (sameNameAs !== undefined) this.warnings.push(`Rows ${sameNameAs} and ${row} are both ${who}, with different IDs: both are kept.`);
      this.pupils.push(pupil);
    }
  }

  private readHeader(cells: string[], row: number): void {
    const headers = cells.map((cell) => cell.trim());
    const match = matchRosterColumns(headers);
    this.header = { cells: headers, columns: match.columns };
    if (match.missing.length > 0) {
      this.unreadable = true;
      const found = headers.filter((header) => header !== '').map((header) => `"${header}"`).join(', ') || 'none';
      const wanted = match.missing.map((field) => {
        const examples = COLUMN_ALIASES[field].slice(0, 3).map((alias) => `"${alias}"`).join(', ');
        return `${FIELD_DESCRIPTIONS[field]} (a header such as ${examples})`;
      });
      this.problems.push({ row, message: `the header row has no column for ${wanted.join('; nor for ')}. Columns found: ${found}.` });
      return;
    }
    for (const { field, used, ignored } of match.duplicates) {
      this.warnings.push(`Both "${used}" and "${ignored}" look like ${FIELD_DESCRIPTIONS[field]}; "${used}" is used.`);
    }
    if (match.unused.length > 0) this.warnings.push(`Columns not used: ${match.unused.map((header) => `"${header}"`).join(', ')}.`);
    if (match.columns.id === undefined) {
      this.warnings.push('There is no pupil ID column (such as "UPN" or "Admission No"), so pupils are matched between imports by name and class.');
    }
  }
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

function describeParseError(error: ParseError): string {
  if (error.code === 'MissingQuotes') {
    return 'a double quote (") opened in this row is never closed, so everything after it reads as one cell. Close the quote or remove it.';
  }
  // Typically a quote left open that papaparse closed at the next quote further down, so rows in
  // between may have been read into this cell.
  return 'a double quote (") in this row is not written correctly, and the rows after it may have been read as part of this cell. A cell in quotes must end with a quote, and a quote inside a cell must be doubled ("").';
}

/** Without an MIS id, the pupil is known by name and class: the same pupil gets the same id on every import. */
function derivedPupilId(forename: string, surname: string, className: string): string {
  return `name:${[forename, surname, className].map((part) => part.toLocaleLowerCase('en-GB')).join('|')}`;
}
