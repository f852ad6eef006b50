// X's own grammar for @mentions, from twitter-text.
import extractMentionsWithIndices from 'twitter-text/dist/extractMentionsWithIndices.js';
import { formatMessage, type PolicyRule } from '../rule';
import type { Finding } from '../types';

const messages = {
  mention: '“{{text}}” mentions another account: the post may then be seen beyond the school’s followers.',
  fix: 'Remove the @ unless the school means to involve that account.',
};

export const rule: PolicyRule = {
  meta: {
    id: 'mention',
    defaultLevel: 'warn',
    policySentence: '@PrimaryRedbourn will not enter into private discussions with others.',
    messages,
  },
  check(draft, context) {
    const own = new Set(context.policy.snapshot.schoolHandles);
    return extractMentionsWithIndices(draft.text)
      .filter(({ screenName }) => !own.has(screenName.toLowerCase()))
      .map(
        ({ indices: [start, end] }): Finding => ({
          rule: 'mention',
          severity: 'block',
          start,
          end,
          target: { kind: 'text' },
          message: formatMessage(messages.mention, { text: draft.text.slice(start, end) }),
          fix: messages.fix,
        }),
      );
  },
};
