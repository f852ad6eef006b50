/**
 * A photo check where the photo is analysed: the tab learns where the names are, never what was
 * read; a check whose answer never comes holds the post with its reason, and the analysis is told
 * how long the tab waits once the photo's turn comes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linesNamingPupils } from '../../src/background/photo-check';
import { PhotoChecks, type PhotoChecker } from '../../src/photo/photo-check';
import type { PhotoReading } from '../../src/photo/photo-desk';
import type { ResponseOf } from '../../src/shared/messages';
import { testPolicy } from '../policy/test-policy';
import { png, tEXt } from './png-with-text';

const snapshot = testPolicy().snapshot;
/** A real JPEG's first bytes (SOI, then EOI): no metadata to read. */
const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64');

/** The checker as the background judges for it, with the test pupil list (or none). */
function checker(analyse: PhotoChecker['analyse'], pupilList = true): PhotoChecker {
  return { analyse, judge: async (lines) => (pupilList ? linesNamingPupils(snapshot, lines) : null), restart: async () => undefined };
}

/** The answer the tab gets for one photo. */
function checkPhoto(photoChecker: PhotoChecker, base64: string, mediaType: string, timeLimitMs?: number): Promise<ResponseOf<'check-photo'>> {
  return new Promise((answer) => void new PhotoChecks(photoChecker, timeLimitMs).check(base64, mediaType, answer));
}

afterEach(() => vi.useRealTimers());

describe('checkPhoto', () => {
  it('says where a pupil’s name was read, not what was read', async () => {
    const reading: PhotoReading = { photoId: 'p1', faces: [], text: [{ text: 'Ava Brown', box: { x: 0.1, y: 0.2, width: 0.3, height: 0.05 } }, { text: 'Star of the week', box: { x: 0.1, y: 0.1, width: 0.5, height: 0.05 } }] };
    let analysed: Uint8Array | null = null;
    const answer = await checkPhoto(checker(async (bytes) => {
      analysed = bytes;
      return reading;
    }), JPEG_BASE64, 'image/jpeg');
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect([...(analysed ?? [])]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    expect(answer.photo.photoText).toHaveLength(1);
    expect(answer.photo.photoText[0]?.box).toEqual({ x: 0.1, y: 0.2, width: 0.3, height: 0.05 });
    expect(answer.photo.analysisId).toBe('p1');
    expect(JSON.stringify(answer)).not.toMatch(/Ava|Brown|Star/);
  });

  it('tells the analysis its limit, and holds the photo when no answer comes, after allowing a warm-up run ahead of it its limit too', async () => {
    vi.useFakeTimers();
    let limit = 0;
    let answered = false;
    const checking = checkPhoto(checker((_bytes, _type, timeLimitMs) => {
      limit = timeLimitMs;
      return new Promise<never>(() => undefined);
    }), JPEG_BASE64, 'image/jpeg', 5_000).finally(() => (answered = true));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(await checking).toEqual({ ok: false, problem: 'photo-check-failed' });
    expect(limit).toBe(5_000);
  });

  it('starts the analysis afresh after a photo it failed, not after one that is no picture or has no pupil list to judge by', async () => {
    const restart = vi.fn(async () => undefined);
    const checks = new PhotoChecks({ analyse: async () => null, judge: async () => null, restart });
    const answers: string[] = [];
    const reply = (answer: ResponseOf<'check-photo'>) => answers.push(answer.ok ? 'ok' : answer.problem);
    await checks.check(JPEG_BASE64, 'image/jpeg', reply);
    expect(restart).not.toHaveBeenCalled();
    const failing = new PhotoChecks({ analyse: async () => Promise.reject(new Error('WebAssembly.Memory(): could not allocate memory')), judge: async () => [], restart });
    await failing.check(JPEG_BASE64, 'image/jpeg', reply);
    expect(answers).toEqual(['photo-not-a-picture', 'photo-check-failed']);
    expect(restart).toHaveBeenCalledOnce();
  });

  it('reads the metadata of the whole photo, and holds one whose metadata cannot be read with its own reason', async () => {
    const reading: PhotoReading = { photoId: 'p3', faces: [], text: [] };
    const large = Buffer.from(png({ after: [tEXt('Caption', 'Ava Brown on sports day')], padding: 4 * 1024 * 1024 }));
    const answer = await checkPhoto(checker(async () => reading), large.toString('base64'), 'image/png');
    expect(answer.ok && answer.photo.metadataText).toContain('Ava Brown on sports day');
    large[large.lastIndexOf('Ava', undefined, 'latin1')] = 0x45;
    expect(await checkPhoto(checker(async () => reading), large.toString('base64'), 'image/png')).toEqual({ ok: false, problem: 'photo-details-unreadable' });
  });

  it('holds a file the browser cannot open as a picture with its own reason', async () => {
    expect(await checkPhoto(checker(async () => null), JPEG_BASE64, 'image/jpeg')).toEqual({ ok: false, problem: 'photo-not-a-picture' });
  });

  it('holds the photo when there is no pupil list to judge what was read against', async () => {
    const reading: PhotoReading = { photoId: 'p2', faces: [], text: [] };
    expect(await checkPhoto(checker(async () => reading, false), JPEG_BASE64, 'image/jpeg')).toEqual({ ok: false, problem: 'photo-check-failed' });
  });
});
