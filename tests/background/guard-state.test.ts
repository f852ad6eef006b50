import { describe, expect, it } from 'vitest';
import type browser from 'webextension-polyfill';
import { GuardBroadcaster, moderationView, rosterStatus, type GuardStateCache } from '../../src/background/guard-state';
import { rosterIsStale, type GuardPush } from '../../src/shared/messages';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

function push(label: string): GuardPush {
  return { type: 'guard-state', snapshot: null, roster: { importedAt: label, pupilCount: 1, source: label, staleAfter: '2099-01-01T00:00:00.000Z' }, schoolHandles: [] };
}

function memoryCache(initial?: GuardPush): GuardStateCache & { value: GuardPush | undefined } {
  return {
    value: initial,
    async read() {
      return this.value;
    },
    async write(state) {
      this.value = state;
    },
    async clear() {
      this.value = undefined;
    },
  };
}

/** A port that records what was posted to it. */
function fakePort<T = GuardPush>(): browser.Runtime.Port & { posted: T[] } {
  const posted: T[] = [];
  return { posted, postMessage: (message: T) => posted.push(message), onDisconnect: { addListener: () => undefined } } as unknown as browser.Runtime.Port & { posted: T[] };
}

describe('GuardBroadcaster', () => {
  it('serves the cached state after a service-worker restart instead of rebuilding it', async () => {
    let builds = 0;
    const cache = memoryCache(push('cached'));
    const broadcaster = new GuardBroadcaster(async () => (builds++, push('built')), cache);
    expect((await broadcaster.state()).roster?.source).toBe('cached');
    expect(builds).toBe(0);
  });

  it('rebuilds on refresh and pushes the new state to every tab', async () => {
    const cache = memoryCache(push('old'));
    const broadcaster = new GuardBroadcaster(async () => push('new'), cache);
    const port = fakePort();
    await broadcaster.add(port);
    await broadcaster.refresh();
    expect(port.posted.map((state) => state.roster?.source)).toEqual(['old', 'new']);
    expect(cache.value?.roster?.source).toBe('new');
  });

  it('tells the moderation watches whether a pupil list is in force and its version, never the snapshot', async () => {
    const withSnapshot = { ...push('new'), schoolHandles: ['primaryredbourn'], snapshot: { hash: 'h2' } } as unknown as GuardPush;
    const broadcaster = new GuardBroadcaster(async () => withSnapshot, memoryCache(push('old')));
    const port = fakePort<unknown>();
    await broadcaster.add(port, moderationView);
    await broadcaster.refresh();
    expect(port.posted).toEqual([
      { type: 'moderation-state', ready: false, schoolHandles: [], version: null },
      { type: 'moderation-state', ready: true, schoolHandles: ['primaryredbourn'], version: 'h2' },
    ]);
  });

  it('never lets a slower, older rebuild overwrite a newer one', async () => {
    const releases: (() => void)[] = [];
    let version = 0;
    const broadcaster = new GuardBroadcaster(() => {
      const label = `v${++version}`;
      return new Promise<GuardPush>((resolve) => releases.push(() => resolve(push(label))));
    }, memoryCache(push('old')));
    const port = fakePort();
    await broadcaster.add(port);
    const first = broadcaster.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = broadcaster.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    releases[1]?.(); // the newer rebuild finishes first…
    await second;
    releases[0]?.(); // …and the older one after it
    await first;
    expect(port.posted.map((state) => state.roster?.source)).toEqual(['old', 'v2']);
    expect((await broadcaster.state()).roster?.source).toBe('v2');
  });
});

describe('rosterStatus', () => {
  it('says when the roster goes stale, so a state cached for days still warns on time', () => {
    const status = rosterStatus({ pupils: [], importedAt: '2026-11-01T09:00:00.000Z', source: 'roster.csv' }, { ...DEFAULT_SETTINGS, staleRosterDays: 14 });
    expect(status.staleAfter).toBe('2026-11-15T09:00:00.000Z');
    expect(rosterIsStale(status, Date.parse('2026-11-15T08:59:00.000Z'))).toBe(false);
    expect(rosterIsStale(status, Date.parse('2026-11-15T09:01:00.000Z'))).toBe(true);
  });
});
