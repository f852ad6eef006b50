/**
 * Decodes an attached photo in the extension's pages, as the browser shows it (EXIF orientation
 * applied), onto a canvas the analysis can read.
 */
import { decodeJpegScaled } from './decode-jpeg-scaled';
import { drawScaled, type CanvasMaker, type PhotoCanvas } from './photo-canvas';

/**
 * The canvas is at most `longestSide` pixels long (the analysis reads no larger copy; the blur tool
 * wants every pixel), drawn at that size straight from the decoded picture: a 12-megapixel canvas
 * (48 MB) would be filled only to be shrunk again. Null when the file is not a picture this browser
 * can open. Throws when the browser opens it but gives no canvas to draw it on (a panorama past its
 * canvas area limit): a blank canvas would be analysed as a photo with no names and no faces, so the
 * post is held instead.
 */
export async function decodePhoto(bytes: Uint8Array, type: string, makeCanvas: CanvasMaker, longestSide = Infinity): Promise<PhotoCanvas | null> {
  const scaled = await decodeJpegScaled(bytes, type, longestSide, makeCanvas);
  if (scaled) return scaled;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type }));
  } catch {
    return null;
  }
  try {
    return drawScaled(bitmap, longestSide, makeCanvas);
  } finally {
    bitmap.close();
  }
}
