// X's own grammar for @mentions, from twitter-text.
import extractMentionsWithIndices from 'twitter-text/dist/esm/extractMentionsWithIndices.js';
import { messageText, type MessageKey } from '../message-text';
import { defineRule, type RuleFinding } from '../rule';

const messages = {
  mention: 'rule_mention_mention',
  fix: 'rule_mention_fix',
} satisfies Record<string, MessageKey>;

export const rule = defineRule({
  meta: {
    id: 'mention',
    defaultLevel: 'warn',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_closed_community',
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
          message: messageText(messages.mention, draft.text.slice(start, end)),
          fix: messageText(messages.fix),
        }),
      );
  },
});
