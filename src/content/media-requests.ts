/**
 * Recognises X's media calls: the upload's INIT (which says how big the file is and what type),
 * the media-metadata call that carries a photo's description (alt text), and the media ids a
 * post-creating request attaches. Pure, so it is tested in Node; used by the main-world backstop
 * to hold photos and descriptions to what staff had on screen when the guard let the post go.
 */
import type { MediaIdentity } from '../shared/backstop-protocol';

const UPLOAD = /\/i\/media\/upload\.json$/;
const METADATA = /\/i\/api\/1\.1\/media\/metadata\/create\.json$/;

/** The parts of a URL as the browser resolves it against the page (dot segments, tabs and all). */
function resolve(url: string): URL | null {
  try {
    return new URL(url, typeof location === 'undefined' ? 'https://x.com/' : location.href);
  } catch {
    return null;
  }
}

/** An upload's INIT: the size and type of the file about to be uploaded, or null for any other request. */
export function uploadInit(url: string): MediaIdentity | null {
  const parsed = resolve(url);
  if (!parsed || !UPLOAD.test(parsed.pathname) || parsed.searchParams.get('command') !== 'INIT') return null;
  return { bytes: Number(parsed.searchParams.get('total_bytes') ?? 0), type: parsed.searchParams.get('media_type') ?? '' };
}

/** The media id X gave an INIT, from its answer. */
export function uploadedMediaId(answer: unknown): string | null {
  const id = (answer as { media_id_string?: unknown } | null)?.media_id_string;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** Whether a request sets a media item's description. */
export function isMediaMetadataRequest(url: string): boolean {
  const parsed = resolve(url);
  return parsed !== null && METADATA.test(parsed.pathname);
}

/**
 * The description a media-metadata request sets, and for which media id. `alt` is null when the
 * body cannot be read: that request is refused, as it was never seen by the guard.
 */
export function mediaDescription(body: unknown): { mediaId: string; alt: string | null } {
  if (typeof body !== 'string') return { mediaId: '', alt: null };
  try {
    const json = JSON.parse(body) as { media_id?: unknown; alt_text?: { text?: unknown } };
    const alt = json.alt_text?.text;
    return { mediaId: String(json.media_id ?? ''), alt: typeof alt === 'string' ? alt : null };
  } catch {
    return { mediaId: '', alt: null };
  }
}

/** Every media id a post-creating request attaches (posts: media_entities; scheduled posts: media_ids). */
export function postMediaIds(body: unknown): string[] {
  if (typeof body !== 'string') return [];
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const ids: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (key === 'media_ids' && (typeof item === 'string' || typeof item === 'number')) ids.push(String(item));
        else visit(item, key);
      }
    } else if (value && typeof value === 'object') {
      for (const [childKey, child] of Object.entries(value)) {
        if (childKey === 'media_id' && key === 'media_entities' && (typeof child === 'string' || typeof child === 'number')) ids.push(String(child));
        else visit(child, childKey);
      }
    }
  };
  visit(json, '');
  return ids;
}
