/**
 * The analysis of one photo over its analysers as they load: on a first photo the text reader's
 * sessions take seconds to make (in Chrome, in onnxruntime's own worker), and the faces are found
 * meanwhile instead of after them. Stand-in analysers: the models are not the point here.
 */
import { expect, test, vi } from 'vitest';
import { analysePhoto } from '../../src/photo/analyse-photo';
import type { FaceFinder } from '../../src/photo/face-finder';
import type { PhotoCanvas } from '../../src/photo/photo-canvas';
import type { PhotoTextReader } from '../../src/photo/photo-text-reader';

// Small enough to be analysed as it is: no copy is drawn.
const photo = { width: 400, height: 300 } as PhotoCanvas;
const face = { x: 0.1, y: 0.2, width: 0.05, height: 0.06 };
const line = { text: 'Star of the week', box: { x: 0.1, y: 0.1, width: 0.5, height: 0.05 } };
const noCanvas = () => {
  throw new Error('no copy should be drawn');
};

test('the faces are found while the text reader is still loading, and the text read once it has', async () => {
  let loaded!: (reader: PhotoTextReader) => void;
  const text = new Promise<PhotoTextReader>((resolve) => (loaded = resolve));
  const find = vi.fn(async () => [face]);
  const read = vi.fn(async () => [line]);
  const analysis = analysePhoto(photo, { text, faces: Promise.resolve({ find } as unknown as FaceFinder), makeCanvas: noCanvas });
  await vi.waitFor(() => expect(find).toHaveBeenCalledWith(photo, undefined));
  expect(read).not.toHaveBeenCalled();
  loaded({ read } as unknown as PhotoTextReader);
  expect(await analysis).toEqual({ text: [line], faces: [face] });
});

test('a text reader that fails to load fails the analysis', async () => {
  const analysis = analysePhoto(photo, { text: Promise.reject(new Error('no sessions')), faces: Promise.resolve({ find: async () => [] } as unknown as FaceFinder), makeCanvas: noCanvas });
  await expect(analysis).rejects.toThrow('no sessions');
});
