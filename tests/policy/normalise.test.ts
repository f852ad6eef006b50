import { beforeAll, describe, expect, test } from 'vitest';
import { LOOK_ALIKE_LETTERS } from '../../src/policy/look-alike-letters';
import { foldText, normaliseText, originalRange, useLookAlikeLetters } from '../../src/policy/normalise';

/** The original characters behind the folded `needle`. */
function sliceBack(original: string, needle: string): string {
  const normalised = normaliseText(original);
  const start = normalised.text.indexOf(needle);
  expect(start).toBeGreaterThanOrEqual(0);
  const range = originalRange(normalised, start, start + needle.length);
  return original.slice(range.start, range.end);
}

// Runs first: nothing has installed the look-alike letters yet in this file.
describe('before the look-alike letters have arrived (the content script before its first snapshot)', () => {
  test('folding a character outside ASCII refuses rather than miss a disguised name', () => {
    expect(() => foldText('Оliver')).toThrow(/useLookAlikeLetters/);
  });
});

describe('normaliseText', () => {
  beforeAll(() => useLookAlikeLetters(LOOK_ALIKE_LETTERS));

  test.each([
    ['Zoë', 'zoe'],
    ['SIOBHÁN', 'siobhan'],
    ['José', 'jose'],
    ['Ó Súilleabháin', 'o suilleabhain'],
    ['\u0410melia', 'amelia'],
    ['ＡＭＥＬＩＡ', 'amelia'],
    ['𝐀𝐦𝐞𝐥𝐢𝐚', 'amelia'],
    ['A\u200Bm\u00ADe\u2060lia', 'amelia'],
    ['O’Brien', "o'brien"],
    ['Mary‑Jane', 'mary-jane'],
    ['Søren Łukasz', 'soren lukasz'],
    ['ﬁnn', 'finn'],
    ['Straße', 'strasse'],
    ['K\u206Fai', 'kai'],
    ['K\uDB40\uDC20a\uDB40\uDC7Fi', 'kai'],
    ['K\uD834\uDD73a\uFFF9i', 'kai'],
    ['ᴋᴀɪ', 'kai'],
    ['Kɑi', 'kai'],
    ['ᏦᎪᎥ', 'kai'],
    ['\uABB6\uAB7A\uAB75', 'kai'],
    // Unicode's confusables data: scripts and symbols the normaliser once had no entry for.
    ['\u0585liver', 'oliver'],
    ['\uA4EEmelia', 'amelia'],
    ['\u0275liver', 'oliver'],
    ['🅚🅐🅘', 'kai'],
    ['🅺🅰🅸', 'kai'],
    ['Ⓚⓐⓘ', 'kai'],
  ])('%s → %s', (original, folded) => {
    expect(foldText(original)).toBe(folded);
  });

  test('ranges land on the original characters after astral characters and emoji', () => {
    expect(sliceBack('🌳 Oak: well done Ada', 'ada')).toBe('Ada');
    expect(sliceBack('👩‍👩‍👧‍👦🏳️‍🌈 𝐀𝐝𝐚 won', 'ada')).toBe('𝐀𝐝𝐚');
    expect(sliceBack('ﬁ ﬁ Ada', 'ada')).toBe('Ada');
    expect(sliceBack('x A\u200Bda y', 'ada')).toBe('A\u200Bda');
    expect(sliceBack('Zoë’s', 'zoe')).toBe('Zoë');
  });

  test('characters that fold to several keep every position and capital after them', () => {
    const original = `${'Rain… '.repeat(10)}then Ada and Kai`;
    const normalised = normaliseText(original);
    expect(sliceBack(original, 'ada')).toBe('Ada');
    expect(sliceBack(original, 'kai')).toBe('Kai');
    expect(normalised.upper[normalised.text.indexOf('ada')]).toBe(1);
    expect(normalised.upper[normalised.text.indexOf('kai')]).toBe(1);
    expect(normalised.sourceStart.length).toBe(normalised.text.length);
  });

  test('an upper-case flag per folded character, for capitalisation and CamelCase', () => {
    const normalised = normaliseText('aÉ\u0410b');
    expect([...normalised.upper]).toEqual([0, 1, 1, 0]);
  });

  test('a long ASCII text keeps its length and offsets', () => {
    const text = 'Oak: '.repeat(5000);
    const normalised = normaliseText(text);
    expect(normalised.text).toBe(text.toLowerCase());
    expect(originalRange(normalised, 100, 103)).toEqual({ start: 100, end: 103 });
  });

  test('an empty range maps to a point', () => {
    const normalised = normaliseText('ab');
    expect(originalRange(normalised, 2, 2)).toEqual({ start: 2, end: 2 });
  });
});
