import { describe, expect, it } from 'vitest';
import { withinOneEdit, withinOneEditOrSwap, withinOneSlipOrMove } from '../../src/policy/one-edit';

// [written, name, one edit, one edit or swap]
const TABLE: [string, string, boolean, boolean][] = [
  ['sofia', 'sofia', true, true],
  ['sofiq', 'sofia', true, true], // a letter changed
  ['sofa', 'sofia', true, true], // a letter missed
  ['soofia', 'sofia', true, true], // a letter added
  ['sofiaa', 'sofia', true, true], // added at the end
  ['ofia', 'sofia', true, true], // missed at the start
  ['sofai', 'sofia', false, true], // the last two swapped
  ['osfia', 'sofia', false, true], // the first two swapped
  ['sfoai', 'sofia', false, false], // two swaps
  ['sofxy', 'sofia', false, false], // two changes
  ['sof', 'sofia', false, false], // two missed
  ['aifos', 'sofia', false, false],
];

describe('one edit', () => {
  it.each(TABLE)('%s against %s', (written, name, oneEdit, oneEditOrSwap) => {
    expect(withinOneEdit(written, name)).toBe(oneEdit);
    expect(withinOneEdit(name, written)).toBe(oneEdit);
    expect(withinOneEditOrSwap(written, name)).toBe(oneEditOrSwap);
    expect(withinOneEditOrSwap(name, written)).toBe(oneEditOrSwap);
  });
});

// [written, name, a slip or a letter moved past the next]
const MOVES: [string, string, boolean][] = [
  ['sayfia', 'safiya', true], // "y" moved two places back
  ['asfiya', 'safiya', true], // a swap is a slip
  ['safiay', 'safiya', true],
  ['fasiya', 'safiya', false], // a letter moved three places
  ['yasfia', 'safiya', false],
  ['sofai', 'sofia', true], // a swap, at five letters
  ['sfioa', 'sofia', false], // a move needs six letters
];

describe('a slip or a letter moved', () => {
  it.each(MOVES)('%s against %s', (written, name, moved) => {
    expect(withinOneSlipOrMove(written, name)).toBe(moved);
    expect(withinOneSlipOrMove(name, written)).toBe(moved);
  });
});
