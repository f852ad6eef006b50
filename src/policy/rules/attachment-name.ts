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
  // What was read is never repeated here: this message is shown in x.com's page, the photo's
  // text only in the extension's own frame.
  pixels: 'The photo shows what looks like a pupil’s name ({{reason}}). School Post Guard’s frame beside the composer shows where.',
  fixPixels: 'Choose another photo, or crop or blur the name before attaching the photo.',
};

type TextPart = Exclude<Extract<FindingTarget, { kind: 'attachment' }>['part'], 'pixels'>;
type TextTarget = Extract<FindingTarget, { kind: 'attachment' }> & { part: TextPart };
const PART_WORDS: Record<TextPart, string> = { name: 'file name', alt: 'description (alt text)', metadata: 'embedded details' };
const FIXES: Record<TextPart, string> = { name: messages.fixName, alt: messages.fixAlt, metadata: messages.fixMetadata };

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
      (attachment.photoText ?? []).forEach((line, entry) => {
        for (const match of line.names) {
          findings.push({
            severity: match.severity,
            start: match.start,
            end: match.end,
            target: { kind: 'attachment', index, part: 'pixels', entry, box: line.box },
            message: formatMessage(messages.pixels, { reason: match.reason }),
            fix: messages.fixPixels,
          });
        }
      });
      const fields: [string, TextTarget][] = [
        [attachment.name, { kind: 'attachment', index, part: 'name' }],
        [attachment.alt, { kind: 'attachment', index, part: 'alt' }],
        ...(attachment.metadataText ?? []).map((text, entry): [string, TextTarget] => [text, { kind: 'attachment', index, part: 'metadata', entry }]),
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
