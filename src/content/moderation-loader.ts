/**
 * Asks the background to load the reply and follow-request watches (moderation-main.ts) the first
 * time this document shows a page they watch. Only the address decides, never what the page says.
 */
import { sendRequest } from '../shared/send-request';
import { moderationPageOf } from './x-dom';

export function loadModerationWatchWhenNeeded(signal: AbortSignal): void {
  let lastPath: string | null = null;
  // X changes its address without loading a page (and without an event a content script hears): its DOM changes with it.
  const observer = new MutationObserver(() => check());
  const watch = () => observer.observe(document, { childList: true, subtree: true });
  const check = () => {
    if (location.pathname === lastPath) return;
    lastPath = location.pathname;
    if (moderationPageOf(lastPath) === null) return;
    observer.disconnect();
    sendRequest({ type: 'load-moderation-watch' }).catch(() => {
      // The background could not be reached: ask again at the next change of address.
      lastPath = null;
      if (!signal.aborted) watch();
    });
  };
  watch();
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  check();
}
