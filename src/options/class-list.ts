/**
 * The classes the pupil list names, and the year-group openings its Year Group column suggests
 * ("Year 4" for Maple and Birch), for the Classes page. Classes are told apart as the policy tells
 * them apart (classNameKey), so "Maple" and "MAPLE class" are one class.
 */
import { classNameKey } from '../policy/class-prefix';
import type { Pupil } from '../roster/model';

export interface RosterClass {
  /** As the pupil list first writes it. */
  name: string;
  pupilCount: number;
}

export interface YearGroupSuggestion {
  /** The opening: "Year 4", "Reception". */
  name: string;
  /** The classes whose pupils are in that year group, in the list's order. */
  classes: string[];
}

/** Every class in the pupil list, in a natural order (Year 2 before Year 10). */
export function rosterClasses(pupils: readonly Pupil[]): RosterClass[] {
  const byKey = new Map<string, RosterClass>();
  for (const pupil of pupils) {
    const key = classNameKey(pupil.className);
    if (key === '') continue;
    const entry = byKey.get(key) ?? { name: pupil.className.trim(), pupilCount: 0 };
    entry.pupilCount += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true, sensitivity: 'base' }));
}

/** How a year group is written as an opening: "4", "Y4", "Yr 4" → "Year 4"; "R" → "Reception"; "N" → "Nursery". */
export function yearGroupOpening(yearGroup: string): string {
  const value = yearGroup.trim().replace(/\s+/g, ' ');
  const number = /^(?:year|yr|y|nc year)? ?(\d{1,2})$/i.exec(value);
  if (number) return `Year ${Number(number[1])}`;
  if (/^(?:r|rec|reception|yr ?r|year r)$/i.test(value)) return 'Reception';
  if (/^(?:n|nur|nursery)$/i.test(value)) return 'Nursery';
  return value;
}

/**
 * One opening per year group in the list's Year Group column, covering its classes; none where the
 * opening is already the class's own name (a class called "Year 5" needs no "Year 5" opening).
 */
export function suggestYearGroups(pupils: readonly Pupil[]): YearGroupSuggestion[] {
  const groups = new Map<string, { name: string; classes: Map<string, string> }>();
  for (const pupil of pupils) {
    if (pupil.yearGroup === undefined || pupil.yearGroup.trim() === '' || classNameKey(pupil.className) === '') continue;
    const name = yearGroupOpening(pupil.yearGroup);
    const group = groups.get(classNameKey(name)) ?? { name, classes: new Map<string, string>() };
    if (!group.classes.has(classNameKey(pupil.className))) group.classes.set(classNameKey(pupil.className), pupil.className.trim());
    groups.set(classNameKey(name), group);
  }
  const order = (a: string, b: string) => a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' });
  return [...groups.entries()]
    .filter(([key, group]) => !(group.classes.size === 1 && group.classes.has(key)))
    .map(([, group]) => ({ name: group.name, classes: [...group.classes.values()].sort(order) }))
    .sort((a, b) => (a.name === 'Nursery' ? -1 : b.name === 'Nursery' ? 1 : a.name === 'Reception' ? -1 : b.name === 'Reception' ? 1 : order(a.name, b.name)));
}
