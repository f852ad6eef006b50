import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

ruleTester('direct-message', {
  valid: [
    'Oak: A lovely day.',
    { text: 'and the rest of the thread', placement: 'continuation' },
    { text: '   ', placement: 'message', note: 'nothing written yet' },
    { text: 'Thanks, see you on Monday', placement: 'message', confirmed: ['direct-message'], note: 'warning acknowledged' },
    { text: 'Thanks, see you on Monday', placement: 'message', policy: testPolicy({ rules: { 'direct-message': 'off' } }) },
  ],
  invalid: [
    { text: 'Thanks, see you on Monday', placement: 'message', findings: [{ marks: '', severity: 'warn', says: 'private discussions' }] },
    { text: 'Thanks, see you on Monday', placement: 'message', policy: testPolicy({ rules: { 'direct-message': 'block' } }), findings: [{ marks: '', severity: 'block', says: 'contact the school office' }], note: 'the ICT lead may block' },
    { text: 'Thanks, see you on Monday', placement: 'message', policy: testPolicy({ rules: { 'direct-message': 'block' } }), confirmed: ['direct-message'], findings: [{ marks: '', severity: 'block' }], note: 'a block cannot be confirmed away' },
  ],
});
