/**
 * The content script on x.com and twitter.com, at document_start: listening before X's own
 * scripts run, and blocking until the roster has arrived (fail closed).
 */
import { ComposerGuard } from './composer-guard';
import { GuardConnection } from './guard-connection';
import { loadModerationWatchWhenNeeded } from './moderation-loader';
import { NetworkBackstop } from './network-backstop';
import { base64ToBytes } from '../shared/base64';
import type { TabRequest } from '../shared/messages';

const lifetime = new AbortController();
const connection = new GuardConnection(lifetime.signal);
const backstop = new NetworkBackstop(connection, lifetime.signal);
const guard = new ComposerGuard(connection, backstop, lifetime.signal);
guard.start();
// Replies and follow requests are watched by a script of their own, loaded only where X shows them.
loadModerationWatchWhenNeeded(lifetime.signal);
connection.connect();

// The toolbar popup asks whether this tab is guarded; the blur tool (through the background) puts
// a blurred photo in the composer. Answered synchronously: Chrome's onMessage does not accept a
// returned promise.
chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  const request = message as TabRequest;
  if (request.type === 'tab-guard-status') sendResponse(guard.status());
  if (request.type === 'put-blurred-photo') sendResponse(guard.putBlurredPhoto(request.photoId, base64ToBytes(request.base64)));
});
