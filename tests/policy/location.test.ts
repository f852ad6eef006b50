import type { Attachment } from '../../src/policy/types';
import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

const photo = (gps: Attachment['gps']): Attachment => ({ name: 'IMG_1.jpg', alt: '', type: 'image/jpeg', gps });

ruleTester('location', {
  valid: [
    { text: 'Oak: Trip.', attachments: [photo(null)], confirmed: ['photo-consent'] },
    { text: 'Oak: Trip.', attachments: [{ name: 'IMG_1.jpg', alt: '', type: 'image/jpeg' }] },
    { text: 'Oak: Trip.', attachments: [photo({ latitude: 51.8, longitude: -0.4 })], confirmed: ['location'], note: 'warning acknowledged' },
  ],
  invalid: [
    { text: 'Oak: Trip.', attachments: [photo({ latitude: 51.8, longitude: -0.4 })], findings: [{ marks: '', severity: 'warn', target: { index: 0, part: 'metadata' }, says: 'GPS' }] },
    { text: 'Oak: Trip.', attachments: [photo({ latitude: 51.8, longitude: -0.4 })], policy: testPolicy({ rules: { location: 'block' } }), findings: [{ marks: '', severity: 'block' }], note: 'the ICT lead made it a block' },
  ],
});
