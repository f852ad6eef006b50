/**
 * Chrome's offscreen document: analyses the photos staff attach. A tab's photo comes straight here
 * (photo-check.ts), and the lines read go to the background to be judged against the pupil list;
 * the frame's requests for a photo's view and blurred copy come through the background, and only
 * the background may make those. The models load with the first photo.
 */
import { PhotoDesk } from '../photo/photo-desk';
import { answerPhotoChecks } from '../photo/photo-check';
import { bytesToBase64 } from '../shared/base64';
import { sendRequest } from '../shared/send-request';
import { OFFSCREEN_REQUESTS, type OffscreenReply, type OffscreenRequest } from './offscreen-protocol';

const desk = new PhotoDesk();

answerPhotoChecks({
  analyse: (bytes, mediaType, timeLimitMs) => desk.analyse(bytes, mediaType, timeLimitMs),
  judge: (lines) => sendRequest({ type: 'judge-photo-text', lines }),
  // Only the service worker can close this document, and with it the models, the photos and the queue.
  restart: async () => {
    await sendRequest({ type: 'recycle-photo-checker' });
  },
});

async function answer(request: OffscreenRequest): Promise<unknown> {
  switch (request.type) {
    case 'offscreen-warm': return desk.warm().then(() => null);
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
