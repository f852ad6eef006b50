/**
 * On the activity page: the phrases the guard blocked as a pupil's name, each with "Never a name
 * here" (added to the never-a-name list, as the Settings page would) and "It is a pupil" (the offer
 * goes; the guard keeps blocking). Post text is never shown: the background keeps only the phrase.
 */
import { useEffect, useState } from 'preact/hooks';
import type { NeverANameOffer } from '../background/never-a-name-offers';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { formatCount } from '../shared/format-count';
import { formatDateTime } from './format-date';
import { useOptions } from './options-context';

export function NeverANameOffers() {
  const options = useOptions();
  const [offers, setOffers] = useState<NeverANameOffer[]>([]);
  const [status, setStatus] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const { neverANames } = options.state.settings;
  const canAdd = options.editable && options.canChange('neverANames');

  const reload = () => sendRequest({ type: 'list-never-a-name-offers' }).then(setOffers, (reason: unknown) => setStatus({ kind: 'error', text: t('options_offer_failed', String(reason)) }));
  // The list leaves out phrases already on the never-a-name list, so it is read again when that changes.
  useEffect(() => void reload(), [neverANames.join('\n')]);

  const add = async (phrase: string) => {
    const problems = await options.save({ neverANames: [...neverANames, phrase] });
    if (problems.length > 0) return setStatus({ kind: 'error', text: t('options_offer_failed', problems.map((problem) => problem.message).join(' ')) });
    await dismiss(phrase, t('options_offer_added', phrase));
  };
  const dismiss = async (phrase: string, done?: string) => {
    try {
      await sendRequest({ type: 'dismiss-never-a-name-offer', phrase });
      setStatus(done ? { kind: 'done', text: done } : null);
      await reload();
    } catch (reason) {
      setStatus({ kind: 'error', text: t('options_offer_failed', String(reason)) });
    }
  };

  if (offers.length === 0 && status === null) return null;
  return (
    <section aria-labelledby="offers-heading" class="never-a-name-offers">
      <h3 id="offers-heading">{t('options_offers_heading')}</h3>
      <p class="hint">{t('options_offers_hint')}</p>
      {!canAdd && <p class="hint">{t('options_offer_locked')}</p>}
      {status && <p role={status.kind === 'error' ? 'alert' : 'status'} class={status.kind === 'error' ? 'error' : undefined}>{status.text}</p>}
      <ul>
        {offers.map((offer, index) => (
          <li key={offer.phrase}>
            {/* The buttons are described by their line, so a screen reader says which phrase each is for. */}
            <span id={`offer-${index}`}>{t('options_offer_line', offer.phrase, offer.count === 1 ? t('options_offer_once') : t('options_offer_times', formatCount(offer.count)), formatDateTime(offer.lastAt))}</span>{' '}
            <button type="button" disabled={!canAdd} aria-describedby={`offer-${index}`} onClick={() => void add(offer.phrase)}>{t('options_offer_add')}</button>{' '}
            <button type="button" class="secondary" aria-describedby={`offer-${index}`} onClick={() => void dismiss(offer.phrase)}>{t('options_offer_dismiss')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
