/**
 * A roster CSV exported from the school's MIS (or saved from Excel) → pupils, or the list of what is
 * wrong with it, by spreadsheet row and column header, in words an ICT lead can act on.
 */
import Papa from 'papaparse';
import type { ParseError } from 'papaparse';
import { messageText, type MessageText, type Substitution } from '../policy/message-text';
import { formatCount } from '../shared/format-count';
import { decodeText, type TextEncodingName } from './decode-text';
import { createDuplicateFinder } from './duplicate-pupils';
import { looksLikeFormula, unescapeFormulaCell } from './formula-cells';
import { CONSENT_VALUE_EXAMPLES, readConsent } from './consent-values';
import type { Pupil } from './model';
import { fileProblemResult, type LeftOutRow, type RosterParseResult, type RosterProblem } from './parse-result';
import { listed, pupilInClass, rowList } from './problem-words';
import { COLUMN_ALIASES, FIELD_DESCRIPTIONS, matchRosterColumns, type RosterField } from './roster-columns';
import { splitFullName } from './split-full-name';

export type { RosterParseResult, RosterProblem } from './parse-result';

/** Comma, semicolon (Excel where the decimal mark is a comma) or tab ("Text (Tab delimited)"). */
const DELIMITERS = [',', ';', '\t'];

/** Characters per chunk in the async variant: a few hundred rows, a few milliseconds of work. */
const CHUNK_CHARACTERS = 64 * 1024;

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
  if (workbook !== null) return fileProblem(messageText(workbook, fileName));
  const { text, encoding } = decodeText(bytes);
  // Excel honours (and hides) a first line "sep=;": it names the delimiter and is not the header.
  const separatorLine = /^sep=(.)\r?\n/i.exec(text);
  if (separatorLine?.[1] !== undefined) return { text: text.slice(separatorLine[0].length), encoding, delimiter: separatorLine[1] };
  return { text, encoding, delimiter: guessDelimiter(text) };
}

/** Zip (.xlsx, .ods) or OLE (.xls) magic bytes: a workbook chosen by mistake for its CSV. What to say about it, or null. */
function spreadsheetWorkbookKind(bytes: Uint8Array): 'roster_problem_workbook_zip' | 'roster_problem_workbook_xls' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'roster_problem_workbook_zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'roster_problem_workbook_xls';
  return null;
}

