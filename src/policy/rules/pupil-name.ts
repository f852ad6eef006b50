import { withDigitDisguisedNames } from '../digit-disguise';
import { findPupilNames } from '../names/find-pupil-names';
import { defineRule, formatMessage, type RuleFinding } from '../rule';

const messages = {
  name: '“{{text}}” looks like a pupil’s name: {{reason}}. Posts must not name children.',
  misspelling: '“{{text}}” is very close to a pupil’s name: {{reason}}. Posts must not name children.',
  fixBlock: 'Remove the name, or describe the child without naming them (for example “one of our readers”).',
  fixWarn: 'If this is not a pupil’s name you can go on; otherwise remove it.',
};

export const rule = defineRule({
  meta: {
    id: 'pupil-name',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'To ensure compliance with our Data Protection Policy, names of specific children will not be included in any Tweets.',
    messages,
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
        message: formatMessage(match.kind === 'misspelling' ? messages.misspelling : messages.name, { text: draft.text.slice(match.start, match.end), reason: match.reason }),
        fix: match.severity === 'block' ? messages.fixBlock : messages.fixWarn,
        ...(match.offer ? { neverANameOffer: draft.text.slice(match.offer.start, match.offer.end) } : {}),
      }),
    );
  },
});
