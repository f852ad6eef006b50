/**
 * Decodes an attached photo in the extension's pages, as the browser shows it (EXIF orientation
 * applied), onto a canvas the analysis can read.
 */
import { context2d, type CanvasMaker, type PhotoCanvas } from './photo-canvas';

/**
 * Null when the file is not a picture this browser can open. Throws when the browser opens it but
 * gives no canvas to draw it on (a panorama past its canvas area limit): a blank canvas would be
 * analysed as a photo with no names and no faces, so the post is held instead.
 */
export async function decodePhoto(bytes: Uint8Array, type: string, makeCanvas: CanvasMaker): Promise<PhotoCanvas | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type }));
  } catch {
    return null;
  }
  try {
    const canvas = makeCanvas(bitmap.width, bitmap.height);
    context2d(canvas).drawImage(bitmap, 0, 0);
    return canvas;
  } finally {
    bitmap.close();
  }
}
