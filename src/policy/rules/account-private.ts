import { defineRule } from '../rule';

const messages = {
  public: 'The school account is public: anyone on X can see this post, not only the families who follow the school. The policy requires a private account.',
  unknown: 'School Post Guard cannot tell whether the school account is private: X’s page does not show it. Check the setting before posting.',
  fix: 'In X, open Settings → Privacy and safety → Audience and tagging → Protect your posts.',
};

export const rule = defineRule({
  meta: {
    id: 'account-private',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: "{{Account}} will be a private account, searchable through the Twitter website. This means that the account's tweets are protected and only confirmed followers will have access to its tweets and profile.",
    messages,
  },
  check(draft) {
    // Once per post (a thread goes out together); a direct message's reader does not depend on it.
    if ((draft.placement ?? 'opening') !== 'opening' || draft.accountAudience === undefined || draft.accountAudience === 'protected') return [];
    // What the page does not show is said, never guessed: a warning, not a pass.
    const severity = draft.accountAudience === 'public' ? 'block' : 'warn';
    return [{ severity, start: 0, end: 0, target: { kind: 'text' }, message: severity === 'block' ? messages.public : messages.unknown, fix: messages.fix }];
  },
});
