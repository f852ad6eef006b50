/**
 * Where attached photos are analysed: in Chrome the offscreen document (made on the first photo,
 * kept while the browser runs so the models stay loaded), which the service worker cannot be (no
 * canvas to decode on, no onnxruntime module loader); in Firefox the event page itself, which has a
 * DOM. A tab's photo goes straight there (src/photo/photo-check.ts); the frame's requests for a
 * photo's view and blurred copy come through here. The analysis code loads only when needed.
 */
import type { PhotoBox, PhotoTextLine, ReadTextLine } from '../policy/types';
import type { PhotoDesk, PhotoView } from '../photo/photo-desk';
import { answerPhotoChecks } from '../photo/photo-check';
import { bytesToBase64 } from '../shared/base64';
import { EventPageKeepAlive } from './event-page-keep-alive';
import { OFFSCREEN_PAGE, type OffscreenReply, type OffscreenRequest, type OffscreenResponses } from '../offscreen/offscreen-protocol';

export interface PhotoAnalysisRoute {
  /** Makes the document that analyses photos ready for a tab's photo (Chrome: makes the offscreen document). */
  open(): Promise<void>;
  /** Loads the models now, so the first photo does not wait for them. */
  warm(): Promise<void>;
  view(photoId: string): Promise<PhotoView | null>;
  /** The photo with `regions` covered, as a new JPEG in base64; null when it is no longer held. */
  blur(photoId: string, regions: PhotoBox[]): Promise<string | null>;
  /** Forgets the models, the photos held and the queue: the next photo starts afresh. */
  restart(): Promise<void>;
}

/**
 * `judge`: the lines that name a pupil, judged against the pupil list in force (null without one),
 * for the event page's own checks; Chrome's offscreen document asks the service worker instead.
 */
export function photoAnalysisRoute(judge: (lines: ReadTextLine[]) => Promise<PhotoTextLine[] | null>): PhotoAnalysisRoute {
  return globalThis.chrome?.offscreen ? offscreenRoute() : inPageRoute(judge);
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
    open: ensureDocument,
    warm: async () => {
      await ask({ type: 'offscreen-warm' });
    },
    view: async (photoId) => ((await chrome.offscreen.hasDocument()) ? ask({ type: 'offscreen-photo-view', photoId }) : null),
    blur: async (photoId, regions) => ((await chrome.offscreen.hasDocument()) ? ask({ type: 'offscreen-blur-photo', photoId, regions }) : null),
    restart: async () => {
      await creating;
      if (await chrome.offscreen.hasDocument()) await chrome.offscreen.closeDocument();
    },
  };
}

function inPageRoute(judge: (lines: ReadTextLine[]) => Promise<PhotoTextLine[] | null>): PhotoAnalysisRoute {
  let desk: Promise<PhotoDesk> | null = null;
  const open = () => (desk ??= import('../photo/photo-desk').then(({ PhotoDesk }) => new PhotoDesk()));
  // Firefox would otherwise suspend the event page in the middle of a long analysis or model load
  // (event-page-keep-alive.ts); getPlatformInfo is answered by its parent process.
  const keepAlive = new EventPageKeepAlive(() => chrome.runtime.getPlatformInfo());
  // The models are the event page's own and stay loaded: a new desk has an empty queue.
  const restart = async () => {
    desk = null;
  };
  // Registered as the background starts, as Firefox wants an event page's listeners.
  answerPhotoChecks({
    analyse: (bytes, mediaType, timeLimitMs) => keepAlive.whileRunning(async () => (await open()).analyse(bytes, mediaType, timeLimitMs)),
    judge,
    restart,
  });
  return {
    open: async () => undefined,
    warm: () => keepAlive.whileRunning(async () => (await open()).warm()),
    view: async (photoId) => (desk ? (await desk).view(photoId) : null),
    blur: async (photoId, regions) => {
      const jpeg = desk ? await (await desk).blur(photoId, regions) : null;
      return jpeg && bytesToBase64(jpeg);
    },
    restart,
  };
}
