/**
 * The content script's line to the background: a port over which the roster snapshot arrives
 * (and is re-sent whenever the ICT lead changes it), compiled once into a policy for the
 * synchronous checks. Losing the line never leaves the tab unguarded.
 */
import { compilePolicy, type CompiledPolicy } from '../policy/engine';
import { GUARD_PORT_NAME, type GuardPush, type RosterStatus } from '../shared/messages';
import { keepBackgroundPort } from './background-port';

export { isGuardedAccount } from './guarded-account';

export type GuardReadiness =
  | { kind: 'connecting' }
  | { kind: 'no-roster' }
  /** The extension was updated, reloaded or removed under this tab: its old script can only block. */
  | { kind: 'invalidated' }
  | { kind: 'ready'; policy: CompiledPolicy; roster: RosterStatus | null; schoolHandles: string[] };

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
    keepBackgroundPort(GUARD_PORT_NAME, this.signal, {
      // Between a sleeping service worker and its reconnect the last policy stays in force (still valid).
      message: (message) => this.receive(message as GuardPush),
      invalidated: () => this.set({ kind: 'invalidated' }),
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
