/**
 * Where the extension analyses attached photos (the offscreen document in Chrome, the event page in
 * Firefox) and keeps, in memory only and for the few most recent photos, what the extension's frame
 * shows staff — a small copy of the photo and what was found in it — and the file itself, for the
 * blur tool. Nothing is written anywhere; closing the browser (or the document) forgets it all.
 */
import type { PhotoBox, ReadTextLine } from '../policy/types';
import { bytesToBase64 } from '../shared/base64';
import { PHOTO_CHECK_TIME_LIMIT_MS } from '../shared/messages';
import { withTimeLimit } from '../shared/time-limit';
import { analysePhoto, DECODED_SIDE } from './analyse-photo';
import { blurRegions } from './blur-regions';
import { browserPhotoAnalysers, makeCanvas } from './browser-photo-analysers';
import { decodePhoto } from './decode-photo';
import { context2d, downscale } from './photo-canvas';

/** Photos kept for the frame: a post has at most four, and staff may swap some. */
const KEPT_PHOTOS = 8;
const VIEW_SIDE = 800;
/** The blurred copy's JPEG quality: near the camera's own, so nothing but the regions is lost. */
const BLURRED_QUALITY = 0.92;

export interface PhotoReading {
  photoId: string;
  text: ReadTextLine[];
  faces: PhotoBox[];
}

export interface PhotoView extends PhotoReading {
  /** A small JPEG of the photo, as a data: URL, for the frame to draw under its boxes. */
  image: string;
}

export class PhotoDesk {
  /** The frame's small copy is made after the answer goes back: staff wait for the check, not for it. */
  private readonly views = new Map<string, Promise<PhotoView | null>>();
  private readonly files = new Map<string, { bytes: Uint8Array; type: string }>();
  /**
   * One photo at a time: four attached at once would otherwise be decoded and analysed side by
   * side on the same cores, each with its own copies in memory, and none would finish sooner.
   */
  private queue: Promise<unknown> = Promise.resolve();
  private warmedUp = false;

  /**
   * Loads the models ahead of the first photo, when staff go to attach one, and runs them once on a
   * small picture of a word: the first run of each pays for compiling and allocating. It is a cold
   * start, so its turn has a photo's limit.
   */
  warm(): Promise<void> {
    return this.inTurn(async () => {
      const analysers = browserPhotoAnalysers();
      await Promise.all([analysers.text, analysers.faces]);
      if (this.warmedUp) return;
      this.warmedUp = true;
      await analysePhoto(warmUpPicture(), analysers);
    }, PHOTO_CHECK_TIME_LIMIT_MS);
  }

  /**
   * Null when the file is not a picture this browser can open. `timeLimitMs` counts from when the
   * photo's turn comes, not from the request: four photos attached together wait here for each
   * other. Past it the requester has stopped waiting and held the post.
   */
  analyse(bytes: Uint8Array, type: string, timeLimitMs: number): Promise<PhotoReading | null> {
    return this.inTurn((deadline) => this.analyseNow(bytes, type, deadline), timeLimitMs);
  }

  private async analyseNow(bytes: Uint8Array, type: string, deadline: number): Promise<PhotoReading | null> {
    const givenUp = () => Date.now() > deadline;
    const analysers = browserPhotoAnalysers();
    const photo = await decodePhoto(bytes, type, makeCanvas, DECODED_SIDE);
    if (!photo) return null;
    this.warmedUp = true;
    // On a first photo the faces are found while the text reader still loads; neither reads anything once the check is given up.
    const unlessGivenUp = <T>(loading: Promise<T>): Promise<T> =>
      loading.then((analyser) => {
        if (givenUp()) throw new Error('the check was given up while the models loaded');
        return analyser;
      });
    const analysis = await analysePhoto(photo, { ...analysers, text: unlessGivenUp(analysers.text), faces: unlessGivenUp(analysers.faces) }, { givenUp });
    const photoId = crypto.randomUUID();
    const reading = { photoId, ...analysis };
    this.views.set(photoId, smallJpeg(photo).then((image) => ({ ...reading, image }), () => null));
    this.files.set(photoId, { bytes, type });
    while (this.views.size > KEPT_PHOTOS) {
      const oldest = this.views.keys().next().value as string;
      this.views.delete(oldest);
      this.files.delete(oldest);
    }
    return reading;
  }

  /**
   * A new JPEG of the photo with `regions` covered (blur-regions.ts), decoded upright and encoded
   * afresh: no EXIF, XMP, IPTC or GPS block of the original survives. Null when the photo is no
   * longer held.
   */
  async blur(photoId: string, regions: readonly PhotoBox[]): Promise<Uint8Array | null> {
    const file = this.files.get(photoId);
    if (!file) return null;
    const photo = await decodePhoto(file.bytes, file.type, makeCanvas);
    if (!photo) return null;
    blurRegions(photo, regions, makeCanvas);
    return new Uint8Array(await (await photo.convertToBlob({ type: 'image/jpeg', quality: BLURRED_QUALITY })).arrayBuffer());
  }

  /**
   * `work` once the turns before it are over, told its deadline. A turn is over at its limit whether
   * its work settled or not: one that never does (a decode that never ends, a thread that stopped
   * answering) must not hold every photo after it.
   */
  private inTurn<T>(work: (deadline: number) => Promise<T>, timeLimitMs: number): Promise<T> {
    const start = () => withTimeLimit(work(Date.now() + timeLimitMs), timeLimitMs, 'the photo took longer than its limit');
    const turn = this.queue.then(start, start);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  async view(photoId: string): Promise<PhotoView | null> {
    return (await this.views.get(photoId)) ?? null;
  }
}

/** A line of dark print on white, like paperwork: enough for the text detector to hand the reader something. */
function warmUpPicture(): OffscreenCanvas {
  const canvas = makeCanvas(640, 480);
  const context = context2d(canvas);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#222';
  context.font = '48px sans-serif';
  context.fillText('Star of the week', 80, 240);
  return canvas;
}

/** The photo at most VIEW_SIDE pixels long, as a JPEG data: URL. */
async function smallJpeg(photo: OffscreenCanvas): Promise<string> {
  const blob = await downscale(photo, VIEW_SIDE, makeCanvas).convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  return `data:${blob.type};base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}
