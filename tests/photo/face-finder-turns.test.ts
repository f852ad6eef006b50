/**
 * The face finder shares its thread with the text reader (in Chrome, the offscreen document's
 * thread, which hands onnxruntime's worker each step of the text reading and takes its answers):
 * between its passes, the tasks already waiting on that thread run. A stand-in for face-api's
 * detector: the turns are the point here, not the faces.
 */
import { createCanvas } from '@napi-rs/canvas';
import { expect, test } from 'vitest';
import { FaceFinder, type FaceApiModule } from '../../src/photo/face-finder';
import type { CanvasMaker, PhotoCanvas } from '../../src/photo/photo-canvas';

const makeCanvas: CanvasMaker = (width, height) => createCanvas(width, height) as unknown as PhotoCanvas;

test("a message waiting on the finder's thread is answered after its first pass, not after all of them", async () => {
  // What a worker's answer is to the thread: a message, queued as a task.
  let answered = false;
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    answered = true;
    port1.close();
  };
  const seenByEachPass: boolean[] = [];
  const faceapi = {
    tf: { io: { decodeWeights: () => ({}) }, tensor3d: () => ({ dispose: () => undefined }) },
    nets: { tinyFaceDetector: { loadFromWeightMap: () => undefined } },
    TinyFaceDetectorOptions: class {},
    detectAllFaces: async () => {
      seenByEachPass.push(answered);
      return [];
    },
  } as unknown as FaceApiModule;
  const finder = FaceFinder.load(faceapi, { manifest: [], weights: new ArrayBuffer(0) }, makeCanvas);
  const photo = makeCanvas(2400, 1800);
  port2.postMessage('the text detector has found the lines');
  await finder.find(photo);
  // The whole photo and its twelve tiles.
  expect(seenByEachPass).toHaveLength(13);
  expect(seenByEachPass.slice(1).every((seen) => seen)).toBe(true);
});
