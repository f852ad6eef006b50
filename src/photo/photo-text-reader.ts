/**
 * Reads the lines of text in a photo with PaddleOCR (ppu-paddle-ocr over onnxruntime's WebAssembly
 * build), turning the photo upright first when its text is tilted (see text-angle.ts). Each line
 * comes back with its box in the photo as given, as fractions of its size.
 */
import type { InferenceSession } from 'onnxruntime-web';
import { PaddleOcrService } from 'ppu-paddle-ocr/web';
import type { PhotoBox, ReadTextLine } from '../policy/types';
import { context2d, type CanvasMaker, type PhotoCanvas } from './photo-canvas';
import { ocrDictionary, type OcrModelBytes } from './ocr-models';
import { estimateTextAngle, PROFILE_SIDE, type PixelRect } from './text-angle';

/** Below this the boxes still fit the lines well enough: turning would only cost time. */
const MIN_CORRECTED_ANGLE = 2;
/**
 * The text detector's working size, both to locate the text for the angle and to find the lines to
 * read (these are then read from the copy the detector was given, not from its smaller one). On the
 * photo test set, lines found at 800 px are read as well as lines found at ppu's own 1,200 px, for
 * less than half the detector's work (see the README).
 */
const DETECTION_SIDE = PROFILE_SIDE;

export class PhotoTextReader {
  private failures = 0;
  private lastFailure: unknown = null;
  /** The picture last handed to ppu's detector, and what it found there (see reuseDetection). */
  private lastDetection: { picture: unknown; boxes: Promise<unknown[]> } | null = null;

  private constructor(private readonly ocr: PaddleOcrService, private readonly makeCanvas: CanvasMaker) {
    // ppu-paddle-ocr catches every error in detection and recognition and goes on with no boxes or
    // no text, so a failed inference (WebAssembly memory, its threads) would read as a photo with no
    // text and the photo would go out unchecked. Its sessions note each failure for read() to throw.
    const sessions = ocr as unknown as { detectionSession: InferenceSession; recognitionSession: InferenceSession };
    this.noteFailures(sessions.detectionSession);
    this.noteFailures(sessions.recognitionSession);
    this.reuseDetection(ocr as unknown as { detector: Detector });
  }

  static async load(models: OcrModelBytes, makeCanvas: CanvasMaker): Promise<PhotoTextReader> {
    const ocr = new PaddleOcrService({
      model: { detection: models.detection, recognition: models.recognition, charactersDictionary: ocrDictionary(models.dictionary) },
      detection: { maxSideLength: DETECTION_SIDE },
      // A thread that finds no work sleeps instead of spinning: on two cores shared with the browser
      // and the page, a spinning thread takes the core the other one needs. The graph is not
      // optimised: in Chromium that took 2–3 s of CPU on the first photo and no warm photo ran faster.
      session: { executionProviders: ['wasm'], graphOptimizationLevel: 'disabled', extra: { session: { intra_op: { allow_spinning: '0' } } } },
      processing: { engine: 'canvas-native' },
    });
    await ocr.initialize();
    return new PhotoTextReader(ocr, makeCanvas);
  }

  /** `deskew: false` reads the photo as it is (for measuring what the turn is worth). */
  async read(photo: PhotoCanvas, { deskew = true } = {}): Promise<ReadTextLine[]> {
    const failuresBefore = this.failures;
    try {
      const lines = await this.readUpright(photo, deskew);
      if (this.failures !== failuresBefore) throw new Error('the text in the photo could not be read', { cause: this.lastFailure });
      return lines;
    } finally {
      this.lastDetection = null;
    }
  }

  /**
   * ppu's recognize() runs the detector again on the picture it is given, and for a photo with no
   * turn that is the very picture the angle was measured on: the lines located then are handed
   * back instead of being looked for a second time (the same boxes, for a third of a warm photo's
   * OCR). A turned photo is a new picture and is detected afresh.
   */
  private reuseDetection({ detector }: { detector: Detector }): void {
    const run = detector.run.bind(detector);
    detector.run = (picture) => {
      const last = this.lastDetection;
      if (last && last.picture === picture) return last.boxes;
      const boxes = run(picture);
      this.lastDetection = { picture, boxes };
      return boxes;
    };
  }

