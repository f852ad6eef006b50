import { describe, expect, test } from 'vitest';
import { NAME_KNOWLEDGE } from '../../src/policy/knowledge/name-knowledge';
import { compileNameMatcher, phraseKey, type KnownPhrase } from '../../src/policy/names/compile';
import { buildPolicySnapshot } from '../../src/policy/snapshot';
import { hashString } from '../../src/policy/tokenise';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const pupils = ['Victoria', 'Rama', 'Charles'].map((forename, index) => ({ id: String(index), forename, surname: 'Okoro', className: 'Oak', photoConsent: true }));
const snapshot = buildPolicySnapshot({ pupils, importedAt: '2025-01-01T00:00:00Z', source: 'test' }, DEFAULT_SETTINGS, NAME_KNOWLEDGE);

function knownPhrase(matcher: ReturnType<typeof compileNameMatcher>, phrase: string): KnownPhrase | undefined {
  const [first, second] = phrase.split(' ') as [string, string];
  return matcher.neverANames.get(phraseKey(hashString(first), hashString(second)))?.find((known) => known.words.join(' ') === phrase);
}

describe('compileNameMatcher', () => {
  test('takes which famous phrases are history’s people and story pairs from the snapshot’s marks, not from the words', () => {
    const index = (phrase: string) => snapshot.famousPhrases.indexOf(phrase);
    // Marks swapped on purpose: the compiled matcher must follow them.
    const matcher = compileNameMatcher({ ...snapshot, famousFigures: [index('charles darwin')], famousStoryPairs: [] });
    expect(knownPhrase(matcher, 'charles darwin')).toMatchObject({ figure: true, storyPair: false });
    expect(knownPhrase(matcher, 'queen victoria')).toMatchObject({ figure: false });
    expect(knownPhrase(matcher, 'rama and sita')).toMatchObject({ storyPair: false });
    expect(matcher.storyPairs.size).toBe(0);
  });

  test('pairs a marked story’s two names with each other', () => {
    const matcher = compileNameMatcher(snapshot);
    expect(knownPhrase(matcher, 'rama and sita')).toMatchObject({ storyPair: true, figure: false });
    expect(matcher.storyPairs.get(hashString('rama'))).toContain(hashString('sita'));
    expect(matcher.storyPairs.get(hashString('sita'))).toContain(hashString('rama'));
  });
});
