/** Asks for the settings PIN before anything can be changed on this page. */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';

export function PinUnlock({ onUnlocked }: { onUnlocked: (pin: string) => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const { ok } = await sendRequest({ type: 'check-settings-pin', pin });
    if (ok) onUnlocked(pin);
    else setError(t('options_pin_wrong'));
  };

  return (
    <form class="notice" onSubmit={(event) => void submit(event)}>
      <p>{t('options_pin_unlock_intro')}</p>
      <label for="unlock-pin">{t('options_pin_title')}</label>{' '}
      <input id="unlock-pin" type="password" inputMode="numeric" autoComplete="off" value={pin}
        aria-invalid={error !== null} aria-describedby={error !== null ? 'unlock-pin-error' : undefined}
        onInput={(event) => setPin(event.currentTarget.value)} />{' '}
      <button type="submit">{t('options_pin_unlock')}</button>
      {error !== null && <p id="unlock-pin-error" role="alert" class="error">{error}</p>}
    </form>
  );
}
