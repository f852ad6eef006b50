/**
 * ppu-paddle-ocr swallows its inference errors and answers "no text": an OCR failure (WebAssembly
 * memory, threads) must instead fail the photo's analysis, so the post is held with a reason
 * rather than the photo going out as if it held no names. And the text detector, the OCR's
 * costliest step, works on a copy no longer than it needs.
 */
import { InferenceSession } from 'onnxruntime-web';
import { afterEach, expect, test, vi } from 'vitest';
import { analysePhotoFile } from '../../src/photo/node-photo-analysers';
import { makeTestPhoto } from '../../scripts/photo-test-set';

// InferenceSession is typed as its factory; its sessions' run is a method of the class behind it.
const sessions = (InferenceSession as unknown as { prototype: InferenceSession }).prototype;
const run = sessions.run;
/** Which sessions' runs fail: set per test, before and after the models load. */
let failing: 'none' | 'all' | 'after-detection' = 'none';
let runs = 0;
/** The shape of each run's input, [1, 3, height, width]. */
let inputs: (readonly number[])[] = [];
vi.spyOn(sessions, 'run').mockImplementation(function (this: InferenceSession, ...args: unknown[]) {
  runs += 1;
  inputs.push((args[0] as { x: { dims: readonly number[] } }).x.dims);
  // The text detector runs twice on an upright photo (once small, for the angle; once to read),
  // the recogniser once for each line after that.
  if (failing === 'all' || (failing === 'after-detection' && runs > 2)) return Promise.reject(new RangeError('WebAssembly.Memory(): could not allocate memory'));
  return (run as (...args: unknown[]) => ReturnType<InferenceSession['run']>).apply(this, args);
});

afterEach(() => {
  failing = 'none';
  runs = 0;
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
  failing = 'after-detection';
  await expect(analysePhotoFile(certificate)).rejects.toThrow('the text in the photo could not be read');
  expect(runs).toBeGreaterThan(2);
});

test('the text is located on a copy at most 800 px long, both for its angle and to read it', { timeout: 120_000 }, async () => {
  const { text } = await analysePhotoFile(makeTestPhoto('certificate', ['Ava', 'Brown'], 'Roboto', 1, 1600).jpeg);
  expect(text.map((line) => line.text).join(' ')).toMatch(/Ava/);
  // The recogniser's inputs are lines 48 px high; the rest are the detector's.
  const detections = inputs.filter((dims) => dims[2] !== 48);
  expect(detections.length).toBeGreaterThanOrEqual(2);
  for (const dims of detections) expect(Math.max(dims[2] as number, dims[3] as number)).toBeLessThanOrEqual(800);
});
