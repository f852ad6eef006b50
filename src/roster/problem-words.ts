/**
 * The parts of an import's sentences that come from the file: a list of values, the first few row
 * numbers of many. They are message texts too (src/policy/message-text.ts), so the options page and
 * the CLI say the whole sentence in the reader's words. Counts are said with thousands separators;
 * row numbers as the spreadsheet shows them.
 */
import { messageText, type MessageText, type Substitution } from '../policy/message-text';
import { formatCount } from '../shared/format-count';

/** Rows named in full before "… and N more". */
const ROWS_SHOWN = 5;

/** "'maybe' (row 3), empty (row 5)": the items in order, joined as the messages file joins them. */
export function listed(items: readonly Substitution[]): Substitution {
  return items.slice(1).reduce<Substitution>((list, item) => messageText('roster_list_next', list, item), items[0] ?? '');
}

/** "3, 7, 12", or "2, 3, 4, 5, 6… and 415 more": enough rows to find the pattern in the sheet. */
export function rowList(rows: readonly number[]): Substitution {
  const shown = rows.slice(0, ROWS_SHOWN).join(', ');
  return rows.length > ROWS_SHOWN ? messageText('roster_rows_and_more', shown, formatCount(rows.length - ROWS_SHOWN)) : shown;
}

/** "Ada Nowak in Owls". */
export function pupilInClass(pupil: { forename: string; surname: string; className: string }): MessageText {
  return messageText('roster_pupil_in_class', pupil.forename, pupil.surname, pupil.className);
}
