import { ruleTester } from './rule-tester';
import { rtlPolicy } from './test-policy';

const RLO = '\u202E';
const PDF = '\u202C';

ruleTester('text-direction', {
  valid: [
    'Oak: Well done everyone!',
    { text: 'Oak: عيد مبارك لكل عائلاتنا', note: 'Arabic needs no controls to display right to left' },
    { text: 'Oak: Eid Mubarak, عيد مبارك، to all our families', note: 'mixed English and Arabic' },
    { text: 'Oak: \u200Fمرحبا\u200F and \u200Ehello\u200E', note: 'direction marks place punctuation; they cannot reverse letters' },
    { text: 'Oak: سالگرہ مبارک', policy: rtlPolicy(), note: 'Urdu' },
  ],
  invalid: [
    { text: `Oak Class: Well done ${RLO}yeltraH ailemA${PDF}!`, findings: [{ marks: `${RLO}yeltraH ailemA${PDF}`, says: 'order its letters are shown in' }], note: 'shows as “Amelia Hartley”' },
    { text: `${RLO}Oak: a day in the woods`, findings: [{ marks: `${RLO}Oak: a day in the woods`, says: 'type it again' }], note: 'never closed: to the end' },
    { text: 'Oak: \u202BHartley Amelia\u202C won', findings: [{ marks: '\u202BHartley Amelia\u202C' }], note: 'an embedding reverses the word order' },
    { text: 'Oak: \u2067Hartley Amelia\u2069 won', findings: [{ marks: '\u2067Hartley Amelia\u2069' }], note: 'an isolate' },
    { text: 'Oak: \u202Dailem\u202E A\u202C\u202C ok', findings: [{ marks: '\u202Dailem\u202E A\u202C\u202C' }], note: 'nested: one stretch' },
    { text: `Oak: ${RLO}ailemA\nWe had fun`, findings: [{ marks: `${RLO}ailemA` }], note: 'the line break ends it' },
    { text: 'Oak: Well done\u2069 everyone', findings: [{ marks: '\u2069' }], note: 'a closer on its own' },
    { text: `Oak: ${RLO}دمحم${PDF}`, policy: rtlPolicy(), findings: [{ marks: `${RLO}دمحم${PDF}` }], note: 'overrides in Arabic text too' },
  ],
});
