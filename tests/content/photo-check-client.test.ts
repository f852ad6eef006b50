/**
 * The tab's side of a photo check: a photo too large is refused without being sent, and a check
 * whose answer never comes (the page analysing it suspended or gone) holds the post with a reason
 * instead of leaving it waiting.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkAttachedPhoto, MAX_PHOTO_BYTES } from '../../src/content/photo-check-client';
import { PHOTO_CHECK_TIME_LIMIT_MS } from '../../src/shared/messages';

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

  it('holds the post when the answer never comes, soon after the analysis’s own limit', async () => {
    vi.useFakeTimers();
    sendMessage.mockReturnValue(new Promise(() => undefined));
    let settled = false;
    const checking = checkAttachedPhoto(photo()).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(PHOTO_CHECK_TIME_LIMIT_MS);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await checking).toBe('photo-check-failed');
  });

  it('holds the post when the message fails (the page analysing it went away with it)', async () => {
    sendMessage.mockRejectedValue(new Error('Promised response from onMessage listener went out of scope'));
    expect(await checkAttachedPhoto(photo())).toBe('photo-check-failed');
  });
});