  private noteFailures(session: InferenceSession): void {
    const run = session.run.bind(session) as (...args: unknown[]) => ReturnType<InferenceSession['run']>;
    session.run = (async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (error) {
        this.failures += 1;
        this.lastFailure = error;
        throw error;
      }
    }) as InferenceSession['run'];
  }

  private async readUpright(photo: PhotoCanvas, deskew: boolean): Promise<ReadTextLine[]> {
    const angle = deskew ? await this.textAngle(photo) : 0;
    if (Math.abs(angle) < MIN_CORRECTED_ANGLE) return this.readLines(photo, (rect) => rect, photo);
    const upright = this.turn(photo, -angle);
    return this.readLines(upright.canvas, upright.toPhoto, photo);
  }

  /**
   * How far the photo's text is turned (0 when it has none). Only where the text lies matters here,
   * not what it says: the angle is measured at the detector's size too (text-angle.ts).
   */
  private async textAngle(photo: PhotoCanvas): Promise<number> {
    const { boxes } = await this.ocr.detect(photo as never);
    return boxes.length === 0 ? 0 : estimateTextAngle(photo, boxes, this.makeCanvas);
  }

  private async readLines(canvas: PhotoCanvas, toPhoto: (rect: PixelRect) => PixelRect, photo: PhotoCanvas): Promise<ReadTextLine[]> {
    const result = await this.ocr.recognize(canvas as never, { flatten: false, noCache: true });
    if (!('lines' in result)) return [];
    return result.lines
      .map((items) => ({ text: items.map((item) => item.text).join(' ').trim(), box: fraction(union(items.map((item) => toPhoto(item.box))), photo) }))
      .filter((line) => line.text.length > 0);
  }

  /** The photo turned by `degrees` on a canvas big enough for all of it, and the way back for boxes. */
  private turn(photo: PhotoCanvas, degrees: number): { canvas: PhotoCanvas; toPhoto: (rect: PixelRect) => PixelRect } {
    const radians = (degrees * Math.PI) / 180;
    const cos = Math.cos(radians);
    const sin = Math.sin(radians);
    const width = Math.ceil(Math.abs(photo.width * cos) + Math.abs(photo.height * sin));
    const height = Math.ceil(Math.abs(photo.width * sin) + Math.abs(photo.height * cos));
    const canvas = this.makeCanvas(width, height);
    const context = context2d(canvas);
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.translate(width / 2, height / 2);
    context.rotate(radians);
    context.drawImage(photo, -photo.width / 2, -photo.height / 2);
    const back = (x: number, y: number): [number, number] => {
      const dx = x - width / 2;
      const dy = y - height / 2;
      return [dx * cos + dy * sin + photo.width / 2, -dx * sin + dy * cos + photo.height / 2];
    };
    const toPhoto = (rect: PixelRect): PixelRect => {
      const corners = [back(rect.x, rect.y), back(rect.x + rect.width, rect.y), back(rect.x, rect.y + rect.height), back(rect.x + rect.width, rect.y + rect.height)];
      const xs = corners.map(([x]) => x);
      const ys = corners.map(([, y]) => y);
      return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    };
    return { canvas, toPhoto };
  }
}

/** The part of ppu's detection service that reuseDetection wraps. */
interface Detector {
  run(picture: unknown): Promise<unknown[]>;
}

function union(rects: PixelRect[]): PixelRect {
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function fraction(rect: PixelRect, photo: PhotoCanvas): PhotoBox {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  const x = clamp(rect.x / photo.width);
  const y = clamp(rect.y / photo.height);
  return { x, y, width: clamp((rect.x + rect.width) / photo.width) - x, height: clamp((rect.y + rect.height) / photo.height) - y };
}
