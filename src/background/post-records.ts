/** The post records (time, account, class, kind: never text) made in a span, for the weekly promise's reports. */
import type { GuardDatabase, PostRecord } from '../roster/roster-store';

/** Records with `from` ≤ at < `to` (ISO times), oldest first. */
export async function listPostRecords(db: GuardDatabase, from: string, to: string): Promise<PostRecord[]> {
  const start = new Date(from).toISOString();
  const end = new Date(to).toISOString();
  if (!(start < end)) return [];
  // Stored as toISOString() (fixed width, UTC), so string order is time order.
  return db.getAllFromIndex('posts', 'at', IDBKeyRange.bound(start, end, false, true));
}
