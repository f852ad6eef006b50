process.env.TZ = 'Europe/London';

import { describe, expect, it } from 'vitest';
import { classesWithoutGeneralPost, isGapReportDue } from '../../src/weekly/weekly-gaps';

const local = (text: string) => new Date(text);
const post = (at: string, className: string, kind: 'general' | 'event' = 'general') => ({ at: local(at).toISOString(), className, kind });

describe('isGapReportDue', () => {
  it.each([
    ['Monday', '2026-11-30T12:00:00', false],
    ['Wednesday just before midnight', '2026-12-02T23:59:59', false],
    ['Thursday at midnight', '2026-12-03T00:00:00', true],
    ['Friday', '2026-12-04T15:00:00', true],
    ['Saturday', '2026-12-05T15:00:00', true],
    ['Sunday evening', '2026-12-06T21:00:00', true],
  ])('%s: %s', (_day, moment, due) => {
    expect(isGapReportDue(local(moment))).toBe(due);
  });
});

describe('classesWithoutGeneralPost', () => {
  const classes = ['Owls', 'Badgers', 'Hedgehogs'];
  const posts = [
    post('2026-11-30T09:00:00', 'Owls'),
    post('2026-12-01T09:00:00', 'Badgers', 'event'),
    post('2026-11-27T09:00:00', 'Hedgehogs'), // last week
  ];
  it('lists, from Thursday, the classes with no general post this week (events do not count)', () => {
    expect(classesWithoutGeneralPost(classes, posts, local('2026-12-03T08:00:00'))).toEqual(['Badgers', 'Hedgehogs']);
  });
  it('says nothing before Thursday', () => {
    expect(classesWithoutGeneralPost(classes, posts, local('2026-12-02T16:00:00'))).toEqual([]);
  });
  it('starts again on Monday: last week’s posts do not count', () => {
    expect(classesWithoutGeneralPost(classes, [...posts, post('2026-12-04T09:00:00', 'Badgers')], local('2026-12-10T09:00:00'))).toEqual(classes);
  });
});
