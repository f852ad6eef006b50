/**
 * A JPEG decoded straight at about the size the analysis reads, where the browser offers it:
 * WebCodecs' ImageDecoder, told the size wanted, has libjpeg decode the photo at a whole number of
 * eighths of its size rather than every pixel of it (Chromium: a 12-megapixel photo at 2,500 px in
 * about 180 ms, against 250–400 ms decoded whole and then shrunk; see the README).
 */
import exifr from 'exifr';
import { imageSize } from 'image-size';
import { context2d, type CanvasMaker, type PhotoCanvas } from './photo-canvas';

/** EXIF's "as stored": a photo turned by its metadata is left to createImageBitmap, which turns it in every browser. */
const UPRIGHT = 1;
/** libjpeg scales by eighths. */
const EIGHTHS = 8;

/**
 * Null where this way does not apply (no ImageDecoder, not a JPEG, a turned or already small photo,
 * a file the decoder refuses, a picture that comes back smaller or of another shape than asked):
 * the caller decodes the photo whole. Throws as decodePhoto does when there is no canvas to draw on.
 */
export async function decodeJpegScaled(bytes: Uint8Array, type: string, longestSide: number, makeCanvas: CanvasMaker): Promise<PhotoCanvas | null> {
  if (type !== 'image/jpeg' || typeof ImageDecoder !== 'function') return null;
  const stored = storedSize(bytes);
  if (!stored || (await orientation(bytes)) !== UPRIGHT) return null;
  const scale = longestSide / Math.max(stored.width, stored.height);
  if (scale >= 1) return null;
  const width = Math.max(1, Math.round(stored.width * scale));
  const height = Math.max(1, Math.round(stored.height * scale));
  // Blink decodes at the largest eighth within the size asked for, so the eighth at or above the
  // size wanted is asked for (a pixel more, against rounding), never one below it to be enlarged.
  const eighths = Math.ceil(scale * EIGHTHS);
  const frame = await decodedFrame(bytes, Math.ceil((stored.width * eighths) / EIGHTHS) + 1, Math.ceil((stored.height * eighths) / EIGHTHS) + 1);
  if (!frame) return null;
  try {
    if (frame.displayWidth < width || frame.displayHeight < height || !sameShape(frame.displayWidth, frame.displayHeight, stored.width, stored.height)) return null;
    const canvas = makeCanvas(width, height);
    const context = context2d(canvas);
    context.imageSmoothingQuality = 'high';
    context.drawImage(frame, 0, 0, width, height);
    return canvas;
  } finally {
    frame.close();
  }
}

function storedSize(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const { width, height, type } = imageSize(bytes);
    return type === 'jpg' && width > 0 && height > 0 ? { width, height } : null;
  } catch {
    return null;
  }
}

/** exifr follows the EXIF block wherever it is (image-size's own reading misses some). */
async function orientation(bytes: Uint8Array): Promise<number | null> {
  try {
    return (await exifr.orientation(bytes)) ?? UPRIGHT;
  } catch {
    return null;
  }
}

/** The same proportions within a pixel of rounding: otherwise the browser turned the picture. */
function sameShape(width: number, height: number, storedWidth: number, storedHeight: number): boolean {
  return Math.abs(width * storedHeight - height * storedWidth) <= Math.max(storedWidth, storedHeight) * 2;
}

async function decodedFrame(bytes: Uint8Array, desiredWidth: number, desiredHeight: number): Promise<VideoFrame | null> {
  let decoder: ImageDecoder | null = null;
  try {
    decoder = new ImageDecoder({ data: bytes, type: 'image/jpeg', desiredWidth, desiredHeight });
    return (await decoder.decode()).image;
  } catch {
    return null;
  } finally {
    decoder?.close();
  }
}
