/**
 * The frame's end of its private line to the content script: the first message carrying a
 * MessagePort and the token from this frame's own URL. Anything else posted to the frame (x.com's
 * page can post to it too) is ignored.
 */
import type { FrameHandshake } from '../shared/panel-protocol';

export function connectToGuard(onPort: (port: MessagePort) => void): void {
  const token = location.hash.slice(1);
  const accept = (event: MessageEvent<unknown>) => {
    const [port] = event.ports;
    if (!token || !port || (event.data as Partial<FrameHandshake> | null)?.schoolPostGuardToken !== token) return;
    window.removeEventListener('message', accept);
    onPort(port);
    port.start();
  };
  window.addEventListener('message', accept);
}
