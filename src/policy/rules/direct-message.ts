import { messageText, type MessageKey } from '../message-text';
import { defineRule } from '../rule';

const messages = {
  message: 'rule_direct_message_message',
  fix: 'rule_direct_message_fix',
} satisfies Record<string, MessageKey>;

export const rule = defineRule({
  meta: {
    id: 'direct-message',
    defaultLevel: 'warn',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_no_private_discussions',
    messages,
  },
  check(draft) {
    if (draft.placement !== 'message' || (draft.text.trim() === '' && draft.attachments.length === 0)) return [];
    return [{ severity: 'block', start: 0, end: 0, target: { kind: 'text' }, message: messageText(messages.message), fix: messageText(messages.fix) }];
  },
});
