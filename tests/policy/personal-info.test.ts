import { findPhoneNumbersWithLibrary } from '../../src/policy/phone-numbers';
import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

const SCHOOL = { schoolPhones: ['01582 123456'], schoolEmails: ['Admin@redbournprimary.co.uk'] };

const tables = {
  valid: [
    { text: 'Oak: Questions? Call the office on 01582 123456.', policy: testPolicy(SCHOOL), note: 'the school’s own number' },
    { text: 'Oak: Questions? Call the office on +44 1582 123456.', policy: testPolicy(SCHOOL), note: 'the same number, international' },
    { text: 'Oak: Email Admin@redbournprimary.co.uk', policy: testPolicy(SCHOOL) },
    { text: 'Oak: email admin@REDBOURNPRIMARY.co.uk', policy: testPolicy(SCHOOL) },
    'Oak: We scored 12 out of 20.',
    'Year 6: Our 2015-2016 results.',
    'Oak: Trip on 12/03/2025, back at 3:15.',
    'Oak: 300 children ran 1500 metres.',
    'Oak: Thanks @PrimaryRedbourn followers',
    'Year 6: Room 12 is on the Top Road corridor',
    'Oak: Happy birthday to our school, 150 years old!',
    'Oak: The year 2024 in pictures',
    'Owls: On 12 03 2024 we went to the zoo.',
    'Owls: Home at 10:30 or 15.45.',
    'Owls: We won 3 2 and then 4 1 3.',
    'Owls: We raised £1,250.50 in 2024.',
    'Year 5: Year 5 and Year 6 ran 7,500 steps.',
    'Owls: Scores: 12-10, 8-6, 21-19.',
    'Owls: 100 200 300 400 children came.',
    'Owls: Count with us: 1 2 3 4 5 6 7 8 9 10',
    'Owls: Classes 7 1999 2000 2001',
  ],
  invalid: [
    { text: 'Year 5: Questions? Ring me on 07700 900456', findings: [{ marks: '07700 900456', says: 'phone number' }] },
    { text: 'Oak: Call +44 7700 900456 now', findings: [{ marks: '+44 7700 900456' }] },
    { text: 'Oak: In France: +33 1 23 45 67 89', findings: [{ marks: '+33 1 23 45 67 89' }] },
    { text: 'Oak: Or 020 7946 0018', findings: [{ marks: '020 7946 0018' }] },
    { text: 'Oak: Email jo.bloggs@gmail.com', findings: [{ marks: 'jo.bloggs@gmail.com', says: 'e-mail' }] },
    { text: 'Oak: Email Admin@redbournprimary.co.uk', findings: [{ marks: 'Admin@redbournprimary.co.uk' }], note: 'school address not configured' },
    { text: 'Oak: Drop it at AL3 8AB', findings: [{ marks: 'AL3 8AB', says: 'postcode' }] },
    { text: 'Oak: Party at 12 Acacia Avenue', findings: [{ marks: '12 Acacia Avenue', says: 'home address' }] },
    { text: 'Oak: DOB: 03/04/2016', findings: [{ marks: '03/04/2016', says: 'date of birth' }] },
    { text: 'Oak: born on 12th March 2016', findings: [{ marks: '12th March 2016' }] },
    { text: 'Oak: Date of birth 1 June 2017', findings: [{ marks: '1 June 2017' }] },
    { text: 'Oak: Her birthday is 12/03/2016', findings: [{ marks: '12/03/2016' }] },
    // Full-width and spaced digits, dashes, a UK mobile without its 0, a full-width @.
    { text: 'Owls: ring ０７７００ ９００４５６', findings: [{ marks: '０７７００ ９００４５６' }] },
    { text: 'Owls: ring 7700 900456', findings: [{ marks: '7700 900456' }] },
    { text: 'Owls: ring 0 7 7 0 0 9 0 0 4 5 6', findings: [{ marks: '0 7 7 0 0 9 0 0 4 5 6' }] },
    { text: 'Owls: ring 07700–900–456', findings: [{ marks: '07700–900–456' }] },
    { text: 'Owls: ring 07700\u200B900456', findings: [{ marks: '07700\u200B900456' }], note: 'a zero-width space inside' },
    { text: 'Owls: contact mum＠gmail.com', findings: [{ marks: 'mum＠gmail.com', says: 'e-mail' }] },
    { text: 'Owls: contact ｍｕｍ＠ｇｍａｉｌ．ｃｏｍ', findings: [{ marks: 'ｍｕｍ＠ｇｍａｉｌ．ｃｏｍ' }] },
  ],
};

// The built-in pattern (the content script) and the library (background, CLI) must agree on these.
ruleTester('personal-info', tables);
ruleTester('personal-info', {
  valid: tables.valid.map((entry) => (typeof entry === 'string' ? { text: entry, policy: testPolicy({}, undefined, { findPhoneNumbers: findPhoneNumbersWithLibrary }) } : { ...entry, policy: testPolicy(SCHOOL, undefined, { findPhoneNumbers: findPhoneNumbersWithLibrary }) })),
  invalid: tables.invalid.map((entry) => ({ ...entry, policy: testPolicy({}, undefined, { findPhoneNumbers: findPhoneNumbersWithLibrary }) })),
});
