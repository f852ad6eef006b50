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
  ],
};

// The built-in pattern (the content script) and the library (background, CLI) must agree on these.
ruleTester('personal-info', tables);
ruleTester('personal-info', {
  valid: tables.valid.map((entry) => (typeof entry === 'string' ? { text: entry, policy: testPolicy({}, undefined, { findPhoneNumbers: findPhoneNumbersWithLibrary }) } : { ...entry, policy: testPolicy(SCHOOL, undefined, { findPhoneNumbers: findPhoneNumbersWithLibrary }) })),
  invalid: tables.invalid.map((entry) => ({ ...entry, policy: testPolicy({}, undefined, { findPhoneNumbers: findPhoneNumbersWithLibrary }) })),
});
