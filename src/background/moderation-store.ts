/**
 * The administrator's moderation records, in their own IndexedDB in the extension's origin: follow
 * request decisions (time, handle, accepted or declined: nothing else) and replies the guard flagged
 * on the school's posts (ids, a link and the rule ids: never the reply's text or a name), kept
 * until the administrator has hidden them. `v.object` drops any other key a caller's object carries.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as v from 'valibot';
import { RULE_IDS } from '../policy/rules/index';

const MODERATION_DATABASE_NAME = 'school-post-guard-moderation';
const MODERATION_DATABASE_VERSION = 2;

const HandleSchema = v.pipe(v.string(), v.regex(/^@?\w{1,15}$/, 'The account must be an X handle.'), v.transform((handle) => handle.replace(/^@/, '')));
const MomentSchema = v.pipe(v.string(), v.isoTimestamp(), v.transform((at) => new Date(at).toISOString()));
const PostIdSchema = v.pipe(v.string(), v.regex(/^\d{1,25}$/, 'A post id is digits.'));

const FollowDecisionSchema = v.object({
  at: MomentSchema,
  handle: HandleSchema,
  decision: v.picklist(['accepted', 'declined']),
});
export type FollowDecision = v.InferOutput<typeof FollowDecisionSchema>;

const FlaggedReplySchema = v.object({
  replyId: PostIdSchema,
  /** The school's post replied to; null when X's page did not say (a reply seen in Notifications). */
  postId: v.nullable(PostIdSchema),
  /** The reply's own address on X, built from its id and its author's handle. */
  link: v.pipe(v.string(), v.url(), v.startsWith('https://x.com/')),
  rules: v.array(v.picklist(RULE_IDS)),
  at: MomentSchema,
});
export type FlaggedReply = v.InferOutput<typeof FlaggedReplySchema>;

interface ModerationSchema extends DBSchema {
  followDecisions: { key: number; value: FollowDecision; indexes: { at: string } };
  flaggedReplies: { key: string; value: FlaggedReply; indexes: { at: string } };
  /** Ids of replies the administrator marked hidden: never listed again, whoever reports them. */
  hiddenReplies: { key: string; value: { replyId: string } };
}

export type ModerationDatabase = IDBPDatabase<ModerationSchema>;

export function openModerationDatabase(): Promise<ModerationDatabase> {
  return openDB<ModerationSchema>(MODERATION_DATABASE_NAME, MODERATION_DATABASE_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('followDecisions', { autoIncrement: true }).createIndex('at', 'at');
        db.createObjectStore('flaggedReplies', { keyPath: 'replyId' }).createIndex('at', 'at');
      }
      if (oldVersion < 2) db.createObjectStore('hiddenReplies', { keyPath: 'replyId' });
    },
  });
}

export async function recordFollowDecision(db: ModerationDatabase, decision: FollowDecision): Promise<void> {
  await db.add('followDecisions', v.parse(FollowDecisionSchema, decision));
}

/** Newest first. */
export async function listFollowDecisions(db: ModerationDatabase): Promise<FollowDecision[]> {
  return (await db.getAllFromIndex('followDecisions', 'at')).reverse();
}

/**
 * Adds replies not yet listed and not marked hidden; one already listed keeps its first flagging
 * time. Returns the ids marked hidden among them.
 */
export async function recordFlaggedReplies(db: ModerationDatabase, replies: readonly FlaggedReply[]): Promise<Set<string>> {
  const parsed = replies.map((reply) => v.parse(FlaggedReplySchema, reply));
  const tx = db.transaction(['flaggedReplies', 'hiddenReplies'], 'readwrite');
  const flagged = tx.objectStore('flaggedReplies');
  const hidden = new Set<string>();
  for (const reply of parsed) {
    if ((await tx.objectStore('hiddenReplies').getKey(reply.replyId)) !== undefined) hidden.add(reply.replyId);
    else if ((await flagged.getKey(reply.replyId)) === undefined) await flagged.add(reply);
  }
  await tx.done;
  return hidden;
}

/** Newest first. */
export async function listFlaggedReplies(db: ModerationDatabase): Promise<FlaggedReply[]> {
  return (await db.getAllFromIndex('flaggedReplies', 'at')).reverse();
}

/** The administrator hid (or deleted) the reply on X: it leaves the list for good. */
export async function removeFlaggedReply(db: ModerationDatabase, replyId: string): Promise<void> {
  const id = v.parse(PostIdSchema, replyId);
  const tx = db.transaction(['flaggedReplies', 'hiddenReplies'], 'readwrite');
  await tx.objectStore('flaggedReplies').delete(id);
  await tx.objectStore('hiddenReplies').put({ replyId: id });
  await tx.done;
}
