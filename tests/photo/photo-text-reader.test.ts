/**
 * ppu-paddle-ocr swallows its inference errors and answers "no text": an OCR failure (WebAssembly
 * memory, threads) must instead fail the photo's analysis, so the post is held with a reason
 * rather than the photo going out as if it held no names. And the text detector, the OCR's
 * costliest step, works on a copy no longer than it needs, and once on an upright photo.
 */
import { createCanvas } from '@napi-rs/canvas';
import { InferenceSession } from 'onnxruntime-web';
import { afterEach, expect, test, vi } from 'vitest';
import { analysePhotoFile } from '../../src/photo/node-photo-analysers';
import { makeTestPhoto } from '../../scripts/photo-test-set';

// InferenceSession is typed as its factory; its sessions' run is a method of the class behind it.
const sessions = (InferenceSession as unknown as { prototype: InferenceSession }).prototype;
const run = sessions.run;
/** Which sessions' runs fail: set per test, before and after the models load. */
let failing: 'none' | 'all' | 'recognition' = 'none';
/** The shape of each run's input, [1, 3, height, width]. */
let inputs: (readonly number[])[] = [];
/** The recogniser's inputs are lines 48 px high; the rest are the detector's. */
const isRecognition = (dims: readonly number[]) => dims[2] === 48;
vi.spyOn(sessions, 'run').mockImplementation(function (this: InferenceSession, ...args: unknown[]) {
  const dims = (args[0] as { x: { dims: readonly number[] } }).x.dims;
  inputs.push(dims);
  if (failing === 'all' || (failing === 'recognition' && isRecognition(dims))) return Promise.reject(new RangeError('WebAssembly.Memory(): could not allocate memory'));
  return (run as (...args: unknown[]) => ReturnType<InferenceSession['run']>).apply(this, args);
});

afterEach(() => {
  failing = 'none';
  inputs = [];
});

const certificate = makeTestPhoto('certificate', ['Ava', 'Brown'], 'Roboto', 1, 1200).jpeg;

test('reads the certificate when inference works', { timeout: 120_000 }, async () => {
  const { text } = await analysePhotoFile(certificate);
  expect(text.map((line) => line.text).join(' ')).toMatch(/Ava/);
});

test('a failed text detection fails the analysis instead of reading as "no text"', { timeout: 120_000 }, async () => {
  failing = 'all';
  await expect(analysePhotoFile(certificate)).rejects.toThrow('the text in the photo could not be read');
});

test('a failed recognition of the lines found fails the analysis too', { timeout: 120_000 }, async () => {
  failing = 'recognition';
  await expect(analysePhotoFile(certificate)).rejects.toThrow('the text in the photo could not be read');
  expect(inputs.some(isRecognition)).toBe(true);
});

test('the text is located on a copy at most 800 px long, both for its angle and to read it', { timeout: 120_000 }, async () => {
  const { text } = await analysePhotoFile(makeTestPhoto('certificate', ['Ava', 'Brown'], 'Roboto', 1, 1600).jpeg);
  expect(text.map((line) => line.text).join(' ')).toMatch(/Ava/);
  const detections = inputs.filter((dims) => !isRecognition(dims));
  expect(detections.length).toBeGreaterThanOrEqual(1);
  for (const dims of detections) expect(Math.max(dims[2] as number, dims[3] as number)).toBeLessThanOrEqual(800);
});

test('an upright photo\'s text is located once, for its angle and to read it; a tilted one\'s again once turned', { timeout: 120_000 }, async () => {
  const upright = await analysePhotoFile(uprightCertificate());
  expect(upright.text.map((line) => line.text).join(' ')).toMatch(/Ava Brown/);
  expect(inputs.filter((dims) => !isRecognition(dims))).toHaveLength(1);
  inputs = [];
  const tilted = await analysePhotoFile(uprightCertificate(12));
  expect(tilted.text.map((line) => line.text).join(' ')).toMatch(/Ava Brown/);
  expect(inputs.filter((dims) => !isRecognition(dims))).toHaveLength(2);
});

/** Print on white, turned by `degrees`: the test set's photos are all turned a little. */
function uprightCertificate(degrees = 0): Buffer {
  const canvas = createCanvas(1600, 1200);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.translate(800, 600);
  context.rotate((degrees * Math.PI) / 180);
  context.fillStyle = '#222';
  context.font = '90px sans-serif';
  context.textAlign = 'center';
  context.fillText('Star of the Week', 0, -120);
  context.fillText('Ava Brown', 0, 60);
  return canvas.toBuffer('image/jpeg');
}
