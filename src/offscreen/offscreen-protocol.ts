/**
 * What the background asks Chrome's offscreen document, where photos are analysed (a service
 * worker has no canvas to decode them on and cannot run onnxruntime's module loader); the tabs'
 * photos themselves go to it directly (src/photo/photo-check.ts). Replies carry errors as text,
 * since a thrown error does not cross extension messaging.
 */
import type { PhotoView } from '../photo/photo-desk';
import type { PhotoBox } from '../policy/types';

export type OffscreenRequest =
  | { type: 'offscreen-warm' }
  | { type: 'offscreen-photo-view'; photoId: string }
  | { type: 'offscreen-blur-photo'; photoId: string; regions: PhotoBox[] };

export type OffscreenReply<T> = { ok: true; value: T } | { ok: false; message: string };

export interface OffscreenResponses {
  'offscreen-warm': null;
  'offscreen-photo-view': PhotoView | null;
  /** The blurred JPEG, base64; null when the photo is no longer held. */
  'offscreen-blur-photo': string | null;
}

export const OFFSCREEN_PAGE = 'src/offscreen/index.html';

/** The messages meant for the offscreen document (the background's other messages are not). */
export const OFFSCREEN_REQUESTS: ReadonlySet<unknown> = new Set<OffscreenRequest['type']>(['offscreen-warm', 'offscreen-photo-view', 'offscreen-blur-photo']);
