import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { makeTestPhoto } from '../../scripts/photo-test-set';
import { FIXTURES, runInProcess, scratchFiles } from './run-cli';

const ROSTER = join(FIXTURES, 'roster.csv');

function tweetsJs(posts: { id: string; date: string; text: string }[]): string {
  const entries = posts.map((post) => ({ tweet: { id_str: post.id, created_at: post.date, full_text: post.text, entities: { hashtags: [] } } }));
  return `window.YTD.tweets.part0 = ${JSON.stringify(entries, null, 2)}`;
}

function archive(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content])));
}

describe('guard audit', () => {
  test('lists the posts that break the policy, newest first, with dates, ids and rules', async () => {
    const zip = archive({
      'data/tweets.js': tweetsJs([
        { id: '100', date: 'Wed Oct 10 20:19:24 +0000 2018', text: 'Owls: Well done Ada' },
        { id: '101', date: 'Thu Oct 11 09:00:00 +0000 2018', text: 'Owls: Lovely day' },
        { id: '102', date: 'Fri Oct 12 09:00:00 +0000 2018', text: 'Great day &amp; #fun' },
        { id: '99', date: 'Mon Oct 08 09:00:00 +0000 2018', text: 'Owls: thanks @museum' },
      ]),
      'data/account.js': 'window.YTD.account.part0 = []',
    });
    const directory = scratchFiles({ 'export.zip': zip });
    const run = await runInProcess(['audit', '--roster', ROSTER, join(directory, 'export.zip')]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.id, line.date, line.verdict, line.rules])).toEqual([
      ['102', '2018-10-12T09:00:00.000Z', 'block', ['class-prefix', 'hashtag']],
      ['100', '2018-10-10T20:19:24.000Z', 'block', ['pupil-name']],
      ['99', '2018-10-08T09:00:00.000Z', 'warn', ['mention']],
    ]);
    expect(run.stderr).toMatch(/4 posts checked; 2 break the policy, 1 to review/);
  });

  test('reads the posts’ photos in the export for names and faces, with a progress line per photo', { timeout: 300_000 }, async () => {
    const zip = archive({
      'data/tweets.js': tweetsJs([
        { id: '200', date: 'Wed Oct 10 20:19:24 +0000 2018', text: 'Hedgehogs: Our star of the week!' },
        { id: '201', date: 'Thu Oct 11 09:00:00 +0000 2018', text: 'Hedgehogs: Painting.' },
        { id: '202', date: 'Fri Oct 12 09:00:00 +0000 2018', text: 'Hedgehogs: A lovely day.' },
      ]),
      // Poppy Hughes is a Hedgehog; Jasmine in that class has no photo consent.
      'data/tweets_media/200-Xq3fT9aB.jpg': makeTestPhoto('certificate', ['Poppy', 'Hughes'], 'Roboto', 3, 1600).jpeg,
      'data/tweets_media/201-Lm8pQ2rS.jpg': makeTestPhoto(null, ['', ''], '', 11, 1600).jpeg,
    });
    const directory = scratchFiles({ 'export.zip': zip });
    const run = await runInProcess(['audit', '--roster', ROSTER, join(directory, 'export.zip')]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.id, line.rules])).toEqual([
      ['201', ['photo-consent']],
      ['200', ['attachment-name', 'photo-consent']],
    ]);
    expect(lines[1].findings.find((finding: { rule: string }) => finding.rule === 'attachment-name').target).toMatchObject({ part: 'pixels' });
    expect(lines.map((line) => [line.media, line.faces])).toEqual([[['data/tweets_media/201-Lm8pQ2rS.jpg'], [[]]], [['data/tweets_media/200-Xq3fT9aB.jpg'], [[]]]]);
    expect(run.stderr).toMatch(/reading photo 1 of 2 \(data\/tweets_media\/200-Xq3fT9aB\.jpg\)/);
    expect(run.stderr).toMatch(/reading photo 2 of 2/);
    expect(run.stderr).toMatch(/3 posts checked \(2 photos read\); 2 break the policy/);
    expect(run.stdout).not.toMatch(/Hughes/);
  });

  test('a progress line on stderr for a large archive', async () => {
    const posts = Array.from({ length: 2500 }, (_, index) => ({ id: String(index), date: 'Wed Oct 10 20:19:24 +0000 2018', text: `Owls: post ${index}` }));
    const directory = scratchFiles({ 'big.zip': archive({ 'data/tweets.js': tweetsJs(posts) }) });
    const run = await runInProcess(['audit', '--roster', ROSTER, join(directory, 'big.zip')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/checked 1000 of 2500 posts/);
    expect(run.stderr).toMatch(/checked 2000 of 2500 posts/);
    expect(run.stdout).toBe('');
  });

  test('not a zip, no tweets.js, or a broken tweets.js: exit 2 naming the file, nothing written', async () => {
    const directory = scratchFiles({
      'notzip.zip': 'hello',
      'empty.zip': archive({ 'data/account.js': 'window.YTD.account.part0 = []' }),
      'broken.zip': archive({ 'data/tweets.js': tweetsJs([{ id: '1', date: 'Wed Oct 10 20:19:24 +0000 2018', text: 'Owls: hi' }]).replace('"full_text"', '"text"') }),
    });
    const notZip = await runInProcess(['audit', '--roster', ROSTER, join(directory, 'notzip.zip')]);
    expect([notZip.status, notZip.stdout]).toEqual([2, '']);
    expect(notZip.stderr).toMatch(/notzip\.zip: not a zip file/);
    const empty = await runInProcess(['audit', '--roster', ROSTER, join(directory, 'empty.zip')]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/empty\.zip: no data\/tweets\.js inside/);
    const broken = await runInProcess(['audit', '--roster', ROSTER, join(directory, 'broken.zip')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.zip:data\/tweets\.js: post 1: /);
  });
});
