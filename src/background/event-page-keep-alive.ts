/**
 * Keeps Firefox's event page from being suspended while it analyses a photo or loads the models.
 *
 * Firefox suspends an event page once 30 s have passed (`extensions.background.idle.timeout`)
 * since the last extension event it received or the last API call it made that the browser's
 * parent process answers (ext-backgroundPage.js, ExtensionParent.sys.mjs). A listener's answer
 * still pending then postpones that only once, and open ports not at all, so a photo check of more
 * than a minute under load was cut off half-way (and the warm-up, which no request waits for, after
 * 30 s). While such work runs the page makes a cheap parent-process call every few seconds, which
 * restarts the count; with nothing running it makes none and Firefox suspends it as usual.
 */

/**
 * Well inside the 30 s: the analysis holds the page's thread for seconds at a time (onnxruntime
 * runs on it in Firefox; 18 s once, at a load of 14 on two cores), and the call can only go out
 * between those stretches.
 */
export const KEEP_ALIVE_EVERY_MS = 2_000;

export class EventPageKeepAlive {
  private running = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  /** `ping`: an extension API call the parent process answers. */
  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly everyMs = KEEP_ALIVE_EVERY_MS,
  ) {}

  /** Runs `work`, keeping the page awake until it settles (and any other work begun meanwhile has). */
  whileRunning<T>(work: () => Promise<T>): Promise<T> {
    if (this.running++ === 0) this.timer = setInterval(() => void this.ping().catch(() => undefined), this.everyMs);
    return Promise.resolve().then(work).finally(() => {
      if (--this.running === 0) clearInterval(this.timer);
    });
  }
}
