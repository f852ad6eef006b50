/**
 * The background's side of a photo check: the tab learns where the names are, never what was read;
 * a check that takes too long holds the post with its reason, and the analysis is told when its
 * requester stops waiting (so a queued photo is dropped rather than analysed late).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPhoto } from '../../src/background/photo-check';
import type { PhotoAnalysisRoute } from '../../src/background/photo-analysis';
import type { PhotoReading } from '../../src/photo/photo-desk';
import { testPolicy } from '../policy/test-policy';

const snapshot = testPolicy().snapshot;
/** A real JPEG's first bytes (SOI, then EOI): no metadata to read. */
const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64');

function route(analyse: PhotoAnalysisRoute['analyse']): PhotoAnalysisRoute {
  return { analyse, warm: async () => undefined, view: async () => null, blur: async () => null };
}

afterEach(() => vi.useRealTimers());

describe('checkPhoto', () => {
  it('says where a pupil’s name was read, not what was read', async () => {
    const reading: PhotoReading = { photoId: 'p1', width: 4000, height: 3000, faces: [], text: [{ text: 'Ava Brown', box: { x: 0.1, y: 0.2, width: 0.3, height: 0.05 } }, { text: 'Star of the week', box: { x: 0.1, y: 0.1, width: 0.5, height: 0.05 } }] };
    const answer = await checkPhoto(route(async () => reading), snapshot, JPEG_BASE64, 'image/jpeg');
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.photo.photoText).toHaveLength(1);
    expect(answer.photo.photoText[0]?.box).toEqual({ x: 0.1, y: 0.2, width: 0.3, height: 0.05 });
    expect(JSON.stringify(answer)).not.toMatch(/Ava|Brown|Star/);
  });

  it('holds the photo when the analysis takes longer than the limit, and tells the analysis when it was given up', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    let deadline = 0;
    const checking = checkPhoto(route((_base64, _type, givenUpAt) => {
      deadline = givenUpAt;
      return new Promise<never>(() => undefined);
    }), snapshot, JPEG_BASE64, 'image/jpeg', 5_000);
    await vi.advanceTimersByTimeAsync(5_001);
    expect(await checking).toEqual({ ok: false, problem: 'photo-check-failed' });
    expect(deadline).toBe(1_005_000);
  });

  it('holds a file the browser cannot open as a picture with its own reason', async () => {
    expect(await checkPhoto(route(async () => null), snapshot, JPEG_BASE64, 'image/jpeg')).toEqual({ ok: false, problem: 'photo-not-a-picture' });
  });
});
