import { listOfNames } from '../class-prefix';
import { messageText, type MessageKey } from '../message-text';
import { defineRule } from '../rule';
import type { Attachment } from '../types';

const messages = {
  // Never a name or a count: the list of pupils is shown in the extension's own page, not on x.com.
  classMissing: 'rule_photo_consent_class_missing',
  schoolMissing: 'rule_photo_consent_school_missing',
  fix: 'rule_photo_consent_fix',
} satisfies Record<string, MessageKey>;

const MEDIA_EXTENSION = /\.(?:jpe?g|png|gif|webp|heic|heif|avif|bmp|tiff?|mp4|mov|m4v|webm|avi)$/i;

/** By its type; when the type says nothing of the kind ("", application/octet-stream…), by its file name. */
function isPhotoOrVideo(attachment: Attachment): boolean {
  return /^(?:image|video)\//i.test(attachment.type) || MEDIA_EXTENSION.test(attachment.name.trim());
}

export const rule = defineRule({
  meta: {
    id: 'photo-consent',
    // Blocks until staff confirm: the policy has no exception here, the check is staff's to make.
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_photo_permission',
    messages,
    // Staff check the photos against the list shown beside them: one deliberate click.
    confirmation: { kind: 'click', prompt: 'rule_photo_consent_confirm_prompt' },
    // About these photos and the class whose list was shown: another photo or class asks again.
    confirmationScope: ['photos', 'class'],
    aside: 'pupils-without-consent',
  },
  check(draft, context) {
    const index = draft.attachments.findIndex(isPhotoOrVideo);
    if (index < 0) return [];
    const { byClass, total } = context.policy.withoutPhotoConsent;
    // An extra prefix ("Whole School") or no prefix: any pupil of the school may be in the picture;
    // a joint post ("Owls and Badgers:") may show any pupil of every class it names.
    const classNames = context.prefix && !context.prefix.wholeSchool ? context.prefix.classNames : [];
    const missing = classNames.length === 0 ? total : classNames.reduce((sum, name) => sum + (byClass.get(name) ?? 0), 0);
    if (missing === 0) return [];
    const attachment = draft.attachments[index] as Attachment;
    return [
      {
        severity: 'block',
        start: 0,
        end: attachment.name.length,
        target: { kind: 'attachment', index, part: 'name' },
        message: classNames.length === 0 ? messageText(messages.schoolMissing) : messageText(messages.classMissing, listOfNames(classNames)),
        fix: messageText(messages.fix),
      },
    ];
  },
});
