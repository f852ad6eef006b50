/**
 * The command line over src/policy:
 *   guard check --roster FILE [--settings FILE]            JSON lines in (stdin), JSON lines out
 *   guard audit --roster FILE [--settings FILE] ARCHIVE.zip  posts of an X export that break the policy
 * Exit 0 when done, 2 for bad input (a message on stderr naming the file, line or row; nothing on stdout).
 */
import { parseArgs } from 'node:util';
import { runAudit } from './audit-command';
import { runCheck } from './check-command';
import { InputError } from '../shared/input-error';
import { loadPolicy, readInputFile } from './load-policy';

const USAGE = `usage: guard check --roster FILE [--settings FILE] < drafts.jsonl
       guard audit --roster FILE [--settings FILE] ARCHIVE.zip`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new InputError('stdin: not UTF-8 text');
  }
}

async function run(argv: string[]): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { roster: { type: 'string' }, settings: { type: 'string' } } });
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n${USAGE}`);
  }
  const [command, ...rest] = parsed.positionals;
  const { roster, settings } = parsed.values;
  if ((command !== 'check' && command !== 'audit') || roster === undefined) throw new InputError(USAGE);
  const warn = (line: string) => console.error(line);
  if (command === 'check') {
    if (rest.length > 0) throw new InputError(`check reads drafts from stdin, not from ${rest.join(' ')}\n${USAGE}`);
    const policy = loadPolicy(roster, settings, warn);
    return runCheck(policy, await readStdin());
  }
  if (rest.length !== 1) throw new InputError(`audit needs one archive (ARCHIVE.zip)\n${USAGE}`);
  const archivePath = rest[0] as string;
  const policy = loadPolicy(roster, settings, warn);
  return runAudit(policy, readInputFile(archivePath), archivePath, warn);
}

try {
  process.stdout.write(await run(process.argv.slice(2)));
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
