/**
 * The content script's line to the background: a port over which the roster snapshot arrives
 * (and is re-sent whenever the ICT lead changes it), compiled once into a policy for the
 * synchronous checks. Losing the line never leaves the tab unguarded.
 */
import { compilePolicy, type CompiledPolicy } from '../policy/engine';
import { GUARD_PORT_NAME, type GuardPush, type RosterStatus } from '../shared/messages';

export type GuardReadiness =
  | { kind: 'connecting' }
  | { kind: 'no-roster' }
  /** The extension was updated, reloaded or removed under this tab: its old script can only block. */
  | { kind: 'invalidated' }
  | { kind: 'ready'; policy: CompiledPolicy; roster: RosterStatus | null; schoolHandles: string[] };

const RECONNECT_MS = 250;

/**
 * Whether posts from this account are guarded: every account when no school handle is set, and
 * any account whose handle cannot be read (guarding too much is safe, too little is not).
 */
export function isGuardedAccount(readiness: GuardReadiness, account: string | null): boolean {
  if (readiness.kind !== 'ready' || readiness.schoolHandles.length === 0 || account === null) return true;
  return readiness.schoolHandles.includes(account);
}

export class GuardConnection {
  private readiness: GuardReadiness = { kind: 'connecting' };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly signal: AbortSignal) {}

  get state(): GuardReadiness {
    return this.readiness;
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  connect(): void {
    if (this.signal.aborted) return;
    let port: chrome.runtime.Port;
    try {
      port = chrome.runtime.connect({ name: GUARD_PORT_NAME });
    } catch {
      this.set({ kind: 'invalidated' });
      return;
    }
    port.onMessage.addListener((message: unknown) => this.receive(message as GuardPush));
    const disconnect = () => port.disconnect();
    this.signal.addEventListener('abort', disconnect, { once: true });
    port.onDisconnect.addListener(() => {
      this.signal.removeEventListener('abort', disconnect);
      if (!extensionAlive()) {
        this.set({ kind: 'invalidated' });
        return;
      }
      // The service worker was stopped: keep the last policy (still valid) and reconnect.
      setTimeout(() => this.connect(), RECONNECT_MS);
    });
  }

  private receive(push: GuardPush): void {
    if (push.type !== 'guard-state') return;
    if (!push.snapshot) {
      this.set({ kind: 'no-roster' });
      return;
    }
    const current = this.readiness;
    // A reconnect after the worker slept re-sends the same snapshot: no need to compile it again.
    const policy = current.kind === 'ready' && current.policy.snapshot.hash === push.snapshot.hash ? current.policy : compilePolicy(push.snapshot);
    this.set({ kind: 'ready', policy, roster: push.roster, schoolHandles: push.schoolHandles });
  }

  private set(next: GuardReadiness): void {
    this.readiness = next;
    for (const listener of this.listeners) listener();
  }
}

/** After an update or reload the old content script's runtime loses its id. */
function extensionAlive(): boolean {
  try {
    return Boolean(chrome.runtime?.id);
  } catch {
    return false;
  }
}
