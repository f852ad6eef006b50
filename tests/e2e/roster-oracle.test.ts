/**
 * Issue 8 item 7: x.com's page script must not be able to tell pupils' names from other names. A
 * page script probes 200 candidate names through a fake composer with X's test ids (synthetic
 * input, clicks and Ctrl+Enter) and records everything it can see: how the guard answers, where
 * focus goes, the guard's element's size and scroll size under page CSS, what hit-testing finds over
 * the whole window, how many frames there are, what `window.find` finds, how the DOM changed. Its
 * observations must be the same for every name; none of it is logged as a staff block.
 */
import { describe, expect, it } from 'vitest';
import { useGuardedHomePage } from './support/guarded-browser';
import { distinctObservations, probeCandidates, probeNames } from './support/roster-probe';

const { guarded, page } = useGuardedHomePage();

describe('a page script probing names', () => {
  it('sees the same for pupils and non-pupils by every route, and nothing is logged', async () => {
    const { pupils, others } = probeCandidates();
    expect(pupils.length + others.length).toBe(200);
    const observations = await page().evaluate(probeNames, [...pupils, ...others]);
    const forPupils = distinctObservations(observations.slice(0, pupils.length));
    const forOthers = distinctObservations(observations.slice(pupils.length));
    expect(forPupils).toEqual(forOthers);
    expect(forPupils).toHaveLength(1);
    // The probe does see the guard: its panel frame, beside the fake composer, takes the pointer.
    expect(observations[0]?.hitsTyped).not.toBe('');

    const log = await guarded().chromium.context.newPage();
    await log.goto(`${guarded().chromium.extensionOrigin}/src/popup/index.html`);
    const entries = await log.evaluate(() => chrome.runtime.sendMessage({ type: 'list-audit' }));
    await log.close();
    expect(entries).toEqual([]);
  });
});
