/**
 * Checks a photo a tab attached: its metadata read here, its pixels analysed where photos are
 * (photo-analysis.ts), the lines read judged against the pupil list in force. The tab is told where
 * the names and faces are, never what was read: that stays here and in the extension's frame.
 */
import { compilePolicy, type CompiledPolicy } from '../policy/engine';
import { namePhotoLines } from '../policy/photo-text-names';
import type { PolicySnapshot } from '../policy/snapshot';
import type { PhotoTextLine, ReadTextLine } from '../policy/types';
import { base64ToBytes } from '../shared/base64';
import { withTimeLimit } from '../shared/time-limit';
import { PHOTO_CHECK_TIME_LIMIT_MS, type ResponseOf } from '../shared/messages';
import { readMediaMetadata } from './media-metadata';
import type { PhotoAnalysisRoute } from './photo-analysis';

/** Where EXIF, XMP and IPTC blocks sit in JPEG, PNG and HEIC files: before the image data. */
const METADATA_BYTES = 2 * 1024 * 1024;
/** `timeLimitMs`: PHOTO_CHECK_TIME_LIMIT_MS but in tests. */
export async function checkPhoto(route: PhotoAnalysisRoute, snapshot: PolicySnapshot | null, base64: string, mediaType: string, timeLimitMs = PHOTO_CHECK_TIME_LIMIT_MS): Promise<ResponseOf<'check-photo'>> {
  try {
    const [metadata, reading] = await Promise.all([
      // Whole groups of four characters: a cut inside one is not base64.
      readMediaMetadata(base64ToBytes(base64.slice(0, Math.floor(METADATA_BYTES / 3) * 4))),
      withTimeLimit(route.analyse(base64, mediaType, Date.now() + timeLimitMs), timeLimitMs, 'the photo check took too long'),
    ]);
    if (!reading) return { ok: false, problem: 'photo-not-a-picture' };
    // Without a pupil list the guard holds every post anyway, and a photo cannot be judged.
    if (!snapshot) return { ok: false, problem: 'photo-check-failed' };
    const photoText = namesInLines(snapshot, reading.text)
      .filter((line) => line.names.length > 0)
      .map(({ box, names }) => ({ text: '', box, names }));
    return { ok: true, photo: { metadataText: metadata.textFields, gps: metadata.gps, photoText, faces: reading.faces, analysisId: reading.photoId } };
  } catch {
    return { ok: false, problem: 'photo-check-failed' };
  }
}

let compiled: { hash: string; policy: CompiledPolicy } | null = null;

/** The lines read from a photo with the pupils' names in each, judged against the pupil list in force. */
export function namesInLines(snapshot: PolicySnapshot, lines: readonly ReadTextLine[]): PhotoTextLine[] {
  if (compiled?.hash !== snapshot.hash) compiled = { hash: snapshot.hash, policy: compilePolicy(snapshot) };
  return namePhotoLines(compiled.policy, lines);
}
