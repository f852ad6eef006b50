/**
 * Photo analysis in the extension's own pages (Chrome's offscreen document, Firefox's event page):
 * onnxruntime's WebAssembly build and the OCR models load from the extension's files, once, when
 * the first photo arrives. Nothing is fetched from the network.
 */
import * as ort from 'onnxruntime-web';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import wasmGlueUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import detectionUrl from 'ocr-model-assets/ch_PP-OCRv4_det_infer.onnx?url';
import recognitionUrl from 'ocr-model-assets/ch_PP-OCRv4_rec_infer.onnx?url';
import dictionaryUrl from 'ocr-model-assets/ppocr_keys_v1.txt?url';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as faceapi from '@vladmandic/face-api/dist/face-api.esm-nobundle.js';
import tfjsWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import tfjsWasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import faceManifestUrl from '@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json?url';
import faceWeightsUrl from '@vladmandic/face-api/model/tiny_face_detector_model.bin?url';
import type { PhotoAnalysers } from './analyse-photo';
import { FaceFinder, type TfBackends } from './face-finder';
import type { CanvasMaker } from './photo-canvas';
import { PhotoTextReader } from './photo-text-reader';

export const makeCanvas: CanvasMaker = (width, height) => new OffscreenCanvas(width, height);

let loading: PhotoAnalysers | null = null;

export function browserPhotoAnalysers(): PhotoAnalysers {
  if (loading) return loading;
  // The glue script as a file of the extension's own: onnxruntime starts its threads' workers from
  // that script's URL, and MV3 refuses the blob: copy it would otherwise make of its bundled one.
  ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, location.href).href, mjs: new URL(wasmGlueUrl, location.href).href };
  // Threads need SharedArrayBuffer, which Chrome's extension pages have when cross-origin isolated
  // (the manifest's COEP and COOP) and Firefox's never; one thread for each of the two cores.
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? 2 : 1;
  // There onnxruntime also runs in a worker of its own (a module worker of the extension's file it
  // is bundled in), so making its sessions and reading the text leave this thread to the faces: on a
  // first photo they are found while the sessions are made. Firefox's event page keeps it here.
  ort.env.wasm.proxy = globalThis.crossOriginIsolated;
  const fetchBytes = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the extension's file ${url} could not be read (${response.status})`);
    return response;
  };
  // Both models load at once: one's WebAssembly compiles while the other's files are read.
  const textFiles = Promise.all([
    fetchBytes(detectionUrl).then((response) => response.arrayBuffer()),
    fetchBytes(recognitionUrl).then((response) => response.arrayBuffer()),
    fetchBytes(dictionaryUrl).then((response) => response.text()),
  ]);
  const text = textFiles.then(([detection, recognition, dictionary]) => PhotoTextReader.load({ detection, recognition, dictionary }, makeCanvas));
  // The faces start once the text models' files are read: while a face pass holds this thread a
  // file's body comes in a chunk a pass, and on a first photo the 15 MB took 1.6–2.1 s instead of
  // 0.4 s, with the text reader (the longer of the two) waiting for them (see the README).
  const faces = Promise.all([browserFaceFinder(fetchBytes), textFiles.catch(() => undefined)]).then(([finder]) => finder);
  const analysers = { text, faces, makeCanvas };
  loading = analysers;
  // A failed start is tried again with the next photo rather than remembered.
  Promise.all([analysers.text, analysers.faces]).catch(() => {
    if (loading === analysers) loading = null;
  });
  return analysers;
}

/**
 * tfjs's WebAssembly backend, single-threaded: its threaded build starts workers from blob: URLs,
 * which MV3 refuses (the page would hang), and Firefox's extension pages have no SharedArrayBuffer.
 */
async function browserFaceFinder(fetchBytes: (url: string) => Promise<Response>): Promise<FaceFinder> {
  const tf = faceapi.tf as unknown as TfBackends;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const absolute = (url: string) => new URL(url, location.href).href;
  setWasmPaths({ 'tfjs-backend-wasm.wasm': absolute(tfjsWasmUrl), 'tfjs-backend-wasm-simd.wasm': absolute(tfjsWasmSimdUrl), 'tfjs-backend-wasm-threaded-simd.wasm': absolute(tfjsWasmSimdUrl) });
  await tf.setBackend('wasm');
  await tf.ready();
  const [manifest, weights] = await Promise.all([
    fetchBytes(faceManifestUrl).then((response) => response.json()),
    fetchBytes(faceWeightsUrl).then((response) => response.arrayBuffer()),
  ]);
  return FaceFinder.load(faceapi, { manifest, weights }, makeCanvas);
}
