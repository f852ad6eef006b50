/**
 * The blur tool's cover, in Node with the extension's face finder: faces blurred in a group photo
 * are no longer found, and the faces left alone still are.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { blurRegions } from '../../src/photo/blur-regions';
import { analysePhotoFile } from '../../src/photo/node-photo-analysers';
import type { CanvasMaker, PhotoCanvas } from '../../src/photo/photo-canvas';
import type { PhotoBox } from '../../src/policy/types';

const demo = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
const makeCanvas: CanvasMaker = (width, height) => createCanvas(width, height) as unknown as PhotoCanvas;

async function blurred(bytes: Buffer, regions: PhotoBox[]): Promise<Buffer> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  blurRegions(canvas as unknown as PhotoCanvas, regions, makeCanvas);
  return canvas.encodeSync('jpeg', 90);
}

const overlaps = (a: PhotoBox, b: PhotoBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('blurred faces are no longer found; the others still are', { timeout: 300_000 }, async () => {
  const original = readFileSync(join(demo, 'sample5.jpg'));
  const { faces } = await analysePhotoFile(original);
  expect(faces.length).toBeGreaterThanOrEqual(4);
  const [kept, ...covered] = faces as [PhotoBox, ...PhotoBox[]];
  const after = (await analysePhotoFile(await blurred(original, covered))).faces;
  expect(after.filter((face) => covered.some((box) => overlaps(face, box)))).toEqual([]);
  expect(after.some((face) => overlaps(face, kept))).toBe(true);
});
