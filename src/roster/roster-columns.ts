/**
 * Which column of a roster file holds which pupil field. SIMS, Arbor, Bromcom and hand-made
 * spreadsheets each name their columns differently, so headers are compared loosely: any case,
 * spaces and punctuation ignored, bracketed notes such as "(Y/N)" dropped.
 */

import type { PlainMessageKey } from '../policy/message-text';

export type RosterField = 'forename' | 'preferredName' | 'surname' | 'fullName' | 'className' | 'yearGroup' | 'photoConsent' | 'id' | 'aliases';

const REQUIRED_FIELDS = ['forename', 'surname', 'className', 'photoConsent'] as const satisfies readonly RosterField[];

/** Header names as MIS exports write them; the first one is what our own CSV export writes. */
export const COLUMN_ALIASES: Readonly<Record<RosterField, readonly string[]>> = {
  forename: ['Forename', 'First name', 'Legal Forename', 'Legal First Name', 'Firstname', 'Given name', 'Given names', 'Forenames'],
  preferredName: ['Preferred name', 'Known as', 'Preferred Forename', 'Preferred First Name', 'Chosen name'],
  surname: ['Surname', 'Last name', 'Legal Surname', 'Legal Last Name', 'Lastname', 'Family name'],
  /** SIMS reports' one "Name" column, "Surname, Forename": used only when there are no separate columns. */
  fullName: ['Name', 'Full name', 'Pupil name', 'Student name', 'Legal name', 'Pupil', 'Student'],
  className: ['Class', 'Class name', 'Reg Group', 'Registration Group', 'Reg Form', 'Registration Form', 'Form', 'Form Group', 'Reg', 'Tutor Group'],
  yearGroup: ['Year Group', 'Year', 'NC Year', 'Curriculum Year', 'National Curriculum Year', 'Yr Group', 'Year Grp'],
  photoConsent: ['Photo consent', 'Photo permission', 'Photo permissions', 'Photograph consent', 'Photography consent', 'Consent'],
  id: ['Pupil ID', 'UPN', 'Admission No', 'Admission Number', 'Adno', 'MIS ID', 'Student ID', 'ID'],
  aliases: ['Other names', 'Aliases', 'Also known as'],
};

/** What each field is called in messages ("no column for the pupil's surname"), by its key in _locales. */
export const FIELD_DESCRIPTIONS = {
  forename: 'roster_field_forename',
  preferredName: 'roster_field_preferred_name',
  surname: 'roster_field_surname',
  fullName: 'roster_field_full_name',
  className: 'roster_field_class',
  yearGroup: 'roster_field_year_group',
  photoConsent: 'roster_field_photo_consent',
  id: 'roster_field_id',
  aliases: 'roster_field_aliases',
} as const satisfies Record<RosterField, PlainMessageKey>;

export interface ColumnMatch {
  /** Column index of each field found in the header. */
  columns: Partial<Record<RosterField, number>>;
  /** Required fields with no column. */
  missing: RosterField[];
  /** A second column that also looked like a field already taken: left unused, but worth telling. */
  duplicates: { field: RosterField; used: string; ignored: string }[];
  /** Headers that are none of ours (date of birth, year group…): ignored. */
  unused: string[];
}

const FIELD_BY_HEADER_KEY = new Map<string, RosterField>(
  (Object.entries(COLUMN_ALIASES) as [RosterField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [headerKey(alias), field] as const),
  ),
);

function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function matchRosterColumns(headers: readonly string[]): ColumnMatch {
  const columns: Partial<Record<RosterField, number>> = {};
  const duplicates: ColumnMatch['duplicates'] = [];
  const unused: string[] = [];
  headers.forEach((header, index) => {
    const field = FIELD_BY_HEADER_KEY.get(headerKey(header));
    if (field === undefined) {
      if (header.trim() !== '') unused.push(header);
      return;
    }
    const taken = columns[field];
    // The left-most column wins: predictable, and what a person reading the sheet would assume.
    if (taken === undefined) columns[field] = index;
    else duplicates.push({ field, used: headers[taken] ?? '', ignored: header });
  });
  // A single name column stands in for forename and surname (split when the rows are read).
  const namesFromFullName = columns.fullName !== undefined && (columns.forename === undefined || columns.surname === undefined);
  if (!namesFromFullName && columns.fullName !== undefined) {
    unused.push(headers[columns.fullName] ?? '');
    delete columns.fullName;
  }
  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined && !(namesFromFullName && (field === 'forename' || field === 'surname')));
  return { columns, missing, duplicates, unused };
}
