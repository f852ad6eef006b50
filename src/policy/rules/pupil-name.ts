import { withDigitDisguisedNames } from '../digit-disguise';
import { findPupilNames } from '../names/find-pupil-names';
import { messageText, type MessageKey } from '../message-text';
import { defineRule, type RuleFinding } from '../rule';

const messages = {
  name: 'rule_pupil_name_name',
  misspelling: 'rule_pupil_name_misspelling',
  names: 'rule_pupil_name_names',
  misspellings: 'rule_pupil_name_misspellings',
  fixBlock: 'rule_pupil_name_fix_block',
  fixWarn: 'rule_pupil_name_fix_warn',
} satisfies Record<string, MessageKey>;

export const rule = defineRule({
  meta: {
    id: 'pupil-name',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_names_of_children',
    messages,
    together: { [messages.name]: messages.names, [messages.misspelling]: messages.misspellings },
    checksReplies: true,
  },
  check(draft, context) {
    const options = { from: context.prefix?.foldedEnd ?? 0 };
    const plain = findPupilNames(context.policy.names, context.normalisedText, options);
    const matches = withDigitDisguisedNames(context.policy.names, context.normalisedText, options, plain);
    return matches.map(
      (match): RuleFinding => ({
        severity: match.severity,
        start: match.start,
        end: match.end,
        target: { kind: 'text' },
        message: messageText(match.kind === 'misspelling' ? messages.misspelling : messages.name, draft.text.slice(match.start, match.end), match.reason),
        fix: messageText(match.severity === 'block' ? messages.fixBlock : messages.fixWarn),
        ...(match.offer ? { neverANameOffer: draft.text.slice(match.offer.start, match.offer.end) } : {}),
      }),
    );
  },
});