function fileProblem(message: MessageText): { result: RosterParseResult } {
  return { result: fileProblemResult(message) };
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
  /** Every row with a usable name, problems or not (see RosterParseResult). */
  private readonly pupils: Pupil[] = [];
  private readonly ids = new Set<string>();
  private readonly problems: RosterProblem[] = [];
  private readonly leftOut: LeftOutRow[] = [];
  private readonly warnings: MessageText[] = [];
  private readonly formulaRows: number[] = [];
  /** Consent cells that are empty or not a consent value, by what they say: one message for all. */
  private readonly unreadConsent = new Map<string, number[]>();
  /** Rows whose consent says nobody has answered yet ("Not asked"). */
  private notAnswered = 0;
  private namesSplit = 0;
  /** Rows whose one name cell is not "Surname, Forename". */
  private readonly unsplitRows: number[] = [];
  private readonly duplicates = createDuplicateFinder();

  constructor(
    private readonly fileName: string,
    encoding: TextEncodingName,
  ) {
    if (encoding === 'windows-1252') {
      this.warnings.push(messageText('roster_note_windows_1252'));
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
      if (error) {
        this.problems.push({ row: this.rowsSeen, message: describeParseError(error) });
        this.leaveOut(this.rowsSeen, cells);
      } else if (cells.some((cell) => cell.trim() !== '')) this.addRow(cells, this.rowsSeen, delimiter);
    });
  }

  finish(): RosterParseResult {
    if (this.header === null && this.problems.length === 0) {
      this.problems.push({ row: 0, message: messageText('roster_problem_empty_file', this.fileName) });
    } else if (this.header !== null && this.dataRows === 0 && this.problems.length === 0) {
      this.problems.push({ row: 0, message: messageText('roster_problem_header_only', this.fileName) });
    }
    const consentAssumedNo = [...this.unreadConsent.values()].reduce((sum, rows) => sum + rows.length, 0);
    if (this.unsplitRows.length > 0) {
      const rows = this.unsplitRows;
      const column = this.headerOf('fullName');
      this.problems.push({
        row: 0,
        message: rows.length === 1
          ? messageText('roster_problem_names_not_split_one', column, rowList(rows))
          : messageText('roster_problem_names_not_split_other', column, formatCount(rows.length), rowList(rows)),
      });
    }
    // First: it is about photo consent, and it may be about every row.
    if (consentAssumedNo > 0) this.problems.unshift({ row: 0, message: this.unreadConsentMessage(consentAssumedNo) });
    if (this.formulaRows.length > 0) {
      this.warnings.push(messageText('roster_note_formula_cells', rowList(this.formulaRows)));
    }
    if (this.namesSplit > 0) {
      this.warnings.push(this.namesSplit === 1
        ? messageText('roster_note_names_split_one', this.headerOf('fullName'))
        : messageText('roster_note_names_split_other', this.headerOf('fullName'), formatCount(this.namesSplit)));
    }
    if (this.notAnswered > 0) {
      this.warnings.push(this.notAnswered === 1 ? messageText('roster_note_consent_not_answered_one') : messageText('roster_note_consent_not_answered_other', formatCount(this.notAnswered)));
    }
    if (this.problems.length > 0) {
      return { ok: false, errors: this.problems, validPupils: this.pupils, leftOut: this.leftOut, consentAssumedNo, warnings: this.warnings };
    }
    return { ok: true, pupils: this.pupils, warnings: this.warnings };
  }

  private unreadConsentMessage(total: number): MessageText {
    const values = [...this.unreadConsent.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([value, rows]) => {
        const [first] = rows;
        if (value === '') return rows.length === 1 ? messageText('roster_consent_empty_row', String(first)) : messageText('roster_consent_empty_rows', formatCount(rows.length), rowList(rows));
        return rows.length === 1 ? messageText('roster_consent_value_row', value, String(first)) : messageText('roster_consent_value_rows', value, formatCount(rows.length), rowList(rows));
      });
    const column = this.headerOf('photoConsent');
    return total === 1
      ? messageText('roster_problem_consent_unread_one', column, listed(values), CONSENT_VALUE_EXAMPLES)
      : messageText('roster_problem_consent_unread_other', column, formatCount(total), listed(values), CONSENT_VALUE_EXAMPLES);
  }

  /** The field's header as the file writes it, or what the field is called when the file has none. */
  private headerOf(field: RosterField): Substitution {
    const index = this.header?.columns[field];
    return index === undefined ? messageText(FIELD_DESCRIPTIONS[field]) : (this.header?.cells[index] ?? '');
  }

  /** The header of a column the row has. */
  private columnOf(field: RosterField): string {
    const index = this.header?.columns[field];
    return index === undefined ? '' : (this.header?.cells[index] ?? '');
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
      const named = DELIMITER_NAMES[delimiter];
      const delimiterName = named === undefined ? messageText('roster_delimiter_other', delimiter) : messageText(named);
      const message = meaningful > expected ? 'roster_problem_cells_extra' : 'roster_problem_cells_missing';
      this.problems.push({ row, message: messageText(message, formatCount(meaningful), formatCount(expected), delimiterName) });
      // Its cells are shifted: what sits in the name columns may be a class or a consent value.
      this.leaveOut(row, cells);
      return;
    }

    const cell = (field: RosterField): string => {
      const index = header.columns[field];
      return index === undefined ? '' : unescapeFormulaCell((cells[index] ?? '').trim().normalize('NFC'));
    };
    const problem = (field: RosterField, message: MessageText) => this.problems.push({ row, column: this.columnOf(field), message });

    let forename = cell('forename');
    let surname = cell('surname');
    const preferredName = cell('preferredName');
    if (header.columns.fullName !== undefined) {
      const split = splitFullName(cell('fullName'));
      if (split.kind === 'split') {
        ({ forename, surname } = split);
        this.namesSplit += 1;
      } else if (split.kind === 'unsplit') {
        // Every part of the name is still guarded, as the parts of a forename are.
        ({ forename, surname } = { forename: split.name, surname: '' });
        this.unsplitRows.push(row);
      }
    }
    if (forename === '' && preferredName !== '') forename = preferredName;
    if (forename === '') {
      problem(header.columns.fullName === undefined ? 'forename' : 'fullName', messageText('roster_problem_no_forename'));
      this.leaveOut(row, cells);
      return;
    }
    const className = cell('className');
    if (header.columns.fullName === undefined && surname === '') problem('surname', messageText('roster_problem_no_surname'));
    if (className === '') problem('className', messageText('roster_problem_no_class'));

    const consentCell = cell('photoConsent');
    const consent = readConsent(consentCell);
    if (consent === null) {
      const rows = this.unreadConsent.get(consentCell) ?? [];
      rows.push(row);
      this.unreadConsent.set(consentCell, rows);
    } else if (!consent.answered) this.notAnswered += 1;

    if ([forename, preferredName, surname, className].some(looksLikeFormula)) this.formulaRows.push(row);
    const id = cell('id');
    const pupil: Pupil = {
      id: id === '' ? derivedPupilId(forename, surname, className) : id,
      forename,
      surname,
      className,
      photoConsent: consent?.consent ?? false,
    };
    if (preferredName !== '' && preferredName !== forename) pupil.preferredName = preferredName;
    const yearGroup = cell('yearGroup');
    if (yearGroup !== '') pupil.yearGroup = yearGroup;
    const aliases = cell('aliases').split(';').map((alias) => alias.trim()).filter((alias) => alias !== '');
    if (aliases.length > 0) pupil.aliases = aliases;
    this.addPupil(pupil, row, id !== '');
  }

  private addPupil(pupil: Pupil, row: number, idFromFile: boolean): void {
    const { sameIdAs, sameNameAs } = this.duplicates.check(pupil, row);
    if (sameIdAs !== undefined && idFromFile) {
      this.problems.push({ row, column: this.columnOf('id'), message: messageText('roster_problem_same_id', pupil.id, String(sameIdAs)) });
      // Two pupils sharing an ID are still two names to guard; a true repeat is already in.
      const byName = { ...pupil, id: derivedPupilId(pupil.forename, pupil.surname, pupil.className) };
      if (!this.ids.has(byName.id)) this.keep(byName);
    } else if (sameIdAs !== undefined) {
      this.problems.push({ row, message: messageText('roster_problem_repeated_row', String(sameIdAs), pupilInClass(pupil)) });
    } else {
      if (sameNameAs !== undefined) this.warnings.push(messageText('roster_note_same_name', String(sameNameAs), String(row), pupilInClass(pupil)));
      this.keep(pupil);
    }
  }

  private keep(pupil: Pupil): void {
    this.ids.add(pupil.id);
    this.pupils.push(pupil);
  }

  /** A row that cannot become a pupil, listed by row and whatever name its name cells show. */
  private leaveOut(row: number, cells: readonly string[]): void {
    const at = (field: RosterField) => {
      const index = this.header?.columns[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const name = [at('forename') || at('preferredName'), at('surname'), at('fullName')].filter((part) => part !== '').join(' ');
    this.leftOut.push({ row, name: name === '' ? null : name });
  }

  private readHeader(cells: string[], row: number): void {
    const headers = cells.map((cell) => cell.trim());
    const match = matchRosterColumns(headers);
    this.header = { cells: headers, columns: match.columns };
    if (match.missing.length > 0) {
      this.unreadable = true;
      const found = headers.filter((header) => header !== '').map((header) => `"${header}"`).join(', ');
      const wanted = match.missing.map((field) => messageText('roster_missing_column', messageText(FIELD_DESCRIPTIONS[field]), COLUMN_ALIASES[field].slice(0, 3).map((alias) => `"${alias}"`).join(', ')));
      const missing = wanted.slice(1).reduce<Substitution>((list, next) => messageText('roster_missing_column_nor', list, next), wanted[0] ?? '');
      this.problems.push({ row, message: messageText('roster_problem_missing_columns', missing, found === '' ? messageText('roster_no_columns') : found) });
      return;
    }
    for (const { field, used, ignored } of match.duplicates) {
      this.warnings.push(messageText('roster_note_same_column', used, ignored, messageText(FIELD_DESCRIPTIONS[field])));
    }
    if (match.unused.length > 0) this.warnings.push(messageText('roster_note_unused_columns', match.unused.map((header) => `"${header}"`).join(', ')));
    if (match.columns.id === undefined) this.warnings.push(messageText('roster_note_no_id_column'));
  }
}

const DELIMITER_NAMES: Readonly<Record<string, 'roster_delimiter_comma' | 'roster_delimiter_semicolon' | 'roster_delimiter_tab'>> = {
  ',': 'roster_delimiter_comma',
  ';': 'roster_delimiter_semicolon',
  '\t': 'roster_delimiter_tab',
};

function describeParseError(error: ParseError): MessageText {
  if (error.code === 'MissingQuotes') return messageText('roster_problem_quote_not_closed');
  // Typically a quote left open that papaparse closed at the next quote further down, so rows in
  // between may have been read into this cell.
  return messageText('roster_problem_quote_malformed');
}

/** Without an MIS id, the pupil is known by name and class: the same pupil gets the same id on every import. */
function derivedPupilId(forename: string, surname: string, className: string): string {
  return `name:${[forename, surname, className].map((part) => part.toLocaleLowerCase('en-GB')).join('|')}`;
}
