import { describe, expect, test } from 'vitest';
import { classNameKey } from '../../src/policy/class-prefix';
import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

const withSettings = testPolicy({ classes: [{ name: 'Oak', aliases: ['Oaks', 'Oak Tree'] }], extraPrefixes: ['Whole School', 'PTA'] });

ruleTester('class-prefix', {
  valid: [
    'Oak: A day in the woods.',
    'OAK: A day in the woods.',
    'oak class: a day in the woods',
    '🌳 Oak class - A day in the woods.',
    '  🌳✨ Oak – A day in the woods.',
    'Oak, a day in the woods.',
    'Oak A day in the woods.',
    'Oak\nA day in the woods.',
    'Oak',
    'Willow Class: We planted a tree.',
    'Year 6: Sports day.',
    'year 6 - sports day',
    'Y6: Sports day.',
    'Yr 6: Sports day.',
    'Year6: Sports day.',
    'YR6 - sports day',
    'Owls: Ówls are accents-free.',
    { text: 'Oaks: Acorns everywhere.', policy: withSettings, note: 'alias from the settings' },
    { text: 'Oak Tree: Acorns everywhere.', policy: withSettings },
    { text: 'Whole School: Harvest festival.', policy: withSettings, note: 'extra prefix' },
    { text: 'PTA - cake sale on Friday', policy: withSettings },
    { text: '', note: 'nothing to post' },
    { text: 'Next week: draughts.', placement: 'continuation', note: 'a later post of a thread carries on under the first post’s class name' },
    { text: 'Thanks, see you on Monday', placement: 'message', note: 'a direct message is not a post to the feed' },
  ],
  invalid: [
    { text: 'Fantastic singing in assembly today!', findings: [{ marks: 'Fantastic', says: 'Start the post with your class name' }] },
    { text: 'Hedgehog: typo in the class name', findings: [{ marks: 'Hedgehog', says: 'Did you mean “Hedgehogs”' }] },
    { text: 'Oakley Farm visit', findings: [{ marks: 'Oakley' }], note: 'not "Oak" followed by a boundary' },
    { text: 'Oaks: Acorns everywhere.', findings: [{ marks: 'Oaks' }], note: 'alias not configured here' },
    { text: 'Year 61: sports', findings: [{ marks: 'Year' }] },
    { text: 'Y5: sports', findings: [{ marks: 'Y5' }], note: 'no Year 5 class here' },
    { text: 'We went out. Oak: A day in the woods.', findings: [{ marks: 'We' }], note: 'the class name must come first' },
    { text: 'Whole School: Harvest festival.', findings: [{ marks: 'Whole' }], note: 'extra prefix not configured' },
    { text: '', attachments: [{ name: 'IMG_1.jpg', alt: '', type: 'image/jpeg' }], findings: [{ marks: '' }], note: 'a photo with no text' },
    { text: 'Great day out!', placement: 'opening', findings: [{ marks: 'Great' }], note: 'the opening post of a thread' },
  ],
});

describe('classNameKey: one key for every way the roster and settings write a class', () => {
  test.each([
    ['Willow', 'willow'],
    ['Willow Class', 'willow'],
    ['  WILLOW   class ', 'willow'],
    ['Year  6', 'year 6'],
    ['Chênes', 'chenes'],
    ['Class', 'class'],
  ])('%j → %j', (name, key) => {
    expect(classNameKey(name)).toBe(key);
  });
});
