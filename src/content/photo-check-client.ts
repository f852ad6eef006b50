/**
 * Asks the extension to check an attached photo: its metadata and its pixels (the text and the
 * faces in it). The whole file goes to the document that analyses photos (Chrome's offscreen
 * document, Firefox's event page) in one message: the content script never decodes a photo, loads
 * a model or sees what was read (the answer says where the names are, not what they are).
 */
import { photoAnswerLimit, type PhotoFindings } from '../shared/messages';
import type { PhotoProblem } from '../shared/panel-protocol';
import { sendRequest } from '../shared/send-request';
import { withTimeLimit } from '../shared/time-limit';

/**
 * Above this the file is not sent: extension messaging carries it as text, a third larger (Chrome
 * allows 64 MiB a message). X itself takes photos of at most 5 MB.
 */
export const MAX_PHOTO_BYTES = 16 * 1024 * 1024;

/**
 * The analysis gives up at its own limit and says so; past that and the answer's way back, the tab
 * gives up too: an answer that never comes (the document analysing the photo suspended or gone
 * with it) holds the post with a reason rather than leaving it "Checking…".
 */
const ANSWER_WAY_BACK_MS = 10_000;

/** This tab's checks asked for and not yet answered: they are analysed one at a time, in turn. */
let checksWaiting = 0;

let warmed = false;

/** Staff are about to attach a photo: the extension loads its models now rather than with the first photo (once a page). */
export function warmPhotoChecker(): void {
  if (warmed) return;
  warmed = true;
  sendRequest({ type: 'warm-photo-checker' }).catch(() => undefined);
}

/** What the photo holds, or why it could not be checked. */
export async function checkAttachedPhoto(file: File): Promise<PhotoFindings | PhotoProblem> {
  if (file.size > MAX_PHOTO_BYTES) return 'photo-too-large';
  // All the files of a selection are sent at once: the fourth waits for the three before it.
  const answerWaitMs = photoAnswerLimit(checksWaiting) + ANSWER_WAY_BACK_MS;
  checksWaiting += 1;
  const asking = (async () => {
    const [, base64] = await Promise.all([sendRequest({ type: 'open-photo-checker' }), fileBase64(file)]);
    return sendRequest({ type: 'check-photo', base64, mediaType: file.type });
  })();
  const answer = await withTimeLimit(asking, answerWaitMs, 'no answer came')
    .catch(() => null)
    .finally(() => (checksWaiting -= 1));
  return answer ? (answer.ok ? answer.photo : answer.problem) : 'photo-check-failed';
}

/**
 * Read with FileReader as a data: URL, so the content script only ever holds a string: in Firefox
 * the ArrayBuffer a page's File gives back belongs to the page's compartment, and a typed array
 * over it is refused ("Permission denied to access property constructor").
 */
function fileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
