/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * = + - @ (or a tab / carriage return before one) as a formula. Our export puts a ' in front of
 * such cells so Excel shows them as text; our import takes that ' off again.
 *
 * So that export → import gives back exactly what went in, a cell that already starts with one or
 * more ' followed by a trigger also gets one more ': the import removes exactly one ' whenever the
 * cell starts with ' (any number of them) and then a trigger. A ' before anything else (a name such
 * as 'Ofa) is never touched, in either direction.
 */

/** The cells our export escapes; passed to papaparse's `escapeFormulae`. */
export const FORMULA_CELL = /^'*[=+\-@\t\r]/;

const ESCAPED_FORMULA_CELL = /^'+[=+\-@\t\r]/;

/** Does this cell, as imported, start like a formula? (Kept as text either way.) */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@]/.test(cell);
}

export function unescapeFormulaCell(cell: string): string {
  return ESCAPED_FORMULA_CELL.test(cell) ? cell.slice(1) : cell;
}
