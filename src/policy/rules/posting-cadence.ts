import { defineRule, formatMessage } from '../rule';

const MAX_GENERAL_POSTS_A_WEEK = 2;

const messages = {
  tooMany: '{{className}} has already made {{count}} general posts this week; the policy says no more than two.',
  fix: 'If this is a special event or a residential trip, mark it as one; otherwise keep it for next week.',
};

export const rule = defineRule({
  meta: {
    id: 'posting-cadence',
    defaultLevel: 'warn',
    levels: ['off', 'warn', 'block'],
    policySentence: 'Each week, every class will post at least one, and no more than two, general posts.',
    messages,
    // Special events and residential trips are exempt: staff say which this post is.
    aside: 'post-kind',
  },
  check(draft, context) {
    const { prefix } = context;
    // Special events and residential trips are exempt.
    if (!prefix?.isClass || (draft.kind ?? 'general') !== 'general') return [];
    const count = draft.postsThisWeek?.[prefix.className] ?? 0;
    if (count < MAX_GENERAL_POSTS_A_WEEK) return [];
    return [
      {
        severity: 'block',
        start: prefix.start,
        end: prefix.end,
        target: { kind: 'text' },
        message: formatMessage(messages.tooMany, { className: prefix.className, count }),
        fix: messages.fix,
      },
    ];
  },
});
