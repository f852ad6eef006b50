/**
 * Decoding in the extension's pages: a photo the browser opens but cannot draw (no 2D canvas, as for
 * a panorama past the canvas area limit) must fail the check, not be analysed as a blank picture.
 * createImageBitmap and the canvas are the browser's; here they stand in for what it answers.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { decodePhoto } from '../../src/photo/decode-photo';
import type { PhotoCanvas } from '../../src/photo/photo-canvas';

const bitmap = { width: 20_000, height: 14_000, close: vi.fn() };
afterEach(() => {
  vi.unstubAllGlobals();
  bitmap.close.mockClear();
});

test('a picture the browser gives no canvas for is refused, not analysed blank', async () => {
  vi.stubGlobal('createImageBitmap', async () => bitmap);
  const noCanvas = () => ({ width: bitmap.width, height: bitmap.height, getContext: () => null }) as unknown as PhotoCanvas;
  await expect(decodePhoto(new Uint8Array([0xff, 0xd8]), 'image/png', noCanvas)).rejects.toThrow(/no 2D canvas/);
  expect(bitmap.close).toHaveBeenCalled();
});

test('a file the browser cannot open as a picture is null', async () => {
  vi.stubGlobal('createImageBitmap', async () => {
    throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
  });
  expect(await decodePhoto(new Uint8Array([1, 2, 3]), 'image/jpeg', () => { throw new Error('not reached'); })).toBeNull();
});

test('a picture is drawn whole onto a canvas of its size', async () => {
  vi.stubGlobal('createImageBitmap', async () => bitmap);
  const drawImage = vi.fn();
  const canvas = (width: number, height: number) => ({ width, height, getContext: () => ({ drawImage }) }) as unknown as PhotoCanvas;
  const decoded = await decodePhoto(new Uint8Array([0xff, 0xd8]), 'image/jpeg', canvas);
  expect(decoded).toMatchObject({ width: 20_000, height: 14_000 });
  expect(drawImage).toHaveBeenCalledWith(bitmap, 0, 0, 20_000, 14_000);
});

test('for the analysis, a picture is drawn straight at the largest size read: no canvas of its full size is made', async () => {
  vi.stubGlobal('createImageBitmap', async () => bitmap);
  const drawImage = vi.fn();
  const made: [number, number][] = [];
  const canvas = (width: number, height: number) => {
    made.push([width, height]);
    return { width, height, getContext: () => ({ drawImage }) } as unknown as PhotoCanvas;
  };
  const decoded = await decodePhoto(new Uint8Array([0xff, 0xd8]), 'image/jpeg', canvas, 2_400);
  expect(decoded).toMatchObject({ width: 2_400, height: 1_680 });
  expect(made).toEqual([[2_400, 1_680]]);
  expect(drawImage).toHaveBeenCalledWith(bitmap, 0, 0, 2_400, 1_680);
  expect(bitmap.close).toHaveBeenCalled();
});
