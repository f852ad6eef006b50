/**
 * Replies under the school's posts, checked by the rules whose metadata says they apply to replies:
 * a reply that names a pupil, gives personal information or uses a hashtag is flagged at the words
 * that do it; an ordinary reply, a reply that does not begin with a class name, or one that
 * mentions an account is not.
 */
import { describe, expect, it } from 'vitest';
import { checkReply } from '../../src/policy/reply-check';
import { RULES } from '../../src/policy/rules/index';
import { testPolicy } from './test-policy';

const policy = testPolicy();
const replyRules = new Set(RULES.filter((rule) => rule.meta.checksReplies).map((rule) => rule.meta.id));

describe('checkReply', () => {
  it.each([
    ['Well done Ava!', 'Ava'],
    ['So proud of Mason Knight today', 'Mason Knight'],
    ['Amelia’s poem was lovely', 'Amelia'],
    ['Great work! #proud', '#proud'],
    ['Call me on 07700 900456 about the trip', '07700 900456'],
    // Shown as "Proud of Amelia Hussain today": stored reversed, so only the direction control gives it away.
    ['Proud of \u202Enniassuh ailemA\u202C today', '\u202Enniassuh ailemA\u202C'],
  ])('flags %j at %j', (text, flagged) => {
    const findings = checkReply(policy, text);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((finding) => text.slice(finding.start, finding.end))).toContain(flagged);
    for (const finding of findings) expect(replyRules.has(finding.rule)).toBe(true);
  });

  it.each([
    'Well done everyone, what a brilliant assembly!',
    'We will be there on Friday',
    'Thanks @RedbournPTA for the cakes',
    'Lovely to see the rose garden',
  ])('leaves %j alone', (text) => {
    expect(checkReply(policy, text)).toEqual([]);
  });

  it('only the rules that say so check replies, and there are some', () => {
    expect(replyRules.size).toBeGreaterThan(0);
    expect(replyRules.size).toBeLessThan(RULES.length);
  });
});
