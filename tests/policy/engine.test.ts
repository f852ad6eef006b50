import { describe, expect, test } from 'vitest';
import { checkDraft } from '../../src/policy/engine';
import { RULES } from '../../src/policy/rules/index';
import { RULE_IDS, type Draft } from '../../src/policy/types';
import { testPolicy } from './test-policy';

const policy = testPolicy();
const draft = (text: string, more: Partial<Draft> = {}): Draft => ({ text, attachments: [], confirmed: [], ...more });
const photo = { name: 'IMG_1.jpg', alt: '', type: 'image/jpeg' };

describe('rules', () => {
  test('one rule per id, each quoting the policy and with a default level', () => {
    expect(RULES.map((rule) => rule.meta.id).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of RULES) {
      expect(rule.meta.policySentence.length).toBeGreaterThan(20);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      if (rule.meta.defaultLevel === 'block-with-exception') expect(rule.meta.exceptionPrompt).toBeTruthy();
    }
  });
});

describe('checkDraft', () => {
  test('pass, warn and block', () => {
    expect(checkDraft(policy, draft('Oak: A lovely day.'))).toMatchObject({ verdict: 'pass', findings: [], className: 'Oak' });
    expect(checkDraft(policy, draft('Oak: Thanks @zoo'))).toMatchObject({ verdict: 'warn' });
    expect(checkDraft(policy, draft('Oak: Well done Ava'))).toMatchObject({ verdict: 'block' });
  });

  test('every finding has a rule, a severity, a range in the text, a message and, where one exists, a fix', () => {
    const result = checkDraft(policy, draft('🌳 Well done Ava #proud, call 07700 900456', { attachments: [photo] }));
    expect(result.findings.map((finding) => finding.rule).sort()).toEqual(['class-prefix', 'hashtag', 'personal-info', 'photo-consent', 'pupil-name']);
    for (const finding of result.findings) {
      expect(finding.start).toBeLessThanOrEqual(finding.end);
      expect(finding.message).toMatch(/\w/);
      expect(finding.fix).toMatch(/\w/);
    }
  });

  test('a hashtag is lifted only by its own confirmation, which the finding asks for in words', () => {
    const blocked = checkDraft(policy, draft('Oak: Zoo day #zoo'));
    expect(blocked.verdict).toBe('block');
    expect(blocked.findings[0]?.exception?.prompt).toMatch(/written agreement/);
    const confirmed = checkDraft(policy, draft('Oak: Zoo day #zoo', { confirmed: ['hashtag'] }));
    expect(confirmed).toMatchObject({ verdict: 'pass', findings: [] });
    expect(confirmed.confirmedFindings?.map((finding) => finding.rule)).toEqual(['hashtag']);
  });

  test('a pupil’s name cannot be confirmed away', () => {
    expect(checkDraft(policy, draft('Oak: Well done Ava', { confirmed: ['pupil-name'] })).verdict).toBe('block');
  });

  test('a warning is acknowledged by confirming its rule', () => {
    const result = checkDraft(policy, draft('Willow: Grace helped us', { confirmed: ['pupil-name'] }));
    expect(result).toMatchObject({ verdict: 'pass', findings: [] });
    expect(result.confirmedFindings).toHaveLength(1);
  });

  test('the ICT lead’s levels: off, warn, and block without the exception', () => {
    expect(checkDraft(testPolicy({ rules: { hashtag: 'off' } }), draft('Oak: #zoo')).verdict).toBe('pass');
    expect(checkDraft(testPolicy({ rules: { hashtag: 'warn' } }), draft('Oak: #zoo')).verdict).toBe('warn');
    const strict = checkDraft(testPolicy({ rules: { hashtag: 'block' } }), draft('Oak: #zoo', { confirmed: ['hashtag'] }));
    expect(strict.verdict).toBe('block');
    expect(strict.findings[0]?.exception).toBeUndefined();
    expect(checkDraft(testPolicy({ rules: { 'class-prefix': 'off' } }), draft('A lovely day.')).verdict).toBe('pass');
  });

  test('reports the class the post begins with, an alias resolved to its class', () => {
    const withAlias = testPolicy({ classes: [{ name: 'Year 6', aliases: ['Kestrels'] }] });
    expect(checkDraft(withAlias, draft('Kestrels: hi')).className).toBe('Year 6');
    expect(checkDraft(withAlias, draft('Y6: hi')).className).toBe('Year 6');
    expect(checkDraft(withAlias, draft('Nope: hi')).className).toBeNull();
  });

  test('ranges mark the exact characters after emoji and look-alike letters', () => {
    const text = '🌳 Oak: well done 👏 \u0410va and A\u200Bmelia';
    const marked = checkDraft(policy, draft(text)).findings.map((finding) => text.slice(finding.start, finding.end));
    expect(marked).toEqual(['\u0410va', 'A\u200Bmelia']);
  });
});
