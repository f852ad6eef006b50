import { describe, expect, test } from 'vitest';
import { isEnglishWord } from '../../src/policy/english-words';
import { NAME_KNOWLEDGE } from '../../src/policy/knowledge/name-knowledge';
import { buildPolicySnapshot } from '../../src/policy/snapshot';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { TEST_PUPILS } from './test-policy';

const roster = { pupils: TEST_PUPILS, importedAt: '2025-01-01T00:00:00Z', source: 'test' };

describe('isEnglishWord', () => {
  test.each('will grace hope may rose summer ruby jack daisy holly joy brown green king young wood poppy autumn ivy fox stone mason price walker knight bell faith marsh'.split(' '))('%s is an ordinary word', (word) => {
    expect(isEnglishWord(word)).toBe(true);
  });
  test.each('oliver kai noor ada sean jo ava isla amelia aarav okonkwo'.split(' '))('%s is not', (word) => {
    expect(isEnglishWord(word)).toBe(false);
  });
});

describe('buildPolicySnapshot', () => {
  const snapshot = buildPolicySnapshot(roster, DEFAULT_SETTINGS, NAME_KNOWLEDGE);

  test('is plain data: survives JSON and structured cloning unchanged', () => {
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(structuredClone(snapshot)).toEqual(snapshot);
  });

  test('flags each name part from the dictionary, so the content script needs none', () => {
    const token = (text: string) => snapshot.nameTokens.find((entry) => entry.text === text);
    expect(token('grace')).toMatchObject({ ordinaryWord: true, plusSIsWord: true });
    expect(token('amelia')).toMatchObject({ ordinaryWord: false, plusSIsWord: false });
    expect(token('rose')).toMatchObject({ ordinaryWord: true, plusSIsWord: true });
    expect(token('maryjane')).toMatchObject({ ordinaryWord: false });
    expect(token('vanderberg')).toBeDefined();
    expect(token('mason')?.nearbyWords).toBeUndefined();
    expect(token('hussain')?.nearbyWords).toEqual([]);
  });

  test('lists the words one edit from a long name, which are never misspellings of it', () => {
    const pupils = [{ id: '1', forename: 'Masons', surname: 'Okafor', className: 'Oak', photoConsent: true }];
    const near = buildPolicySnapshot({ ...roster, pupils }, DEFAULT_SETTINGS, { ...NAME_KNOWLEDGE, isEnglishWord: (word) => word === 'mason' || word === 'masonry' });
    expect(near.nameTokens.find((entry) => entry.text === 'masons')?.nearbyWords).toEqual(['mason']);
  });

  test('gathers classes from the roster and the settings, with who lacks photo consent', () => {
    const settings = { ...DEFAULT_SETTINGS, classes: [{ name: 'Willow Class', aliases: ['Willows'] }, { name: 'Nursery', aliases: [] }] };
    const classes = buildPolicySnapshot(roster, settings, NAME_KNOWLEDGE).classes;
    expect(classes.find((entry) => entry.name === 'Willow Class')).toEqual({ name: 'Willow Class', aliases: ['Willows'], pupilIdsWithoutConsent: ['grace-young'] });
    expect(classes.map((entry) => entry.name)).toContain('Nursery');
    expect(classes.filter((entry) => entry.name.toLowerCase().startsWith('willow'))).toHaveLength(1);
  });

  test('carries the short forms the roster does not record, from the reviewed table and the school list', () => {
    const pupils = [
      { id: '1', forename: 'Frederick', surname: 'Okoro', className: 'Oak', photoConsent: true },
      { id: '2', forename: 'Jakub', surname: 'Nowak', className: 'Oak', photoConsent: true },
      { id: '3', forename: 'William', surname: 'Bello', className: 'Oak', photoConsent: true },
    ];
    const built = buildPolicySnapshot({ ...roster, pupils }, DEFAULT_SETTINGS, NAME_KNOWLEDGE);
    const shortForms = (id: string) =>
      built.pupils.find((pupil) => pupil.id === id)?.variants.filter((variant) => variant.kind === 'short').map((variant) => built.nameTokens[variant.tokens[0] as number]?.text);
    expect(shortForms('1')).toEqual(expect.arrayContaining(['fred', 'freddie']));
    expect(shortForms('2')).toContain('kuba');
    expect(shortForms('3')).toEqual(expect.arrayContaining(['will', 'bill', 'liam']));
    expect(shortForms('3')).not.toContain('bell');
  });

  test('carries the famous phrases holding a roster name, but never a pupil’s own full name', () => {
    const pupils = [
      { id: '1', forename: 'Charles', surname: 'Okoro', className: 'Oak', photoConsent: true },
      { id: '2', forename: 'Grace', surname: 'Darling', className: 'Oak', photoConsent: true },
    ];
    const built = buildPolicySnapshot({ ...roster, pupils }, DEFAULT_SETTINGS, NAME_KNOWLEDGE);
    expect(built.famousPhrases).toEqual(expect.arrayContaining(['charles darwin', 'charles dickens', 'amazing grace']));
    expect(built.famousPhrases).not.toContain('grace darling');
    expect(built.famousPhrases.every((phrase) => phrase.includes(' '))).toBe(true);
  });

  test('marks the famous phrases that are history’s people or a story’s pair, so each tab’s compile only reads the marks', () => {
    const pupils = ['Henry', 'Elizabeth', 'Victoria', 'Rama', 'Charles'].map((forename, index) => ({ id: String(index), forename, surname: 'Okoro', className: 'Oak', photoConsent: true }));
    const built = buildPolicySnapshot({ ...roster, pupils }, DEFAULT_SETTINGS, NAME_KNOWLEDGE);
    const marked = (indices: number[]) => indices.map((index) => built.famousPhrases[index]);
    expect(marked(built.famousFigures)).toEqual(expect.arrayContaining(['henry viii', 'elizabeth i', 'queen victoria']));
    expect(marked(built.famousStoryPairs)).toContain('rama and sita');
    for (const plain of ['charles darwin', 'rama and sita']) expect(marked(built.famousFigures)).not.toContain(plain);
    expect(marked(built.famousStoryPairs)).not.toContain('queen victoria');
    expect(built.famousFigures).toEqual([...built.famousFigures].sort((a, b) => a - b));
  });

  test('carries what someone does, from the part-of-speech lexicon, and no nouns or helpers', () => {
    expect(snapshot.personVerbs).toEqual(expect.arrayContaining(['sang', 'painted', 'read', 'won', 'drew', 'scored', 'helped']));
    for (const word of ['leaves', 'springs', 'is', 'has', 'was', 'table', 'toys']) expect(snapshot.personVerbs).not.toContain(word);
  });

  test('its hash changes with the roster and the settings, and only then', () => {
    expect(buildPolicySnapshot(roster, DEFAULT_SETTINGS, NAME_KNOWLEDGE).hash).toBe(snapshot.hash);
    expect(buildPolicySnapshot({ ...roster, pupils: TEST_PUPILS.slice(1) }, DEFAULT_SETTINGS, NAME_KNOWLEDGE).hash).not.toBe(snapshot.hash);
    expect(buildPolicySnapshot(roster, { ...DEFAULT_SETTINGS, neverANames: ['May Day'] }, NAME_KNOWLEDGE).hash).not.toBe(snapshot.hash);
  });
});
