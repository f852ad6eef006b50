import { namePhotoLines } from '../../src/policy/photo-text-names';
import type { Attachment } from '../../src/policy/types';
import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

const photo = (name: string, alt = '', metadataText?: string[]): Attachment => ({ name, alt, type: 'image/jpeg', ...(metadataText ? { metadataText } : {}) });
const OK: ['photo-consent'] = ['photo-consent'];
const BOX = { x: 0.2, y: 0.4, width: 0.5, height: 0.1 };
const policy = testPolicy();
/** A photo whose pixels read these lines (OCR), one box each, named as the background names them. */
const reading = (...lines: string[]): Attachment => ({ name: 'IMG_0100.jpg', alt: '', type: 'image/jpeg', photoText: namePhotoLines(policy, lines.map((text) => ({ text, box: BOX }))) });

ruleTester('attachment-name', {
  valid: [
    { text: 'Oak: Art.', attachments: [photo('IMG_0042.JPG', 'Paintings drying on the rack')], confirmed: OK },
    { text: 'Oak: Art.', attachments: [photo('rose_garden.jpg')], confirmed: OK, note: 'an ordinary word in a file name' },
    { text: 'Oak: Art.', attachments: [photo('avalanche-2024.png')], confirmed: OK, note: 'Ava inside a word' },
    { text: 'Oak: Art.', attachments: [photo('DSC01234.JPG', 'Children in the woodland', ['Canon EOS', 'Forest school'])], confirmed: OK },
    { text: 'Oak: Art.', attachments: [photo('P1000123.JPG', '4 teams at 10:30'), photo('IMG20240612_153045.jpg')], confirmed: OK, note: 'camera file names are numbers, not names' },
    { text: 'Oak: Art.', attachments: [photo('maximum_effort.jpg')], confirmed: OK, note: 'Max inside a word' },
    // Text read from a photo: near misses.
    { text: 'Oak: Art.', attachments: [reading('Star of the Week', 'for brilliant effort in maths', 'Mrs Patel')], confirmed: OK, note: 'a certificate with no pupil named' },
    { text: 'Oak: Art.', attachments: [reading('We will plant a rose garden in the summer term', 'Fire exit')], confirmed: OK, note: 'word-names in a sentence on a display' },
    { text: 'Oak: Art.', attachments: [reading('Masons Arms', 'Ameliorate')], confirmed: OK, note: 'a name one letter off inside a longer word is not read as noise' },
    { text: 'Oak: Art.', attachments: [reading('Kaiser Road')], confirmed: OK, note: 'Kai inside a word' },
  ],
  invalid: [
    { text: 'Oak: Art.', attachments: [photo('amelia_hussain.jpg')], confirmed: OK, findings: [{ marks: 'amelia_hussain', target: { index: 0, part: 'name' }, says: 'Rename the file' }] },
    { text: 'Oak: Art.', attachments: [photo('AmeliaHussain.png')], confirmed: OK, findings: [{ marks: 'AmeliaHussain' }] },
    { text: 'Oak: Art.', attachments: [photo('noor-ahmed-sports-day.jpg')], confirmed: OK, findings: [{ marks: 'noor-ahmed' }] },
    { text: 'Oak: Art.', attachments: [photo('Kai2.jpg')], confirmed: OK, findings: [{ marks: 'Kai' }], note: 'digits split the name off' },
    { text: 'Oak: Art.', attachments: [photo('0liver_sm1th.jpg')], confirmed: OK, findings: [{ marks: '0liver_sm1th', says: 'digits' }], note: 'digits for letters' },
    { text: 'Oak: Art.', attachments: [photo('IMG_5.jpg', 'N00r with her medal')], confirmed: OK, findings: [{ marks: 'N00r', target: { index: 0, part: 'alt' } }] },
    { text: 'Oak: Art.', attachments: [photo('IMG_1.jpg'), photo('IMG_2.jpg', 'Kai Marsh with his medal')], confirmed: OK, findings: [{ marks: 'Kai Marsh', target: { index: 1, part: 'alt' }, says: 'description' }] },
    { text: 'Oak: Art.', attachments: [photo('IMG_3.jpg', '', ['Sports day', 'Well done Will'])], confirmed: OK, findings: [{ marks: 'Will', target: { index: 0, part: 'metadata', entry: 1 } }] },
    { text: 'Oak: Art.', attachments: [photo('Grace.jpg')], confirmed: OK, findings: [{ marks: 'Grace', severity: 'warn' }], note: 'an ordinary-word name alone: a warning' },
    // In a file name or a metadata keyword, a lower-case word-name is still worth a look; a full name blocks.
    { text: 'Oak: Art.', attachments: [photo('hope-sports-day.jpg')], confirmed: OK, findings: [{ marks: 'hope', severity: 'warn' }] },
    { text: 'Oak: Art.', attachments: [photo('grace.jpg')], confirmed: OK, findings: [{ marks: 'grace', severity: 'warn' }] },
    { text: 'Oak: Art.', attachments: [photo('IMG_will.jpg')], confirmed: OK, findings: [{ marks: 'will', severity: 'warn' }] },
    { text: 'Oak: Art.', attachments: [photo('grace_young.jpg')], confirmed: OK, findings: [{ marks: 'grace_young' }], note: 'a full name in lower case' },
    { text: 'Oak: Art.', attachments: [photo('grace_brown.jpg')], confirmed: OK, findings: [{ marks: 'grace_brown' }], note: 'a forename and another pupil’s surname' },
    { text: 'Oak: Art.', attachments: [photo('IMG_4.jpg', '', ['sports day; hope'])], confirmed: OK, findings: [{ marks: 'hope', severity: 'warn', target: { part: 'metadata', entry: 0 } }] },
    // Text read from a photo: the line and its box are the target, and the message never repeats what was read.
    { text: 'Oak: Art.', attachments: [reading('Star of the Week', 'Amelia Hussain')], confirmed: OK, findings: [{ marks: 'Amelia Hussain', severity: 'block', target: { index: 0, part: 'pixels', entry: 1, box: BOX }, says: 'frame beside the composer' }], note: 'a certificate’s name line' },
    { text: 'Oak: Art.', attachments: [reading('GRACE')], confirmed: OK, findings: [{ marks: 'GRACE', severity: 'block', says: 'only a name' }], note: 'a peg label: a word-name alone on a line is a name' },
    { text: 'Oak: Art.', attachments: [reading('Hope S.')], confirmed: OK, findings: [{ marks: 'Hope S', severity: 'block', says: 'initial' }], note: 'a forename and the surname’s initial' },
    { text: 'Oak: Art.', attachments: [reading('Maths book', 'Amelia H')], confirmed: OK, findings: [{ marks: 'Amelia H', severity: 'block' }], note: 'an exercise book cover' },
    { text: 'Oak: Art.', attachments: [reading('Amelia Husain')], confirmed: OK, findings: [{ marks: 'Amelia Husain', severity: 'block' }], note: 'one letter lost by OCR in a name of five letters or more' },
    { text: 'Oak: Art.', attachments: [reading('Ameliа Hussaim')], confirmed: OK, findings: [{ marks: 'Ameliа Hussaim', severity: 'block' }], note: 'a look-alike letter and one wrong letter' },
    { text: 'Oak: Art.', attachments: [reading('Well done to Kai for his poem')], confirmed: OK, findings: [{ marks: 'Kai', severity: 'block' }], note: 'a name in a sentence, as in a post' },
  ],
}, policy);
