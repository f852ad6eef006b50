/**
 * The extension's own IndexedDB (opened by the background, so it lives in the extension's origin and
 * never in x.com's): roster versions, the audit log and the record of posts made.
 *
 * Each change that spans more than one write runs in one transaction and aborts on any error, so a
 * failed import leaves the previous roster in force (DESIGN invariant 5). The audit log and the post
 * records hold times, an account handle, a class name and rule ids: never draft text or pupil names
 * (invariant 3), which the types below and a runtime check both enforce.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as v from 'valibot';
import { messageText, type MessageText } from '../policy/message-text';
import { RULE_IDS } from '../policy/rules/index';
import type { PostKind } from '../policy/types';
import { isoWeekContaining } from './iso-week';
import { RosterSchema, type Roster } from './model';

export const GUARD_DATABASE_NAME = 'school-post-guard';
const GUARD_DATABASE_VERSION = 1;

/** How many roster versions are kept, the current one included, for "undo last import". */
export const KEPT_ROSTER_VERSIONS = 5;

const CURRENT_ROSTER_KEY = 'currentRosterVersion';

const AccountSchema = v.nullable(v.pipe(v.string(), v.regex(/^@?\w{1,15}$/, 'The account must be an X handle.')));
// A class name is a short single line; anything longer is not a class name and is refused.
const ClassNameSchema = v.nullable(v.pipe(v.string(), v.maxLength(100), v.regex(/^[^\r\n]*$/)));
const MomentSchema = v.pipe(v.string(), v.isoTimestamp(), v.transform((at) => new Date(at).toISOString()));

/**
 * One guard decision, for the ICT lead's log. `v.object` keeps only these keys, so whatever else a
 * caller's object carries (a draft, a name) is dropped before it is stored.
 */
const AuditEntrySchema = v.object({
  at: MomentSchema,
  account: AccountSchema,
  className: ClassNameSchema,
  rules: v.array(v.picklist(RULE_IDS)),
  outcome: v.picklist(['blocked', 'warned', 'acknowledged', 'exception-confirmed', 'posted']),
});
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

const PostRecordSchema = v.object({
  at: MomentSchema,
  account: AccountSchema,
  className: ClassNameSchema,
  kind: v.picklist(['general', 'event', 'residential'] as const satisfies readonly PostKind[]),
});
export type PostRecord = v.InferOutput<typeof PostRecordSchema>;

/** Refuses, at compile time, an object with keys beyond `Allowed` (a `text` field, say). */
type OnlyKeysOf<Given, Allowed> = Given & Record<Exclude<keyof Given, keyof Allowed>, never>;

export interface RosterVersionSummary {
  id: number;
  importedAt: string;
  source: string;
  pupilCount: number;
  current: boolean;
}

interface GuardSchema extends DBSchema {
  rosterVersions: { key: number; value: Roster };
  meta: { key: typeof CURRENT_ROSTER_KEY; value: number };
  audit: { key: number; value: AuditEntry; indexes: { at: string } };
  posts: { key: number; value: PostRecord; indexes: { at: string } };
}

export type GuardDatabase = IDBPDatabase<GuardSchema>;

export function openGuardDatabase(): Promise<GuardDatabase> {
  return openDB<GuardSchema>(GUARD_DATABASE_NAME, GUARD_DATABASE_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('rosterVersions', { autoIncrement: true });
        db.createObjectStore('meta');
        db.createObjectStore('audit', { autoIncrement: true }).createIndex('at', 'at');
        db.createObjectStore('posts', { autoIncrement: true }).createIndex('at', 'at');
      }
    },
  });
}

/** The pupil list in force is no longer the one a replacement was worked out against. */
export class RosterChangedError extends Error {
  constructor(readonly currentVersionId: number | null) {
    super('The pupil list changed after the preview was made, so it was not replaced.');
    this.name = 'RosterChangedError';
  }
}

/** A save or restore refused for a reason of the list's own, said by its key in _locales (the options page shows it). */
export class RosterRefusedError extends Error {
  constructor(readonly said: MessageText) {
    super(said.key);
    this.name = 'RosterRefusedError';
  }
}

/**
 * Saves `roster` as a new version and makes it current, dropping the versions beyond the last
 * five, in one transaction: on any failure nothing changes and the error is thrown. With
 * `basedOn` (the version in force when the ICT lead's preview was made, null for none) it replaces
 * only that version: if a sync, a restore or another import came between, it throws
 * RosterChangedError and changes nothing, so a preview never hides what it would overwrite.
 */
