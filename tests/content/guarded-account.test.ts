/**
 * Which accounts the guard watches, and which are known to be watched: photos are sent to be
 * analysed only for those, never for a member of staff's personal account (DESIGN invariant 6).
 */
import { describe, expect, it } from 'vitest';
import { isGuardedAccount, isKnownGuardedAccount, type HandlesKnown } from '../../src/content/guarded-account';

const school: HandlesKnown = { kind: 'ready', schoolHandles: ['primaryredbourn'] };
const anyAccount: HandlesKnown = { kind: 'ready', schoolHandles: [] };

describe('isGuardedAccount and isKnownGuardedAccount', () => {
  it.each<[string, HandlesKnown, string | null, boolean, boolean]>([
    ['the school account', school, 'primaryredbourn', true, true],
    ['a personal account', school, 'mrspatelteaches', false, false],
    ['an account whose handle cannot be read', school, null, true, true],
    ['any account when no school handle is set', anyAccount, 'mrspatelteaches', true, true],
    ['any account before the handles arrive', { kind: 'connecting' }, 'mrspatelteaches', true, false],
    ['any account without a pupil list', { kind: 'no-roster' }, 'primaryredbourn', true, false],
    ['any account once the extension went away', { kind: 'invalidated' }, 'primaryredbourn', true, false],
  ])('%s', (_case, readiness, account, guarded, known) => {
    expect(isGuardedAccount(readiness, account)).toBe(guarded);
    expect(isKnownGuardedAccount(readiness, account)).toBe(known);
  });
});
