/**
 * The background's side of reply checking: every reply a tab sends is judged, flagged ones carry
 * their rules and words, and the tab's panel follows each reply's latest text (a reply that grew to
 * name a pupil joins it; one checked again keeps one entry; a hidden one never comes back).
 */
import { describe, expect, it } from 'vitest';
import { ReplyChecker, mergeReplyPanel } from '../../src/background/reply-checks';
import { testPolicy } from '../policy/test-policy';

const snapshot = testPolicy().snapshot;
const reply = (replyId: string, text: string) => ({ replyId, author: 'parent', text });

describe('ReplyChecker', () => {
  it('flags what names a pupil or uses a hashtag, and says which replies are fine', () => {
    const verdicts = new ReplyChecker().check(snapshot, '1', [reply('11', 'Well done Ava!'), reply('12', 'Lovely assembly, thank you'), reply('13', 'So proud #proud')]);
    expect(verdicts.clean).toEqual(['12']);
    expect(verdicts.flagged).toEqual([
      { replyId: '11', postId: '1', author: 'parent', rules: ['pupil-name'], words: ['Ava'] },
      { replyId: '13', postId: '1', author: 'parent', rules: ['hashtag'], words: ['#proud'] },
    ]);
  });
});

describe('mergeReplyPanel', () => {
  const checker = new ReplyChecker();
  const first = mergeReplyPanel([], checker.check(snapshot, '1', [reply('11', 'Well done Ava!'), reply('12', 'What a lovely morning and')]), new Set());

  it('adds a reply whose text grew to name a pupil, and keeps one entry for a reply checked again', () => {
    const grown = mergeReplyPanel(first, checker.check(snapshot, '1', [reply('12', 'What a lovely morning and Mason read his poem'), reply('11', 'Well done Ava! #proud')]), new Set());
    expect(grown.map((entry) => [entry.replyId, entry.words])).toEqual([['12', ['Mason']], ['11', ['Ava', '#proud']]]);
  });

  it('drops a reply that now says nothing wrong, and never lists one marked hidden', () => {
    expect(mergeReplyPanel(first, checker.check(snapshot, '1', [reply('11', 'Well done all!')]), new Set())).toEqual([]);
    expect(mergeReplyPanel([], checker.check(snapshot, '1', [reply('11', 'Well done Ava!')]), new Set(['11']))).toEqual([]);
  });
});
