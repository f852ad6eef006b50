import type { PolicyRule } from '../rule';
import type { Finding } from '../types';

const messages = {
  gps: 'This photo records where it was taken (GPS position), which could show where a child lives or is.',
  fix: 'Remove the location from the photo (or turn off location in the camera) before posting.',
};

export const rule: PolicyRule = {
  meta: {
    id: 'location',
    defaultLevel: 'warn',
    policySentence: 'It will also outline the necessary steps taken to ensure online safety when using this communication tool.',
    messages,
  },
  check(draft) {
    return draft.attachments.flatMap((attachment, index): Finding[] =>
      attachment.gps
        ? [{ rule: 'location', severity: 'block', start: 0, end: 0, target: { kind: 'attachment', index, part: 'metadata' }, message: messages.gps, fix: messages.fix }]
        : [],
    );
  },
};
