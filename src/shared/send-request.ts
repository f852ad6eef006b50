/**
 * The one way extension pages and content scripts ask the background for something, typed end to
 * end. It uses the `chrome` namespace directly, which returns promises in MV3 on Chrome and
 * Firefox alike, so the content script need not carry the webextension polyfill.
 */
import type { GuardRequest, RequestOf, ResponseOf } from './messages';

export async function sendRequest<T extends GuardRequest['type']>(message: RequestOf<T>): Promise<ResponseOf<T>> {
  return (await chrome.runtime.sendMessage(message)) as ResponseOf<T>;
}
