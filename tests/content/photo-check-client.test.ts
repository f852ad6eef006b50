/**
 * The tab's side of a photo check: a photo too large is refused without being sent, and a check
 * whose answer never comes (the page analysing it suspended or gone) holds the post with a reason
 * instead of leaving it waiting.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkAttachedPhoto, MAX_PHOTO_BYTES } from '../../src/content/photo-check-client';
import { PHOTO_CHECK_TIME_LIMIT_MS, photoAnswerLimit } from '../../src/shared/messages';

/** Node has no FileReader; this one hands back a data: URL as the browser's does. */
class DataUrlReader {
  result: string | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readAsDataURL(): void {
    queueMicrotask(() => {
      this.result = 'data:image/jpeg;base64,/9j/2Q==';
      this.onload?.();
    });
  }
}

const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();
const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'IMG_1.JPG', { type: 'image/jpeg' });

beforeEach(() => {
  vi.stubGlobal('FileReader', DataUrlReader);
  vi.stubGlobal('chrome', { runtime: { sendMessage } });
  sendMessage.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('checkAttachedPhoto', () => {
  it('sends the photo and hands back what the extension found', async () => {
    const photoFindings = { metadataText: [], gps: null, photoText: [], faces: [], analysisId: 'a1' };
    sendMessage.mockImplementation(async (message) => ((message as { type: string }).type === 'check-photo' ? { ok: true, photo: photoFindings } : { ok: true }));
    expect(await checkAttachedPhoto(photo())).toEqual(photoFindings);
    // The document that analyses photos is made ready first, then sent the photo itself, once.
    expect(sendMessage.mock.calls.map(([message]) => message)).toEqual([
      { type: 'open-photo-checker' },
      { type: 'check-photo', base64: '/9j/2Q==', mediaType: 'image/jpeg' },
    ]);
  });

  it('refuses a photo over the limit without sending it', async () => {
    const huge = photo();
    Object.defineProperty(huge, 'size', { value: MAX_PHOTO_BYTES + 1 });
    expect(await checkAttachedPhoto(huge)).toBe('photo-too-large');
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('holds the post when the answer never comes, soon after the analysis stops waiting for it', async () => {
    vi.useFakeTimers();
    sendMessage.mockReturnValue(new Promise(() => undefined));
    let settled = false;
    const checking = checkAttachedPhoto(photo()).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(photoAnswerLimit(0));
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await checking).toBe('photo-check-failed');
  });

  it('waits for the fourth of four photos attached together while the three before it take their turns', async () => {
    vi.useFakeTimers();
    const photoFindings = { metadataText: [], gps: null, photoText: [], faces: [], analysisId: 'a4' };
    // Each photo takes 80 s, in turn: the fourth is answered 320 s after it was asked for.
    let turns = 0;
    sendMessage.mockImplementation((message) =>
      (message as { type: string }).type === 'check-photo'
        ? new Promise((resolve) => setTimeout(() => resolve({ ok: true, photo: photoFindings }), 80_000 * ++turns))
        : Promise.resolve({ ok: true }));
    const checks = [1, 2, 3, 4].map(() => checkAttachedPhoto(photo()));
    await vi.advanceTimersByTimeAsync(4 * 80_000 + 1_000);
    expect(await Promise.all(checks)).toEqual([photoFindings, photoFindings, photoFindings, photoFindings]);
    expect(4 * 80_000).toBeGreaterThan(PHOTO_CHECK_TIME_LIMIT_MS + 15_000);
  });

  it('holds the post when the message fails (the page analysing it went away with it)', async () => {
    sendMessage.mockRejectedValue(new Error('Promised response from onMessage listener went out of scope'));
    expect(await checkAttachedPhoto(photo())).toBe('photo-check-failed');
  });
});
