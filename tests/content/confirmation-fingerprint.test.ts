/**
 * What a confirmation covers comes from the rule's metadata, not from its id: for every rule of
 * the registry, another photo asks again where the rule says its confirmation is about the photos,
 * another class or another pupil list where it is about the class('s list), and other words always.
 */
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/content/composer-check';
import { RULES } from '../../src/policy/rules/index';
import type { Draft, Finding, RuleId } from '../../src/policy/types';

const photo = (key: string) => ({ key, name: 'IMG_1.jpg', alt: '', type: 'image/jpeg' });
const draft = (text: string, keys: string[]): Draft => ({ text, attachments: keys.map(photo), confirmed: [] });

describe('a confirmation’s fingerprint', () => {
  for (const { meta } of RULES) {
    const scope = meta.confirmationScope ?? [];
    const finding: Finding = { rule: meta.id, severity: 'block', start: 5, end: 9, target: { kind: 'text' }, message: { key: 'rule_pupil_name_fix_block', substitutions: [] } };

    it(`${meta.id}: covers the marked words${scope.length > 0 ? ` and ${scope.join(', ')}` : ' only'}`, () => {
      const seen = fingerprint(finding, draft('Oak: #zoo', ['a']), 'Oak', 'list-1');
      expect(fingerprint(finding, draft('Oak: #zoo', ['a']), 'Oak', 'list-1')).toBe(seen);
      expect(fingerprint(finding, draft('Oak: #art', ['a']), 'Oak', 'list-1')).not.toBe(seen);
      expect(fingerprint(finding, draft('Oak: #zoo', ['a', 'b']), 'Oak', 'list-1') !== seen).toBe(scope.includes('photos'));
      expect(fingerprint(finding, draft('Oak: #zoo', ['a']), 'Ash', 'list-1') !== seen).toBe(scope.includes('class'));
      // The class's list as a sync changed it (consent given or withdrawn) is another list.
      expect(fingerprint(finding, draft('Oak: #zoo', ['a']), 'Oak', 'list-2') !== seen).toBe(scope.includes('class'));
    });
  }

  it('is told apart by rule', () => {
    const [first, second] = RULES.map(({ meta }) => meta.id);
    const of = (rule: RuleId | undefined) => fingerprint({ rule: rule!, severity: 'warn', start: 0, end: 3, target: { kind: 'text' }, message: { key: 'rule_pupil_name_fix_block', substitutions: [] } }, draft('Oak', []), null, 'list-1');
    expect(of(first)).not.toBe(of(second));
  });
});
