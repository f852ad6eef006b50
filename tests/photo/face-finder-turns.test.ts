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

/** A face finder over a stand-in for face-api's detector that calls `pass` on each pass and finds nothing. */
function finderDetecting(pass: () => void): FaceFinder {
  const faceapi = {
    tf: { io: { decodeWeights: () => ({}) }, tensor3d: () => ({ dispose: () => undefined }) },
    nets: { tinyFaceDetector: { loadFromWeightMap: () => undefined } },
    TinyFaceDetectorOptions: class {},
    detectAllFaces: async () => {
      pass();
      return [];
    },
  } as unknown as FaceApiModule;
  return FaceFinder.load(faceapi, { manifest: [], weights: new ArrayBuffer(0) }, makeCanvas);
}

test("a message sent during each pass is answered before the next pass, not after all of them", async () => {
  // What a worker's answer is to the thread: a message, queued as a task.
  const { port1, port2 } = new MessageChannel();
  let answered = 0;
  port1.onmessage = () => {
    answered += 1;
  };
  const answeredBeforeEachPass: number[] = [];
  const finder = finderDetecting(() => {
    answeredBeforeEachPass.push(answered);
    // As the text reader's worker would, while this pass runs.
    port2.postMessage('the text detector has found the lines');
  });
  await finder.find(makeCanvas(2400, 1800));
  port1.close();
  // The whole photo and its twelve tiles, each after the answer to the pass before it.
  expect(answeredBeforeEachPass).toEqual([...Array(13).keys()]);
});

test('a check given up stops at the next pass: the passes left would only slow the next photo', async () => {
  let passes = 0;
  const finder = finderDetecting(() => {
    passes += 1;
  });
  // The photo's time limit passes during the third pass.
  await expect(finder.find(makeCanvas(2400, 1800), () => passes >= 3)).rejects.toThrow(/given up/);
  expect(passes).toBe(3);
});
