/**
 * Checks a photo a tab attached, in the document that analyses photos (Chrome's offscreen document,
 * Firefox's event page), which the tab's request reaches directly: the photo crosses extension
 * messaging once. Its metadata is read and its pixels analysed here, the lines read judged against
 * the pupil list in force; the tab is told where the names and faces are, never what was read.
 */
import type { PhotoTextLine, ReadTextLine } from '../policy/types';
import { base64ToBytes } from '../shared/base64';
import { PHOTO_CHECK_TIME_LIMIT_MS, type GuardRequest, type ResponseOf } from '../shared/messages';
import { withTimeLimit } from '../shared/time-limit';
import { readMediaMetadata } from './media-metadata';
import type { PhotoReading } from './photo-desk';

/** Where EXIF, XMP and IPTC blocks sit in JPEG, PNG and HEIC files: before the image data. */
const METADATA_BYTES = 2 * 1024 * 1024;

export interface PhotoChecker {
  /**
   * What the photo holds; null when it is not a picture the browser can open. `deadline` (ms since
   * the epoch): when the tab stops waiting; a photo whose turn comes after it is not analysed.
   */
  analyse(bytes: Uint8Array, mediaType: string, deadline: number): Promise<PhotoReading | null>;
  /** The lines that name a pupil, with where (their text left out); null without a pupil list. */
  judge(lines: ReadTextLine[]): Promise<PhotoTextLine[] | null>;
}

/** `timeLimitMs`: PHOTO_CHECK_TIME_LIMIT_MS but in tests. */
export async function checkPhoto(checker: PhotoChecker, base64: string, mediaType: string, timeLimitMs = PHOTO_CHECK_TIME_LIMIT_MS): Promise<ResponseOf<'check-photo'>> {
  try {
    const bytes = base64ToBytes(base64);
    const [metadata, reading] = await Promise.all([
      readMediaMetadata(bytes.subarray(0, METADATA_BYTES)),
      withTimeLimit(checker.analyse(bytes, mediaType, Date.now() + timeLimitMs), timeLimitMs, 'the photo check took too long'),
    ]);
    if (!reading) return { ok: false, problem: 'photo-not-a-picture' };
    const photoText = await checker.judge(reading.text);
    // Without a pupil list the guard holds every post anyway, and a photo cannot be judged.
    if (!photoText) return { ok: false, problem: 'photo-check-failed' };
    return { ok: true, photo: { metadataText: metadata.textFields, gps: metadata.gps, photoText, faces: reading.faces, analysisId: reading.photoId } };
  } catch {
    return { ok: false, problem: 'photo-check-failed' };
  }
}

/**
 * Answers the extension's tabs' `check-photo` requests in this document. In Chrome the service
 * worker receives them too and leaves them alone, so the photo does not travel on to here a second
 * time as text.
 */
export function answerPhotoChecks(checker: PhotoChecker): void {
  chrome.runtime.onMessage.addListener((message: GuardRequest | undefined, sender, sendResponse: (answer: ResponseOf<'check-photo'>) => void) => {
    if (sender.id !== chrome.runtime.id || message?.type !== 'check-photo') return undefined;
    void checkPhoto(checker, message.base64, message.mediaType).then(sendResponse);
    return true;
  });
}
