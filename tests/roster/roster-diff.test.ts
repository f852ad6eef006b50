import { describe, expect, it } from 'vitest';
import type { Pupil } from '../../src/roster/model';
import { diffRosters } from '../../src/roster/roster-diff';

const pupil = (id: string, overrides: Partial<Pupil> = {}): Pupil => ({ id, forename: `Forename${id}`, surname: `Surname${id}`, className: 'Owls', photoConsent: true, ...overrides });

describe('diffRosters', () => {
  it('finds nothing between a roster and itself', () => {
    const roster = [pupil('1'), pupil('2', { preferredName: 'Two', aliases: ['Deux'] })];
    expect(diffRosters(roster, structuredClone(roster))).toEqual({
      counts: { before: 2, after: 2, added: 0, removed: 0, changed: 0, unchanged: 2 },
      added: [], removed: [], changed: [], consentWithdrawn: [], consentGiven: [],
    });
  });

  it('lists added, removed and changed pupils, matched by id, with the fields that changed', () => {
    const before = [pupil('1'), pupil('2'), pupil('3'), pupil('4', { photoConsent: false })];
    const after = [
      pupil('1'),
      pupil('2', { className: 'Badgers', preferredName: 'Two' }),
      pupil('4', { surname: 'New', aliases: ['Old Surname'] }),
      pupil('5'),
    ];
    const diff = diffRosters(before, after);
    expect(diff.counts).toEqual({ before: 4, after: 4, added: 1, removed: 1, changed: 2, unchanged: 1 });
    expect(diff.added.map((p) => p.id)).toEqual(['5']);
    expect(diff.removed.map((p) => p.id)).toEqual(['3']);
    expect(diff.changed.map((change) => [change.after.id, change.fields])).toEqual([
      ['2', ['preferredName', 'className']],
      ['4', ['surname', 'photoConsent', 'aliases']],
    ]);
    expect(diff.changed[0]?.before.className).toBe('Owls');
  });

  it('calls out consent withdrawn and consent given on their own', () => {
    const before = [pupil('1'), pupil('2', { photoConsent: false }), pupil('3')];
    const after = [pupil('1', { photoConsent: false }), pupil('2'), pupil('3'), pupil('4', { photoConsent: false })];
    const diff = diffRosters(before, after);
    expect(diff.consentWithdrawn.map((p) => p.id)).toEqual(['1']);
    expect(diff.consentGiven.map((p) => p.id)).toEqual(['2']);
    // A new pupil without consent is an addition, not a withdrawal.
    expect(diff.added.map((p) => p.id)).toEqual(['4']);
  });

  it('treats an absent and an empty preferred name or alias list as the same', () => {
    const diff = diffRosters([pupil('1', { preferredName: '', aliases: [] })], [pupil('1')]);
    expect(diff.counts.unchanged).toBe(1);
  });

  it('handles a first import (nothing before)', () => {
    const diff = diffRosters([], [pupil('1'), pupil('2')]);
    expect(diff.counts).toMatchObject({ before: 0, after: 2, added: 2 });
  });
});
