/** The ICT lead's term table: for each class, each week's general posts as 0 / 1 / 2 / over. */
import type { WeekRange } from '../roster/iso-week';
import { generalPostsByClass, tallyOf, type CountedPost, type WeekTally } from './weekly-promise';

export interface WeeklyTableRow {
  className: string;
  /** One per week, in the weeks' order. */
  weeks: { count: number; tally: WeekTally }[];
}

export function weeklyTable(classes: readonly string[], weeks: readonly WeekRange[], posts: readonly CountedPost[]): WeeklyTableRow[] {
  const countsByWeek = weeks.map((week) => generalPostsByClass(posts, week.start, week.end));
  return classes.map((className) => ({
    className,
    weeks: countsByWeek.map((counts) => {
      const count = counts.get(className) ?? 0;
      return { count, tally: tallyOf(count) };
    }),
  }));
}
