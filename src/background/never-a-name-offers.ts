/**
 * Phrases the guard stopped as a pupil's name that the ICT lead may call never a name here
 * ("Grace Court"). Only the phrase is kept — never the post, its account or its class — with how
 * often and when last: a short list in storage.local, each entry forgotten OFFER_DAYS after it last
 * stopped a post. Once the ICT lead has decided, only a hash of the phrase stays (so it is not
 * offered again) and the words themselves go. The audit log itself stays free of names.
 */
import * as v from 'valibot';
import { foldText } from '../policy/normalise';

const OFFERS_STORAGE_KEY = 'neverANameOffers';
/** Enough for a term's worth of wrongly stopped phrases; the oldest go first. */
const MAX_OFFERS = 50;
const OFFER_DAYS = 60;
/** A phrase is a name and the word after it (never-a-name-offer.ts); anything longer is not one of ours. */
const MAX_PHRASE_LENGTH = 80;

export interface NeverANameOffer {
  phrase: string;
  count: number;
  lastAt: string;
}

/** `key`: SHA-256 of the folded phrase; `phrase`: absent once the ICT lead decided. */
const StoredOfferSchema = v.object({ key: v.string(), phrase: v.optional(v.string()), count: v.number(), lastAt: v.string() });
type StoredOffer = v.InferOutput<typeof StoredOfferSchema>;

export interface OfferStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

async function keyOf(phrase: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(foldText(phrase)));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export class NeverANameOffers {
  /** Writes one after another: two stops in quick succession must not lose a count. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: OfferStorage) {}

  /** The offers still open, newest first, leaving out phrases already on the never-a-name list. */
  async list(neverANames: readonly string[], now = new Date()): Promise<NeverANameOffer[]> {
    const listed = new Set(neverANames.map(foldText));
    return (await this.read(now)).flatMap(({ phrase, count, lastAt }) => (phrase !== undefined && !listed.has(foldText(phrase)) ? [{ phrase, count, lastAt }] : []));
  }

  async record(phrases: readonly string[], now = new Date()): Promise<void> {
    const usable = phrases.map((entry) => entry.trim()).filter((entry) => entry.length > 0 && entry.length <= MAX_PHRASE_LENGTH);
    // One post counts once for a phrase, however often (or in whatever case) it has it.
    const byKey = new Map(await Promise.all(usable.map(async (phrase) => [await keyOf(phrase), phrase] as const)));
    return this.change(now, (offers) => {
      for (const [key, phrase] of byKey) {
        const index = offers.findIndex((offer) => offer.key === key);
        const known = index === -1 ? undefined : offers.splice(index, 1)[0];
        const decided = known !== undefined && known.phrase === undefined;
        offers.unshift({ key, ...(decided ? {} : { phrase }), count: (known?.count ?? 0) + 1, lastAt: now.toISOString() });
      }
      return offers.slice(0, MAX_OFFERS);
    });
  }

  /** The ICT lead decided (added it to the list, or said it is a pupil): the words go, and it is not offered again. */
  async dismiss(phrase: string, now = new Date()): Promise<void> {
    const key = await keyOf(phrase);
    return this.change(now, (offers) => offers.map((offer) => (offer.key === key ? { key, count: offer.count, lastAt: offer.lastAt } : offer)));
  }

  private change(now: Date, update: (offers: StoredOffer[]) => StoredOffer[]): Promise<void> {
    const next = this.queue.then(async () => {
      await this.storage.set({ [OFFERS_STORAGE_KEY]: update(await this.read(now)) });
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(now: Date): Promise<StoredOffer[]> {
    const stored = v.safeParse(v.array(StoredOfferSchema), (await this.storage.get(OFFERS_STORAGE_KEY))[OFFERS_STORAGE_KEY] ?? []);
    const oldest = now.getTime() - OFFER_DAYS * 24 * 60 * 60 * 1000;
    return stored.success ? stored.output.filter((offer) => Date.parse(offer.lastAt) >= oldest) : [];
  }
}
