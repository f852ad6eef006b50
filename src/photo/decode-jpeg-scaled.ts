/**
 * A JPEG decoded straight at the size the analysis reads, where the browser offers it: WebCodecs'
 * ImageDecoder, told the size wanted, has libjpeg decode the photo at a fraction of its size rather
 * than every pixel of it (Chromium: a 12-megapixel photo at 2,400 px in about 180 ms, against
 * 250–400 ms decoded whole and then shrunk; see the README).
 */
import { imageSize } from 'image-size';
import { context2d, type CanvasMaker, type PhotoCanvas } from './photo-canvas';

/** EXIF's "as stored": a photo turned by its metadata is left to createImageBitmap, which turns it in every browser. */
const UPRIGHT = 1;

/**
 * Null where this way does not apply (no ImageDecoder, not a JPEG, a turned or already small photo,
 * a file the decoder refuses): the caller decodes the photo whole. Throws as decodePhoto does when
 * there is no canvas to draw on.
 */
export async function decodeJpegScaled(bytes: Uint8Array, type: string, longestSide: number, makeCanvas: CanvasMaker): Promise<PhotoCanvas | null> {
  if (type !== 'image/jpeg' || typeof ImageDecoder !== 'function') return null;
  const stored = storedSize(bytes);
  if (!stored || (stored.orientation ?? UPRIGHT) !== UPRIGHT) return null;
  const scale = longestSide / Math.max(stored.width, stored.height);
  if (scale >= 1) return null;
  const width = Math.max(1, Math.round(stored.width * scale));
  const height = Math.max(1, Math.round(stored.height * scale));
  const frame = await decodedFrame(bytes, width, height);
  if (!frame) return null;
  try {
    // A browser that decodes at another size than asked is still drawn at the size wanted.
    const canvas = makeCanvas(width, height);
    const context = context2d(canvas);
    context.imageSmoothingQuality = 'high';
    context.drawImage(frame, 0, 0, width, height);
    return canvas;
  } finally {
    frame.close();
  }
}

function storedSize(bytes: Uint8Array): { width: number; height: number; orientation?: number } | null {
  try {
    const { width, height, orientation } = imageSize(bytes);
    return width > 0 && height > 0 ? { width, height, orientation } : null;
  } catch {
    return null;
  }
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
