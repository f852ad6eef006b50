/**
 * Every message between the extension's parts, as one typed union per direction. The background
 * has one dispatcher for requests; content scripts also hold a port for pushed snapshots.
 */
import type { PolicySnapshot } from '../policy/snapshot';
import type { PostKind, RuleId } from '../policy/types';
import type { Pupil } from '../roster/model';
import type { RosterVersionSummary, AuditEntry } from '../roster/roster-store';
import type { Settings } from './settings';

/** What a content script knows about the roster besides the snapshot: enough to warn staff, no names. */
export interface RosterStatus {
  importedAt: string;
  pupilCount: number;
  source: string;
  /** Older than the configured number of days. */
  stale: boolean;
}

export interface SyncStatus {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** Plain-English reason the last attempt failed; null when it worked. */
  lastError: string | null;
}

/** Pushed over the `guard` port to content scripts whenever the roster or settings change. */
export type GuardPush = {
  type: 'guard-state';
  snapshot: PolicySnapshot | null;
  roster: RosterStatus | null;
  /** Lower-case handles without @; empty guards every account. */
  schoolHandles: string[];
};

export type GuardRequest =
  | { type: 'get-guard-state' }
  | { type: 'record-audit'; entry: AuditEntryInput }
  | { type: 'record-post'; className: string | null; kind: PostKind; account: string | null }
  | { type: 'get-posts-this-week' }
  | { type: 'get-no-consent-pupils'; className: string }
  | { type: 'import-roster'; pupils: Pupil[]; source: string }
  | { type: 'get-roster' }
  | { type: 'list-roster-versions' }
  | { type: 'restore-roster-version'; versionId: number }
  | { type: 'get-settings' }
  | { type: 'save-settings'; settings: Settings }
  | { type: 'sync-now' }
  | { type: 'list-audit'; limit?: number };

/** The audit entry as a content script reports it; the background stamps the time. */
export type AuditEntryInput = Omit<AuditEntry, 'at'>;

export interface SettingsState {
  settings: Settings;
  /** Keys forced by the school's admin console: shown locked in the options page. */
  managedKeys: string[];
  sync: SyncStatus;
}

/** The reply each request gets. */
export interface GuardResponses {
  'get-guard-state': GuardPush;
  'record-audit': { ok: true };
  'record-post': { ok: true };
  'get-posts-this-week': Record<string, number>;
  'get-no-consent-pupils': { names: string[] };
  'import-roster': { ok: true; version: RosterVersionSummary } | { ok: false; message: string };
  'get-roster': { pupils: Pupil[]; status: RosterStatus | null };
  'list-roster-versions': RosterVersionSummary[];
  'restore-roster-version': { ok: true } | { ok: false; message: string };
  'get-settings': SettingsState;
  'save-settings': { ok: true } | { ok: false; errors: string[] };
  'sync-now': SyncStatus;
  'list-audit': AuditEntry[];
}

export type RequestOf<T extends GuardRequest['type']> = Extract<GuardRequest, { type: T }>;
export type ResponseOf<T extends GuardRequest['type']> = GuardResponses[T];

export const GUARD_PORT_NAME = 'guard';

export type { RuleId };
