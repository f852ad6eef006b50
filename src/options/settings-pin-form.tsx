/** Sets, changes or removes the settings PIN of an install the school's admin console does not manage. */
import { useState } from 'preact/hooks';
import { sendRequest } from '../shared/send-request';
import { useOptions } from './options-context';
import { pinProblem } from '../shared/settings-pin';

export function SettingsPinForm() {
  const { state, editable, pin, reload, rememberPin } = useOptions();
  const [newPin, setNewPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');

  if (state.locked || state.managedKeys.length > 0) return null;

  const change = async (next: string | null) => {
    setNote('');
    if (next !== null) {
      const problem = pinProblem(next) ?? (next === repeat ? null : 'The two PINs are not the same.');
      if (problem !== null) {
        setError(problem);
        return;
      }
    }
    const result = await sendRequest({ type: 'set-settings-pin', newPin: next, pin });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    setNewPin('');
    setRepeat('');
    setNote(next === null ? 'PIN removed.' : 'PIN saved. Keep it somewhere safe: it cannot be recovered, only removed by reinstalling the extension.');
    // The page stays unlocked, now with the new PIN.
    rememberPin(next ?? undefined);
    await reload();
  };

  return (
    <form aria-labelledby="pin-heading" onSubmit={(event) => { event.preventDefault(); void change(newPin); }}>
      <h3 id="pin-heading">Settings PIN</h3>
      <p class="hint">{state.pinSet ? 'A PIN protects these options.' : 'Optional: a PIN that must be entered before the roster, classes, rules or settings can be changed here.'}</p>
      <div class="field">
        <label for="new-pin">{state.pinSet ? 'New PIN' : 'PIN'} (4 to 12 digits)</label>
        <input id="new-pin" type="password" inputMode="numeric" autoComplete="new-password" value={newPin} disabled={!editable}
          onInput={(event) => setNewPin(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="repeat-pin">The same PIN again</label>
        <input id="repeat-pin" type="password" inputMode="numeric" autoComplete="new-password" value={repeat} disabled={!editable}
          onInput={(event) => setRepeat(event.currentTarget.value)} />
      </div>
      {error !== null && <p role="alert" class="error">{error}</p>}
      <p class="actions">
        <button type="submit" disabled={!editable}>{state.pinSet ? 'Change PIN' : 'Set PIN'}</button>{' '}
        {state.pinSet && <button type="button" class="secondary" disabled={!editable} onClick={() => void change(null)}>Remove PIN</button>}
      </p>
      <p role="status" class="ok">{note}</p>
    </form>
  );
}
