/**
 * A photo check where the photo is analysed: the tab learns where the names are, never what was
 * read; a check that takes too long holds the post with its reason, and the analysis is told when
 * its requester stops waiting (so a queued photo is dropped rather than analysed late).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linesNamingPupils } from '../../src/background/photo-check';
import { checkPhoto, type PhotoChecker } from '../../src/photo/photo-check';
import type { PhotoReading } from '../../src/photo/photo-desk';
import { testPolicy } from '../policy/test-policy';

const snapshot = testPolicy().snapshot;
/** A real JPEG's first bytes (SOI, then EOI): no metadata to read. */
const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64');

/** The checker as the background judges for it, with the test pupil list (or none). */
function checker(analyse: PhotoChecker['analyse'], pupilList = true): PhotoChecker {
  return { analyse, judge: async (lines) => (pupilList ? linesNamingPupils(snapshot, lines) : null) };
}

afterEach(() => vi.useRealTimers());

describe('checkPhoto', () => {
  it('says where a pupil’s name was read, not what was read', async () => {
    const reading: PhotoReading = { photoId: 'p1', width: 4000, height: 3000, faces: [], text: [{ text: 'Ava Brown', box: { x: 0.1, y: 0.2, width: 0.3, height: 0.05 } }, { text: 'Star of the week', box: { x: 0.1, y: 0.1, width: 0.5, height: 0.05 } }] };
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

  it('holds the photo when the analysis takes longer than the limit, and tells the analysis when it was given up', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    let deadline = 0;
    const checking = checkPhoto(checker((_bytes, _type, givenUpAt) => {
      deadline = givenUpAt;
      return new Promise<never>(() => undefined);
    }), JPEG_BASE64, 'image/jpeg', 5_000);
    await vi.advanceTimersByTimeAsync(5_001);
    expect(await checking).toEqual({ ok: false, problem: 'photo-check-failed' });
    expect(deadline).toBe(1_005_000);
  });

  it('holds a file the browser cannot open as a picture with its own reason', async () => {
    expect(await checkPhoto(checker(async () => null), JPEG_BASE64, 'image/jpeg')).toEqual({ ok: false, problem: 'photo-not-a-picture' });
  });

  it('holds the photo when there is no pupil list to judge what was read against', async () => {
    const reading: PhotoReading = { photoId: 'p2', width: 10, height: 10, faces: [], text: [] };
    expect(await checkPhoto(checker(async () => reading, false), JPEG_BASE64, 'image/jpeg')).toEqual({ ok: false, problem: 'photo-check-failed' });
  });
});
