/** The one way extension pages and content scripts ask the background for something, typed end to end. */
import browser from 'webextension-polyfill';
import type { GuardRequest, RequestOf, ResponseOf } from './messages';

export async function sendRequest<T extends GuardRequest['type']>(message: RequestOf<T>): Promise<ResponseOf<T>> {
  return (await browser.runtime.sendMessage(message)) as ResponseOf<T>;
}
