/**
 * The moderation store: a flagged reply is listed once, with ids, a link and rule ids; once marked
 * hidden it leaves the list for good, even when a tab still showing it reports it again.
 */
import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  listFlaggedReplies, openModerationDatabase, recordFlaggedReplies, removeFlaggedReply, type FlaggedReply, type ModerationDatabase,
} from '../../src/background/moderation-store';

const reply = (replyId: string, at = '2026-01-05T09:00:00.000Z'): FlaggedReply => ({
  replyId, postId: '1', link: `https://x.com/parent/status/${replyId}`, rules: ['pupil-name'], at,
});

let db: ModerationDatabase;
beforeEach(async () => {
  db = await openModerationDatabase();
});
afterEach(async () => {
  db.close();
  await deleteDB('school-post-guard-moderation');
});

describe('flagged replies', () => {
  it('lists a reply once, keeping its first flagging time', async () => {
    await recordFlaggedReplies(db, [reply('1001')]);
    await recordFlaggedReplies(db, [reply('1001', '2026-01-06T09:00:00.000Z'), reply('1004')]);
    expect((await listFlaggedReplies(db)).map(({ replyId, at }) => [replyId, at]).sort()).toEqual([
      ['1001', '2026-01-05T09:00:00.000Z'], ['1004', '2026-01-05T09:00:00.000Z'],
    ]);
  });

  it('does not list again a reply marked hidden, and says which were', async () => {
    await recordFlaggedReplies(db, [reply('1001'), reply('1004')]);
    await removeFlaggedReply(db, '1001');
    const hidden = await recordFlaggedReplies(db, [reply('1001'), reply('1004')]);
    expect([...hidden]).toEqual(['1001']);
    expect((await listFlaggedReplies(db)).map((entry) => entry.replyId)).toEqual(['1004']);
  });

  it('keeps no text: a caller’s extra fields are dropped', async () => {
    await recordFlaggedReplies(db, [{ ...reply('1001'), text: 'Well done Grace' } as FlaggedReply]);
    expect(JSON.stringify(await listFlaggedReplies(db))).not.toMatch(/Grace/);
  });
});
