/**
 * The command line over src/policy:
 *   guard check --roster FILE [--settings FILE]            JSON lines in (stdin), JSON lines out
 *   guard audit --roster FILE [--settings FILE] ARCHIVE.zip  posts of an X export that break the policy
 * Exit 0 when done, 2 for bad input (a message on stderr naming the file, line or row; nothing on stdout).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runAudit } from './audit-command';
import { runCheck } from './check-command';
import { InputError } from '../shared/input-error';
import { loadPolicy, readInputFile } from './load-policy';

const USAGE = `usage: guard check --roster FILE [--settings FILE] < drafts.jsonl
       guard audit --roster FILE [--settings FILE] ARCHIVE.zip`;

/** Where the CLI reads and writes: the process's streams, or a test's strings. */
export interface CliIo {
  /** All of standard input; read only by `check`. */
  readStdin(): Promise<Uint8Array>;
  stdout(text: string): void;
  /** One line of progress, a warning or the error. */
  stderr(line: string): void;
}

/** Runs one command; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    io.stdout(await runCommand(argv, io));
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(error.message);
    return 2;
  }
}

async function runCommand(argv: readonly string[], io: CliIo): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { roster: { type: 'string' }, settings: { type: 'string' } } });
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n${USAGE}`);
  }
  const [command, ...rest] = parsed.positionals;
  const { roster, settings } = parsed.values;
  if ((command !== 'check' && command !== 'audit') || roster === undefined) throw new InputError(USAGE);
  const warn = (line: string) => io.stderr(line);
  if (command === 'check') {
    if (rest.length > 0) throw new InputError(`check reads drafts from stdin, not from ${rest.join(' ')}\n${USAGE}`);
    const policy = loadPolicy(roster, settings, warn);
    return runCheck(policy, decodeStdin(await io.readStdin()));
  }
  if (rest.length !== 1) throw new InputError(`audit needs one archive (ARCHIVE.zip)\n${USAGE}`);
  const archivePath = rest[0] as string;
  const policy = loadPolicy(roster, settings, warn);
  return runAudit(policy, readInputFile(archivePath), archivePath, warn);
}

function decodeStdin(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('stdin: not UTF-8 text');
  }
}

const processIo: CliIo = {
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  stdout: (text) => void process.stdout.write(text),
  stderr: (line) => console.error(line),
};

// Run as a program (tsx src/cli/main.ts), not when a test imports `run`.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await run(process.argv.slice(2), processIo);
}
