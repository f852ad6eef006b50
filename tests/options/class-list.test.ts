import { describe, expect, it } from 'vitest';
import { compileClassPrefixes, matchClassPrefix } from '../../src/policy/class-prefix';
import { normaliseText } from '../../src/policy/normalise';
import { NAME_KNOWLEDGE } from '../../src/policy/knowledge/name-knowledge';
import { buildPolicySnapshot } from '../../src/policy/snapshot';
import type { Pupil } from '../../src/roster/model';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { rosterClasses, suggestYearGroups, yearGroupOpening } from '../../src/options/class-list';

function pupil(forename: string, className: string, yearGroup?: string, photoConsent = true): Pupil {
  return { id: `${forename}-${className}`, forename, surname: 'Test', className, photoConsent, ...(yearGroup === undefined ? {} : { yearGroup }) };
}

const PUPILS = [
  pupil('Isla', 'Maple', '4'), pupil('Noah', 'maple class', '4'), pupil('Ruby', 'Birch', 'Y4', false), pupil('Leo', 'Year 10', '10'),
  pupil('Maya', 'Year 2', 'Year 2'), pupil('Ava', 'Hedgehogs', 'R'), pupil('Eli', 'Owls', 'R', false), pupil('Zac', '', '4'),
];

describe('the classes of the pupil list', () => {
  it('one entry per class however it is written, with its pupils, in a natural order', () => {
    expect(rosterClasses(PUPILS)).toEqual([
      { name: 'Birch', pupilCount: 1 }, { name: 'Hedgehogs', pupilCount: 1 }, { name: 'Maple', pupilCount: 2 }, { name: 'Owls', pupilCount: 1 },
      { name: 'Year 2', pupilCount: 1 }, { name: 'Year 10', pupilCount: 1 },
    ]);
  });
});

describe('year-group openings', () => {
  it.each([['4', 'Year 4'], ['Y4', 'Year 4'], ['Yr 04', 'Year 4'], ['Year 4', 'Year 4'], ['NC Year 6', 'Year 6'], ['R', 'Reception'], ['Rec', 'Reception'], ['N', 'Nursery'], ['Lower KS2', 'Lower KS2']])('%j opens as %j', (value, opening) => {
    expect(yearGroupOpening(value)).toBe(opening);
  });

  it('are suggested from the Year Group column, each covering its classes; none that is a class\'s own name', () => {
    expect(suggestYearGroups(PUPILS)).toEqual([
      { name: 'Reception', classes: ['Hedgehogs', 'Owls'] },
      { name: 'Year 4', classes: ['Birch', 'Maple'] },
    ]);
  });

  it('a post beginning with one answers for the photo consent of every class it covers', () => {
    const settings = { ...DEFAULT_SETTINGS, classes: [{ name: 'Maple', aliases: ['4M'] }, { name: 'Year 4', aliases: ['Lower juniors'], covers: ['Maple', 'Birch'] }] };
    const snapshot = buildPolicySnapshot({ pupils: PUPILS, importedAt: '2026-01-01T00:00:00Z', source: 't' }, settings, NAME_KNOWLEDGE);
    const year4 = snapshot.classes.find((entry) => entry.name === 'Year 4');
    expect(year4?.pupilIdsWithoutConsent).toEqual(['Ruby-Birch']);
    const matcher = compileClassPrefixes(snapshot);
    for (const opening of ['Year 4: trip', 'Y4 - trip', 'Lower juniors: trip']) expect(matchClassPrefix(matcher, normaliseText(opening))?.classNames).toEqual(['Year 4']);
    expect(matchClassPrefix(matcher, normaliseText('4M: volcanoes'))?.classNames).toEqual(['Maple']);
  });
});
