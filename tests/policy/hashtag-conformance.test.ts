/**
 * The hashtag rule against twitter-text's published conformance cases (every `hashtags*` section of
 * extract.yml and validate.yml, copied unchanged into tests/fixtures/policy with their licence).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { findHashtags } from '../../src/policy/rules/hashtag';

const FIXTURES = join(import.meta.dirname, '../fixtures/policy');

interface Case<Expected> {
  description: string;
  text: string;
  expected: Expected;
}
interface Conformance {
  tests: Record<string, Case<unknown>[] | undefined>;
}

function sections(file: string): [string, Case<unknown>[]][] {
  const document = parse(readFileSync(join(FIXTURES, file), 'utf8')) as Conformance;
  return Object.entries(document.tests).filter((entry): entry is [string, Case<unknown>[]] => entry[0].startsWith('hashtags') && Array.isArray(entry[1]));
}

/** The conformance files count in code points; JavaScript strings in UTF-16 code units. */
function codePointIndex(text: string, utf16Index: number): number {
  return [...text.slice(0, utf16Index)].length;
}

const extract = sections('twitter-text-extract.yml');
const validate = sections('twitter-text-validate.yml');

test('the fixtures hold the sections this test is for', () => {
  expect(extract.map(([name]) => name).sort()).toEqual(['hashtags', 'hashtags_from_astral', 'hashtags_with_indices']);
  expect(validate.map(([name]) => name)).toEqual(['hashtags']);
});

for (const [section, cases] of extract) {
  describe(`extract.yml ${section}`, () => {
    for (const entry of cases) {
      test(entry.description, () => {
        const found = findHashtags(entry.text);
        if (section === 'hashtags_with_indices') {
          const withIndices = found.map(({ hashtag, start, end }) => ({ hashtag, indices: [codePointIndex(entry.text, start), codePointIndex(entry.text, end)] }));
          expect(withIndices).toEqual(entry.expected);
        } else {
          expect(found.map(({ hashtag }) => hashtag)).toEqual(entry.expected);
        }
      });
    }
  });
}

for (const [section, cases] of validate) {
  describe(`validate.yml ${section}`, () => {
    for (const entry of cases) {
      test(entry.description, () => {
        // Valid: the whole text is exactly one hashtag.
        const found = findHashtags(entry.text);
        const valid = found.length === 1 && found[0]?.start === 0 && found[0].end === entry.text.length;
        expect(valid).toBe(entry.expected);
      });
    }
  });
}
