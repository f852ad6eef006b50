/** Which accounts the guard watches, for the composer guard and the moderation watches alike. */

/** What both connections to the background know: whether the pupil list is in force, and the school's handles once it is. */
export type HandlesKnown = { kind: 'connecting' | 'no-roster' | 'invalidated' } | { kind: 'ready'; schoolHandles: readonly string[] };

/**
 * Whether posts from this account are guarded: every account when no school handle is set, and
 * any account whose handle cannot be read (guarding too much is safe, too little is not).
 */
export function isGuardedAccount(readiness: HandlesKnown, account: string | null): boolean {
  if (readiness.kind !== 'ready' || readiness.schoolHandles.length === 0 || account === null) return true;
  return readiness.schoolHandles.includes(account);
}

/**
 * Whether the account is known to be guarded: the school's handles have arrived and it is one of
 * them (or none is set). Only then are its photos sent to be analysed and the models loaded for
 * it; until then a photo waits, unread, and its post is held as any guarded post would be.
 */
export function isKnownGuardedAccount(readiness: HandlesKnown, account: string | null): boolean {
  return readiness.kind === 'ready' && isGuardedAccount(readiness, account);
}
