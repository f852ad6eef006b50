import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en_GB/messages.json';
import { RULES } from '../../src/policy/rules/index';
import { fillLocaleMessage } from '../../src/shared/i18n';
import { FIXTURES, runCli, runInProcess, scratchFiles } from './run-cli';

const ROSTER = join(FIXTURES, 'roster.csv');
/** Starting tsx is slow on a loaded machine; everything else runs in this process. */
const SPAWN_TIMEOUT_MS = 60_000;

describe('the program itself', () => {
  test('`npm run guard` starts as its own process: drafts on stdin, verdicts on stdout, exit 0', () => {
    const run = runCli(['check', '--roster', ROSTER], '{"id":"a","text":"Owls: well done Ada"}\n');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 'a', verdict: 'block', findings: [{ rule: 'pupil-name' }] });
  }, SPAWN_TIMEOUT_MS);

  test('and exits 2 with the message on stderr for bad input', () => {
    const run = runCli(['check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: guard check --roster FILE/);
  }, SPAWN_TIMEOUT_MS);
});

describe('guard check', () => {
  test('JSON lines in, JSON lines out, with UTF-16 ranges into the text', async () => {
    const run = await runInProcess(['check', '--roster', ROSTER], '{"id":"a","text":"🌳 Owls: well done Ada"}\n\n{"id":7,"text":"Owls: hi"}\n');
    expect(run.status).toBe(0);
    const [first, second] = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(first).toMatchObject({ id: 'a', verdict: 'block', findings: [{ rule: 'pupil-name', severity: 'block' }] });
    expect('🌳 Owls: well done Ada'.slice(first.findings[0].start, first.findings[0].end)).toBe('Ada');
    expect(second).toEqual({ id: 7, verdict: 'pass', findings: [] });
  });

  test('each finding’s message and fix are the extension’s own words, from the en_GB messages file', async () => {
    const run = await runInProcess(['check', '--roster', ROSTER], '{"id":"h","text":"Owls: Sports day #sportsday"}\n');
    const [finding] = JSON.parse(run.stdout).findings;
    expect(finding).toMatchObject({
      rule: 'hashtag',
      message: fillLocaleMessage(messages.rule_hashtag_hashtag, ['#sportsday']),
      fix: fillLocaleMessage(messages.rule_hashtag_fix, ['sportsday']),
    });
    expect(finding.message).toBe('“#sportsday” is a hashtag: it makes the post visible beyond the school’s followers.');
  });

  test('a pupil’s name is said with the name matcher’s reason, both from the en_GB messages file', async () => {
    const run = await runInProcess(['check', '--roster', ROSTER], '{"id":"n","text":"Badgers: well done Holly"}\n');
    const [finding] = JSON.parse(run.stdout).findings;
    const reason = fillLocaleMessage(messages.name_reason_with_praise, ['well done']);
    expect(finding.message).toBe(fillLocaleMessage(messages.rule_pupil_name_name, ['Holly', reason]));
    expect(finding.message).toBe('“Holly” looks like a pupil’s name: it comes with “well done”. Posts must not name children.');
  });

  test('attachment findings say which attachment and field they are in', async () => {
    const run = await runInProcess(['check', '--roster', ROSTER], JSON.stringify({ id: 'p', text: 'Owls: Medals', attachments: [{ name: 'kai_bell.jpg', type: 'image/jpeg' }], confirmed: ['photo-consent'] }));
    expect(JSON.parse(run.stdout).findings[0]).toMatchObject({ rule: 'attachment-name', start: 0, end: 8, target: { kind: 'attachment', index: 0, part: 'name' } });
  });

  test('settings add prefixes and change levels', async () => {
    const directory = scratchFiles({ 'settings.json': JSON.stringify({ extraPrefixes: ['Whole School'], rules: { hashtag: 'warn' } }) });
    const run = await runInProcess(['check', '--roster', ROSTER, '--settings', join(directory, 'settings.json')], '{"id":"s","text":"Whole School: harvest #thanks"}');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'warn', findings: [{ rule: 'hashtag', severity: 'warn' }] });
  });

  test('a bad JSON line: exit 2 naming the line, nothing written', async () => {
    const run = await runInProcess(['check', '--roster', ROSTER], '{"id":"1","text":"Owls: hi"}\n{"id":"2","text":\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/stdin line 2: not valid JSON/);
    expect(run.stdout).toBe('');
  });

  test('a line that is not a draft: exit 2 naming the line and field', async () => {
    const run = await runInProcess(['check', '--roster', ROSTER], '{"id":"1","text":"Owls: hi"}\n{"id":"2","text":"Owls","confirmed":["consent"]}\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/stdin line 2: confirmed\.0: a confirmation is one of the rule ids/);
    expect(run.stdout).toBe('');
  });

  test('a bad roster: exit 2 naming the file and row', async () => {
    const directory = scratchFiles({ 'bad.csv': 'First name,Surname,Class,Photo consent\nAda,Nowak,Owls,Yes\nKai,Bell,Owls,maybe\n' });
    const run = await runInProcess(['check', '--roster', join(directory, 'bad.csv')], '{"text":"Owls: hi"}');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(join(directory, 'bad.csv'));
    expect(run.stderr).toMatch(/row 3/);
    expect(run.stdout).toBe('');
  });

  test('a missing roster file: exit 2 naming it', async () => {
    const run = await runInProcess(['check', '--roster', '/nonexistent/roster.csv'], '{"text":"Owls: hi"}');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\/nonexistent\/roster\.csv: cannot read the file \(ENOENT\)/);
  });

  test('bad settings: exit 2 naming the file and field', async () => {
    const directory = scratchFiles({ 'settings.json': JSON.stringify({ rules: { hashtag: 'sometimes' } }), 'broken.json': '{"rules":' });
    const invalid = await runInProcess(['check', '--roster', ROSTER, '--settings', join(directory, 'settings.json')], '{"text":"Owls: hi"}');
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/settings\.json: rules\.hashtag: /);
    // The exception level on a rule whose policy has none: refused, saying which rules have one.
    const [withoutException] = RULES.filter(({ meta }) => !meta.levels.includes('block-with-exception')).map(({ meta }) => meta.id);
    const exceptionFile = join(scratchFiles({ 'settings.json': JSON.stringify({ rules: { [withoutException!]: 'block-with-exception' } }) }), 'settings.json');
    const refused = await runInProcess(['check', '--roster', ROSTER, '--settings', exceptionFile], '{"text":"Owls: hi"}');
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`settings.json: rules.${withoutException}: “block-with-exception” is only for a rule whose policy allows an exception (hashtag)`);
    const broken = await runInProcess(['check', '--roster', ROSTER, '--settings', join(directory, 'broken.json')], '{"text":"Owls: hi"}');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json: not valid JSON/);
  });

  test('no command or no roster: exit 2 with the usage', async () => {
    expect((await runInProcess([])).status).toBe(2);
    const run = await runInProcess(['check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: guard check --roster FILE/);
  });
});
