/**
 * Decoding in the extension's pages: a photo the browser opens but cannot draw (no 2D canvas, as for
 * a panorama past the canvas area limit) must fail the check, not be analysed as a blank picture.
 * createImageBitmap and the canvas are the browser's; here they stand in for what it answers.
 */
import { createCanvas } from '@napi-rs/canvas';
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

/** A real JPEG (so its stored size and EXIF are read as the extension reads them), optionally with an EXIF orientation. */
async function jpegOf(width: number, height: number, orientation?: number): Promise<Uint8Array> {
  const jpeg = Buffer.from(await createCanvas(width, height).encode('jpeg'));
  if (orientation === undefined) return jpeg;
  // One IFD entry: Orientation (0x0112), SHORT, 1 value.
  const tiff = Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0]);
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 0xff]), app1, jpeg.subarray(2)]);
}

/** WebCodecs' ImageDecoder as the browser offers it, recording what it was asked for. */
function stubImageDecoder(decode: (init: ImageDecoderInit) => Promise<{ image: VideoFrame }>): ImageDecoderInit[] {
  const asked: ImageDecoderInit[] = [];
  vi.stubGlobal(
    'ImageDecoder',
    class {
      constructor(private readonly init: ImageDecoderInit) {
        asked.push(init);
      }
      decode() {
        return decode(this.init);
      }
      close() {}
    },
  );
  return asked;
}

const frameClose = vi.fn();
const frameOf = (init: ImageDecoderInit) => ({ image: { displayWidth: init.desiredWidth, displayHeight: init.desiredHeight, close: frameClose } as unknown as VideoFrame });

test('where the browser can, a JPEG is decoded straight at the size the analysis reads: no bitmap of every pixel is made', async () => {
  const asked = stubImageDecoder(async (init) => frameOf(init));
  const wholeBitmap = vi.fn(async () => bitmap);
  vi.stubGlobal('createImageBitmap', wholeBitmap);
  const drawImage = vi.fn();
  const canvas = (width: number, height: number) => ({ width, height, getContext: () => ({ drawImage }) }) as unknown as PhotoCanvas;
  const decoded = await decodePhoto(await jpegOf(4000, 3000), 'image/jpeg', canvas, 2_400);
  // libjpeg decodes by eighths: five eighths (2,500 px) is the least at or above 2,400, a pixel more against rounding.
  expect(asked).toMatchObject([{ type: 'image/jpeg', desiredWidth: 2_501, desiredHeight: 1_876 }]);
  expect(decoded).toMatchObject({ width: 2_400, height: 1_800 });
  expect(drawImage).toHaveBeenCalledWith(expect.objectContaining({ displayWidth: 2_501 }), 0, 0, 2_400, 1_800);
  expect(wholeBitmap).not.toHaveBeenCalled();
  expect(frameClose).toHaveBeenCalled();
});

test('a JPEG turned by its EXIF orientation, one the decoder refuses, and one asked for whole go the way every browser turns (createImageBitmap)', async () => {
  const asked = stubImageDecoder(async () => {
    throw new DOMException('Failed to decode.', 'EncodingError');
  });
  vi.stubGlobal('createImageBitmap', async () => bitmap);
  const canvas = (width: number, height: number) => ({ width, height, getContext: () => ({ drawImage: vi.fn() }) }) as unknown as PhotoCanvas;
  expect(await decodePhoto(await jpegOf(400, 300, 6), 'image/jpeg', canvas, 200)).toMatchObject({ width: 200, height: 140 });
  expect(asked).toEqual([]);
  expect(await decodePhoto(await jpegOf(400, 300), 'image/jpeg', canvas, 200)).toMatchObject({ width: 200, height: 140 });
  expect(asked).toHaveLength(1);
  expect(await decodePhoto(await jpegOf(400, 300), 'image/jpeg', canvas)).toMatchObject({ width: 20_000, height: 14_000 });
  expect(asked).toHaveLength(1);
});

test('a picture the decoder gives back smaller than wanted (to be enlarged) or of another shape (turned) is decoded whole instead', async () => {
  const canvas = (width: number, height: number) => ({ width, height, getContext: () => ({ drawImage: vi.fn() }) }) as unknown as PhotoCanvas;
  for (const [displayWidth, displayHeight] of [[2_000, 1_500], [1_876, 2_501]] as const) {
    frameClose.mockClear();
    stubImageDecoder(async () => ({ image: { displayWidth, displayHeight, close: frameClose } as unknown as VideoFrame }));
    const wholeBitmap = vi.fn(async () => ({ width: 4_000, height: 3_000, close: vi.fn() }));
    vi.stubGlobal('createImageBitmap', wholeBitmap);
    expect(await decodePhoto(await jpegOf(4000, 3000), 'image/jpeg', canvas, 2_400)).toMatchObject({ width: 2_400, height: 1_800 });
    expect(wholeBitmap).toHaveBeenCalledOnce();
    expect(frameClose).toHaveBeenCalled();
  }
});
