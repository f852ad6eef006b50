import { describe, expect, it } from 'vitest';
import { quotePolicy } from '../../src/policy/rule';
import { RULES, ruleMeta } from '../../src/policy/rules/index';
import { tMessage } from '../../src/shared/i18n';

describe('quoting the policy for the school that uses the guard', () => {
  it('names no particular school’s account when the settings name none', () => {
    for (const { meta } of RULES) {
      const quoted = quotePolicy(meta, null, tMessage);
      expect(quoted, meta.id).not.toMatch(/@|\{\{|Redbourn/);
      expect(quoted.charAt(0), meta.id).toBe(quoted.charAt(0).toUpperCase());
    }
    expect(quotePolicy(ruleMeta('hashtag'), null, tMessage)).toContain('tweets from the school’s account will not use the \'hashtag\' function');
  });

  it('fills in the school’s own handle, written with one @ however it was entered', () => {
    expect(quotePolicy(ruleMeta('hashtag'), 'OakfieldPrimary', tMessage)).toContain('tweets from @OakfieldPrimary will not use');
    expect(quotePolicy(ruleMeta('hashtag'), ' @OakfieldPrimary ', tMessage)).toContain('tweets from @OakfieldPrimary will not use');
    for (const { meta } of RULES) expect(quotePolicy(meta, 'OakfieldPrimary', tMessage), meta.id).not.toMatch(/Redbourn|\{\{|@@/);
  });

  it('quotes, for a photo’s location, what the policy says about where people live', () => {
    expect(quotePolicy(ruleMeta('location'), null, tMessage)).toMatch(/home address/);
  });
});
