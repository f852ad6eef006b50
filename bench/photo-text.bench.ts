/**
 * `npx tsx bench/photo-text.bench.ts [NAMED] [TEXT_FREE]`: the photo test set (12-megapixel phone
 * photos, scripts/photo-test-set.ts) read in Node at 1,600 px with and without turning the text
 * upright, and at 2,400 px; per setting, how many named photos the policy blocks, how many photos
 * with no text it holds, and the median time per photo. A markdown table for the README.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { namePhotoLines } from '../src/policy/photo-text-names';
import { loadPolicy } from '../src/cli/load-policy';
import { analysePhotoFile, nodePhotoAnalysers } from '../src/photo/node-photo-analysers';
import { makePhotoTestSet } from '../scripts/photo-test-set';

const [named = '25', textFree = '8'] = process.argv.slice(2);
const policy = loadPolicy(new URL('../tests/fixtures/roster/sample-roster.csv', import.meta.url).pathname, undefined, () => undefined);

const dir = mkdtempSync(join(tmpdir(), 'photo-bench-'));
const photos = makePhotoTestSet(dir, Number(named), Number(textFree));
const started = performance.now();
await nodePhotoAnalysers();
const coldStart = performance.now() - started;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const rows: string[] = [];
for (const setting of [{ side: 1600, deskew: false }, { side: 1600, deskew: true }, { side: 2400, deskew: true }]) {
  let blocked = 0;
  let held = 0;
  const times: number[] = [];
  for (const photo of photos) {
    const bytes = readFileSync(join(dir, photo.file));
    const at = performance.now();
    const { text } = await analysePhotoFile(bytes, setting);
    times.push(performance.now() - at);
    const lines = namePhotoLines(policy, text);
    if (photo.names.length > 0 && lines.some((line) => line.names.some((match) => match.severity === 'block'))) blocked += 1;
    if (photo.names.length === 0 && lines.some((line) => line.names.length > 0)) held += 1;
  }
  const namedCount = photos.filter((photo) => photo.names.length > 0).length;
  rows.push(`| ${setting.side} px | ${setting.deskew ? 'yes' : 'no'} | ${blocked}/${namedCount} (${Math.round((100 * blocked) / namedCount)}%) | ${held}/${photos.length - namedCount} | ${(median(times) / 1000).toFixed(2)} s |`);
  console.error(rows[rows.length - 1]);
}
rmSync(dir, { recursive: true, force: true });
console.log(`Models loaded (cold start) in ${(coldStart / 1000).toFixed(2)} s.\n`);
console.log('| analysed at | text turned upright | named photos blocked | text-free photos held | median per photo (decode + OCR) |');
console.log('|---|---|---:|---:|---:|');
for (const row of rows) console.log(row);
