/**
 * Rule levels in settings: only the levels each rule's metadata allows, wherever settings come
 * from (settings.json for the CLI, the options page, the school's admin console), with a message
 * that says which rules may run at the exception level.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { SettingsStore, type SettingsAreas } from '../../src/background/settings-store';
import { loadSettings } from '../../src/cli/load-policy';
import { checkSettings } from '../../src/options/settings-form';
import { RULES } from '../../src/policy/rules/index';
import { InputError } from '../../src/shared/input-error';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../src/shared/settings';

const withException = RULES.filter(({ meta }) => meta.levels.includes('block-with-exception')).map(({ meta }) => meta.id);
const withoutException = RULES.filter(({ meta }) => !meta.levels.includes('block-with-exception')).map(({ meta }) => meta.id);

function areas(managed: Record<string, unknown>, local: Record<string, unknown> = {}): SettingsAreas {
  return {
    local: { get: async (key) => (key in local ? { [key]: structuredClone(local[key]) } : {}), set: async () => undefined, remove: async () => undefined },
    managed: { get: async () => structuredClone(managed) },
  };
}

describe('the settings schema', () => {
  it('has rules on both sides: some with the policy’s exception, most without', () => {
    expect(withException.length).toBeGreaterThan(0);
    expect(withoutException.length).toBeGreaterThan(0);
  });

  it('accepts every level a rule’s metadata allows', () => {
    for (const { meta } of RULES) {
      for (const level of meta.levels) expect(v.safeParse(SettingsSchema, { rules: { [meta.id]: level } }).success, `${meta.id}: ${level}`).toBe(true);
    }
  });

  it('rejects block-with-exception on a rule without a policy exception, saying which rules have one', () => {
    for (const id of withoutException) {
      const parsed = v.safeParse(SettingsSchema, { rules: { [id]: 'block-with-exception' } });
      expect(parsed.success, id).toBe(false);
      const message = parsed.issues?.[0]?.message ?? '';
      expect(message).toContain(id);
      for (const other of withException) expect(message).toContain(other);
      expect(message).toMatch(/off, warn, block$/);
    }
  });

  it('rejects a level that does not exist and a rule id that does not, naming them', () => {
    const level = v.safeParse(SettingsSchema, { rules: { [withException[0]!]: 'blok' } });
    expect(level.issues?.[0]?.message).toMatch(/"blok" is not a level/);
    const unknown = v.safeParse(SettingsSchema, { rules: { 'pupil-nme': 'off' } });
    expect(unknown.success).toBe(false);
    expect(unknown.issues?.[0]?.message).toMatch(/“pupil-nme” is not a rule; the rules are .*hashtag/);
  });
});

describe('the options page', () => {
  it('reports an exception level on another rule as a problem with the rules, in words', () => {
    const result = checkSettings(DEFAULT_SETTINGS, { rules: { [withoutException[0]!]: 'block-with-exception' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ key: 'rules', message: expect.stringContaining('only for a rule whose policy allows an exception') });
  });
});

describe('the CLI’s settings file', () => {
  it('refuses an exception level on another rule, naming the file and the rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spg-settings-'));
    const path = join(dir, 'settings.json');
    writeFileSync(path, JSON.stringify({ rules: { [withoutException[0]!]: 'block-with-exception', [withException[0]!]: 'block-with-exception' } }));
    expect(() => loadSettings(path)).toThrow(InputError);
    expect(() => loadSettings(path)).toThrow(`${path}: rules.${withoutException[0]}: “block-with-exception” is only for a rule whose policy allows an exception`);
    writeFileSync(path, JSON.stringify({ rules: { [withException[0]!]: 'block-with-exception' } }));
    expect(loadSettings(path).rules).toEqual({ [withException[0]!]: 'block-with-exception' });
  });
});

describe('managed storage', () => {
  it('applies the rule levels it may and rejects an exception level on another rule with a message for the ICT lead', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const [rejected] = withoutException;
    const [allowed] = withException;
    const loaded = await new SettingsStore(areas({ rules: { [rejected!]: 'block-with-exception', [allowed!]: 'warn' } })).load();
    expect(loaded.settings.rules).toEqual({ [allowed!]: 'warn' });
    expect(loaded.managedKeys).toEqual(['rules']);
    expect(loaded.managedProblems).toEqual([{ key: 'rules', message: expect.stringMatching(new RegExp(`^${rejected}: “block-with-exception” is only for a rule whose policy allows an exception`)) }]);
    error.mockRestore();
  });

  it('keeps the local level of a rule whose managed level was rejected', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const [rule] = withoutException;
    const loaded = await new SettingsStore(areas({ rules: { [rule!]: 'block-with-exception' } }, { settings: { rules: { [rule!]: 'warn' } } })).load();
    expect(loaded.settings.rules).toEqual({ [rule!]: 'warn' });
    expect(loaded.managedKeys).toEqual([]);
    expect(loaded.managedProblems).toHaveLength(1);
    error.mockRestore();
  });
});

describe('settings saved by an earlier version', () => {
  it('read an exception level on a rule without one as block, keeping every other setting', async () => {
    const [rule] = withoutException;
    const local = { settings: { schoolHandles: ['PrimaryRedbourn'], extraPrefixes: ['PTA'], rules: { [rule!]: 'block-with-exception', [withException[0]!]: 'warn' } } };
    const loaded = await new SettingsStore(areas({}, local)).load();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, schoolHandles: ['PrimaryRedbourn'], extraPrefixes: ['PTA'], rules: { [rule!]: 'block', [withException[0]!]: 'warn' } });
  });
});
