/**
 * When the guard checks a draft, and for how long x.com's page sees it busy (invariant 4). A check
 * that finds a pupil's name does more work than one that finds none, and a page script can time
 * the guard's check to the microtask (review s6 M3): write a candidate name into a composer, queue
 * a microtask behind the guard's, read the clock, and so sort a dictionary into pupils and others.
 * Two things take that away:
 * - every check and every redraw of the marks lasts a whole number of quanta, the quantum set by
 *   what the page knows already (how long the draft is), so its length says nothing about names
 *   unless a check runs past its quantum;
 * - a change staff did not just make themselves (a script's edit, X restoring a draft) is checked
 *   once DEFERRED_CHECK_MS have passed without another, over at least two quanta: a script gets a
 *   handful of tries a second, each of which tells it almost nothing, instead of thousands.
 * Staff's own keys, clicks, pastes and drops (events no script can make: they are trusted) are
 * checked at once, so the marks still land in the frame that shows the character.
 */

/** What a check may take at most before its time shows: a slow school laptop's, not this machine's. */
const BASE_QUANTUM_MS = 4;
const QUANTUM_MS_PER_1000_CHARACTERS = 0.5;
/** A redraw of the marks alone (scrolling) reads the boxes of the marked words and nothing else. */
export const REDRAW_QUANTUM_MS = 1;
/** Changes staff did not make are checked once this long has passed without another. */
const DEFERRED_CHECK_MS = 100;
/** ...and over at least this many quanta. */
const DEFERRED_CHECK_QUANTA = 2;
/** Staff's own event and the change it causes: Draft.js and IMEs apply some keys a task or two later. */
const STAFF_EVENT_REACH_MS = 100;
/** A key Draft.js applies itself, then re-renders, changes the editor twice. */
const CHANGES_PER_STAFF_EVENT = 2;
/** The events only a person's hand makes (a script's copies are not trusted). */
export const STAFF_EVENTS = ['keydown', 'pointerdown', 'paste', 'drop', 'cut', 'compositionend'] as const;

export type Clock = () => number;

/** The browser's timers, or a test's. `later` returns how to cancel. */
export interface CheckTimers {
  clock: Clock;
  microtask(run: () => void): void;
  later(run: () => void, ms: number): () => void;
}

const browserTimers: CheckTimers = {
  clock: () => performance.now(),
  microtask: (run) => queueMicrotask(run),
  later: (run, ms) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/** The quantum of a check of a draft `length` characters long. */
export function checkQuantumMs(length: number): number {
  return BASE_QUANTUM_MS + (QUANTUM_MS_PER_1000_CHARACTERS * length) / 1000;
}

/**
 * Waits, busy (a page script measures the main thread, which a timer would give back to it), until
 * a whole number of `quantumMs` has passed since `startedAt`.
 */
export function waitOutQuanta(startedAt: number, quantumMs: number, clock: Clock = browserTimers.clock): void {
  const quanta = Math.max(1, Math.ceil((clock() - startedAt) / quantumMs));
  const until = startedAt + quanta * quantumMs;
  while (clock() < until) {
    // Busy on purpose: see above.
  }
}

/**
 * Remembers staff's last own event, for the changes it causes: a change that comes without one
 * (or after its reach) was made by a script or by X itself. One event answers for at most
 * CHANGES_PER_STAFF_EVENT checks, so a script that writes into the draft just after a key of
 * staff's gets a try or two for that key, not a stream of them.
 */
class StaffInput {
  private lastAt = -Infinity;
  private changesLeft = 0;

  constructor(private readonly clock: Clock) {}

  noteEvent(event: Event): void {
    if (!event.isTrusted) return;
    this.lastAt = this.clock();
    this.changesLeft = CHANGES_PER_STAFF_EVENT;
  }

  /** Whether the change now is staff's own doing (so is checked at once); it uses up a share of their event. */
  takeChange(): boolean {
    if (this.changesLeft === 0 || this.clock() - this.lastAt > STAFF_EVENT_REACH_MS) return false;
    this.changesLeft -= 1;
    return true;
  }
}

/**
 * Runs the guard's check of the composer (`check`: how many characters of a school draft it
 * checked, null when there was none) when the composer changes, at the time and for the time
 * described above.
 */
export class CheckScheduler {
  private pending = false;
  private cancelDeferred: (() => void) | null = null;
  /** When the last check no staff event asked for ran: a deferred one or an answer's. */
  private lastUnstaffedCheckAt = -Infinity;
  private readonly staffInput: StaffInput;

  constructor(private readonly check: () => number | null, private readonly timers: CheckTimers = browserTimers) {
    this.staffInput = new StaffInput(timers.clock);
  }

  /** For every event of STAFF_EVENTS. */
  noteEvent(event: Event): void {
    this.staffInput.noteEvent(event);
  }

  /** The composer changed: one check per burst of changes. */
  changed(): void {
    if (this.pending) return;
    if (this.staffInput.takeChange()) {
      this.pending = true;
      this.timers.microtask(() => {
        this.pending = false;
        this.now();
      });
    } else {
      // Put back by each further change: a script writing candidates one after another gets no check until it waits.
      this.stop();
      this.cancelDeferred = this.timers.later(() => this.unstaffedCheck(), DEFERRED_CHECK_MS);
    }
  }

  /**
   * An answer the check waits for has come (a photo's analysis): checked at once, over the quanta of
   * a change staff did not make, so the verdict does not wait DEFERRED_CHECK_MS more; unless a check
   * no staff event asked for (a deferred one or an answer's) ran in the last DEFERRED_CHECK_MS: a
   * script alternating writes and bogus attachments gets no more tries a second than by writing.
   */
  answered(): void {
    if (this.timers.clock() - this.lastUnstaffedCheckAt < DEFERRED_CHECK_MS) this.changed();
    else this.unstaffedCheck();
  }

  private unstaffedCheck(): void {
    this.lastUnstaffedCheckAt = this.timers.clock();
    this.now(DEFERRED_CHECK_QUANTA);
  }

  /** Checks at once (staff answered the panel, or a burst is due); a check still due is no longer needed. */
  now(quanta = 1): void {
    this.stop();
    const started = this.timers.clock();
    const checked = this.check();
    if (checked !== null) waitOutQuanta(started, quanta * checkQuantumMs(checked), this.timers.clock);
  }

  stop(): void {
    this.cancelDeferred?.();
    this.cancelDeferred = null;
  }
}
