/**
 * The roster-oracle probe of roster-oracle.test.ts in Firefox ESR, where `window.find` and the
 * guard's frames behave in Firefox's own way: a page script's observations of 200 candidate names
 * must be the same for pupils and non-pupils by every route; and copies the page makes of the
 * no-consent list show it no pupil.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxExtensionSession } from './support/firefox';
import { startGuardedFirefox } from './support/firefox-guard';
import { CONSENT_COPY_QUERIES, distinctObservations, frameConsentCopies, probeCandidates, probeNames } from './support/roster-probe';
import type { XServer } from './support/x-server';

let server: XServer;
let firefox: FirefoxExtensionSession;
let page: Page;

beforeAll(async () => {
  ({ server, firefox } = await startGuardedFirefox());
  page = await firefox.page();
  await page.goto('https://x.com/home');
  await page.waitForSelector('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Firefox: a page script probing names', () => {
  it('sees the same for pupils and non-pupils by every route', async () => {
    const { pupils, others } = probeCandidates();
    const observations = await page.evaluate(probeNames, [...pupils, ...others]);
    const forPupils = distinctObservations(observations.slice(0, pupils.length));
    const forOthers = distinctObservations(observations.slice(pupils.length));
    expect(forPupils).toEqual(forOthers);
    expect(forPupils).toHaveLength(1);
    expect(observations[0]?.hitsTyped).not.toBe('');
  }, 150_000);
});

interface BrowsingContext {
  context: string;
  url: string;
  children?: BrowsingContext[] | null;
}

/** The text of each of the page's frames whose address matches (read with WebDriver BiDi, which can; the page cannot). */
async function framesText(pattern: RegExp): Promise<string[]> {
  const tree = (await firefox.bidi('browsingContext.getTree', { root: firefox.contextId(page) })) as { contexts: BrowsingContext[] };
  const matching: BrowsingContext[] = [];
  const walk = (contexts: BrowsingContext[]) => contexts.forEach((context) => {
    if (pattern.test(context.url)) matching.push(context);
    walk(context.children ?? []);
  });
  walk(tree.contexts);
  return Promise.all(matching.map(async (context) => {
    const answer = (await firefox.bidi('script.evaluate', {
      expression: '`${document.body.innerText.trim()} @ ${document.documentElement.scrollWidth}x${document.documentElement.scrollHeight}`',
      target: { context: context.context },
      awaitPromise: false,
      resultOwnership: 'none',
    })) as { result?: { value?: string } };
    return answer.result?.value ?? '';
  }));
}

describe('Firefox: a page script framing the no-consent list itself', () => {
  // Firefox has no use_dynamic_url: the add-on's address is fixed per install (a random id the page
  // is not told, but assumed known here), so the frame token alone keeps the names from a copy.
  it('sees no name and the same for every class, in a copy of the list or of the panel', async () => {
    const listPage = `${firefox.extensionOrigin}/src/consent/index.html`;
    const copies = await page.evaluate(frameConsentCopies, {
      addresses: CONSENT_COPY_QUERIES.map((query) => `${listPage}${query}`),
      label: 'copy',
      forgedPanel: `${firefox.extensionOrigin}/src/panel/index.html`,
    });
    expect(new Set(copies.map((seen) => JSON.stringify(seen))).size).toBe(1);
    expect(copies[0]?.readable).toBe('none');

    // The copies' addresses carry no token; the forged panel put the page's own after '#'.
    const drawn = await framesText(/\/src\/consent\/index\.html[^#]*$/);
    const forgedList = await framesText(/\/src\/consent\/index\.html.*#forged$/);
    expect(drawn).toHaveLength(CONSENT_COPY_QUERIES.length);
    expect(forgedList).toHaveLength(1);
    expect([...drawn, ...forgedList].join('\n')).not.toMatch(/Ada Nowak|Chloé Dubois|Zoë Green|Faith Okonkwo/);
    expect(new Set(drawn).size).toBe(1);
    expect(drawn[0]).toMatch(/^This list is shown only in School Post Guard’s panel beside a post\. @/);
    expect(forgedList[0]).toMatch(/^This list is shown only in School Post Guard’s panel beside a post\. @/);
  });
});
