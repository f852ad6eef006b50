/** Asks for the settings PIN before anything can be changed on this page. */
import { useState } from 'preact/hooks';
import { sendRequest } from '../shared/send-request';

export function PinUnlock({ onUnlocked }: { onUnlocked: (pin: string) => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const { ok } = await sendRequest({ type: 'check-settings-pin', pin });
    if (ok) onUnlocked(pin);
    else setError('That is not the settings PIN.');
  };

  return (
    <form class="notice" onSubmit={(event) => void submit(event)}>
      <p>A settings PIN protects these options. Enter it to make changes.</p>
      <label for="unlock-pin">Settings PIN</label>{' '}
      <input id="unlock-pin" type="password" inputMode="numeric" autoComplete="off" value={pin}
        aria-invalid={error !== null} aria-describedby={error !== null ? 'unlock-pin-error' : undefined}
        onInput={(event) => setPin(event.currentTarget.value)} />{' '}
      <button type="submit">Unlock</button>
      {error !== null && <p id="unlock-pin-error" role="alert" class="error">{error}</p>}
    </form>
  );
}
