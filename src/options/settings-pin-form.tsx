/** Sets, changes or removes the settings PIN of an install the school's admin console does not manage. */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
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
      const problem = pinProblem(next) ?? (next === repeat ? null : t('options_pin_mismatch'));
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
    setNote(next === null ? t('options_pin_removed') : t('options_pin_saved'));
    // The page stays unlocked, now with the new PIN.
    rememberPin(next ?? undefined);
    await reload();
  };

  return (
    <form aria-labelledby="pin-heading" onSubmit={(event) => { event.preventDefault(); void change(newPin); }}>
      <h3 id="pin-heading">{t('options_pin_title')}</h3>
      <p class="hint">{state.pinSet ? t('options_pin_hint_set') : t('options_pin_hint_unset')}</p>
      <div class="field">
        <label for="new-pin">{state.pinSet ? t('options_pin_new_label') : t('options_pin_label')}</label>
        <input id="new-pin" type="password" inputMode="numeric" autoComplete="new-password" value={newPin} disabled={!editable}
          onInput={(event) => setNewPin(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="repeat-pin">{t('options_pin_repeat_label')}</label>
        <input id="repeat-pin" type="password" inputMode="numeric" autoComplete="new-password" value={repeat} disabled={!editable}
          onInput={(event) => setRepeat(event.currentTarget.value)} />
      </div>
      {error !== null && <p role="alert" class="error">{error}</p>}
      <p class="actions">
        <button type="submit" disabled={!editable}>{state.pinSet ? t('options_pin_change') : t('options_pin_set')}</button>{' '}
        {state.pinSet && <button type="button" class="secondary" disabled={!editable} onClick={() => void change(null)}>{t('options_pin_remove')}</button>}
      </p>
      <p role="status" class="ok">{note}</p>
    </form>
  );
}