export async function replaceRoster(db: GuardDatabase, roster: Roster, options: { basedOn?: number | null } = {}): Promise<RosterVersionSummary> {
  const checked = v.safeParse(RosterSchema, roster);
  // The options page checked the file; a list that fails here came some other way, so no detail is worth saying.
  if (!checked.success) throw new RosterRefusedError(messageText('roster_save_invalid'));
  if (checked.output.pupils.length === 0) throw new RosterRefusedError(messageText('roster_save_empty'));
  const saved = checked.output;

  const tx = db.transaction(['rosterVersions', 'meta'], 'readwrite');
  return allOrNothing(tx, async () => {
    // Read in the same read-write transaction as the write: nothing can save between the two.
    if (options.basedOn !== undefined) {
      const current = (await tx.objectStore('meta').get(CURRENT_ROSTER_KEY)) ?? null;
      if (current !== options.basedOn) throw new RosterChangedError(current);
    }
    const versions = tx.objectStore('rosterVersions');
    const id = await versions.add(saved);
    await tx.objectStore('meta').put(id, CURRENT_ROSTER_KEY);
    const ids = await versions.getAllKeys();
    for (const old of ids.sort((a, b) => a - b).slice(0, -KEPT_ROSTER_VERSIONS)) await versions.delete(old);
    return summarise(id, saved, true);
  });
}

export async function currentRoster(db: GuardDatabase): Promise<Roster | null> {
  return (await currentRosterVersion(db))?.roster ?? null;
}

/** The pupil list in force and its version id, read together (what an import preview compares against). */
export async function currentRosterVersion(db: GuardDatabase): Promise<{ id: number; roster: Roster } | null> {
  const tx = db.transaction(['rosterVersions', 'meta'], 'readonly');
  const id = await tx.objectStore('meta').get(CURRENT_ROSTER_KEY);
  const roster = id === undefined ? undefined : await tx.objectStore('rosterVersions').get(id);
  return id === undefined || roster === undefined ? null : { id, roster };
}

/** The kept versions, newest first: when, where from, how many pupils. No names. */
export async function listRosterVersions(db: GuardDatabase): Promise<RosterVersionSummary[]> {
  const tx = db.transaction(['rosterVersions', 'meta'], 'readonly');
  const currentId = await tx.objectStore('meta').get(CURRENT_ROSTER_KEY);
  const summaries: RosterVersionSummary[] = [];
  for await (const cursor of tx.objectStore('rosterVersions').iterate(null, 'prev')) {
    summaries.push(summarise(cursor.key, cursor.value, cursor.key === currentId));
  }
  return summaries;
}

/** Makes a kept version current again (one transaction); throws if it is no longer kept. */
export async function restoreRosterVersion(db: GuardDatabase, versionId: number): Promise<RosterVersionSummary> {
  const tx = db.transaction(['rosterVersions', 'meta'], 'readwrite');
  return allOrNothing(tx, async () => {
    const roster = await tx.objectStore('rosterVersions').get(versionId);
    if (roster === undefined) throw new RosterRefusedError(messageText('roster_restore_gone'));
    await tx.objectStore('meta').put(versionId, CURRENT_ROSTER_KEY);
    return summarise(versionId, roster, true);
  });
}

export async function appendAudit<Entry extends AuditEntry>(db: GuardDatabase, entry: OnlyKeysOf<Entry, AuditEntry>): Promise<void> {
  await db.add('audit', v.parse(AuditEntrySchema, entry));
}

/** Newest first; `since` (ISO time) keeps entries at or after it, `limit` keeps the newest few. */
export async function listAudit(db: GuardDatabase, options: { since?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  const range = options.since === undefined ? null : IDBKeyRange.lowerBound(v.parse(MomentSchema, options.since));
  const entries: AuditEntry[] = [];
  for await (const cursor of db.transaction('audit').store.index('at').iterate(range, 'prev')) {
    if (options.limit !== undefined && entries.length >= options.limit) break;
    entries.push(cursor.value);
  }
  return entries;
}

export async function recordPost<Post extends PostRecord>(db: GuardDatabase, post: OnlyKeysOf<Post, PostRecord>): Promise<void> {
  await db.add('posts', v.parse(PostRecordSchema, post));
}

/** General posts per class in the ISO week (local time) containing `now`: what the cadence rule counts. */
export async function postsThisWeek(db: GuardDatabase, now: Date): Promise<Record<string, number>> {
  const { start, end } = isoWeekContaining(now);
  // Times are stored as toISOString() (fixed width, UTC), so string order is time order.
  const range = IDBKeyRange.bound(start.toISOString(), end.toISOString(), false, true);
  const counts: Record<string, number> = {};
  for (const post of await db.getAllFromIndex('posts', 'at', range)) {
    if (post.kind !== 'general' || post.className === null) continue;
    counts[post.className] = (counts[post.className] ?? 0) + 1;
  }
  return counts;
}

function summarise(id: number, roster: Roster, current: boolean): RosterVersionSummary {
  return { id, importedAt: roster.importedAt, source: roster.source, pupilCount: roster.pupils.length, current };
}

/**
 * Runs `work` inside `tx` and waits for the commit. An exception thrown by our own code (rather than
 * a failed request) does not abort a transaction by itself, and the writes already queued would
 * then commit: so any failure aborts explicitly.
 */
async function allOrNothing<Result>(tx: { done: Promise<void>; abort(): void }, work: () => Promise<Result>): Promise<Result> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request, or already finished.
    }
    throw error;
  }
}
