/**
 * The roster-oracle probe of roster-oracle.test.ts in Firefox ESR, where `window.find` and the
 * guard's frames behave in Firefox's own way: a page script's observations of 200 candidate names
 * must be the same for pupils and non-pupils by every route.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxExtensionSession } from './support/firefox';
import { startGuardedFirefox } from './support/firefox-guard';
import { distinctObservations, probeCandidates, probeNames } from './support/roster-probe';
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
  });
});
