/**
 * Chrome's offscreen document: analyses the photos staff attach, for the background, which
 * forwards the requests of x.com tabs. Only the background may ask (a message from a tab is not
 * for this page); the models load with the first photo.
 */
import { PhotoDesk } from '../photo/photo-desk';
import { base64ToBytes, bytesToBase64 } from '../shared/base64';
import { OFFSCREEN_REQUESTS, type OffscreenReply, type OffscreenRequest } from './offscreen-protocol';

const desk = new PhotoDesk();

async function answer(request: OffscreenRequest): Promise<unknown> {
  switch (request.type) {
    case 'offscreen-warm': return desk.warm().then(() => null);
    case 'offscreen-analyse-photo': return desk.analyse(base64ToBytes(request.base64), request.mediaType, request.deadline);
    case 'offscreen-photo-view': return desk.view(request.photoId);
    case 'offscreen-blur-photo': {
      const jpeg = await desk.blur(request.photoId, request.regions);
      return jpeg && bytesToBase64(jpeg);
    }
  }
}

chrome.runtime.onMessage.addListener((message: OffscreenRequest, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || sender.tab || !OFFSCREEN_REQUESTS.has(message?.type)) return undefined;
  answer(message).then(
    (value) => sendResponse({ ok: true, value } satisfies OffscreenReply<unknown>),
    (error: unknown) => sendResponse({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies OffscreenReply<unknown>),
  );
  return true;
});
