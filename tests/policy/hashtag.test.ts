import { ruleTester } from './rule-tester';

ruleTester('hashtag', {
  valid: [
    'Oak: No tags today.',
    { text: 'Oak: We came #1 in the league', note: 'all digits is not a hashtag' },
    { text: 'Oak: Coding in C# today', note: '# after a letter' },
    { text: 'Oak: Photos at https://example.com/#gallery', note: 'part of a URL' },
    { text: 'Oak: Room # 4', note: 'a sign on its own' },
    { text: 'Oak: Thank you to all our families', note: 'no sign at all' },
    { text: 'Oak: Trip to the zoo #zoo', confirmed: ['hashtag'], note: 'the policy’s exception, confirmed' },
  ],
  invalid: [
    { text: 'Hedgehogs: Fun in the sun #summer', findings: [{ marks: '#summer', says: 'Remove the #' }] },
    { text: 'Owls: Our trip ＃museum', findings: [{ marks: '＃museum' }], note: 'full-width sign' },
    { text: 'Oak: #ThankYou #Year6', findings: [{ marks: '#ThankYou' }, { marks: '#Year6' }] },
    { text: '🌳 Oak: Ελλάδα trip #Ελλάδα', findings: [{ marks: '#Ελλάδα' }], note: 'Unicode letters' },
    { text: 'Oak: #1st place', findings: [{ marks: '#1st' }] },
    { text: 'Oak: #zoo', confirmed: ['photo-consent'], findings: [{ marks: '#zoo' }], note: 'another rule’s confirmation does not lift it' },
  ],
});
