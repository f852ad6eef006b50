/**
 * Settings live in storage.local (edited in the options page) with managed storage on top: a key
 * the school's admin console sets wins and is reported as locked.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../shared/settings';

const LOCAL_KEY = 'settings';
/** Managed keys that may be forced. Pupil names are deliberately not among them: chrome://policy shows policy to anyone. */
const MANAGEABLE_KEYS = [
  'schoolHandles', 'syncUrl', 'syncEveryHours', 'extraPrefixes', 'rules', 'schoolPhones', 'schoolEmails', 'staleRosterDays',
] as const;

export interface LoadedSettings {
  settings: Settings;
  managedKeys: string[];
  /** The admin console locked every setting. */
  locked: boolean;
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox throws when no enterprise policy is set for the add-on; Chrome returns {}.
    return {};
  }
}

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = (await browser.storage.local.get(LOCAL_KEY))[LOCAL_KEY];
  const local = v.safeParse(SettingsSchema, stored ?? {});
  const base = local.success ? local.output : DEFAULT_SETTINGS;
  const managed = await readManaged();
  const forced: Record<string, unknown> = {};
  for (const key of MANAGEABLE_KEYS) if (key in managed) forced[key] = managed[key];
  const merged = v.safeParse(SettingsSchema, { ...base, ...forced });
  if (!merged.success) {
    console.error('School Post Guard: managed settings are invalid and were ignored', v.flatten(merged.issues));
    return { settings: base, managedKeys: [], locked: managed.lockSettings === true };
  }
  return { settings: merged.output, managedKeys: Object.keys(forced), locked: managed.lockSettings === true };
}

export type SaveResult = { ok: true } | { ok: false; errors: string[] };

export async function saveSettings(input: unknown): Promise<SaveResult> {
  const { managedKeys, locked } = await loadSettings();
  if (locked) return { ok: false, errors: ['Settings are locked by your school’s administrator.'] };
  const parsed = v.safeParse(SettingsSchema, input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.map((issue) => `${v.getDotPath(issue) ?? 'settings'}: ${issue.message}`) };
  }
  // A managed key keeps its forced value; storing the edit would only confuse a later unmanaged install.
  const toStore: Record<string, unknown> = { ...parsed.output };
  for (const key of managedKeys) delete toStore[key];
  await browser.storage.local.set({ [LOCAL_KEY]: toStore });
  return { ok: true };
}

export function onSettingsChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && LOCAL_KEY in changes)) listener();
  });
}
