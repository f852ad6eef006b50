/**
 * The state every content script needs: the compiled-ready policy snapshot and the roster status.
 * Built once per roster or settings change and pushed to every open x.com tab over its port.
 */
import type browser from 'webextension-polyfill';
import { buildPolicySnapshot } from '../policy/snapshot';
import { NAME_KNOWLEDGE } from '../policy/knowledge/name-knowledge';
import type { GuardPush, ModerationPush, RosterStatus } from '../shared/messages';
import type { Roster } from '../roster/model';
import { handleKey } from '../shared/handle-key';
import type { Settings } from '../shared/settings';

const DAY_MS = 24 * 60 * 60 * 1000;

export function rosterStatus(roster: Roster, settings: Settings): RosterStatus {
  return {
    importedAt: roster.importedAt,
    pupilCount: roster.pupils.length,
    source: roster.source,
    staleAfter: new Date(Date.parse(roster.importedAt) + settings.staleRosterDays * DAY_MS).toISOString(),
  };
}

export function buildGuardPush(roster: Roster | null, settings: Settings): GuardPush {
  return {
    type: 'guard-state',
    // No roster, no snapshot: the content script then blocks posting (fail closed).
    snapshot: roster && roster.pupils.length > 0 ? buildPolicySnapshot(roster, settings, NAME_KNOWLEDGE) : null,
    roster: roster ? rosterStatus(roster, settings) : null,
    schoolHandles: settings.schoolHandles.map(handleKey),
  };
}

/**
 * Where the last built state survives the service worker being stopped (Chrome stops it after
 * half a minute idle, and every open tab then reconnects): rebuilding the snapshot of a large
 * roster on each wake would cost a second of CPU. storage.session is memory only, and only the
 * extension's own pages and workers can read it.
 */
export interface GuardStateCache {
  read(): Promise<GuardPush | undefined>;
  write(state: GuardPush): Promise<void>;
  clear(): Promise<void>;
}

/** What the moderation watches are told: no snapshot, which they do not need (src/background/reply-checks.ts judges replies). */
export function moderationView(state: GuardPush): ModerationPush {
  return { type: 'moderation-state', ready: state.snapshot !== null, schoolHandles: state.schoolHandles, version: state.snapshot?.hash ?? null };
}

/** What a port is sent of each state: all of it, or a part. */
type PortView = (state: GuardPush) => unknown;
const WHOLE_STATE: PortView = (state) => state;

/** Keeps the ports of open x.com tabs and the last state pushed to them. */
export class GuardBroadcaster {
  /** Each port with what it is sent of the state. */
  private readonly ports = new Map<browser.Runtime.Port, PortView>();
  private current: Promise<GuardPush> | null = null;
  /** Bumped by each refresh, so a slower, older rebuild never overwrites a newer one. */
  private generation = 0;

  constructor(
    private readonly load: () => Promise<GuardPush>,
    private readonly cache: GuardStateCache,
  ) {}

  state(): Promise<GuardPush> {
    this.current ??= this.cachedOrLoad().catch((error: unknown) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  async add(port: browser.Runtime.Port, view: PortView = WHOLE_STATE): Promise<void> {
    this.ports.set(port, view);
    port.onDisconnect.addListener(() => this.ports.delete(port));
    // A refresh while this port waited has already sent it the newer state: do not follow it with an older one.
    const generation = this.generation;
    const state = await this.state();
    if (generation === this.generation) port.postMessage(view(state));
  }

  /** The roster or settings changed: rebuild and push to every tab, so no reload is needed. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.current = null;
    await this.cache.clear();
    const state = await this.state();
    if (generation !== this.generation) return;
    for (const [port, view] of this.ports) {
      try {
        port.postMessage(view(state));
      } catch {
        this.ports.delete(port);
      }
    }
  }

  private async cachedOrLoad(): Promise<GuardPush> {
    const generation = this.generation;
    const cached = await this.cache.read();
    if (cached) return cached;
    const state = await this.load();
    // A cache that cannot be written (quota) only costs a rebuild later.
    if (generation === this.generation) await this.cache.write(state).catch(() => undefined);
    return state;
  }
}
