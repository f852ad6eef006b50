/**
 * Issue 8 item 7: x.com's page script must not be able to tell pupils' names from other names. A
 * page script probes 200 candidate names through a fake composer with X's test ids (synthetic
 * input, clicks and Ctrl+Enter) and records everything it can see: how the guard answers, where
 * focus goes, the guard's element's size and scroll size under page CSS, what hit-testing finds over
 * the whole window, how many frames there are, what `window.find` finds, how the DOM changed. Its
 * observations must be the same for every name; none of it is logged as a staff block. Nor may the
 * page learn a name from the guard's frames by making copies of them itself.
 */
import { describe, expect, it } from 'vitest';
import { useGuardedHomePage } from './support/guarded-browser';
import { CONSENT_COPY_QUERIES, distinctObservations, frameConsentCopies, probeCandidates, probeNames } from './support/roster-probe';

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
    // (It waits for the guard's check of each name: 200 names take about a minute.)
    expect(observations[0]?.hitsTyped).not.toBe('');

    const log = await guarded().chromium.context.newPage();
    await log.goto(`${guarded().chromium.extensionOrigin}/src/popup/index.html`);
    const entries = await log.evaluate(() => chrome.runtime.sendMessage({ type: 'list-audit' }));
    await log.close();
    expect(entries).toEqual([]);
  }, 150_000);
});

describe('a page script framing the no-consent list itself', () => {
  const NO_CONSENT = /Ada Nowak|Chloé Dubois|Zoë Green|Faith Okonkwo/;
  const NOT_FROM_GUARD = 'This list is shown only in School Post Guard’s panel beside a post.';

  it('cannot load it at the extension’s fixed address, and at this session’s address sees no name and the same for every class', async () => {
    const { chromium } = guarded();
    const worker = chromium.context.serviceWorkers().find((candidate) => candidate.url().startsWith(chromium.extensionOrigin));
    // The address Chrome gives the extension's frames this session (use_dynamic_url): the page cannot learn it, the test can.
    const sessionPage = await worker?.evaluate(() => chrome.runtime.getURL('src/consent/index.html'));
    if (!sessionPage) throw new Error('no service worker to ask');
    const fixedPage = `${chromium.extensionOrigin}/src/consent/index.html`;

    const fixed = await page().evaluate(frameConsentCopies, { addresses: CONSENT_COPY_QUERIES.map((query) => `${fixedPage}${query}`), label: 'fixed' });
    expect(fixed.map((seen) => seen.fetched)).toEqual(CONSENT_COPY_QUERIES.map(() => 'refused'));
    expect(new Set(fixed.map((seen) => JSON.stringify(seen))).size).toBe(1);

    const forgedPanel = sessionPage.replace('src/consent/index.html', 'src/panel/index.html');
    const copies = await page().evaluate(frameConsentCopies, { addresses: CONSENT_COPY_QUERIES.map((query) => `${sessionPage}${query}`), label: 'session', forgedPanel });
    expect(new Set(copies.map((seen) => JSON.stringify(seen))).size).toBe(1);
    expect(copies[0]?.readable).toBe('none');

    // What each copy drew, read with the browser's automation (the page itself cannot): no pupil, and the same words and size for every class.
    const drawn = await Promise.all(CONSENT_COPY_QUERIES.map((_query, index) => {
      const frame = page().frames().find((candidate) => candidate.name() === `session-${index}`);
      return frame?.evaluate(() => `${document.body.innerText.trim()} @ ${document.documentElement.scrollWidth}x${document.documentElement.scrollHeight}`);
    }));
    expect(drawn.join('\n')).not.toMatch(NO_CONSENT);
    expect(new Set(drawn).size).toBe(1);
    expect(drawn[0]).toMatch(new RegExp(`^${NOT_FROM_GUARD} @`));

    // A copy of the findings panel, handed a port and a view by the page as if by the guard: its no-consent frame shows no pupil either.
    const forgedList = () => page().frames().find((candidate) => candidate.parentFrame()?.name() === 'forged-panel' && candidate.url().includes('/src/consent/'));
    await expect.poll(() => forgedList()?.evaluate(() => document.body.innerText.trim())).toBe(NOT_FROM_GUARD);
  });
});
