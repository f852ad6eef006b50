import type { Attachment } from '../../src/policy/types';
import { ruleTester } from './rule-tester';

const photo = (name: string, alt = '', metadataText?: string[]): Attachment => ({ name, alt, type: 'image/jpeg', ...(metadataText ? { metadataText } : {}) });
const OK: ['photo-consent'] = ['photo-consent'];

ruleTester('attachment-name', {
  valid: [
    { text: 'Oak: Art.', attachments: [photo('IMG_0042.JPG', 'Paintings drying on the rack')], confirmed: OK },
    { text: 'Oak: Art.', attachments: [photo('rose_garden.jpg')], confirmed: OK, note: 'an ordinary word in a file name' },
    { text: 'Oak: Art.', attachments: [photo('avalanche-2024.png')], confirmed: OK, note: 'Ava inside a word' },
    { text: 'Oak: Art.', attachments: [photo('DSC01234.JPG', 'Children in the woodland', ['Canon EOS', 'Forest school'])], confirmed: OK },
    { text: 'Oak: Art.', attachments: [photo('P1000123.JPG', '4 teams at 10:30'), photo('IMG20240612_153045.jpg')], confirmed: OK, note: 'camera file names are numbers, not names' },
    { text: 'Oak: Art.', attachments: [photo('maximum_effort.jpg')], confirmed: OK, note: 'Max inside a word' },
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
  ],
});
