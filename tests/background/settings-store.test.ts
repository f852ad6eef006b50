import { describe, expect, it, vi } from 'vitest';
import { SettingsStore, type SettingsAreas } from '../../src/background/settings-store';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

/** What staff read after a wrong settings PIN (the en_GB words). */
const WRONG_PIN = 'That is not the settings PIN.';

function fakeAreas(managed: Record<string, unknown> | Error = {}, local: Record<string, unknown> = {}) {
  const stored = { ...local };
  const areas: SettingsAreas = {
    local: {
      get: async (key) => (key in stored ? { [key]: structuredClone(stored[key]) } : {}),
      set: async (items) => void Object.assign(stored, structuredClone(items)),
      remove: async (key) => void delete stored[key],
    },
    managed: { get: async () => (managed instanceof Error ? Promise.reject(managed) : structuredClone(managed)) },
  };
  return { areas, stored };
}

const store = (areas: SettingsAreas) => new SettingsStore(areas, 1000);

describe('loading settings', () => {
  it('gives the defaults on a fresh install, and survives Firefox throwing without a policy', async () => {
    expect(await store(fakeAreas(new Error('Managed storage manifest not found')).areas).load()).toEqual({ settings: DEFAULT_SETTINGS, managedKeys: [], locked: false, managedProblems: [] });
  });

  it('puts managed keys over local ones and reports them as locked', async () => {
    const { areas } = fakeAreas(
      { schoolHandles: ['PrimaryRedbourn'], syncUrl: 'https://mis.example/roster.csv', classes: [{ name: 'Owls', aliases: ['Y2'] }] },
      { settings: { schoolHandles: ['SomeoneElse'], extraPrefixes: ['PTA'], staleRosterDays: 10 } },
    );
    const loaded = await store(areas).load();
    expect(loaded.settings).toEqual({
      ...DEFAULT_SETTINGS, schoolHandles: ['PrimaryRedbourn'], syncUrl: 'https://mis.example/roster.csv',
      classes: [{ name: 'Owls', aliases: ['Y2'] }], extraPrefixes: ['PTA'], staleRosterDays: 10,
    });
    expect(loaded.managedKeys.sort()).toEqual(['classes', 'schoolHandles', 'syncUrl']);
    expect(loaded.locked).toBe(false);
  });

  it('never takes pupils (or anything else unknown) from managed storage', async () => {
    const { areas } = fakeAreas({ pupils: [{ forename: 'Ada' }], roster: 'Ada Nowak', lockSettings: true });
    const loaded = await store(areas).load();
    expect(JSON.stringify(loaded)).not.toContain('Ada');
    expect(loaded).toEqual({ settings: DEFAULT_SETTINGS, managedKeys: [], locked: true, managedProblems: [] });
  });

  it('drops an invalid managed key and keeps the valid ones', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { areas } = fakeAreas({ syncUrl: 'http://insecure.example/roster.csv', staleRosterDays: 7 });
    const loaded = await store(areas).load();
    expect(loaded.settings.syncUrl).toBeNull();
    expect(loaded.settings.staleRosterDays).toBe(7);
    expect(loaded.managedKeys).toEqual(['staleRosterDays']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"syncUrl" is invalid'));
    error.mockRestore();
  });
});

describe('saving settings', () => {
  it('stores valid settings without the managed keys, whose forced value stays', async () => {
    const { areas, stored } = fakeAreas({ schoolHandles: ['PrimaryRedbourn'] });
    const settingsStore = store(areas);
    expect(await settingsStore.save({ ...DEFAULT_SETTINGS, schoolHandles: ['Changed'], extraPrefixes: ['Whole School'] })).toEqual({ ok: true });
    expect(stored.settings).toEqual({ ...DEFAULT_SETTINGS, extraPrefixes: ['Whole School'], schoolHandles: undefined });
    expect((await settingsStore.load()).settings.schoolHandles).toEqual(['PrimaryRedbourn']);
  });

  it('refuses invalid settings and changes nothing', async () => {
    const { areas, stored } = fakeAreas();
    const result = await store(areas).save({ ...DEFAULT_SETTINGS, staleRosterDays: 0 });
    expect(result.ok).toBe(false);
    expect(stored.settings).toBeUndefined();
  });

  it('refuses everything when the admin console locked the settings', async () => {
    const { areas, stored } = fakeAreas({ lockSettings: true });
    expect(await store(areas).save(DEFAULT_SETTINGS)).toEqual({ ok: false, errors: ['Settings are locked by your school’s administrator.'] });
    expect(stored.settings).toBeUndefined();
  });
});

describe('the settings PIN', () => {
  it('is not needed until set, then needed for every save, and stored only as a hash', async () => {
    const { areas, stored } = fakeAreas();
    const settingsStore = store(areas);
    expect(await settingsStore.pinSet()).toBe(false);
    expect(await settingsStore.pinAllows(undefined)).toBe(true);
    expect(await settingsStore.setPin('2468')).toEqual({ ok: true });
    expect(await settingsStore.pinSet()).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('2468');

    expect(await settingsStore.save(DEFAULT_SETTINGS)).toEqual({ ok: false, errors: [WRONG_PIN] });
    expect(await settingsStore.save(DEFAULT_SETTINGS, '1357')).toEqual({ ok: false, errors: [WRONG_PIN] });
    expect(await settingsStore.save(DEFAULT_SETTINGS, '2468')).toEqual({ ok: true });
  });

  it('needs the current PIN to change or remove it', async () => {
    const { areas } = fakeAreas();
    const settingsStore = store(areas);
    await settingsStore.setPin('2468');
    expect(await settingsStore.setPin('1111')).toEqual({ ok: false, message: WRONG_PIN });
    expect(await settingsStore.setPin(null, '0000')).toEqual({ ok: false, message: WRONG_PIN });
    expect(await settingsStore.setPin('1111', '2468')).toEqual({ ok: true });
    expect(await settingsStore.pinAllows('1111')).toBe(true);
    expect(await settingsStore.setPin(null, '1111')).toEqual({ ok: true });
    expect(await settingsStore.pinSet()).toBe(false);
  });

  it('refuses a PIN that is not 4–12 digits, and any PIN on a managed install', async () => {
    expect(await store(fakeAreas().areas).setPin('12')).toEqual({ ok: false, message: 'A PIN is 4 to 12 digits.' });
    const managed = await store(fakeAreas({ syncUrl: 'https://mis.example/r.csv' }).areas).setPin('2468');
    expect(managed.ok).toBe(false);
  });
});
