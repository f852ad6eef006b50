import { messageText, type MessageKey } from '../message-text';
import { defineRule, type RuleFinding } from '../rule';

const messages = {
  gps: 'rule_location_gps',
  fix: 'rule_location_fix',
} satisfies Record<string, MessageKey>;

export const rule = defineRule({
  meta: {
    id: 'location',
    defaultLevel: 'warn',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_personal_information',
    messages,
  },
  check(draft) {
    return draft.attachments.flatMap((attachment, index): RuleFinding[] =>
      attachment.gps
        ? [{ severity: 'block', start: 0, end: 0, target: { kind: 'attachment', index, part: 'metadata' }, message: messageText(messages.gps), fix: messageText(messages.fix) }]
        : [],
    );
  },
});
