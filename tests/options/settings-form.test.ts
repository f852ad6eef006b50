import { describe, expect, it } from 'vitest';
import { aliasesOf, checkSettings, linesOf, numberOf, syncUrlOf } from '../../src/options/settings-form';
import { RULES } from '../../src/policy/rules/index';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const messages = (result: ReturnType<typeof checkSettings>) => (result.ok ? [] : result.problems.map((problem) => `${problem.key} | ${problem.message}`));

describe('reading the form boxes', () => {
  it('takes one entry per non-blank line, trimmed', () => {
    expect(linesOf(' Whole School \r\n\nPTA\n  ')).toEqual(['Whole School', 'PTA']);
  });
  it('takes aliases separated by commas', () => {
    expect(aliasesOf('Y1, Year One,, ')).toEqual(['Y1', 'Year One']);
  });
  it('reads a blank number box as not a number, and a blank address as no sync', () => {
    expect(numberOf(' ')).toBeNaN();
    expect(numberOf('14')).toBe(14);
    expect(syncUrlOf('  ')).toBeNull();
    expect(syncUrlOf(' https://mis.example/roster.csv ')).toBe('https://mis.example/roster.csv');
  });
});

describe('checkSettings', () => {
  it('applies a section’s change to the current settings', () => {
    const result = checkSettings({ ...DEFAULT_SETTINGS, extraPrefixes: ['PTA'] }, { schoolHandles: ['@PrimaryRedbourn'], staleRosterDays: 14 });
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, extraPrefixes: ['PTA'], schoolHandles: ['@PrimaryRedbourn'], staleRosterDays: 14 } });
  });

  it('names the setting and the line of each problem, in plain words', () => {
    const result = checkSettings(DEFAULT_SETTINGS, {
      schoolHandles: ['PrimaryRedbourn', 'not a handle'],
      staleRosterDays: numberOf(''),
      syncEveryHours: 500,
      syncUrl: 'http://mis.example/roster.csv',
    });
    expect(messages(result)).toEqual([
      'schoolHandles | School X accounts, line 2: An X handle is 1–15 letters, digits or _.',
      'staleRosterDays | Warn when the pupil list is older than (days): a whole number of days, 1 or more.',
      'syncUrl | Pupil list sync address: The sync URL must start with https://.',
      'syncEveryHours | Sync every (hours): a number of hours from 1 to 168.',
    ]);
  });

  it('refuses e-mail addresses and phone numbers that are not', () => {
    const result = checkSettings(DEFAULT_SETTINGS, { schoolEmails: ['office@redbourn.herts.sch.uk', 'office'], schoolPhones: ['01582 792 000', 'ring us'] });
    expect(messages(result)).toEqual([
      'schoolEmails | School e-mail addresses, line 2: “office” is not an e-mail address.',
      'schoolPhones | School phone numbers, line 2: “ring us” is not a phone number.',
    ]);
  });

  it('refuses a class without a name and a name or alias used by two classes', () => {
    expect(messages(checkSettings(DEFAULT_SETTINGS, { classes: [{ name: 'Oak', aliases: [] }, { name: ' ', aliases: [] }] }))).toEqual([
      'classes | Classes, class 2: A class needs a name.',
    ]);
    expect(messages(checkSettings(DEFAULT_SETTINGS, { classes: [{ name: 'Oak', aliases: ['Y1'] }, { name: 'Ash', aliases: ['y1'] }] }))).toEqual([
      'classes | Classes: “y1” is used by both Oak and Ash.',
    ]);
  });

  it('refuses a rule level that does not exist, saying which levels the rule has', () => {
    const [{ meta }] = RULES;
    expect(messages(checkSettings(DEFAULT_SETTINGS, { rules: { [meta.id]: 'sometimes' } }))).toEqual([`rules | Rules: "sometimes" is not a level; ${meta.id} can be ${meta.levels.join(', ')}.`]);
  });
});
