import { describe, expect, it } from 'vitest';
import { quotePolicy, type RuleMeta } from '../../src/policy/rule';
import { RULES, ruleMeta } from '../../src/policy/rules/index';
import { tMessage } from '../../src/shared/i18n';

/** The rule's policy sentence in the en_GB words, for the school whose handle is given. */
function quoted(meta: RuleMeta, schoolHandle: string | null): string {
  return quotePolicy(tMessage(meta.policySentence), schoolHandle);
}

describe('quoting the policy for the school that uses the guard', () => {
  it('names no particular school’s account when the settings name none', () => {
    for (const { meta } of RULES) {
      const sentence = quoted(meta, null);
      expect(sentence, meta.id).not.toMatch(/@|\{\{|Redbourn/);
      expect(sentence.charAt(0), meta.id).toBe(sentence.charAt(0).toUpperCase());
    }
    expect(quoted(ruleMeta('hashtag'), null)).toContain('tweets from the school’s account will not use the \'hashtag\' function');
  });

  it('fills in the school’s own handle, written with one @ however it was entered', () => {
    expect(quoted(ruleMeta('hashtag'), 'OakfieldPrimary')).toContain('tweets from @OakfieldPrimary will not use');
    expect(quoted(ruleMeta('hashtag'), ' @OakfieldPrimary ')).toContain('tweets from @OakfieldPrimary will not use');
    for (const { meta } of RULES) expect(quoted(meta, 'OakfieldPrimary'), meta.id).not.toMatch(/Redbourn|\{\{|@@/);
  });

  it('quotes, for a photo’s location, what the policy says about where people live', () => {
    expect(quoted(ruleMeta('location'), null)).toMatch(/home address/);
  });
});
