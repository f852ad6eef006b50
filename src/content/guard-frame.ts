/**
 * An extension-origin frame in the guard's shadow root, with a private line to it: a MessagePort
 * handed over once the frame has loaded, with the one-time token the frame's URL carries (x.com's
 * page can post messages to the frame too, but cannot know the token). Messages sent before the
 * frame is ready wait; only the latest of each matters, so only the latest is kept.
 */
import type { FrameHandshake } from '../shared/panel-protocol';

export class GuardFrame<Out, In> {
  readonly element = document.createElement('iframe');
  private port: MessagePort | null = null;
  private waiting: Out | null = null;

  constructor(page: string, title: string, onMessage: (message: In) => void, signal: AbortSignal) {
    const token = crypto.randomUUID();
    this.element.src = `${chrome.runtime.getURL(page)}#${token}`;
    // Chrome addresses the frame by a per-session id (use_dynamic_url), but its document has the extension's own origin.
    const frameOrigin = new URL(chrome.runtime.getURL('')).origin;
    this.element.title = title;
    this.element.addEventListener('load', () => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<In>) => onMessage(event.data);
      const handshake: FrameHandshake = { schoolPostGuardToken: token };
      this.element.contentWindow?.postMessage(handshake, frameOrigin, [channel.port2]);
      this.port?.close();
      this.port = channel.port1;
      if (this.waiting !== null) this.port.postMessage(this.waiting);
    }, { signal });
    signal.addEventListener('abort', () => this.port?.close(), { once: true });
  }

  /** Sends now, and again whenever the frame (re)loads: the frame's state (a newer message replaces it). */
  send(message: Out): void {
    this.waiting = message;
    this.port?.postMessage(message);
  }

  /** Sends a one-off request, if the frame is ready for it. */
  request(message: Out): void {
    this.port?.postMessage(message);
  }
}
