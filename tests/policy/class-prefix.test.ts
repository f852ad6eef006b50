import { describe, expect, test } from 'vitest';
import { classNameKey, matchClassPrefix } from '../../src/policy/class-prefix';
import { normaliseText } from '../../src/policy/normalise';
import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

const withSettings = testPolicy({ classes: [{ name: 'Oak', aliases: ['Oaks', 'Oak Tree'] }], extraPrefixes: ['Whole School', 'PTA'] });
const yearGroups = testPolicy({ classes: [{ name: 'Year 3', aliases: [] }, { name: 'Year 4', aliases: [] }, { name: 'Reception', aliases: [] }] });

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
    // Joint posts: every class named in the opening.
    { text: 'Oak: Well done \u202Eyeltrah\u202C', note: 'a direction control after the opening does not move it (text-direction blocks it)' },
    'Owls and Badgers: Sports day!',
    'Owls & Badgers – Sports day!',
    'Owls, Badgers and Hedgehogs: Sports day!',
    'Oak and Willow classes: sports day',
    { text: 'Year 3 and 4: Sports day!', policy: yearGroups },
    { text: 'Years 3 & 4 - Sports day!', policy: yearGroups },
    { text: 'Y3/4: Sports day!', policy: yearGroups },
    { text: 'Reception and Year 3: Sports day!', policy: yearGroups },
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
    { text: 'Ash and Oak: Sports day!', findings: [{ marks: 'Ash' }], note: 'a joint opening still begins with a class' },
    { text: '\u202EOak: Sports day!', findings: [{ marks: 'Oak' }], note: 'a right-to-left override shows "Oak:" at the end' },
    { text: '\u2067Oak\u2069 Sports day!', findings: [{ marks: 'Oak' }], note: 'an isolate may move it too' },
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

describe('matchClassPrefix: a joint opening names every class', () => {
  const policy = testPolicy({ classes: [{ name: 'Year 3', aliases: [] }, { name: 'Year 4', aliases: ['Kestrels'] }], extraPrefixes: ['Whole School'] });
  const match = (text: string) => {
    const found = matchClassPrefix(policy.classPrefixes, normaliseText(text));
    return found && { classNames: found.classNames, wholeSchool: found.wholeSchool, label: found.label, opening: text.slice(found.start, found.end), parts: found.parts.map((part) => text.slice(part.start, part.end)) };
  };

  test.each([
    ['Owls and Badgers: Sports day!', ['Owls', 'Badgers'], 'Owls and Badgers', ['Owls', 'Badgers']],
    ['Owls & Badgers – Sports day!', ['Owls', 'Badgers'], 'Owls & Badgers', ['Owls', 'Badgers']],
    ['🏅 OWLS, BADGERS, and Hedgehogs classes - Sports day!', ['Owls', 'Badgers', 'Hedgehogs'], 'OWLS, BADGERS, and Hedgehogs classes', ['OWLS', 'BADGERS', 'Hedgehogs classes']],
    ['Year 3 and 4: Sports day!', ['Year 3', 'Year 4'], 'Year 3 and 4', ['Year 3', '4']],
    ['Y3/4: Sports day!', ['Year 3', 'Year 4'], 'Y3/4', ['Y3', '4']],
    ['Year 3 and Kestrels: trip', ['Year 3', 'Year 4'], 'Year 3 and Kestrels', ['Year 3', 'Kestrels']],
    ['Owls and owls: a typo', ['Owls'], 'Owls and owls', ['Owls', 'owls']],
    ['Owls and their friends: trip', ['Owls'], 'Owls', ['Owls']],
    ['Owls andBadgers: trip', ['Owls'], 'Owls', ['Owls']],
    ['Year 3 and 40 parents: trip', ['Year 3'], 'Year 3', ['Year 3']],
    ['Oak, a day in the woods', ['Oak'], 'Oak', ['Oak']],
  ])('%j → %j', (text, classNames, opening, parts) => {
    expect(match(text)).toMatchObject({ classNames, wholeSchool: false, opening, parts });
  });

  test('an extra prefix makes it a whole-school post, and every name is in the label', () => {
    expect(match('Whole School and Owls: harvest')).toMatchObject({ classNames: ['Owls'], wholeSchool: true, label: 'Whole School and Owls' });
    expect(match('Owls and Badgers: hi')?.label).toBe('Owls and Badgers');
  });
});
