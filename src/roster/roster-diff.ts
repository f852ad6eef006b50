/**
 * What a new roster changes, for the ICT lead to check before it replaces the current one. Pupils
 * are matched by id; a withdrawn photo consent is listed on its own because it is the change that
 * must reach staff first.
 */
import type { Pupil } from './model';

export type PupilField = 'forename' | 'preferredName' | 'surname' | 'className' | 'photoConsent' | 'aliases';

export interface PupilChange {
  before: Pupil;
  after: Pupil;
  fields: PupilField[];
}

export interface RosterDiff {
  counts: { before: number; after: number; added: number; removed: number; changed: number; unchanged: number };
  added: Pupil[];
  removed: Pupil[];
  changed: PupilChange[];
  /** Pupils in both rosters whose photo consent went from yes to no. */
  consentWithdrawn: Pupil[];
  /** Pupils in both rosters whose photo consent went from no to yes. */
  consentGiven: Pupil[];
}

const COMPARED_FIELDS: readonly PupilField[] = ['forename', 'preferredName', 'surname', 'className', 'photoConsent', 'aliases'];

export function diffRosters(previous: readonly Pupil[], next: readonly Pupil[]): RosterDiff {
  const previousById = new Map(previous.map((pupil) => [pupil.id, pupil]));
  const nextIds = new Set(next.map((pupil) => pupil.id));
  const added: Pupil[] = [];
  const changed: PupilChange[] = [];
  const consentWithdrawn: Pupil[] = [];
  const consentGiven: Pupil[] = [];
  let unchanged = 0;

  for (const after of next) {
    const before = previousById.get(after.id);
    if (before === undefined) {
      added.push(after);
      continue;
    }
    const fields = COMPARED_FIELDS.filter((field) => !sameValue(before, after, field));
    if (fields.length === 0) {
      unchanged += 1;
      continue;
    }
    changed.push({ before, after, fields });
    if (before.photoConsent && !after.photoConsent) consentWithdrawn.push(after);
    if (!before.photoConsent && after.photoConsent) consentGiven.push(after);
  }
  const removed = previous.filter((pupil) => !nextIds.has(pupil.id));

  return {
    counts: { before: previous.length, after: next.length, added: added.length, removed: removed.length, changed: changed.length, unchanged },
    added,
    removed,
    changed,
    consentWithdrawn,
    consentGiven,
  };
}

function sameValue(before: Pupil, after: Pupil, field: PupilField): boolean {
  if (field === 'aliases') return (before.aliases ?? []).join('\u0000') === (after.aliases ?? []).join('\u0000');
  // An absent preferred name and an empty one mean the same.
  if (field === 'preferredName') return (before.preferredName ?? '') === (after.preferredName ?? '');
  return before[field] === after[field];
}
