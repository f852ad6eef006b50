import type { Attachment } from '../../src/policy/types';
import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

const photo: Attachment = { name: 'IMG_0044.JPG', alt: '', type: 'image/jpeg' };
const video: Attachment = { name: 'clip.mp4', alt: '', type: 'video/mp4' };
const pdf: Attachment = { name: 'letter.pdf', alt: '', type: 'application/pdf' };

ruleTester('photo-consent', {
  valid: [
    { text: 'Willow: No pictures today.', note: 'Willow has a pupil without consent, but nothing is attached' },
    { text: 'Oak: Forest school.', attachments: [photo], note: 'everyone in Oak has consent' },
    { text: 'Willow: Forest school.', attachments: [photo], confirmed: ['photo-consent'], note: 'staff confirmed' },
    { text: 'Willow: Letter home.', attachments: [pdf], note: 'not a photo or video' },
    { text: 'Willow: Forest school.', attachments: [photo], policy: testPolicy({ rules: { 'photo-consent': 'off' } }) },
    { text: 'Oak and Owls: Forest school.', attachments: [photo], note: 'both classes have consent for everyone' },
    { text: 'Oak: Forest school and Willow trees.', attachments: [photo], note: 'a class word later in the post is not the opening' },
  ],
  invalid: [
    { text: 'Willow: Forest school.', attachments: [photo], findings: [{ marks: 'IMG_0044.JPG', target: { index: 0, part: 'name' }, says: 'Some pupils in Willow do not have photo consent' }] },
    { text: 'Willow: Our play.', attachments: [pdf, video], findings: [{ marks: 'clip.mp4', target: { index: 1 } }] },
    { text: 'Willow: Forest school.', attachments: [{ name: 'forest.heic', alt: '', type: '' }], findings: [{ marks: 'forest.heic' }], note: 'type unknown, photo by extension' },
    { text: 'Willow: Forest school.', attachments: [{ name: 'photo.HEIC', alt: '', type: 'application/octet-stream' }], findings: [{ marks: 'photo.HEIC' }], note: 'a generic type: photo by extension' },
    { text: 'Willow: Forest school.', attachments: [{ name: 'clip.MOV', alt: '', type: 'binary/octet-stream' }], findings: [{ marks: 'clip.MOV' }] },
    { text: 'Great day out!', attachments: [photo], findings: [{ marks: 'IMG_0044.JPG', says: 'pupils in the school' }], note: 'no class: the whole school counts' },
    { text: 'Willow: Forest school.', attachments: [photo], confirmed: ['hashtag'], findings: [{ marks: 'IMG_0044.JPG' }], note: 'another confirmation does not lift it' },
    // A joint post may show any pupil of every class it names.
    { text: 'Oak and Willow: Forest school.', attachments: [photo], findings: [{ marks: 'IMG_0044.JPG', says: 'Some pupils in Oak and Willow do not have photo consent' }], note: 'Willow named second' },
    { text: 'Oak & Willow – Forest school.', attachments: [photo], findings: [{ marks: 'IMG_0044.JPG', says: 'Oak and Willow' }] },
    { text: 'Oak, Year 6 and Willow classes: sports day', attachments: [photo], findings: [{ marks: 'IMG_0044.JPG', says: 'Oak, Year 6 and Willow' }] },
    { text: 'Oak and Whole School: Harvest.', attachments: [photo], policy: testPolicy({ extraPrefixes: ['Whole School'] }), findings: [{ marks: 'IMG_0044.JPG', says: 'pupils in the school' }], note: 'an extra prefix named too: the whole school' },
  ],
});
