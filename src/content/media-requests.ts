/**
 * Recognises X's media calls: the upload's INIT (which says how big the file is and what type)
 * and the media-metadata call that carries a photo's description (alt text). Pure, so it is tested
 * in Node; used by the main-world backstop to hold photos and descriptions to what staff had on
 * screen when the guard let the post go. (The media ids a post attaches are read with the post, in
 * post-request.ts.)
 */
import type { MediaIdentity } from '../shared/backstop-protocol';
import { normalisedPath } from './post-request';

// Taken when the module loads (in the page's world, before any page script), as in post-request.ts.
const NativeURL = URL;
const parseJson = JSON.parse;

const UPLOAD = /\/i\/media\/upload\.json$/;
const METADATA = /\/i\/api\/1\.1\/media\/metadata\/create\.json$/;

/** An upload's INIT: the size and type of the file about to be uploaded, or null for any other request. */
export function uploadInit(url: string, base: string): MediaIdentity | null {
  const path = normalisedPath(url, base);
  if (path === null || !UPLOAD.test(path)) return null;
  const query = new NativeURL(url, base).searchParams;
  if (query.get('command') !== 'INIT') return null;
  return { bytes: Number(query.get('total_bytes') ?? 0), type: query.get('media_type') ?? '' };
}

/** The media id X gave an INIT, from its answer. */
export function uploadedMediaId(answer: unknown): string | null {
  const id = (answer as { media_id_string?: unknown } | null)?.media_id_string;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** Whether a request sets a media item's description, however its address is spelt. */
export function isMediaMetadataRequest(url: string, base: string): boolean {
  const path = normalisedPath(url, base);
  return path !== null && METADATA.test(path);
}

/**
 * The description a media-metadata request sets, and for which media id. `alt` is null when the
 * body cannot be read (`undefined`): that request is refused, as it was never seen by the guard.
 */
export function mediaDescription(body: string | undefined): { mediaId: string; alt: string | null } {
  if (body === undefined) return { mediaId: '', alt: null };
  try {
    const json = parseJson(body) as { media_id?: unknown; alt_text?: { text?: unknown } } | null;
    const alt = json?.alt_text?.text;
    return { mediaId: String(json?.media_id ?? ''), alt: typeof alt === 'string' ? alt : null };
  } catch {
    return { mediaId: '', alt: null };
  }
}
