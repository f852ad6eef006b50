/**
 * Checks a photo a tab attached, in the document that analyses photos (Chrome's offscreen document,
 * Firefox's event page), which the tab's request reaches directly: the photo crosses extension
 * messaging once. Its metadata is read and its pixels analysed here, the lines read judged against
 * the pupil list in force; the tab is told where the names and faces are, never what was read.
 */
import type { PhotoTextLine, ReadTextLine } from '../policy/types';
import { base64ToBytes } from '../shared/base64';
import { PHOTO_CHECK_TIME_LIMIT_MS, photoAnswerLimit, type GuardRequest, type ResponseOf } from '../shared/messages';
import { withTimeLimit } from '../shared/time-limit';
import { readMediaMetadata } from './media-metadata';
import type { PhotoReading } from './photo-desk';

export interface PhotoChecker {
  /**
   * What the photo holds; null when it is not a picture the browser can open. `timeLimitMs`: how
   * long the tab waits once the photo's turn comes (photos are analysed one at a time).
   */
  analyse(bytes: Uint8Array, mediaType: string, timeLimitMs: number): Promise<PhotoReading | null>;
  /** The lines that name a pupil, with where (their text left out); null without a pupil list. */
  judge(lines: ReadTextLine[]): Promise<PhotoTextLine[] | null>;
  /** Starts the analysis afresh: the models, the photos held, the queue. */
  restart(): Promise<void>;
}

/** The photo checks asked of this document, answered one after another as the analysis takes them in turn. */
export class PhotoChecks {
  /** Checks asked for and not yet answered. */
  private waiting = 0;
  /** An analysis failed or ran out of time since the last fresh start. */
  private spent = false;

  /** `timeLimitMs`: PHOTO_CHECK_TIME_LIMIT_MS but in tests. */
  constructor(
    private readonly checker: PhotoChecker,
    private readonly timeLimitMs = PHOTO_CHECK_TIME_LIMIT_MS,
  ) {}

  /** Checks the photo and `reply`s with the answer for the tab. */
  async check(base64: string, mediaType: string, reply: (answer: ResponseOf<'check-photo'>) => void): Promise<void> {
    // The analysis keeps each photo to its limit from its turn: this is for an answer that never comes.
    const answerLimitMs = photoAnswerLimit(this.waiting, this.timeLimitMs);
    this.waiting += 1;
    try {
      reply(await this.answer(base64, mediaType, answerLimitMs));
    } finally {
      this.waiting -= 1;
    }
    // What ran a failed analysis may be spent (its WebAssembly memory, a thread that stopped
    // answering): once every photo sent here has been answered (a restart would lose their
    // answers), the next one gets a fresh start.
    if (this.spent && this.waiting === 0) {
      this.spent = false;
      await this.checker.restart().catch(() => undefined);
    }
  }

  private async answer(base64: string, mediaType: string, answerLimitMs: number): Promise<ResponseOf<'check-photo'>> {
    try {
      const bytes = base64ToBytes(base64);
      const analysing = withTimeLimit(this.checker.analyse(bytes, mediaType, this.timeLimitMs), answerLimitMs, 'the photo check took too long');
      const [metadata, reading] = await Promise.all([
        readMediaMetadata(bytes),
        analysing.catch((error: unknown) => {
          this.spent = true;
          throw error;
        }),
      ]);
      if (!reading) return { ok: false, problem: 'photo-not-a-picture' };
      if (!metadata) return { ok: false, problem: 'photo-details-unreadable' };
      const photoText = await this.checker.judge(reading.text);
      // Without a pupil list the guard holds every post anyway, and a photo cannot be judged.
      if (!photoText) return { ok: false, problem: 'photo-check-failed' };
      return { ok: true, photo: { metadataText: metadata.textFields, gps: metadata.gps, photoText, faces: reading.faces, analysisId: reading.photoId } };
    } catch {
      return { ok: false, problem: 'photo-check-failed' };
    }
  }
}

/**
 * Answers the extension's tabs' `check-photo` requests in this document. In Chrome the service
 * worker receives them too and leaves them alone, so the photo does not travel on to here a second
 * time as text.
 */
export function answerPhotoChecks(checker: PhotoChecker): void {
  const checks = new PhotoChecks(checker);
  chrome.runtime.onMessage.addListener((message: GuardRequest | undefined, sender, sendResponse: (answer: ResponseOf<'check-photo'>) => void) => {
    if (sender.id !== chrome.runtime.id || message?.type !== 'check-photo') return undefined;
    void checks.check(message.base64, message.mediaType, sendResponse);
    return true;
  });
}
