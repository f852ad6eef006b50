import { closestClassName, firstWordStart, wordEnd } from '../class-prefix';
import { originalRange } from '../normalise';
import { defineRule, formatMessage } from '../rule';

const messages = {
  missing: 'Posts must begin with the class name.',
  fixClosest: 'Did you mean “{{name}}”? Start the post with “{{name}}:”.',
  fixAny: 'Start the post with your class name, for example “{{name}}:”.',
};

export const rule = defineRule({
  meta: {
    id: 'class-prefix',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'All posts will begin with the class name to help signpost followers to relevant information, though we hope users will enjoy looking at all the learning shared on our feed.',
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
        message: messages.missing,
        fix: closest ? formatMessage(messages.fixClosest, { name: closest }) : formatMessage(messages.fixAny, { name: example }),
      },
    ];
  },
});
