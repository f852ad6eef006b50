/** A roster JSON file written by our own export → pupils, or what is wrong with it. */
import * as v from 'valibot';
import { messageText, type MessageText, type PlainMessageKey } from '../policy/message-text';
import { decodeText } from './decode-text';
import { createDuplicateFinder } from './duplicate-pupils';
import { PupilSchema, type Pupil } from './model';
import { fileProblemResult, type LeftOutRow, type RosterParseResult, type RosterProblem } from './parse-result';
import { pupilInClass } from './problem-words';
import { ROSTER_JSON_VERSION, RosterJsonSchema } from './roster-json-format';

/** What each field should hold, for messages: valibot's own messages are written for programmers. */
const FIELD_EXPECTATIONS = {
  id: 'roster_problem_json_should_be_filled',
  forename: 'roster_problem_json_should_be_filled',
  preferredName: 'roster_problem_json_should_be_optional_text',
  surname: 'roster_problem_json_should_be_text',
  className: 'roster_problem_json_should_be_text',
  yearGroup: 'roster_problem_json_should_be_optional_text',
  photoConsent: 'roster_problem_json_should_be_true_or_false',
  aliases: 'roster_problem_json_should_be_texts',
} as const satisfies Record<keyof Pupil, PlainMessageKey>;

/** `row` in the problems is the pupil's position in the file's list (the first pupil is 1). */
export function parseRosterJson(bytes: Uint8Array, fileName: string): RosterParseResult {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes).text);
  } catch (error) {
    return fileProblemResult(messageText('roster_problem_json_invalid', fileName, error instanceof Error ? error.message : String(error)));
  }
  const envelope = v.safeParse(RosterJsonSchema, data);
  if (!envelope.success) return fileProblemResult(messageText('roster_problem_json_not_ours', fileName));
  if (envelope.output.version > ROSTER_JSON_VERSION) {
    return fileProblemResult(messageText('roster_problem_json_newer', fileName));
  }
  if (envelope.output.pupils.length === 0) return fileProblemResult(messageText('roster_problem_json_no_pupils', fileName));

  const pupils: Pupil[] = [];
  const errors: RosterProblem[] = [];
  const warnings: MessageText[] = [];
  const leftOut: LeftOutRow[] = [];
  const duplicates = createDuplicateFinder();
  envelope.output.pupils.forEach((entry, index) => {
    const row = index + 1;
    const parsed = v.safeParse(PupilSchema, entry);
    if (!parsed.success) {
      if (typeof entry !== 'object' || entry === null) {
        errors.push({ row, message: messageText('roster_problem_json_not_a_pupil') });
        leftOut.push({ row, name: null });
        return;
      }
      const fields = new Set(parsed.issues.map((issue) => issue.path?.[0]?.key as keyof Pupil | undefined));
      for (const field of fields) {
        if (field === undefined) continue;
        errors.push({ row, column: field, message: messageText(FIELD_EXPECTATIONS[field]) });
      }
      leftOut.push({ row, name: nameShown(entry) });
      return;
    }
    const pupil = normalisePupil(parsed.output);
    // Only white space is as good as empty, for the two fields a pupil cannot be without.
    const blank = (['id', 'forename'] as const).filter((field) => pupil[field] === '');
    if (blank.length > 0) {
      for (const field of blank) errors.push({ row, column: field, message: messageText(FIELD_EXPECTATIONS[field]) });
      leftOut.push({ row, name: nameShown(pupil) });
      return;
    }
    const { sameIdAs, sameNameAs } = duplicates.check(pupil, row);
    if (sameIdAs !== undefined) {
      errors.push({ row, column: 'id', message: messageText('roster_problem_json_same_id', pupil.id, String(sameIdAs)) });
      return;
    }
    if (sameNameAs !== undefined) {
      warnings.push(messageText('roster_note_json_same_name', String(sameNameAs), String(row), pupilInClass(pupil)));
    }
    pupils.push(pupil);
  });
  return errors.length > 0 ? { ok: false, errors, validPupils: pupils, leftOut, consentAssumedNo: 0, warnings } : { ok: true, pupils, warnings };
}

/** The entry's name, as far as it has one, to list a left-out pupil by. */
function nameShown(entry: object): string | null {
  const { forename, surname } = entry as { forename?: unknown; surname?: unknown };
  const name = [forename, surname].filter((part): part is string => typeof part === 'string').join(' ').trim();
  return name === '' ? null : name;
}

/** The same tidying the CSV import does, so a pupil reads the same whichever way it came in. */
function normalisePupil(pupil: Pupil): Pupil {
  const tidy = (text: string) => text.trim().normalize('NFC');
  const result: Pupil = {
    id: tidy(pupil.id),
    forename: tidy(pupil.forename),
    surname: tidy(pupil.surname),
    className: tidy(pupil.className),
    photoConsent: pupil.photoConsent,
  };
  const yearGroup = pupil.yearGroup === undefined ? '' : tidy(pupil.yearGroup);
  if (yearGroup !== '') result.yearGroup = yearGroup;
  const preferredName = pupil.preferredName === undefined ? '' : tidy(pupil.preferredName);
  if (preferredName !== '') result.preferredName = preferredName;
  const aliases = (pupil.aliases ?? []).map(tidy).filter((alias) => alias !== '');
  if (aliases.length > 0) result.aliases = aliases;
  return result;
}
