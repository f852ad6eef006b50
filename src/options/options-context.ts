/** What every section of the options page shares: the settings, who may change what, and saving. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SettingKey, SettingsState } from '../shared/messages';
import type { SettingsProblem } from './settings-form';

export interface OptionsContextValue {
  state: SettingsState;
  /** The settings PIN once entered on this page, sent with every change; undefined when none is needed or not yet entered. */
  pin: string | undefined;
  /** False while the admin console locks everything, or a PIN is set and has not been entered. */
  editable: boolean;
  /** Can the ICT lead change `key` here? Not when the admin console forces it. */
  canChange(key: SettingKey): boolean;
  /** Validates and saves a change to some settings; resolves to the problems, none when saved. */
  save(change: Partial<Record<SettingKey, unknown>>): Promise<SettingsProblem[]>;
  reload(): Promise<void>;
  /** Keeps `pin` for later changes (after the PIN was set or changed here); undefined forgets it. */
  rememberPin(pin: string | undefined): void;
}

export const OptionsContext = createContext<OptionsContextValue | null>(null);

export function useOptions(): OptionsContextValue {
  const value = useContext(OptionsContext);
  if (value === null) throw new Error('useOptions() outside the options page');
  return value;
}
