import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { confusableLetters, deriveLookAlikeLetters, encodeLookAlikeLetters, lookAlikeLettersModule } from '../../scripts/derive-look-alike-letters';
import { LOOK_ALIKE_LETTERS } from '../../src/policy/look-alike-letters';
import { foldText, useLookAlikeLetters } from '../../src/policy/normalise';

/** Where the normaliser reads a character otherwise than the confusables data, on purpose (see OVERRIDES in normalise.ts). */
const DELIBERATE: Record<string, string> = { ß: 'ss', ẞ: 'ss', þ: 'th', Þ: 'th', ð: 'd', ſ: 's', ı: 'i', ɩ: 'i', ι: 'i', Ι: 'i', І: 'i' };

describe('look-alike letters from Unicode’s confusables data', () => {
  beforeAll(() => useLookAlikeLetters(LOOK_ALIKE_LETTERS));

  test('src/policy/look-alike-letters.ts is what the installed packages give (run scripts/derive-look-alike-letters.ts)', () => {
    const generated = readFileSync(new URL('../../src/policy/look-alike-letters.ts', import.meta.url), 'utf8');
    expect(generated).toBe(lookAlikeLettersModule(encodeLookAlikeLetters(deriveLookAlikeLetters())));
  });

  test('every character the data reads as a Latin letter folds to that letter', () => {
    const letters = confusableLetters();
    expect(letters.size).toBeGreaterThan(2_500);
    const wrong: string[] = [];
    for (const [codePoint, letter] of letters) {
      const character = String.fromCodePoint(codePoint);
      const base = character.normalize('NFKD').replace(/\p{M}/gu, '');
      const expected = DELIBERATE[character] ?? DELIBERATE[base] ?? letter;
      if (foldText(character) !== expected) wrong.push(`${character} U+${codePoint.toString(16)}: ${foldText(character)} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
  });

  test('digits and emoji stay what they are', () => {
    expect(foldText('０①٥ 0')).toBe('0' + '1' + '٥ 0');
    expect(foldText('❌✅')).toBe('❌✅');
  });
});
