/**
 * A school term as weeks: the ISO weeks (Monday to Sunday, local time) from the one holding the
 * term's first day to the one holding its last.
 */
import { isoWeekContaining, type WeekRange } from '../roster/iso-week';

export type TermName = 'autumn' | 'spring' | 'summer';

export interface Term {
  name: TermName;
  /** First day, 00:00 local time. */
  start: Date;
  /** Last day, 00:00 local time (the term runs to the end of that day). */
  last: Date;
}

/** A term longer than this is a typing mistake in the dates, not a term: the table stops there. */
export const MAX_TERM_WEEKS = 20;

/**
 * The English school term a day falls in, by its usual months (autumn September–December, spring
 * January–March, summer April–July; August belongs to the summer just gone). Schools' own dates
 * differ by a week or two, so the ICT lead can change them; this is the starting guess.
 */
export function termContaining(day: Date): Term {
  const year = day.getFullYear();
  const month = day.getMonth(); // 0 January … 11 December
  if (month >= 8) return { name: 'autumn', start: new Date(year, 8, 1), last: new Date(year, 11, 31) };
  if (month <= 2) return { name: 'spring', start: new Date(year, 0, 1), last: new Date(year, 2, 31) };
  return { name: 'summer', start: new Date(year, 3, 1), last: new Date(year, 6, 31) };
}

/** The weeks from the one holding `start` to the one holding `last`, at most MAX_TERM_WEEKS; none when `last` is before `start`. */
export function weeksOf(start: Date, last: Date): WeekRange[] {
  const weeks: WeekRange[] = [];
  if (last.getTime() < start.getTime()) return weeks;
  for (let week = isoWeekContaining(start); week.start.getTime() <= last.getTime() && weeks.length < MAX_TERM_WEEKS; week = isoWeekContaining(week.end)) {
    weeks.push(week);
  }
  return weeks;
}
