/**
 * Issue 9's school-scale corpus: a 406-pupil roster in 14 classes named after trees (several pupils
 * share a class's name; many names are words, saints, kings or story characters) and 335 posts
 * written the way staff write them, each with the verdict a careful person gives
 * (tests/fixtures/school/). Must-block posts are blocked, not warned; ordinary and famous-use posts
 * are not blocked; flags are at least warned. The table by kind is the README's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkDraft } from '../../src/policy/engine';
import { parseRosterCsv } from '../../src/roster/csv-import';
import { tMessage } from '../../src/shared/i18n';
import { testPolicy } from './test-policy';

interface Post {
  id: string;
  kind: string;
  expect: 'block' | 'flag' | 'ordinary' | 'famous';
  text: string;
}
type Outcome = 'blocked' | 'warned' | 'passed';

const FIXTURES = join(import.meta.dirname, '../fixtures/school');
const parsed = parseRosterCsv(new Uint8Array(readFileSync(join(FIXTURES, 'roster.csv'))), 'roster.csv');
if (!parsed.ok) throw new Error('the school roster does not parse');
const policy = testPolicy({}, parsed.pupils);
const posts = readFileSync(join(FIXTURES, 'posts.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Post);

function outcome(post: Post): { outcome: Outcome; said: string[] } {
  const findings = checkDraft(policy, { text: post.text, attachments: [], confirmed: [] }).findings.filter((finding) => finding.rule === 'pupil-name');
  const said = findings.map((finding) => `${finding.severity}: ${tMessage(finding.message)}`);
  if (findings.some((finding) => finding.severity === 'block')) return { outcome: 'blocked', said };
  return { outcome: findings.length > 0 ? 'warned' : 'passed', said };
}

const ALLOWED: Record<Post['expect'], Outcome[]> = {
  block: ['blocked'],
  flag: ['blocked', 'warned'],
  ordinary: ['warned', 'passed'],
  famous: ['warned', 'passed'],
};

describe('the school-scale corpus (406 pupils, 335 posts)', () => {
  test('has the size the issue asks for', () => {
    expect(parsed.pupils.length).toBeGreaterThanOrEqual(400);
    expect(new Set(parsed.pupils.map((pupil) => pupil.className)).size).toBe(14);
    expect(posts.length).toBeGreaterThanOrEqual(250);
  });

  for (const post of posts) {
    test(`${post.id} ${post.kind}, ${post.expect}: ${post.text}`, () => {
      const result = outcome(post);
      expect(ALLOWED[post.expect], result.said.join('\n')).toContain(result.outcome);
    });
  }

  test('the table by kind (printed for the README)', () => {
    const rows = new Map<string, Record<Outcome, number>>();
    for (const post of posts) {
      const row = rows.get(post.kind) ?? { blocked: 0, warned: 0, passed: 0 };
      row[outcome(post).outcome] += 1;
      rows.set(post.kind, row);
    }
    const table = [...rows].map(([kind, row]) => `| ${kind} | ${row.blocked + row.warned + row.passed} | ${row.blocked} | ${row.warned} | ${row.passed} |`);
    console.log(['| kind | posts | blocked | warned | passed |', '|---|---:|---:|---:|---:|', ...table].join('\n'));
    expect(rows.size).toBe(10);
  });
});
