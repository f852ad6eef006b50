/**
 * Settings live in storage.local (edited in the options page) with managed storage on top: a key
 * the school's admin console sets wins and is reported as locked. The storage areas are passed in,
 * so tests can give fakes (managed storage cannot be set from a test).
 */
import * as v from 'valibot';
import { pinMatches, hashPin, pinProblem, type PinHash } from '../shared/settings-pin';
import type { ChangeResult, ManagedProblem, SettingKey } from '../shared/messages';
import { t } from '../shared/i18n';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../shared/settings';

export const SETTINGS_STORAGE_KEY = 'settings';
const PIN_STORAGE_KEY = 'settingsPin';

/**
 * Keys the admin console may force. Anything else in managed storage is ignored: pupil names in
 * particular, since chrome://policy shows policy to anyone at the machine.
 */
const MANAGEABLE_KEYS = [
  'schoolHandles', 'classes', 'extraPrefixes', 'rules', 'neverANames', 'schoolPhones', 'schoolEmails',
  'staleRosterDays', 'syncUrl', 'syncEveryHours',
] as const satisfies readonly SettingKey[];

const PinHashSchema = v.object({ salt: v.string(), iterations: v.pipe(v.number(), v.integer(), v.minValue(1)), hash: v.string() });

export interface SettingsAreas {
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(key: string): Promise<void>;
  };
  managed: { get(): Promise<Record<string, unknown>> };
}

export interface LoadedSettings {
  settings: Settings;
  managedKeys: SettingKey[];
  /** The admin console locked every setting. */
  locked: boolean;
  /** Values the admin console set that were rejected (and not applied), for the ICT lead to see. */
  managedProblems: ManagedProblem[];
}

export type SaveResult = { ok: true } | { ok: false; errors: string[] };


export class SettingsStore {
  /** PBKDF2 cost, lowered only by tests. */
  constructor(private readonly areas: SettingsAreas, private readonly pinIterations?: number) {}

  async load(): Promise<LoadedSettings> {
    let settings = parseStored((await this.areas.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]);
    const managed = await this.readManaged();
    const managedKeys: SettingKey[] = [];
    const managedProblems: ManagedProblem[] = [];
    // Key by key (and rule by rule), so one bad value from the console does not throw away the good ones.
    for (const key of MANAGEABLE_KEYS) {
      if (!(key in managed)) continue;
      const entries = key === 'rules' && isRecord(managed.rules) ? Object.entries(managed.rules).map(([id, level]) => ({ rules: { ...settings.rules, [id]: level } })) : [{ [key]: managed[key] }];
      let applied = false;
      for (const entry of entries) {
        const merged = v.safeParse(SettingsSchema, { ...settings, ...entry });
        if (merged.success) {
          settings = merged.output;
          applied = true;
          continue;
        }
        for (const issue of merged.issues) {
          const message = `${(v.getDotPath(issue) ?? key).replace(/^rules\./, '')}: ${issue.message}`;
          console.error(`School Post Guard: the managed setting "${key}" is invalid and was ignored: ${message}`);
          managedProblems.push({ key, message });
        }
      }
      if (applied) managedKeys.push(key);
    }
    return { settings, managedKeys, locked: managed.lockSettings === true, managedProblems };
  }

  async save(input: unknown, pin?: string): Promise<SaveResult> {
    const { managedKeys, locked } = await this.load();
    if (locked) return { ok: false, errors: [t('settings_locked')] };
    if (!(await this.pinAllows(pin))) return { ok: false, errors: [t('options_pin_wrong')] };
    const parsed = v.safeParse(SettingsSchema, input);
    if (!parsed.success) {
      return { ok: false, errors: parsed.issues.map((issue) => `${v.getDotPath(issue) ?? 'settings'}: ${issue.message}`) };
    }
    // A managed key keeps its forced value; storing the edit would only confuse a later unmanaged install.
    const toStore: Record<string, unknown> = { ...parsed.output };
    for (const key of managedKeys) delete toStore[key];
    await this.areas.local.set({ [SETTINGS_STORAGE_KEY]: toStore });
    return { ok: true };
  }

  async pinSet(): Promise<boolean> {
    return (await this.readPin()) !== null;
  }

  /** True when no PIN is set, or `pin` is it. */
  async pinAllows(pin: string | undefined): Promise<boolean> {
    const stored = await this.readPin();
    if (stored === null) return true;
    return pin !== undefined && (await pinMatches(pin, stored));
  }

  /** Sets, changes or (with null) removes the PIN; the current PIN is needed when one is set. */
  async setPin(newPin: string | null, pin?: string): Promise<ChangeResult> {
    const { managedKeys, locked } = await this.load();
    // A managed install is protected by its admin console; a PIN there would only lock out the ICT lead.
    if (locked || managedKeys.length > 0) return { ok: false, message: t('settings_pin_managed_install') };
    if (!(await this.pinAllows(pin))) return { ok: false, message: t('options_pin_wrong') };
    if (newPin === null) {
      await this.areas.local.remove(PIN_STORAGE_KEY);
      return { ok: true };
    }
    const problem = pinProblem(newPin);
    if (problem !== null) return { ok: false, message: problem };
    await this.areas.local.set({ [PIN_STORAGE_KEY]: await hashPin(newPin, this.pinIterations) });
    return { ok: true };
  }

  private async readPin(): Promise<PinHash | null> {
    const parsed = v.safeParse(PinHashSchema, (await this.areas.local.get(PIN_STORAGE_KEY))[PIN_STORAGE_KEY]);
    return parsed.success ? parsed.output : null;
  }

  private async readManaged(): Promise<Record<string, unknown>> {
    try {
      return await this.areas.managed.get();
    } catch {
      // Firefox throws when no enterprise policy is set for the add-on; Chrome returns {}.
      return {};
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The settings the options page saved. An exception level on a rule that no longer allows one
 * (saved before levels came from the rules' metadata) reads as the block it stood for, rather than
 * as a reason to drop every setting.
 */
function parseStored(stored: unknown): Settings {
  const parsed = v.safeParse(SettingsSchema, stored ?? {});
  if (parsed.success) return parsed.output;
  if (isRecord(stored) && isRecord(stored.rules)) {
    const rules = Object.fromEntries(Object.entries(stored.rules).map(([id, level]) => [id, level === 'block-with-exception' ? 'block' : level]));
    const repaired = v.safeParse(SettingsSchema, { ...stored, rules });
    if (repaired.success) return repaired.output;
  }
  return DEFAULT_SETTINGS;
}
