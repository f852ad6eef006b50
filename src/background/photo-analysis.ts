/**
 * Where an attached photo is analysed: Chrome's service worker hands it to the offscreen document
 * (made on the first photo, kept while the browser runs so the models stay loaded); Firefox's event
 * page has a DOM and analyses it itself. The analysis code loads only when a photo arrives.
 */
import type { PhotoBox } from '../policy/types';
import type { PhotoDesk, PhotoReading, PhotoView } from '../photo/photo-desk';
import { base64ToBytes, bytesToBase64 } from '../shared/base64';
import { OFFSCREEN_PAGE, type OffscreenReply, type OffscreenRequest, type OffscreenResponses } from '../offscreen/offscreen-protocol';

export interface PhotoAnalysisRoute {
  /** What the photo holds; null when it is not a picture the browser can open. */
  analyse(base64: string, mediaType: string): Promise<PhotoReading | null>;
  view(photoId: string): Promise<PhotoView | null>;
  /** The photo with `regions` covered, as a new JPEG in base64; null when it is no longer held. */
  blur(photoId: string, regions: PhotoBox[]): Promise<string | null>;
}

export function photoAnalysisRoute(): PhotoAnalysisRoute {
  return globalThis.chrome?.offscreen ? offscreenRoute() : inPageRoute();
}

function offscreenRoute(): PhotoAnalysisRoute {
  let creating: Promise<void> | null = null;
  const ensureDocument = async () => {
    if (await chrome.offscreen.hasDocument()) return;
    creating ??= chrome.offscreen
      .createDocument({
        url: OFFSCREEN_PAGE,
        reasons: [chrome.offscreen.Reason.WORKERS, chrome.offscreen.Reason.BLOBS],
        justification: 'Reads attached photos for pupils’ names (text recognition) and faces before they are posted.',
      })
      .finally(() => (creating = null));
    await creating;
  };
  const ask = async <T extends OffscreenRequest['type']>(request: Extract<OffscreenRequest, { type: T }>): Promise<OffscreenResponses[T]> => {
    await ensureDocument();
    const reply = (await chrome.runtime.sendMessage(request)) as OffscreenReply<OffscreenResponses[T]> | undefined;
    if (!reply) throw new Error('the photo checker did not answer');
    if (!reply.ok) throw new Error(reply.message);
    return reply.value;
  };
  return {
    analyse: (base64, mediaType) => ask({ type: 'offscreen-analyse-photo', base64, mediaType }),
    view: async (photoId) => ((await chrome.offscreen.hasDocument()) ? ask({ type: 'offscreen-photo-view', photoId }) : null),
    blur: async (photoId, regions) => ((await chrome.offscreen.hasDocument()) ? ask({ type: 'offscreen-blur-photo', photoId, regions }) : null),
  };
}

function inPageRoute(): PhotoAnalysisRoute {
  let desk: Promise<PhotoDesk> | null = null;
  const open = () => (desk ??= import('../photo/photo-desk').then(({ PhotoDesk }) => new PhotoDesk()));
  return {
    analyse: async (base64, mediaType) => (await open()).analyse(base64ToBytes(base64), mediaType),
    view: async (photoId) => (desk ? (await desk).view(photoId) : null),
    blur: async (photoId, regions) => {
      const jpeg = desk ? await (await desk).blur(photoId, regions) : null;
      return jpeg && bytesToBase64(jpeg);
    },
  };
}
