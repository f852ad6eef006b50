import { messageText, type MessageKey } from '../message-text';
import { defineRule, type RuleFinding } from '../rule';

const MAX_GENERAL_POSTS_A_WEEK = 2;

const messages = {
  tooMany: 'rule_posting_cadence_too_many',
  fix: 'rule_posting_cadence_fix',
} satisfies Record<string, MessageKey>;

export const rule = defineRule({
  meta: {
    id: 'posting-cadence',
    defaultLevel: 'warn',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_posting_cadence',
    messages,
    // Special events and residential trips are exempt: staff say which this post is.
    aside: 'post-kind',
  },
  check(draft, context) {
    const { prefix } = context;
    // Special events and residential trips are exempt.
    if (!prefix || (draft.kind ?? 'general') !== 'general') return [];
    // A joint post counts for every class it names: each class at its limit is marked where it is named.
    const counted = new Set<string>();
    return prefix.parts.flatMap((part): RuleFinding[] => {
      if (!part.isClass || counted.has(part.name)) return [];
      counted.add(part.name);
      const count = draft.postsThisWeek?.[part.name] ?? 0;
      if (count < MAX_GENERAL_POSTS_A_WEEK) return [];
      return [
        {
          severity: 'block',
          start: part.start,
          end: part.end,
          target: { kind: 'text' },
          message: messageText(messages.tooMany, part.name, count),
          fix: messageText(messages.fix),
        },
      ];
    });
  },
});
