/**
 * SIMS reports write a pupil's name in one "Name" column as "Surname, Forename" ("Ó Súilleabháin,
 * Seán", "Smith-Jones, Mary Ann"): the part before the comma is the surname, the rest the forenames.
 * Without a comma there is no telling which part is the surname ("Mary Ann Smith", "Seán Ó Súilleabháin").
 */
export type FullNameSplit =
  | { kind: 'split'; forename: string; surname: string }
  | { kind: 'unsplit'; name: string }
  | { kind: 'empty' };

export function splitFullName(cell: string): FullNameSplit {
  const name = cell.replace(/\s+/g, ' ').trim();
  if (name === '') return { kind: 'empty' };
  const comma = name.indexOf(',');
  const surname = comma < 0 ? '' : name.slice(0, comma).trim();
  const forename = comma < 0 ? '' : name.slice(comma + 1).replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  if (surname === '' || forename === '') return { kind: 'unsplit', name: name.replace(/,/g, ' ').replace(/\s+/g, ' ').trim() };
  return { kind: 'split', forename, surname };
}
