import { describe, expect, it } from 'vitest';
import { CheckScheduler, checkQuantumMs, waitOutQuanta, type CheckTimers } from '../../src/content/check-timing';

/** A clock that moves only when read or when told, microtasks run on demand and timers by hand. */
function fakeTimers() {
  let time = 0;
  const microtasks: (() => void)[] = [];
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const api: CheckTimers = {
    clock: () => (time += 0.01),
    microtask: (run) => microtasks.push(run),
    later: (run, ms) => {
      const timer = { at: time + ms, run, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  };
  return {
    api,
    advance: (ms: number) => (time += ms),
    now: () => time,
    runMicrotasks: () => microtasks.splice(0).forEach((run) => run()),
    /** Moves the clock to each due timer and runs it. */
    runTimers: () => {
      for (const timer of timers.splice(0).sort((a, b) => a.at - b.at)) {
        if (timer.cancelled) continue;
        time = Math.max(time, timer.at);
        timer.run();
      }
    },
    pendingTimers: () => timers.filter((timer) => !timer.cancelled).length,
  };
}

const staffKey = { isTrusted: true } as Event;
const scriptKey = { isTrusted: false } as Event;

/** A check that takes `cost` ms of the fake clock (a name found costs more) and checked `length` characters. */
function checkCosting(clock: ReturnType<typeof fakeTimers>, cost: () => number, length = 280) {
  const runs: number[] = [];
  const check = () => {
    runs.push(clock.now());
    clock.advance(cost());
    return length;
  };
  return { check, runs };
}

describe('waitOutQuanta', () => {
  it('ends a check on a whole number of quanta from its start, however long the work was', () => {
    const ends = [0.3, 1.7, 3.9].map((work) => {
      const timers = fakeTimers();
      const started = timers.api.clock();
      timers.advance(work);
      waitOutQuanta(started, 4, timers.api.clock);
      return Math.round(timers.now() - started);
    });
    expect(ends).toEqual([4, 4, 4]);
  });

  it('runs on to the next quantum past one, so only a check longer than its quantum stands out', () => {
    const timers = fakeTimers();
    const started = timers.api.clock();
    timers.advance(4.5);
    waitOutQuanta(started, 4, timers.api.clock);
    expect(Math.round(timers.now() - started)).toBe(8);
  });
});

describe('checkQuantumMs', () => {
  it('grows with the draft’s length, which the page knows already, and nothing else', () => {
    expect(checkQuantumMs(25_000)).toBeGreaterThan(checkQuantumMs(280));
    expect(checkQuantumMs(280)).toBeGreaterThanOrEqual(4);
  });
});

describe('CheckScheduler', () => {
  it('checks staff’s own change in a microtask, before the frame is painted', () => {
    const timers = fakeTimers();
    const { check, runs } = checkCosting(timers, () => 1);
    const scheduler = new CheckScheduler(check, timers.api);
    scheduler.noteEvent(staffKey);
    scheduler.changed();
    scheduler.changed(); // the same burst: one check
    timers.runMicrotasks();
    expect(runs).toHaveLength(1);
    expect(timers.pendingTimers()).toBe(0);
  });

  it('lasts as long with a name found as without one (the check takes 1 ms or 3 ms)', () => {
    const durations = [1, 3].map((cost) => {
      const timers = fakeTimers();
      const scheduler = new CheckScheduler(checkCosting(timers, () => cost).check, timers.api);
      scheduler.noteEvent(staffKey);
      scheduler.changed();
      const before = timers.now();
      timers.runMicrotasks();
      return Math.round(timers.now() - before);
    });
    expect(durations[0]).toBe(durations[1]);
  });

  it('checks a change no staff event came before (a script’s) once they stop for a while, over two quanta', () => {
    const timers = fakeTimers();
    const { check, runs } = checkCosting(timers, () => 1);
    const scheduler = new CheckScheduler(check, timers.api);
    scheduler.noteEvent(scriptKey);
    for (let change = 0; change < 50; change += 1) scheduler.changed();
    timers.runMicrotasks();
    expect(runs).toHaveLength(0);
    const before = timers.now();
    timers.runTimers();
    expect(runs).toHaveLength(1);
    expect(runs[0]! - before).toBeGreaterThanOrEqual(90);
    expect(Math.round(timers.now() - runs[0]!)).toBe(Math.round(2 * checkQuantumMs(280)));
  });

  it('gives one staff event a change or two, not a stream: a script writing after staff’s key waits', () => {
    const timers = fakeTimers();
    const { check, runs } = checkCosting(timers, () => 0.5);
    const scheduler = new CheckScheduler(check, timers.api);
    scheduler.noteEvent(staffKey);
    for (let change = 0; change < 10; change += 1) {
      scheduler.changed();
      timers.runMicrotasks();
    }
    expect(runs).toHaveLength(2);
    expect(timers.pendingTimers()).toBe(1);
  });

  it('treats a staff event long past as none', () => {
    const timers = fakeTimers();
    const { check, runs } = checkCosting(timers, () => 0.5);
    const scheduler = new CheckScheduler(check, timers.api);
    scheduler.noteEvent(staffKey);
    timers.advance(1_000);
    scheduler.changed();
    timers.runMicrotasks();
    expect(runs).toHaveLength(0);
  });

  it('drops a deferred check once a check has run anyway (staff answered the panel)', () => {
    const timers = fakeTimers();
    const { check, runs } = checkCosting(timers, () => 0.5);
    const scheduler = new CheckScheduler(check, timers.api);
    scheduler.changed();
    scheduler.now();
    timers.runTimers();
    expect(runs).toHaveLength(1);
  });

  it('checks at once when a photo’s answer comes, over two quanta; a second answer within the deferral waits as a script’s change does', () => {
    const timers = fakeTimers();
    const { check, runs } = checkCosting(timers, () => 1);
    const scheduler = new CheckScheduler(check, timers.api);
    const before = timers.now();
    scheduler.answered();
    expect(runs).toHaveLength(1);
    expect(runs[0]! - before).toBeLessThan(1);
    expect(Math.round(timers.now() - runs[0]!)).toBe(Math.round(2 * checkQuantumMs(280)));
    timers.advance(20);
    scheduler.answered();
    timers.runMicrotasks();
    expect(runs).toHaveLength(1);
    timers.runTimers();
    expect(runs).toHaveLength(2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(100);
    timers.advance(150);
    scheduler.answered();
    expect(runs).toHaveLength(3);
  });

  it('makes an answer just after a deferred check wait too: writes and bogus attachments together get no more checks a second', () => {
    const timers = fakeTimers();
    const { check, runs } = checkCosting(timers, () => 1);
    const scheduler = new CheckScheduler(check, timers.api);
    scheduler.changed();
    timers.runTimers();
    expect(runs).toHaveLength(1);
    timers.advance(10);
    scheduler.answered();
    expect(runs).toHaveLength(1);
    timers.runTimers();
    expect(runs).toHaveLength(2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(100);
  });

  it('does not wait when nothing was checked (no school draft): personal accounts are left alone', () => {
    const timers = fakeTimers();
    const scheduler = new CheckScheduler(() => null, timers.api);
    const before = timers.now();
    scheduler.now();
    expect(timers.now() - before).toBeLessThan(1);
  });
});
