/**
 * Issue 8 item 7: x.com's page script must not be able to tell pupils' names from other names by
 * how the guard answers. A page script probes 200 candidate names through a fake composer with
 * X's test ids (synthetic input, clicks and Ctrl+Enter) and its observations must be the same for
 * every name; none of it is logged as a staff block.
 */
import { describe, expect, it } from 'vitest';
import { useGuardedHomePage } from './support/guarded-browser';
import { probeCandidates, probeNames, type ProbeObservation } from './support/roster-probe';

const { guarded, page } = useGuardedHomePage();

/** The distinct observations, so a difference between any two names shows in the failure. */
function distinct(observations: ProbeObservation[], pick: (observation: ProbeObservation) => unknown): string[] {
  return [...new Set(observations.map((observation) => JSON.stringify(pick(observation))))];
}

describe('a page script probing names', () => {
  it('gets the same answers to synthetic submissions for pupils and non-pupils, and nothing is logged', async () => {
    const { pupils, others } = probeCandidates();
    expect(pupils.length + others.length).toBe(200);
    const observations = await page().evaluate(probeNames, [...pupils, ...others]);
    const answers = (observation: ProbeObservation) => ({ clicked: observation.clicked, keyed: observation.keyed, focus: observation.focus });
    const forPupils = distinct(observations.slice(0, pupils.length), answers);
    const forOthers = distinct(observations.slice(pupils.length), answers);
    expect(forPupils).toEqual(forOthers);
    expect(forPupils).toHaveLength(1);

    const log = await guarded().chromium.context.newPage();
    await log.goto(`${guarded().chromium.extensionOrigin}/src/popup/index.html`);
    const entries = await log.evaluate(() => chrome.runtime.sendMessage({ type: 'list-audit' }));
    await log.close();
    expect(entries).toEqual([]);
  });
});
