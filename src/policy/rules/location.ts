import { defineRule, type RuleFinding } from '../rule';

const messages = {
  gps: 'This photo records where it was taken (GPS position), which could show where a child lives or is.',
  fix: 'Remove the location from the photo (or turn off location in the camera) before posting.',
};

export const rule = defineRule({
  meta: {
    id: 'location',
    defaultLevel: 'warn',
    levels: ['off', 'warn', 'block'],
    policySentence: "I will not give out my own or other people's personal information, including: name, phone number, home address, interests, schools or clubs.",
    messages,
  },
  check(draft) {
    return draft.attachments.flatMap((attachment, index): RuleFinding[] =>
      attachment.gps
        ? [{ severity: 'block', start: 0, end: 0, target: { kind: 'attachment', index, part: 'metadata' }, message: messages.gps, fix: messages.fix }]
        : [],
    );
  },
});
