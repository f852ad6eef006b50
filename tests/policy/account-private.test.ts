import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

const FIX = 'Settings → Privacy and safety → Audience and tagging → Protect your posts';

ruleTester('account-private', {
  valid: [
    { text: 'Oak: A lovely day.', accountAudience: 'protected', note: 'X shows the lock' },
    { text: 'Oak: A lovely day.', note: 'not known to the caller (the CLI, an archive): nothing to say' },
    { text: 'Thanks, see you on Monday', placement: 'message', accountAudience: 'public', note: 'a direct message’s reader does not depend on it' },
    { text: 'and the rest of the thread', placement: 'continuation', accountAudience: 'public', note: 'said once, on the thread’s first post' },
    { text: 'Oak: A lovely day.', accountAudience: 'public', policy: testPolicy({ rules: { 'account-private': 'off' } }), note: 'the ICT lead turned it off' },
  ],
  invalid: [
    { text: 'Oak: A lovely day.', accountAudience: 'public', findings: [{ marks: '', says: FIX }] },
    { text: 'Oak: A lovely day.', accountAudience: 'public', confirmed: ['account-private'], findings: [{ marks: '', says: 'The school account is public' }], note: 'a block cannot be confirmed away' },
    { text: '', accountAudience: 'public', attachments: [{ name: 'IMG_1.jpg', alt: '', type: 'image/jpeg' }], findings: [{ marks: '' }], note: 'a photo on its own' },
    { text: 'Oak: A lovely day.', accountAudience: 'unknown', findings: [{ marks: '', severity: 'warn', says: 'cannot tell whether the school account is private' }], note: 'never guessed private' },
    { text: 'Oak: A lovely day.', accountAudience: 'unknown', policy: testPolicy({ rules: { 'account-private': 'block' } }), findings: [{ marks: '', severity: 'warn', says: FIX }], note: 'what cannot be read stays a warning at block' },
    { text: 'Oak: A lovely day.', accountAudience: 'public', policy: testPolicy({ rules: { 'account-private': 'warn' } }), findings: [{ marks: '', severity: 'warn' }] },
  ],
});
