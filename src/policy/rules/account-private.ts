import { messageText, type MessageKey } from '../message-text';
import { defineRule } from '../rule';

const messages = {
  public: 'rule_account_private_public',
  unknown: 'rule_account_private_unknown',
  fix: 'rule_account_private_fix',
} satisfies Record<string, MessageKey>;

export const rule = defineRule({
  meta: {
    id: 'account-private',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_private_account',
    messages,
  },
  check(draft) {
    // Once per post (a thread goes out together); a direct message's reader does not depend on it.
    if ((draft.placement ?? 'opening') !== 'opening' || draft.accountAudience === undefined || draft.accountAudience === 'protected') return [];
    // What the page does not show is said, never guessed: a warning, not a pass.
    const severity = draft.accountAudience === 'public' ? 'block' : 'warn';
    return [{ severity, start: 0, end: 0, target: { kind: 'text' }, message: messageText(severity === 'block' ? messages.public : messages.unknown), fix: messageText(messages.fix) }];
  },
});
