/**
 * The week the posting-cadence rule counts in: an ISO week, Monday 00:00 to the next Monday 00:00,
 * in the computer's local time (a post at 00:30 on Monday in London belongs to the new week even
 * though it is still Sunday in UTC during British Summer Time).
 */

export interface WeekRange {
  /** Monday 00:00 local time. */
  start: Date;
  /** The next Monday 00:00 local time: the first moment not in the week. */
  end: Date;
}

export function isoWeekContaining(moment: Date): WeekRange {
  // getDay() is 0 for Sunday; ISO weeks start on Monday.
  const daysSinceMonday = (moment.getDay() + 6) % 7;
  // Built from calendar fields, not by subtracting milliseconds, so a clock change mid-week
  // (a 23- or 25-hour day) still lands on midnight.
  const start = new Date(moment.getFullYear(), moment.getMonth(), moment.getDate() - daysSinceMonday);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7);
  return { start, end };
}
