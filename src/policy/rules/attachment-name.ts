import { withDigitDisguisedNames } from '../digit-disguise';
import { findPupilNames } from '../names/find-pupil-names';
import { normaliseText } from '../normalise';
import { defineRule, formatMessage, type RuleFinding } from '../rule';
import type { FindingTarget } from '../types';

const messages = {
  name: 'The attachment’s {{part}} contains “{{text}}”, which looks like a pupil’s name ({{reason}}).',
  fixName: 'Rename the file before attaching it (for example “IMG_0042.jpg”).',
  fixAlt: 'Describe the picture without naming the child.',
  fixMetadata: 'Remove the name from the photo’s details (title, description, tags) or export the photo without them.',
};

const PART_WORDS = { name: 'file name', alt: 'description (alt text)', metadata: 'embedded details' } as const;
const FIXES = { name: messages.fixName, alt: messages.fixAlt, metadata: messages.fixMetadata } as const;

export const rule = defineRule({
  meta: {
    id: 'attachment-name',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'To ensure compliance with our Data Protection Policy, names of specific children will not be included in any Tweets.',
    messages,
  },
  check(draft, context) {
    const findings: RuleFinding[] = [];
    draft.attachments.forEach((attachment, index) => {
      const fields: [string, Extract<FindingTarget, { kind: 'attachment' }>][] = [
        [attachment.name, { kind: 'attachment', index, part: 'name' }],
        [attachment.alt, { kind: 'attachment', index, part: 'alt' }],
        ...(attachment.metadataText ?? []).map((text, entry): [string, Extract<FindingTarget, { kind: 'attachment' }>] => [text, { kind: 'attachment', index, part: 'metadata', entry }]),
      ];
      for (const [text, target] of fields) {
        if (!text) continue;
        // A file name and metadata (titles, keywords) have no sentences: a name in lower case counts there too.
        const normalised = normaliseText(text);
        const options = { keywords: target.part !== 'alt' };
        for (const match of withDigitDisguisedNames(context.policy.names, normalised, options, findPupilNames(context.policy.names, normalised, options))) {
          findings.push({
            severity: match.severity,
            start: match.start,
            end: match.end,
            target,
            message: formatMessage(messages.name, { part: PART_WORDS[target.part], text: text.slice(match.start, match.end), reason: match.reason }),
            fix: FIXES[target.part],
          });
        }
      }
    });
    return findings;
  },
});
