/**
 * Finds the faces in a photo with face-api's tiny face detector (@vladmandic/face-api, MIT; the
 * model ships in the package). A class photo's faces are small (3–10 % of its width), where a
 * whole-photo pass misses many, so the photo is also searched tile by tile (800 px tiles of a
 * 2,400 px copy, overlapping by a quarter) and the finds merged. A false face costs staff a glance
 * at a box; a missed face can cost a child's privacy: the threshold leans towards finding.
 */
import type * as FaceApi from '@vladmandic/face-api';
import type { PhotoBox } from '../policy/types';
import { context2d, downscale, type CanvasMaker, type PhotoCanvas } from './photo-canvas';

export type FaceApiModule = Pick<typeof FaceApi, 'tf' | 'nets' | 'TinyFaceDetectorOptions' | 'detectAllFaces'>;

/** The part of tfjs that face-api's typings leave out: choosing the backend. */
export interface TfBackends {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  env(): { set(flag: string, value: boolean): void };
}

export interface FaceModelFiles {
  /** tiny_face_detector_model-weights_manifest.json, parsed. */
  manifest: { weights: FaceApi.tf.io.WeightsManifestEntry[] }[];
  weights: ArrayBuffer;
}

export const FACE_SIDE = 2400;
const TILE = 800;
const STRIDE = 600;
const INPUT_SIZE = 416;
const MIN_SCORE = 0.5;
/** Two finds overlapping this much (of the smaller) are one face seen from two tiles. */
const SAME_FACE = 0.5;

interface Found {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

export class FaceFinder {
  private constructor(private readonly faceapi: FaceApiModule, private readonly makeCanvas: CanvasMaker) {}

  static load(faceapi: FaceApiModule, model: FaceModelFiles, makeCanvas: CanvasMaker): FaceFinder {
    const weightMap = faceapi.tf.io.decodeWeights(model.weights, model.manifest.flatMap((group) => group.weights));
    faceapi.nets.tinyFaceDetector.loadFromWeightMap(weightMap);
    return new FaceFinder(faceapi, makeCanvas);
  }

  /** `givenUp`: the check was given up (its time limit passed); the passes left would only slow the next photo's. */
  async find(photo: PhotoCanvas, givenUp: () => boolean = () => false): Promise<PhotoBox[]> {
    const copy = downscale(photo, FACE_SIDE, this.makeCanvas);
    const found: Found[] = await this.detect(copy, 0, 0, copy.width, copy.height, givenUp);
    if (copy.width > TILE || copy.height > TILE) {
      for (const top of starts(copy.height)) {
        for (const left of starts(copy.width)) found.push(...(await this.detect(copy, left, top, Math.min(TILE, copy.width - left), Math.min(TILE, copy.height - top), givenUp)));
      }
    }
    return merge(found).map((face) => ({ x: face.x / copy.width, y: face.y / copy.height, width: face.width / copy.width, height: face.height / copy.height }));
  }

  /**
   * One pass of the detector over a region of the copy, shrunk first (smoothly, by the canvas) to
   * the detector's input size: it would otherwise be handed every pixel and shrink them itself.
   */
  private async detect(copy: PhotoCanvas, left: number, top: number, width: number, height: number, givenUp: () => boolean): Promise<Found[]> {
    await nextTask();
    if (givenUp()) throw new Error('the check was given up while the faces were found');
    const { tf, detectAllFaces, TinyFaceDetectorOptions } = this.faceapi;
    const scale = Math.min(1, INPUT_SIZE / Math.max(width, height));
    const input = this.makeCanvas(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
    const context = context2d(input);
    context.imageSmoothingQuality = 'high';
    context.drawImage(copy, left, top, width, height, 0, 0, input.width, input.height);
    const { data } = context.getImageData(0, 0, input.width, input.height);
    const rgb = new Int32Array(input.width * input.height * 3);
    for (let pixel = 0, byte = 0; byte < data.length; pixel += 3, byte += 4) {
      rgb[pixel] = data[byte] as number;
      rgb[pixel + 1] = data[byte + 1] as number;
      rgb[pixel + 2] = data[byte + 2] as number;
    }
    const tensor = tf.tensor3d(rgb, [input.height, input.width, 3], 'int32');
    try {
      const faces = await detectAllFaces(tensor as never, new TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: MIN_SCORE }));
      const widthScale = width / input.width;
      const heightScale = height / input.height;
      return faces.map(({ box, score }) => ({ x: left + box.x * widthScale, y: top + box.y * heightScale, width: box.width * widthScale, height: box.height * heightScale, score }));
    } finally {
      tensor.dispose();
    }
  }
}

/**
 * Waits for the page's tasks already queued: each pass is otherwise only promises resolving, and
 * while the 13 run nothing else on this thread would — not the text reader's answers from
 * onnxruntime's worker nor its model files arriving — so the text would be read only after the faces.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

function starts(length: number): number[] {
  const list: number[] = [];
  for (let at = 0; at + TILE < length; at += STRIDE) list.push(at);
  list.push(Math.max(0, length - TILE));
  return list;
}

/** The best find of each face: a find mostly inside a better one is the same face. */
function merge(found: Found[]): Found[] {
  const kept: Found[] = [];
  for (const face of [...found].sort((a, b) => b.score - a.score)) {
    if (!kept.some((other) => overlapOfSmaller(face, other) > SAME_FACE)) kept.push(face);
  }
  return kept.sort((a, b) => a.x - b.x);
}

function overlapOfSmaller(a: Found, b: Found): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  return (width * height) / Math.min(a.width * a.height, b.width * b.height);
}
