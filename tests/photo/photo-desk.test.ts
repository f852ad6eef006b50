/**
 * The desk analyses one photo at a time. Staff usually attach X's four photos together, so each
 * photo's time limit must count from when its turn comes, not from when it was asked for; and one
 * analysis that never settles, the warm-up's included, must not hold every photo after it.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { PhotoAnalysis } from '../../src/photo/analyse-photo';
import { PhotoChecks, type PhotoChecker } from '../../src/photo/photo-check';
import { PhotoDesk } from '../../src/photo/photo-desk';
import { PHOTO_CHECK_TIME_LIMIT_MS, type ResponseOf } from '../../src/shared/messages';

// The models and the browser's decoder are not the point here: a stand-in analyser takes the time.
const analysing = vi.hoisted(() => ({ analyse: (): Promise<unknown> => Promise.resolve() }));
vi.mock('../../src/photo/browser-photo-analysers', () => ({
  browserPhotoAnalysers: () => ({ text: Promise.resolve({}), faces: Promise.resolve({}) }),
  // The warm-up run draws its picture of a word: a canvas whose drawing does nothing.
  makeCanvas: (width: number, height: number) => ({ width, height, getContext: () => ({ fillRect: () => undefined, fillText: () => undefined }) }),
}));
vi.mock('../../src/photo/decode-photo', () => ({ decodePhoto: async () => ({ width: 4000, height: 3000 }) }));
vi.mock('../../src/photo/analyse-photo', () => ({ DECODED_SIDE: 2400, analysePhoto: () => analysing.analyse() }));

const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64');

/** The document's checks over `desk`, as the offscreen document makes them. */
function checksAt(desk: PhotoDesk, restart: () => Promise<void> = async () => undefined): PhotoChecks {
  const checker: PhotoChecker = { analyse: (bytes, type, timeLimitMs) => desk.analyse(bytes, type, timeLimitMs), judge: async () => [], restart };
  return new PhotoChecks(checker);
}

/** Whether each photo was checked, in the order asked for, once they are all answered. */
function askAll(checks: PhotoChecks, count: number): Promise<boolean[]> {
  return Promise.all(Array.from({ length: count }, () => new Promise<ResponseOf<'check-photo'>>((answer) => void checks.check(JPEG_BASE64, 'image/jpeg', answer)))).then((answers) => answers.map((answer) => answer.ok));
}

/** An analysis that takes `ms` of the (fake) clock. */
function slowAnalysis(ms: number): () => Promise<PhotoAnalysis> {
  return () => new Promise((resolve) => setTimeout(() => resolve({ text: [], faces: [] }), ms));
}

const never = () => new Promise<never>(() => undefined);

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

it('checks all four photos attached together on a slow laptop, each within its own limit', async () => {
  // 50 s a photo: within the limit for each, but the fourth ends 200 s after it was asked for.
  analysing.analyse = slowAnalysis(50_000);
  const answers = askAll(checksAt(new PhotoDesk()), 4);
  await vi.advanceTimersByTimeAsync(4 * 50_000 + 1_000);
  expect(await answers).toEqual([true, true, true, true]);
});

it('moves on from an analysis that never settles, and starts afresh once the photos after it are answered', async () => {
  const analyses = [never, slowAnalysis(10_000)];
  analysing.analyse = () => analyses.shift()!();
  const restart = vi.fn(async () => undefined);
  const answers = askAll(checksAt(new PhotoDesk(), restart), 2);
  await vi.advanceTimersByTimeAsync(PHOTO_CHECK_TIME_LIMIT_MS + 1_000);
  // The second photo is being analysed: starting afresh now would lose its answer.
  expect(restart).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(10_000);
  expect(await answers).toEqual([false, true]);
  expect(restart).toHaveBeenCalledOnce();
});

it('moves on from a warm-up run that never settles', async () => {
  const analyses = [never, slowAnalysis(10_000)];
  analysing.analyse = () => analyses.shift()!();
  const desk = new PhotoDesk();
  void desk.warm().catch(() => undefined);
  const answers = askAll(checksAt(desk), 1);
  await vi.advanceTimersByTimeAsync(PHOTO_CHECK_TIME_LIMIT_MS + 10_000 + 1_000);
  expect(await answers).toEqual([true]);
});
