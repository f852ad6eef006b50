/**
 * Where an attached photo is analysed: Chrome's service worker hands it to the offscreen document
 * (made on the first photo, kept while the browser runs so the models stay loaded); Firefox's event
 * page has a DOM and analyses it itself. The analysis code loads only when a photo arrives.
 */
import type { PhotoBox } from '../policy/types';
import type { PhotoDesk, PhotoReading, PhotoView } from '../photo/photo-desk';
import { base64ToBytes, bytesToBase64 } from '../shared/base64';
import { EventPageKeepAlive } from './event-page-keep-alive';
import { OFFSCREEN_PAGE, type OffscreenReply, type OffscreenRequest, type OffscreenResponses } from '../offscreen/offscreen-protocol';

export interface PhotoAnalysisRoute {
  /** Loads the models now (Chrome: makes the offscreen document), so the first photo does not wait for them. */
  warm(): Promise<void>;
  /**
   * What the photo holds; null when it is not a picture the browser can open. `deadline` (ms since
   * the epoch): when the requester stops waiting; a photo whose turn comes after it is not analysed.
   */
  analyse(base64: string, mediaType: string, deadline: number): Promise<PhotoReading | null>;
  view(photoId: string): Promise<PhotoView | null>;
  /** The photo with `regions` covered, as a new JPEG in base64; null when it is no longer held. */
  blur(photoId: string, regions: PhotoBox[]): Promise<string | null>;
}

export function photoAnalysisRoute(): PhotoAnalysisRoute {
  return globalThis.chrome?.offscreen ? offscreenRoute() : inPageRoute();
}

function offscreenRoute(): PhotoAnalysisRoute {
  let creating: Promise<void> | null = null;
  // One look-and-create at a time: two photos asking at once would otherwise both find no document
  // and both create one, and Chrome refuses the second.
  const ensureDocument = () =>
    (creating ??= (async () => {
      if (await chrome.offscreen.hasDocument()) return;
      await chrome.offscreen.createDocument({
        url: OFFSCREEN_PAGE,
        reasons: [chrome.offscreen.Reason.WORKERS, chrome.offscreen.Reason.BLOBS],
        justification: 'Reads attached photos for pupils’ names (text recognition) and faces before they are posted.',
      });
    })().finally(() => (creating = null)));
  const ask = async <T extends OffscreenRequest['type']>(request: Extract<OffscreenRequest, { type: T }>): Promise<OffscreenResponses[T]> => {
    await ensureDocument();
    const reply = (await chrome.runtime.sendMessage(request)) as OffscreenReply<OffscreenResponses[T]> | undefined;
    if (!reply) throw new Error('the photo checker did not answer');
    if (!reply.ok) throw new Error(reply.message);
    return reply.value;
  };
  return {
    warm: async () => {
      await ask({ type: 'offscreen-warm' });
    },
    analyse: (base64, mediaType, deadline) => ask({ type: 'offscreen-analyse-photo', base64, mediaType, deadline }),
    view: async (photoId) => ((await chrome.offscreen.hasDocument()) ? ask({ type: 'offscreen-photo-view', photoId }) : null),
    blur: async (photoId, regions) => ((await chrome.offscreen.hasDocument()) ? ask({ type: 'offscreen-blur-photo', photoId, regions }) : null),
  };
}

function inPageRoute(): PhotoAnalysisRoute {
  let desk: Promise<PhotoDesk> | null = null;
  const open = () => (desk ??= import('../photo/photo-desk').then(({ PhotoDesk }) => new PhotoDesk()));
  // Firefox would otherwise suspend the event page in the middle of a long analysis or model load
  // (event-page-keep-alive.ts); getPlatformInfo is answered by its parent process.
  const keepAlive = new EventPageKeepAlive(() => chrome.runtime.getPlatformInfo());
  return {
    warm: () => keepAlive.whileRunning(async () => (await open()).warm()),
    analyse: (base64, mediaType, deadline) => keepAlive.whileRunning(async () => (await open()).analyse(base64ToBytes(base64), mediaType, deadline)),
    view: async (photoId) => (desk ? (await desk).view(photoId) : null),
    blur: async (photoId, regions) => {
      const jpeg = desk ? await (await desk).blur(photoId, regions) : null;
      return jpeg && bytesToBase64(jpeg);
    },
  };
}
