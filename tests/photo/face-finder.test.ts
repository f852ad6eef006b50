/**
 * Faces in photos, in Node with the same finder as the extension: three of the group photos that
 * ship with @vladmandic/face-api (its demo folder; 12 faces, counted by eye). Photos without faces
 * are in photo-test-set.test.ts; the recall over all six is `npm run bench:photos`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { analysePhotoFile } from '../../src/photo/node-photo-analysers';

const demo = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
const FACES = { 'sample2.jpg': 3, 'sample4.jpg': 4, 'sample5.jpg': 5 };

test('finds at least 90% of the faces in group photos, each box inside the photo', { timeout: 300_000 }, async () => {
  let found = 0;
  let truth = 0;
  for (const [file, count] of Object.entries(FACES)) {
    const { faces } = await analysePhotoFile(readFileSync(join(demo, file)));
    for (const face of faces) {
      expect(face.x).toBeGreaterThanOrEqual(0);
      expect(face.x + face.width).toBeLessThanOrEqual(1);
    }
    // A box more than the photo has faces would be a false face: each is counted at most once.
    found += Math.min(faces.length, count);
    truth += count;
  }
  expect(found / truth).toBeGreaterThanOrEqual(0.9);
});
