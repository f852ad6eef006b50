// Europe/London, so that weeks spanning the clock changes are tested whatever the machine's zone.
process.env.TZ = 'Europe/London';

import { describe, expect, it } from 'vitest';
import { isoWeekContaining } from '../../src/roster/iso-week';

const local = (text: string) => new Date(text); // no "Z": local time

describe('isoWeekContaining', () => {
  it.each([
    ['a Wednesday', '2025-01-15T12:00:00', '2025-01-13T00:00:00', '2025-01-20T00:00:00'],
    ['Monday at midnight', '2025-01-13T00:00:00', '2025-01-13T00:00:00', '2025-01-20T00:00:00'],
    ['Sunday just before midnight', '2025-01-19T23:59:59.999', '2025-01-13T00:00:00', '2025-01-20T00:00:00'],
    ['a week across the new year', '2025-01-01T09:00:00', '2024-12-30T00:00:00', '2025-01-06T00:00:00'],
    ['the week the clocks go forward (a 23-hour Sunday)', '2025-03-30T12:00:00', '2025-03-24T00:00:00', '2025-03-31T00:00:00'],
    ['the week after the clocks go forward', '2025-03-31T00:30:00', '2025-03-31T00:00:00', '2025-04-07T00:00:00'],
    ['the week the clocks go back (a 25-hour Sunday)', '2025-10-26T23:00:00', '2025-10-20T00:00:00', '2025-10-27T00:00:00'],
  ])('%s', (_name, moment, start, end) => {
    const week = isoWeekContaining(local(moment));
    expect(week.start.getTime()).toBe(local(start).getTime());
    expect(week.end.getTime()).toBe(local(end).getTime());
  });

  it('a post at 00:30 on a summer Monday, still Sunday in UTC, is in the new week', () => {
    const moment = new Date('2025-06-15T23:30:00Z'); // Monday 16 June 00:30 in London
    expect(isoWeekContaining(moment).start.toISOString()).toBe('2025-06-15T23:00:00.000Z');
  });
});
