/**
 * Where the extension analyses attached photos (the offscreen document in Chrome, the event page in
 * Firefox) and keeps, in memory only and for the few most recent photos, what the extension's frame
 * shows staff — a small copy of the photo and what was found in it — and the file itself, for the
 * blur tool. Nothing is written anywhere; closing the browser (or the document) forgets it all.
 */
import type { PhotoBox, ReadTextLine } from '../policy/types';
import { bytesToBase64 } from '../shared/base64';
import { analysePhoto } from './analyse-photo';
import { blurRegions } from './blur-regions';
import { browserPhotoAnalysers, decodePhoto, makeCanvas } from './browser-photo-analysers';
import { downscale } from './photo-canvas';

/** Photos kept for the frame: a post has at most four, and staff may swap some. */
const KEPT_PHOTOS = 8;
const VIEW_SIDE = 800;
/** The blurred copy's JPEG quality: near the camera's own, so nothing but the regions is lost. */
const BLURRED_QUALITY = 0.92;

export interface PhotoReading {
  photoId: string;
  width: number;
  height: number;
  text: ReadTextLine[];
  faces: PhotoBox[];
}

export interface PhotoView extends PhotoReading {
  /** A small JPEG of the photo, as a data: URL, for the frame to draw under its boxes. */
  image: string;
}

export class PhotoDesk {
  private readonly views = new Map<string, PhotoView>();
  private readonly files = new Map<string, { bytes: Uint8Array; type: string }>();

  /** Null when the file is not a picture this browser can open. */
  async analyse(bytes: Uint8Array, type: string): Promise<PhotoReading | null> {
    const [photo, analysers] = await Promise.all([decodePhoto(bytes, type), browserPhotoAnalysers()]);
    if (!photo) return null;
    const analysis = await analysePhoto(photo, analysers);
    const small = downscale(photo, VIEW_SIDE, analysers.makeCanvas);
    const image = await blobToDataUrl(await small.convertToBlob({ type: 'image/jpeg', quality: 0.85 }));
    const photoId = crypto.randomUUID();
    this.views.set(photoId, { photoId, ...analysis, image });
    this.files.set(photoId, { bytes, type });
    while (this.views.size > KEPT_PHOTOS) {
      const oldest = this.views.keys().next().value as string;
      this.views.delete(oldest);
      this.files.delete(oldest);
    }
    return { photoId, ...analysis };
  }

  /**
   * A new JPEG of the photo with `regions` covered (blur-regions.ts), decoded upright and encoded
   * afresh: no EXIF, XMP, IPTC or GPS block of the original survives. Null when the photo is no
   * longer held.
   */
  async blur(photoId: string, regions: readonly PhotoBox[]): Promise<Uint8Array | null> {
    const file = this.files.get(photoId);
    if (!file) return null;
    const photo = await decodePhoto(file.bytes, file.type);
    if (!photo) return null;
    blurRegions(photo, regions, makeCanvas);
    return new Uint8Array(await (await photo.convertToBlob({ type: 'image/jpeg', quality: BLURRED_QUALITY })).arrayBuffer());
  }

  view(photoId: string): PhotoView | null {
    return this.views.get(photoId) ?? null;
  }
}

async function blobToDataUrl(blob: Blob): Promise<string> {
  return `data:${blob.type};base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}
