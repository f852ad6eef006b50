import { ruleTester } from './rule-tester';
import { testPolicy } from './test-policy';

ruleTester('posting-cadence', {
  valid: [
    { text: 'Oak: Our week.', note: 'no count given' },
    { text: 'Oak: Our week.', postsThisWeek: { Oak: 1 } },
    { text: 'Oak: Sports day!', postsThisWeek: { Oak: 4 }, kind: 'event', note: 'special events are exempt' },
    { text: 'Oak: Day 2 of our trip.', postsThisWeek: { Oak: 4 }, kind: 'residential' },
    { text: 'Oak: Our week.', postsThisWeek: { Willow: 3 }, note: 'another class' },
    { text: 'Oak: Our week.', postsThisWeek: { Oak: 2 }, confirmed: ['posting-cadence'], note: 'warning acknowledged' },
    { text: 'Oak and Willow: Our week.', postsThisWeek: { Oak: 1, Willow: 1 }, note: 'each class under its limit' },
    { text: 'Whole School: Harvest.', postsThisWeek: { Oak: 2 }, policy: testPolicy({ extraPrefixes: ['Whole School'] }), note: 'a whole-school post is no class’s general post' },
  ],
  invalid: [
    { text: 'Oak: Our week.', postsThisWeek: { Oak: 2 }, findings: [{ marks: 'Oak', severity: 'warn', says: 'no more than two' }] },
    { text: 'oak class - our week', postsThisWeek: { Oak: 3 }, findings: [{ marks: 'oak class', severity: 'warn' }] },
    // A joint post is a post of every class it names: each class at its limit is marked.
    { text: 'Oak and Willow: Sports day!', postsThisWeek: { Willow: 2 }, findings: [{ marks: 'Willow', severity: 'warn', says: 'Willow has already made 2' }] },
    { text: 'Oak & Willow – our week', postsThisWeek: { Oak: 2, Willow: 3 }, findings: [{ marks: 'Oak', severity: 'warn' }, { marks: 'Willow', severity: 'warn' }] },
  ],
});
