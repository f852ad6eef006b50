import { describe, expect, it } from 'vitest';
import { withinOneEdit, withinOneEditOrSwap } from '../../src/policy/one-edit';

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
