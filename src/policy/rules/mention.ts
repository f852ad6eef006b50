// X's own grammar for @mentions, from twitter-text.
import extractMentionsWithIndices from 'twitter-text/dist/extractMentionsWithIndices.js';
import { defineRule, formatMessage, type RuleFinding } from '../rule';

const messages = {
  mention: '“{{text}}” mentions another account: the post may then be seen beyond the school’s followers.',
  fix: 'Remove the @ unless the school means to involve that account.',
};

export const rule = defineRule({
  meta: {
    id: 'mention',
    defaultLevel: 'warn',
    levels: ['off', 'warn', 'block'],
    policySentence: 'To safeguard our children and staff and to create a closed community which represents a digital extension of our school…',
    messages,
  },
  check(draft, context) {
    const own = new Set(context.policy.snapshot.schoolHandles);
    return extractMentionsWithIndices(draft.text)
      .filter(({ screenName }) => !own.has(screenName.toLowerCase()))
      .map(
        ({ indices: [start, end] }): RuleFinding => ({
          severity: 'block',
          start,
          end,
          target: { kind: 'text' },
          message: formatMessage(messages.mention, { text: draft.text.slice(start, end) }),
          fix: messages.fix,
        }),
      );
  },
});
