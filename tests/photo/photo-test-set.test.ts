/**
 * The photo test set (scripts/photo-test-set.ts) through the CLI's `check`, in this process so the
 * models load once: certificates, books, labels, badges and whiteboards naming pupils of the
 * sample roster, photographed badly, must be blocked; photos with no text must not be.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runCheck } from '../../src/cli/check-command';
import { loadPolicy } from '../../src/cli/load-policy';
import { makePhotoTestSet } from '../../scripts/photo-test-set';
import { png, tEXt } from './png-with-text';

const REPO = join(import.meta.dirname, '../..');
const directory = mkdtempSync(join(tmpdir(), 'guard-photos-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

test('named photos are blocked for the pupil’s name in their pixels; photos with no text are not, and none has a face', { timeout: 300_000 }, async () => {
  // A few representative photos, sized for CI’s two cores: one of each kind naming a pupil (three
  // handwritten), two with no text, at 2,000 px (still downscaled for analysis). The full set at
  // 12 megapixels is `npm run bench:photos`, whose figures are in the README.
  const photos = makePhotoTestSet(directory, 5, 2, undefined, 2000);
  const policy = loadPolicy(join(REPO, 'tests/fixtures/roster/sample-roster.csv'), undefined, () => undefined);
  const input = photos.map((photo) => JSON.stringify({
    id: photo.file,
    // A clean post: only the photo can block it.
    text: 'Owls: A lovely week of learning.',
    attachments: [{ name: 'IMG_0001.jpg', type: 'image/jpeg', path: relative(process.cwd(), join(directory, photo.file)) }],
    confirmed: ['photo-consent'],
  })).join('\n');
  const verdicts = (await runCheck(policy, input)).trim().split('\n').map((line) => JSON.parse(line) as { id: string; verdict: string; findings: { rule: string; target?: { part: string } }[]; faces: unknown[][] });
  const blockedByPixels = (id: string) => verdicts.find((entry) => entry.id === id)?.findings.some((finding) => finding.rule === 'attachment-name' && finding.target?.part === 'pixels') ?? false;
  const named = photos.filter((photo) => photo.names.length > 0);
  const textFree = photos.filter((photo) => photo.names.length === 0);
  const missed = named.filter((photo) => !blockedByPixels(photo.file));
  const falseAlarms = textFree.filter((photo) => verdicts.find((entry) => entry.id === photo.file)?.verdict !== 'pass');
  console.log(`photo test set: ${named.length - missed.length}/${named.length} named photos blocked; ${falseAlarms.length}/${textFree.length} text-free photos held` + (missed.length ? `; missed ${missed.map((photo) => `${photo.file} (${photo.font}, ${photo.angle}°)`).join(', ')}` : ''));
  expect(named.length - missed.length).toBeGreaterThanOrEqual(Math.ceil(named.length * 0.9));
  expect(falseAlarms.map((photo) => photo.file)).toEqual([]);
  // What was read never reaches a message: the page shows the messages.
  for (const verdict of verdicts) expect(JSON.stringify(verdict)).not.toMatch(/Okonkwo|Bennett|Hughes|Brown|Ahmed|Carter/);
  // Paperwork on a table and textures: a face found here would be a false face.
  expect(verdicts.map((verdict) => verdict.faces)).toEqual(photos.map(() => [[]]));
});

test('a photo whose metadata cannot be read is not passed as one with none: the check says so and stops', async () => {
  const policy = loadPolicy(join(REPO, 'tests/fixtures/roster/sample-roster.csv'), undefined, () => undefined);
  const damaged = Buffer.from(png({ after: [tEXt('Caption', 'Ava Brown on sports day')] }));
  damaged[damaged.lastIndexOf('Ava', undefined, 'latin1')] = 0x45;
  writeFileSync(join(directory, 'damaged.png'), damaged);
  const draft = { id: 'd1', text: 'Owls: A lovely week of learning.', attachments: [{ name: 'IMG_0002.png', type: 'image/png', path: relative(process.cwd(), join(directory, 'damaged.png')) }], confirmed: ['photo-consent'] };
  await expect(runCheck(policy, JSON.stringify(draft))).rejects.toThrow(/damaged\.png" has metadata \(EXIF, XMP, IPTC or PNG text\) that cannot be read/);
});
