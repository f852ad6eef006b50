import { ruleTester } from './rule-tester';

ruleTester('posting-cadence', {
  valid: [
    { text: 'Oak: Our week.', note: 'no count given' },
    { text: 'Oak: Our week.', postsThisWeek: { Oak: 1 } },
    { text: 'Oak: Sports day!', postsThisWeek: { Oak: 4 }, kind: 'event', note: 'special events are exempt' },
    { text: 'Oak: Day 2 of our trip.', postsThisWeek: { Oak: 4 }, kind: 'residential' },
    { text: 'Oak: Our week.', postsThisWeek: { Willow: 3 }, note: 'another class' },
    { text: 'Oak: Our week.', postsThisWeek: { Oak: 2 }, confirmed: ['posting-cadence'], note: 'warning acknowledged' },
  ],
  invalid: [
    { text: 'Oak: Our week.', postsThisWeek: { Oak: 2 }, findings: [{ marks: 'Oak', severity: 'warn', says: 'no more than two' }] },
    { text: 'oak class - our week', postsThisWeek: { Oak: 3 }, findings: [{ marks: 'oak class', severity: 'warn' }] },
  ],
});
