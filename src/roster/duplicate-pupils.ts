/** Spots a pupil listed twice in one import: the same id, or the same name in the same class. */
import type { Pupil } from './model';

export interface DuplicateMatch {
  /** Row of the earlier pupil with the same id. */
  sameIdAs?: number;
  /** Row of the earlier pupil with the same forename, surname and class. */
  sameNameAs?: number;
}

export interface DuplicateFinder {
  /** Remembers `pupil` at `row` and says which earlier rows it repeats. */
  check(pupil: Pupil, row: number): DuplicateMatch;
}

export function createDuplicateFinder(): DuplicateFinder {
  const rowById = new Map<string, number>();
  const rowByName = new Map<string, number>();
  return {
    check(pupil, row) {
      const nameKey = [pupil.forename, pupil.surname, pupil.className].map((part) => part.toLocaleLowerCase('en-GB')).join('\u0000');
      const match: DuplicateMatch = {};
      const idRow = rowById.get(pupil.id);
      const nameRow = rowByName.get(nameKey);
      if (idRow !== undefined) match.sameIdAs = idRow;
      else rowById.set(pupil.id, row);
      if (nameRow !== undefined) match.sameNameAs = nameRow;
      else rowByName.set(nameKey, row);
      return match;
    },
  };
}
