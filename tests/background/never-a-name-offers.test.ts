import { describe, expect, it } from 'vitest';
import { NeverANameOffers, type OfferStorage } from '../../src/background/never-a-name-offers';

function memoryStorage(): OfferStorage & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (key) => (key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: async (next) => void Object.assign(items, structuredClone(next)),
  };
}

const DAY = 24 * 60 * 60 * 1000;
const at = (day: number) => new Date(Date.UTC(2026, 11, 1) + day * DAY);

describe('never-a-name offers', () => {
  it('counts a phrase however it was written, newest first', async () => {
    const offers = new NeverANameOffers(memoryStorage());
    await offers.record(['Grace Court'], at(0));
    await offers.record(['Summer Lodge'], at(1));
    await offers.record(['Grace court', 'GRACE COURT'], at(2));
    expect(await offers.list([], at(2))).toEqual([
      { phrase: 'GRACE COURT', count: 2, lastAt: at(2).toISOString() },
      { phrase: 'Summer Lodge', count: 1, lastAt: at(1).toISOString() },
    ]);
  });

  it('keeps every count when blocks come at once', async () => {
    const offers = new NeverANameOffers(memoryStorage());
    await Promise.all([1, 2, 3, 4, 5].map(() => offers.record(['Grace Court'], at(0))));
    expect((await offers.list([], at(0)))[0]?.count).toBe(5);
  });

  it('leaves out what the never-a-name list already has, and what the ICT lead called a pupil, even when it comes again', async () => {
    const offers = new NeverANameOffers(memoryStorage());
    await offers.record(['Grace Court', 'Summer Lodge'], at(0));
    expect((await offers.list(['grace court'], at(0))).map((offer) => offer.phrase)).toEqual(['Summer Lodge']);
    await offers.dismiss('summer lodge', at(0));
    await offers.record(['Summer Lodge'], at(1));
    expect(await offers.list([], at(1))).toEqual([{ phrase: 'Grace Court', count: 1, lastAt: at(0).toISOString() }]);
  });

  it('keeps no words of a phrase the ICT lead has decided on', async () => {
    const storage = memoryStorage();
    const offers = new NeverANameOffers(storage);
    await offers.record(['Summer Lodge'], at(0));
    expect(JSON.stringify(storage.items)).toContain('Summer Lodge');
    await offers.dismiss('Summer Lodge', at(0));
    await offers.record(['SUMMER LODGE'], at(1));
    expect(JSON.stringify(storage.items).toLowerCase()).not.toContain('summer');
    expect(storage.items.neverANameOffers).toEqual([expect.objectContaining({ count: 2, lastAt: at(1).toISOString() })]);
  });

  it('forgets a phrase 60 days after it last stopped a post, and keeps at most 50', async () => {
    const storage = memoryStorage();
    const offers = new NeverANameOffers(storage);
    await offers.record(['Grace Court'], at(0));
    expect(await offers.list([], at(59))).toHaveLength(1);
    expect(await offers.list([], at(61))).toEqual([]);
    await offers.record(Array.from({ length: 60 }, (_, index) => `Place ${String.fromCharCode(65 + (index % 26))}${index}`), at(70));
    expect(await offers.list([], at(70))).toHaveLength(50);
    expect(JSON.stringify(storage.items)).not.toContain('Grace Court');
  });

  it('refuses what cannot be a phrase of ours, and reads a damaged store as empty', async () => {
    const storage = memoryStorage();
    const offers = new NeverANameOffers(storage);
    await offers.record(['', '   ', 'x'.repeat(81)], at(0));
    expect(await offers.list([], at(0))).toEqual([]);
    storage.items.neverANameOffers = 'not a list';
    expect(await offers.list([], at(0))).toEqual([]);
  });
});
