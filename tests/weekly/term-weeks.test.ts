process.env.TZ = 'Europe/London';

import { describe, expect, it } from 'vitest';
import { MAX_TERM_WEEKS, termContaining, weeksOf } from '../../src/weekly/term-weeks';
import { weeklyTable } from '../../src/weekly/weekly-table';

const local = (text: string) => new Date(text);

describe('termContaining', () => {
  it.each([
    ['2026-09-01T09:00:00', 'autumn', '2026-09-01', '2026-12-31'],
    ['2026-12-31T23:00:00', 'autumn', '2026-09-01', '2026-12-31'],
    ['2027-01-04T09:00:00', 'spring', '2027-01-01', '2027-03-31'],
    ['2027-04-20T09:00:00', 'summer', '2027-04-01', '2027-07-31'],
    ['2027-08-15T09:00:00', 'summer', '2027-04-01', '2027-07-31'],
  ])('%s is in the %s term', (day, name, start, last) => {
    const term = termContaining(local(day));
    expect(term.name).toBe(name);
    expect(term.start.getTime()).toBe(local(`${start}T00:00:00`).getTime());
    expect(term.last.getTime()).toBe(local(`${last}T00:00:00`).getTime());
  });
});

describe('weeksOf', () => {
  it('runs Monday to Monday from the week holding the first day to the week holding the last', () => {
    // Tuesday 1 Sept 2026 to Friday 23 Oct 2026: 8 weeks, the first starting Monday 31 Aug.
    const weeks = weeksOf(local('2026-09-01T00:00:00'), local('2026-10-23T00:00:00'));
    expect(weeks).toHaveLength(8);
    expect(weeks[0]?.start.getTime()).toBe(local('2026-08-31T00:00:00').getTime());
    expect(weeks.at(-1)?.start.getTime()).toBe(local('2026-10-19T00:00:00').getTime());
  });
  it('keeps weeks at midnight across the clocks going back', () => {
    const weeks = weeksOf(local('2026-10-19T00:00:00'), local('2026-11-02T00:00:00'));
    expect(weeks.map((week) => week.start.getHours())).toEqual([0, 0, 0]);
    expect(weeks[1]?.start.getTime()).toBe(local('2026-10-26T00:00:00').getTime());
  });
  it('gives no weeks when the last day is before the first, and stops at the longest term', () => {
    expect(weeksOf(local('2026-10-01T00:00:00'), local('2026-09-01T00:00:00'))).toEqual([]);
    expect(weeksOf(local('2026-01-01T00:00:00'), local('2027-12-31T00:00:00'))).toHaveLength(MAX_TERM_WEEKS);
  });
});

describe('weeklyTable', () => {
  it('gives each class each week’s general posts as 0 / 1 / 2 / over', () => {
    const weeks = weeksOf(local('2026-11-16T00:00:00'), local('2026-11-29T00:00:00'));
    const post = (at: string, className: string, kind: 'general' | 'event' = 'general') => ({ at: local(at).toISOString(), className, kind });
    const rows = weeklyTable(['Owls', 'Badgers'], weeks, [
      post('2026-11-16T09:00:00', 'Owls'), post('2026-11-17T09:00:00', 'Owls'), post('2026-11-18T09:00:00', 'Owls'),
      post('2026-11-19T09:00:00', 'Owls', 'event'),
      post('2026-11-24T09:00:00', 'Owls'),
      post('2026-11-25T09:00:00', 'Badgers'), post('2026-11-26T09:00:00', 'Badgers'),
    ]);
    expect(rows.map((row) => [row.className, row.weeks.map((week) => week.tally)])).toEqual([
      ['Owls', ['over', 1]],
      ['Badgers', [0, 2]],
    ]);
    expect(rows[0]?.weeks[0]?.count).toBe(3);
  });
});
