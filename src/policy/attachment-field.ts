/** The text of an attachment that a finding's range points into (its name, alt text, a metadata field, a line read from it). */
import type { Attachment, FindingTarget } from './types';

export function attachmentFieldText(attachment: Attachment | undefined, target: Extract<FindingTarget, { kind: 'attachment' }>): string | undefined {
  switch (target.part) {
    case 'name': return attachment?.name;
    case 'alt': return attachment?.alt;
    case 'metadata': return attachment?.metadataText?.[target.entry ?? 0];
    case 'pixels': return attachment?.photoText?.[target.entry ?? 0]?.text;
  }
}
