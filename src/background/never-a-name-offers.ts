/**
 * Phrases the guard blocked as a pupil's name that the ICT lead may call never a name here
 * ("Grace Darling"). Only the phrase is kept — never the post, its account or its class — with how
 * often and when last: a short list in storage.local, each phrase forgotten OFFER_DAYS after it last
 * stopped a post (one the ICT lead called a pupil is kept that long too, so it is not offered
 * again). The audit log itself stays free of names.
 */
import * as v from 'valibot';
import { foldText } from '../policy/normalise';

const OFFERS_STORAGE_KEY = 'neverANameOffers';
/** Enough for a term's worth of wrongly blocked phrases; the oldest go first. */
const MAX_OFFERS = 50;
const OFFER_DAYS = 60;
/** A phrase is a name and the word beside it (never-a-name-offer.ts); anything longer is not one of ours. */
const MAX_PHRASE_LENGTH = 80;

const OfferSchema = v.object({ phrase: v.string(), count: v.number(), lastAt: v.string() });
export type NeverANameOffer = v.InferOutput<typeof OfferSchema>;
/** Stored: a phrase the ICT lead called a pupil is remembered, so it is not offered again. */
const StoredOfferSchema = v.object({ ...OfferSchema.entries, dismissed: v.optional(v.boolean(), false) });
type StoredOffer = v.InferOutput<typeof StoredOfferSchema>;

export interface OfferStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export class NeverANameOffers {
  /** Writes one after another: two blocks in quick succession must not lose a count. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: OfferStorage) {}

  /** The offers still open, newest first, leaving out phrases already on the never-a-name list. */
  async list(neverANames: readonly string[], now = new Date()): Promise<NeverANameOffer[]> {
    const listed = new Set(neverANames.map(foldText));
    return (await this.read(now))
      .filter((offer) => !offer.dismissed && !listed.has(foldText(offer.phrase)))
      .map(({ phrase, count, lastAt }) => ({ phrase, count, lastAt }));
  }

  record(phrases: readonly string[], now = new Date()): Promise<void> {
    return this.change(now, (offers) => {
      // One post counts once for a phrase, however often (or in whatever case) it has it.
      const byKey = new Map(phrases.map((entry) => entry.trim()).filter((entry) => entry.length > 0 && entry.length <= MAX_PHRASE_LENGTH).map((entry) => [foldText(entry), entry]));
      for (const [key, phrase] of byKey) {
        const index = offers.findIndex((offer) => foldText(offer.phrase) === key);
        const known = index === -1 ? undefined : offers.splice(index, 1)[0];
        offers.unshift({ phrase, count: (known?.count ?? 0) + 1, lastAt: now.toISOString(), dismissed: known?.dismissed ?? false });
      }
      return offers.slice(0, MAX_OFFERS);
    });
  }

  /** The ICT lead decided (added it to the list, or said it is a pupil): the phrase is not offered again. */
  dismiss(phrase: string, now = new Date()): Promise<void> {
    const key = foldText(phrase);
    return this.change(now, (offers) => offers.map((offer) => (foldText(offer.phrase) === key ? { ...offer, dismissed: true } : offer)));
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
