import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

ruleTester('mention', {
  valid: [
    'Oak: Email office@example.org for details',
    'Oak: Meet @ 3pm by the gate',
    { text: 'Oak: Follow @PrimaryRedbourn for more', policy: testPolicy({ schoolHandles: ['PrimaryRedbourn'] }), note: 'the school’s own account' },
    { text: 'Oak: Thanks @BBCNews', confirmed: ['mention'], note: 'warning acknowledged' },
  ],
  invalid: [
    { text: 'Oak: Thanks @BBCNews', findings: [{ marks: '@BBCNews', severity: 'warn', says: 'another account' }] },
    { text: 'Oak: Thanks ＠museum_uk and @zoo', findings: [{ marks: '＠museum_uk', severity: 'warn' }, { marks: '@zoo', severity: 'warn' }] },
  ],
});
