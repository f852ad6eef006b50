import { listOfNames } from '../class-prefix';
import { defineRule, formatMessage } from '../rule';
import type { Attachment } from '../types';

const messages = {
  // Never a name or a count: the list of pupils is shown in the extension's own page, not on x.com.
  classMissing: 'Some pupils in {{className}} do not have photo consent. Check the list and confirm none of them can be identified.',
  schoolMissing: 'Some pupils in the school do not have photo consent. Check the list and confirm none of them can be identified.',
  fix: 'Blur or crop out any child without consent, or choose another photo.',
};

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
    policySentence: 'Where permission has not been granted, no photo will be used where that child can be identified.',
    messages,
    // Staff check the photos against the list shown beside them: one deliberate click.
    confirmation: { kind: 'click', prompt: 'I have checked: no pupil without photo consent can be identified in these photos or videos.' },
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
        message: classNames.length === 0 ? messages.schoolMissing : formatMessage(messages.classMissing, { className: listOfNames(classNames) }),
        fix: messages.fix,
      },
    ];
  },
});
