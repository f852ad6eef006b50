import { describe, expect, it } from 'vitest';
import { hashPin, pinMatches, pinProblem, PIN_ITERATIONS } from '../../src/shared/settings-pin';

describe('settings PIN', () => {
  it('keeps a salted hash, never the PIN', async () => {
    const stored = await hashPin('4821', 1000);
    expect(JSON.stringify(stored)).not.toContain('4821');
    expect(stored.iterations).toBe(1000);
    expect(await pinMatches('4821', stored)).toBe(true);
    expect(await pinMatches('4822', stored)).toBe(false);
    expect(await pinMatches('', stored)).toBe(false);
  });

  it('salts each hash, so the same PIN hashes differently', async () => {
    const [first, second] = await Promise.all([hashPin('4821', 1000), hashPin('4821', 1000)]);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
  });

  it('uses the full cost by default', async () => {
    const stored = await hashPin('123456');
    expect(stored.iterations).toBe(PIN_ITERATIONS);
    expect(await pinMatches('123456', stored)).toBe(true);
  });

  it.each([
    ['1234', null],
    ['123456789012', null],
    ['123', 'A PIN is 4 to 12 digits.'],
    ['12a4', 'A PIN is 4 to 12 digits.'],
    ['1234567890123', 'A PIN is 4 to 12 digits.'],
  ])('%s → %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });
});
