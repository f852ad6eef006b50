/**
 * The moderation watches' line to the background: whether a pupil list is in force and whose
 * account is the school's, without the policy snapshot (replies are judged in the background).
 */
import { MODERATION_PORT_NAME, type ModerationPush } from '../shared/messages';
import { keepBackgroundPort } from './background-port';

export type ModerationReadiness =
  | { kind: 'connecting' }
  | { kind: 'no-roster' }
  | { kind: 'invalidated' }
  /** `version` changes with the pupil list and the settings. */
  | { kind: 'ready'; schoolHandles: string[]; version: string };

export class ModerationConnection {
  private readiness: ModerationReadiness = { kind: 'connecting' };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly signal: AbortSignal) {}

  get state(): ModerationReadiness {
    return this.readiness;
  }

  /** Called when the readiness, the pupil list or the settings changed (not when a sleeping worker only said the same again). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  connect(): void {
    keepBackgroundPort(MODERATION_PORT_NAME, this.signal, {
      message: (message) => this.receive(message as ModerationPush),
      invalidated: () => this.set({ kind: 'invalidated' }),
    });
  }

  private receive(push: ModerationPush): void {
    if (push.type !== 'moderation-state') return;
    this.set(push.ready && push.version !== null ? { kind: 'ready', schoolHandles: push.schoolHandles, version: push.version } : { kind: 'no-roster' });
  }

  private set(next: ModerationReadiness): void {
    const current = this.readiness;
    if (current.kind === next.kind && (current.kind !== 'ready' || (next.kind === 'ready' && current.version === next.version))) return;
    this.readiness = next;
    for (const listener of this.listeners) listener();
  }
}
