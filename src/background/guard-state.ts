/**
 * The state every content script needs: the compiled-ready policy snapshot and the roster status.
 * Built once per roster or settings change and pushed to every open x.com tab over its port.
 */
import type browser from 'webextension-polyfill';
import { buildPolicySnapshot } from '../policy/snapshot';
import { isEnglishWord } from '../policy/english-words';
import type { GuardPush, RosterStatus } from '../shared/messages';
import type { Roster } from '../roster/model';
import type { Settings } from '../shared/settings';

const DAY_MS = 24 * 60 * 60 * 1000;

export function rosterStatus(roster: Roster, settings: Settings, now = Date.now()): RosterStatus {
  return {
    importedAt: roster.importedAt,
    pupilCount: roster.pupils.length,
    source: roster.source,
    stale: now - Date.parse(roster.importedAt) > settings.staleRosterDays * DAY_MS,
  };
}

export function buildGuardPush(roster: Roster | null, settings: Settings): GuardPush {
  return {
    type: 'guard-state',
    // No roster, no snapshot: the content script then blocks posting (fail closed).
    snapshot: roster && roster.pupils.length > 0 ? buildPolicySnapshot(roster, settings, isEnglishWord) : null,
    roster: roster ? rosterStatus(roster, settings) : null,
    schoolHandles: settings.schoolHandles.map((handle) => handle.replace(/^@/, '').toLowerCase()),
  };
}

/** Keeps the ports of open x.com tabs and the last state pushed to them. */
export class GuardBroadcaster {
  private readonly ports = new Set<browser.Runtime.Port>();
  private current: Promise<GuardPush> | null = null;

  constructor(private readonly load: () => Promise<GuardPush>) {}

  state(): Promise<GuardPush> {
    this.current ??= this.load().catch((error: unknown) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  async add(port: browser.Runtime.Port): Promise<void> {
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.ports.delete(port));
    port.postMessage(await this.state());
  }

  /** The roster or settings changed: rebuild and push to every tab, so no reload is needed. */
  async refresh(): Promise<void> {
    this.current = null;
    const state = await this.state();
    for (const port of this.ports) {
      try {
        port.postMessage(state);
      } catch {
        this.ports.delete(port);
      }
    }
  }
}
