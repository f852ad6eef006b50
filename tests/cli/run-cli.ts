/** Runs the CLI in this process through its exported `run`, or (once, to prove the program itself starts) as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../src/cli/main';

export const REPO = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(REPO, 'tests/fixtures/policy');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `run(argv, io)` with `input` as stdin, collecting what it writes. Paths are as given (tests pass absolute ones). */
export async function runInProcess(args: string[], input: string | Uint8Array = ''): Promise<CliRun> {
  let stdout = '';
  const stderr: string[] = [];
  const status = await run(args, {
    readStdin: async () => (typeof input === 'string' ? new TextEncoder().encode(input) : input),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (line) => stderr.push(line),
  });
  return { status, stdout, stderr: stderr.map((line) => `${line}\n`).join('') };
}

/** A separate Node process running the CLI from the repository root, as `npm run guard` does. */
export function runCli(args: string[], input = ''): CliRun {
  const result = spawnSync(join(REPO, 'node_modules/.bin/tsx'), [join(REPO, 'src/cli/main.ts'), ...args], { cwd: REPO, input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch directory with these files written in it; returns the directory. */
export function scratchFiles(files: Record<string, string | Uint8Array>): string {
  const directory = mkdtempSync(join(tmpdir(), 'guard-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
  return directory;
}
