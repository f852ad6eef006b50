/**
 * Firefox's event page is kept awake exactly while photo work runs: a parent-process call every
 * few seconds from its start until the last piece of work settles, and none otherwise.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventPageKeepAlive, KEEP_ALIVE_EVERY_MS } from '../../src/background/event-page-keep-alive';

/** A piece of work that ends when the test says. */
function pending() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const work = new Promise<string>((resolve, reject) => {
    finish = () => resolve('done');
    fail = reject;
  });
  return { work: () => work, finish, fail };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('EventPageKeepAlive', () => {
  it('calls the browser every few seconds while the work runs, well inside Firefox’s 30 s, and stops when it ends', async () => {
    const ping = vi.fn(async () => undefined);
    const keepAlive = new EventPageKeepAlive(ping);
    const analysis = pending();
    const result = keepAlive.whileRunning(analysis.work);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping.mock.calls.length).toBe(60_000 / KEEP_ALIVE_EVERY_MS);
    expect(KEEP_ALIVE_EVERY_MS).toBeLessThanOrEqual(5_000);
    analysis.finish();
    expect(await result).toBe('done');
    ping.mockClear();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).not.toHaveBeenCalled();
  });

  it('makes no call while nothing runs', async () => {
    const ping = vi.fn(async () => undefined);
    new EventPageKeepAlive(ping);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).not.toHaveBeenCalled();
  });

  it('keeps going until the last of overlapping pieces of work has ended, failed ones included', async () => {
    const ping = vi.fn(async () => undefined);
    const keepAlive = new EventPageKeepAlive(ping, 1_000);
    const modelLoad = pending();
    const analysis = pending();
    const loading = keepAlive.whileRunning(modelLoad.work);
    const analysing = keepAlive.whileRunning(analysis.work);
    await vi.advanceTimersByTimeAsync(3_000);
    modelLoad.fail(new Error('the model could not be read'));
    await expect(loading).rejects.toThrow('the model could not be read');
    ping.mockClear();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(ping).toHaveBeenCalledTimes(3);
    analysis.finish();
    await analysing;
    ping.mockClear();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(ping).not.toHaveBeenCalled();
  });

  it('goes on when a call fails (the page is being suspended anyway, or the browser is busy)', async () => {
    const ping = vi.fn(async () => {
      throw new Error('busy');
    });
    const keepAlive = new EventPageKeepAlive(ping, 1_000);
    const analysis = pending();
    const analysing = keepAlive.whileRunning(analysis.work);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(ping).toHaveBeenCalledTimes(3);
    analysis.finish();
    await analysing;
  });
});
