/**
 * Done when: every example of the shared corpus gets its expected verdict from the CLI, against the
 * corpus roster. `block` → verdict block, with those rules among the block findings; `flag` → warn
 * or block; `pass` → not block.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES, runCli } from '../cli/run-cli';

interface Example {
  id: string;
  expect: 'block' | 'flag' | 'pass';
  rules: string[];
  text: string;
}
interface Output {
  id: string;
  verdict: 'block' | 'warn' | 'pass';
  findings: { rule: string; severity: string; start: number; end: number; message: string }[];
}

const input = readFileSync(join(FIXTURES, 'examples.jsonl'), 'utf8');
const examples = input.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Example);

describe('the example corpus, through the CLI', () => {
  const run = runCli(['check', '--roster', join(FIXTURES, 'roster.csv')], input);
  const outputs = new Map(run.stdout.split('\n').filter(Boolean).map((line) => [(JSON.parse(line) as Output).id, JSON.parse(line) as Output]));

  test('exits 0 with one line per draft', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect([...outputs.keys()]).toEqual(examples.map((example) => example.id));
  });

  for (const example of examples) {
    test(`${example.id} ${example.expect} ${example.rules.join(',')}: ${example.text}`, () => {
      const output = outputs.get(example.id);
      expect(output).toBeDefined();
      if (!output) return;
      if (example.expect === 'block') {
        expect(output.verdict).toBe('block');
        const blocking = output.findings.filter((finding) => finding.severity === 'block').map((finding) => finding.rule);
        expect(blocking).toEqual(expect.arrayContaining(example.rules));
      } else if (example.expect === 'flag') {
        expect(output.verdict).not.toBe('pass');
      } else {
        expect(output.verdict).not.toBe('block');
      }
      for (const finding of output.findings) {
        expect(finding.start).toBeGreaterThanOrEqual(0);
        expect(finding.end).toBeGreaterThanOrEqual(finding.start);
        expect(finding.message).toMatch(/\w/);
      }
    });
  }
});
