process.env.TZ = 'Europe/London';

import { describe, expect, it } from 'vitest';
import { generalPostsByClass, tallyOf } from '../../src/weekly/weekly-promise';
import { classesToReport } from '../../src/weekly/classes-to-report';

const local = (text: string) => new Date(text);

describe('tallyOf', () => {
  it.each([[0, 0], [1, 1], [2, 2], [3, 'over'], [7, 'over']] as const)('%i general posts is %s', (count, tally) => {
    expect(tallyOf(count)).toBe(tally);
  });
});

describe('generalPostsByClass', () => {
  const start = local('2026-11-30T00:00:00');
  const end = local('2026-12-07T00:00:00');
  it('counts general posts per class inside the week only', () => {
    const counts = generalPostsByClass([
      { at: local('2026-11-30T00:00:00').toISOString(), className: 'Owls', kind: 'general' },
      { at: local('2026-12-06T23:59:00').toISOString(), className: 'Owls', kind: 'general' },
      { at: local('2026-12-02T10:00:00').toISOString(), className: 'Owls', kind: 'event' },
      { at: local('2026-12-02T10:00:00').toISOString(), className: 'Owls', kind: 'residential' },
      { at: local('2026-12-07T00:00:00').toISOString(), className: 'Owls', kind: 'general' },
      { at: local('2026-11-29T23:59:59').toISOString(), className: 'Badgers', kind: 'general' },
      { at: local('2026-12-01T09:00:00').toISOString(), className: null, kind: 'general' },
      { at: local('2026-12-01T09:00:00').toISOString(), className: 'Badgers', kind: 'general' },
    ], start, end);
    expect(Object.fromEntries(counts)).toEqual({ Owls: 2, Badgers: 1 });
  });
});

describe('classesToReport', () => {
  it('keeps the ICT lead’s order, then adds the others sorted, each once', () => {
    expect(classesToReport(['Owls', 'Badgers'], ['Hedgehogs', 'Owls', 'Foxes', ''], ['Badgers', 'Ants'])).toEqual(['Owls', 'Badgers', 'Ants', 'Foxes', 'Hedgehogs']);
  });
});
