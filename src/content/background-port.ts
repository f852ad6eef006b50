/**
 * A content script's port to the background, kept open: Chrome stops an idle service worker,
 * which closes the port, and the script then connects again. Only when the extension itself is
 * gone (updated, reloaded or removed under the tab) does it stop, and say so.
 */
const RECONNECT_MS = 250;

export interface BackgroundPortHandlers {
  message(message: unknown): void;
  /** The extension was updated, reloaded or removed under this tab: this script can no longer reach it. */
  invalidated(): void;
}

export function keepBackgroundPort(name: string, signal: AbortSignal, handlers: BackgroundPortHandlers): void {
  if (signal.aborted) return;
  let port: chrome.runtime.Port;
  try {
    port = chrome.runtime.connect({ name });
  } catch {
    handlers.invalidated();
    return;
  }
  port.onMessage.addListener((message: unknown) => handlers.message(message));
  const disconnect = () => port.disconnect();
  signal.addEventListener('abort', disconnect, { once: true });
  port.onDisconnect.addListener(() => {
    signal.removeEventListener('abort', disconnect);
    if (!extensionAlive()) {
      handlers.invalidated();
      return;
    }
    setTimeout(() => keepBackgroundPort(name, signal, handlers), RECONNECT_MS);
  });
}

/** After an update or reload the old content script's runtime loses its id. */
function extensionAlive(): boolean {
  try {
    return Boolean(chrome.runtime?.id);
  } catch {
    return false;
  }
}
