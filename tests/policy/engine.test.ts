import { describe, expect, test } from 'vitest';
import { checkDraft } from '../../src/policy/engine';
import { offersConfirmation } from '../../src/policy/rule';
import { RULE_IDS, RULES, ruleMeta } from '../../src/policy/rules/index';
import { buildPolicySnapshot } from '../../src/policy/snapshot';
import { compilePolicy } from '../../src/policy/engine';
import { NAME_KNOWLEDGE } from '../../src/policy/knowledge/name-knowledge';
import type { Draft, RuleLevel } from '../../src/policy/types';
import { tMessage } from '../../src/shared/i18n';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { TEST_PUPILS, testPolicy } from './test-policy';

const policy = testPolicy();
const draft = (text: string, more: Partial<Draft> = {}): Draft => ({ text, attachments: [], confirmed: [], ...more });
const photo = { name: 'IMG_1.jpg', alt: '', type: 'image/jpeg' };

describe('the rules registry', () => {
  test('one rule per id, each quoting the policy, with its messages and a default level among the levels it allows', () => {
    expect(new Set(RULE_IDS).size).toBe(RULES.length);
    for (const { meta } of RULES) {
      expect(ruleMeta(meta.id)).toBe(meta);
      expect(tMessage(meta.policySentence).length).toBeGreaterThan(20);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      expect(meta.levels).toContain(meta.defaultLevel);
      expect(meta.levels).toContain('off');
    }
  });

  test('only a rule whose metadata declares a confirmation allows block-with-exception, and typed words are there to type', () => {
    for (const { meta } of RULES) {
      if (meta.levels.includes('block-with-exception')) expect(meta.confirmation, meta.id).toBeDefined();
      if (meta.confirmation?.kind === 'typed') expect(tMessage(meta.confirmation.words).trim()).toMatch(/\w/);
      if (meta.confirmation) expect(tMessage(meta.confirmation.prompt)).toMatch(/\w/);
    }
    // Not every rule: naming a child can never be confirmed away.
    expect(RULES.filter(({ meta }) => meta.levels.includes('block-with-exception')).length).toBeLessThan(RULES.length);
  });

  test('a rule offers its confirmation where its levels say: at block-with-exception for a policy exception, at every block otherwise', () => {
    for (const { meta } of RULES) {
      const exceptionRule = meta.levels.includes('block-with-exception');
      expect(offersConfirmation(meta, 'off')).toBe(false);
      expect(offersConfirmation(meta, 'warn')).toBe(false);
      expect(offersConfirmation(meta, 'block')).toBe(meta.confirmation !== undefined && !exceptionRule);
      expect(offersConfirmation(meta, 'block-with-exception')).toBe(meta.confirmation !== undefined && exceptionRule);
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
      expect(tMessage(finding.message)).toMatch(/\w{3}/);
      expect(finding.fix && tMessage(finding.fix)).toMatch(/\w{3}/);
    }
  });

  test('a hashtag is lifted only by its own confirmation, which the finding asks for in words', () => {
    const blocked = checkDraft(policy, draft('Oak: Zoo day #zoo'));
    expect(blocked.verdict).toBe('block');
    expect(blocked.findings[0]?.confirmation).toEqual(ruleMeta('hashtag').confirmation);
    const confirmation = blocked.findings[0]?.confirmation;
    expect(confirmation?.kind === 'typed' && tMessage(confirmation.words)).toBe('parents agreed');
    expect(confirmation && tMessage(confirmation.prompt)).toMatch(/written agreement/);
    const confirmed = checkDraft(policy, draft('Oak: Zoo day #zoo', { confirmed: ['hashtag'] }));
    expect(confirmed).toMatchObject({ verdict: 'pass', findings: [] });
    expect(confirmed.confirmedFindings?.map((finding) => finding.rule)).toEqual(['hashtag']);
  });

  test('a pupil’s name cannot be confirmed away', () => {
    expect(checkDraft(policy, draft('Oak: Well done Ava', { confirmed: ['pupil-name'] })).verdict).toBe('block');
  });

  test('a warning is acknowledged by confirming its rule', () => {
    const result = checkDraft(policy, draft('Willow: Grace in the garden', { confirmed: ['pupil-name'] }));
    expect(result).toMatchObject({ verdict: 'pass', findings: [] });
    expect(result.confirmedFindings).toHaveLength(1);
  });

  test('the ICT lead’s levels: off, warn, and block without the exception', () => {
    expect(checkDraft(testPolicy({ rules: { hashtag: 'off' } }), draft('Oak: #zoo')).verdict).toBe('pass');
    expect(checkDraft(testPolicy({ rules: { hashtag: 'warn' } }), draft('Oak: #zoo')).verdict).toBe('warn');
    const strict = checkDraft(testPolicy({ rules: { hashtag: 'block' } }), draft('Oak: #zoo', { confirmed: ['hashtag'] }));
    expect(strict.verdict).toBe('block');
    expect(strict.findings[0]?.confirmation).toBeUndefined();
    expect(checkDraft(testPolicy({ rules: { 'class-prefix': 'off' } }), draft('A lovely day.')).verdict).toBe('pass');
  });

  test('reports the class the post begins with, an alias resolved to its class', () => {
    const withAlias = testPolicy({ classes: [{ name: 'Year 6', aliases: ['Kestrels'] }] });
    expect(checkDraft(withAlias, draft('Kestrels: hi')).className).toBe('Year 6');
    expect(checkDraft(withAlias, draft('Y6: hi')).className).toBe('Year 6');
    expect(checkDraft(withAlias, draft('Nope: hi')).className).toBeNull();
  });

  test('reports every class a joint post names, and none for a whole-school post', () => {
    const withPrefix = testPolicy({ extraPrefixes: ['Whole School'] });
    expect(checkDraft(withPrefix, draft('Owls and Badgers: Sports day!'))).toMatchObject({ className: 'Owls and Badgers', classNames: ['Owls', 'Badgers'] });
    expect(checkDraft(withPrefix, draft('Oak: hi'))).toMatchObject({ className: 'Oak', classNames: ['Oak'] });
    expect(checkDraft(withPrefix, draft('Whole School: Harvest'))).toMatchObject({ className: 'Whole School', classNames: [] });
    expect(checkDraft(withPrefix, draft('Hello'))).toMatchObject({ className: null, classNames: [] });
  });

  test('ranges mark the exact characters after emoji and look-alike letters', () => {
    const text = '🌳 Oak: well done 👏 \u0410va and A\u200Bmelia';
    const marked = checkDraft(policy, draft(text)).findings.map((finding) => text.slice(finding.start, finding.end));
    expect(marked).toEqual(['\u0410va', 'A\u200Bmelia']);
  });

  test('a level a rule does not allow (settings written before levels came from the rules) counts as block, never as an exception', () => {
    const withoutException = RULES.filter(({ meta }) => !meta.levels.includes('block-with-exception')).map(({ meta }) => meta.id);
    const ruleLevels = Object.fromEntries(withoutException.map((id) => [id, 'block-with-exception' as RuleLevel]));
    const snapshot = buildPolicySnapshot({ pupils: TEST_PUPILS, importedAt: '2025-01-01T00:00:00Z', source: 'test' }, { ...DEFAULT_SETTINGS, rules: ruleLevels }, NAME_KNOWLEDGE);
    const policy = compilePolicy(snapshot);
    for (const id of withoutException) expect(policy.levels[id], id).toBe('block');
    const result = checkDraft(policy, draft('Oak: Well done Ava', { confirmed: [...withoutException] }));
    expect(result.verdict).toBe('block');
    expect(result.findings.every((finding) => finding.confirmation === undefined)).toBe(true);
  });

  test('photo consent blocks until staff confirm with a click, at its default level', () => {
    const blocked = checkDraft(policy, draft('Willow: Painting', { attachments: [photo] }));
    expect(blocked.verdict).toBe('block');
    expect(blocked.findings[0]?.confirmation).toMatchObject({ kind: 'click' });
    expect(checkDraft(policy, draft('Willow: Painting', { attachments: [photo], confirmed: ['photo-consent'] })).verdict).toBe('pass');
  });

  test('a direct message gets the name checks and a finding of its own', () => {
    const result = checkDraft(policy, draft('Well done Ava today', { placement: 'message' }));
    expect(result.findings.map((finding) => finding.rule).sort()).toEqual(['direct-message', 'pupil-name']);
    expect(result.verdict).toBe('block');
  });
});
