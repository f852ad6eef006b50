import { defineRule } from '../rule';

const messages = {
  message: 'This is a direct message from the school account. The policy says the school does not enter into private discussions.',
  fix: 'Ask them to contact the school office instead, or keep this to a short practical reply.',
};

export const rule = defineRule({
  meta: {
    id: 'direct-message',
    defaultLevel: 'warn',
    levels: ['off', 'warn', 'block'],
    policySentence: '{{Account}} will not enter into private discussions with others.',
    messages,
  },
  check(draft) {
    if (draft.placement !== 'message' || (draft.text.trim() === '' && draft.attachments.length === 0)) return [];
    return [{ severity: 'block', start: 0, end: 0, target: { kind: 'text' }, message: messages.message, fix: messages.fix }];
  },
});
