import { describe, expect, it } from 'vitest';
import { forgetTabFrameToken, isTabFrameToken, tabFrameToken } from '../../src/background/frame-tokens';

function memorySession() {
  const items: Record<string, unknown> = {};
  return {
    get: async (key: string) => (key in items ? { [key]: items[key] } : {}),
    set: async (next: Record<string, unknown>) => void Object.assign(items, next),
    remove: async (key: string) => void delete items[key],
  } as unknown as Parameters<typeof tabFrameToken>[0];
}

describe('a tab’s frame token', () => {
  it('is the same for every frame of the tab, and another tab’s does not pass', async () => {
    const session = memorySession();
    const token = await tabFrameToken(session, 1);
    expect(await tabFrameToken(session, 1)).toBe(token);
    const other = await tabFrameToken(session, 2);
    expect(other).not.toBe(token);
    expect(await isTabFrameToken(session, 1, token)).toBe(true);
    expect(await isTabFrameToken(session, 1, other)).toBe(false);
  });

  it('is one token when a tab’s first two requests come at once', async () => {
    const session = memorySession();
    const [first, second] = await Promise.all([tabFrameToken(session, 1), tabFrameToken(session, 1)]);
    expect(second).toBe(first);
    expect(await isTabFrameToken(session, 1, first)).toBe(true);
  });

  it('refuses a frame with no token, one outside a tab, and any token once the tab has gone', async () => {
    const session = memorySession();
    const token = await tabFrameToken(session, 1);
    expect(await isTabFrameToken(session, 1, '')).toBe(false);
    expect(await isTabFrameToken(session, 1, undefined)).toBe(false);
    expect(await isTabFrameToken(session, undefined, token)).toBe(false);
    // A tab that never asked has no token, so an empty one cannot match a missing one.
    expect(await isTabFrameToken(session, 3, '')).toBe(false);
    await forgetTabFrameToken(session, 1);
    expect(await isTabFrameToken(session, 1, token)).toBe(false);
  });
});
