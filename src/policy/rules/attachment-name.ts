import { withDigitDisguisedNames } from '../digit-disguise';
import { findPupilNames } from '../names/find-pupil-names';
import { normaliseText } from '../normalise';
import { messageText, type MessageKey } from '../message-text';
import { defineRule, type RuleFinding } from '../rule';
import type { FindingTarget } from '../types';

const messages = {
  name: 'rule_attachment_name_file_name',
  alt: 'rule_attachment_name_alt',
  metadata: 'rule_attachment_name_metadata',
  names: 'rule_attachment_name_file_names',
  alts: 'rule_attachment_name_alt_names',
  metadataNames: 'rule_attachment_name_metadata_names',
  fixName: 'rule_attachment_name_fix_name',
  fixAlt: 'rule_attachment_name_fix_alt',
  fixMetadata: 'rule_attachment_name_fix_metadata',
  // What was read is never repeated here: this message travels through x.com's page, the photo's
  // text is shown only in the extension's own frame.
  pixels: 'rule_attachment_name_pixels',
  fixPixels: 'rule_attachment_name_fix_pixels',
} satisfies Record<string, MessageKey>;

type TextPart = Exclude<Extract<FindingTarget, { kind: 'attachment' }>['part'], 'pixels'>;
type TextTarget = Extract<FindingTarget, { kind: 'attachment' }> & { part: TextPart };
// One sentence per part (not a part's name filled into one sentence), so each reads whole in any language.
const SENTENCES = { name: messages.name, alt: messages.alt, metadata: messages.metadata } satisfies Record<TextPart, MessageKey>;
const FIXES = { name: messages.fixName, alt: messages.fixAlt, metadata: messages.fixMetadata } satisfies Record<TextPart, MessageKey>;

export const rule = defineRule({
  meta: {
    id: 'attachment-name',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_names_of_children',
    messages,
    together: { [messages.name]: messages.names, [messages.alt]: messages.alts, [messages.metadata]: messages.metadataNames },
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
            message: messageText(messages.pixels, match.reason),
            fix: messageText(messages.fixPixels),
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
            message: messageText(SENTENCES[target.part], text.slice(match.start, match.end), match.reason),
            fix: messageText(FIXES[target.part]),
          });
        }
      }
    });
    return findings;
  },
});
