import { closestClassName, firstWordStart, wordEnd } from '../class-prefix';
import { originalRange } from '../normalise';
import { messageText, type MessageKey } from '../message-text';
import { defineRule } from '../rule';

const messages = {
  missing: 'rule_class_prefix_missing',
  fixClosest: 'rule_class_prefix_fix_closest',
  fixAny: 'rule_class_prefix_fix_any',
} satisfies Record<string, MessageKey>;

export const rule = defineRule({
  meta: {
    id: 'class-prefix',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_class_name_first',
    messages,
  },
  check(draft, context) {
    if ((draft.placement ?? 'opening') !== 'opening') return [];
    if (context.prefix || (draft.text.trim() === '' && draft.attachments.length === 0)) return [];
    const { text } = context.normalisedText;
    // Mark the first word, where the class name should be.
    const start = Math.max(0, firstWordStart(text));
    const range = originalRange(context.normalisedText, start, wordEnd(text, start));
    const closest = closestClassName(context.policy.classPrefixes, context.normalisedText);
    const example = context.policy.snapshot.classes[0]?.name ?? 'Year 5';
    return [
      {
        severity: 'block',
        ...range,
        target: { kind: 'text' },
        message: messageText(messages.missing),
        fix: closest ? messageText(messages.fixClosest, closest) : messageText(messages.fixAny, example),
      },
    ];
  },
});
