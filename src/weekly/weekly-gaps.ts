/**
 * "By Thursday": from Thursday 00:00 (local time) to the end of the week, classes that have made no
 * general post yet this week are listed, so there is still time to post before the weekend.
 */
import { isoWeekContaining } from '../roster/iso-week';
import { generalPostsByClass, type CountedPost } from './weekly-promise';

/** getDay(): 0 Sunday … 4 Thursday … 6 Saturday. */
const THURSDAY = 4;

export function isGapReportDue(now: Date): boolean {
  const day = now.getDay();
  return day === 0 || day >= THURSDAY;
}

/**
 * The classes, of `classes` and in their order, with no general post in the ISO week containing
 * `now`; empty before Thursday, when it is too early to say a class has missed its post.
 */
export function classesWithoutGeneralPost(classes: readonly string[], posts: readonly CountedPost[], now: Date): string[] {
  if (!isGapReportDue(now)) return [];
  const { start, end } = isoWeekContaining(now);
  const counts = generalPostsByClass(posts, start, end);
  return classes.filter((name) => (counts.get(name) ?? 0) === 0);
}
