// Week boundaries below are London time (British Summer Time in June), whatever the machine's zone.
process.env.TZ = 'Europe/London';

import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pupil, Roster } from '../../src/roster/model';
import {
  appendAudit, currentRoster, currentRosterVersion, GUARD_DATABASE_NAME, listAudit, listRosterVersions, openGuardDatabase, postsThisWeek,
  recordPost, replaceRoster, restoreRosterVersion, RosterChangedError, type AuditEntry, type GuardDatabase, type RosterVersionSummary,
} from '../../src/roster/roster-store';

const pupil = (forename: string, photoConsent = true): Pupil => ({ id: forename.toLowerCase(), forename, surname: 'Nowak', className: 'Owls', photoConsent });
const roster = (source: string, ...forenames: string[]): Roster => ({ pupils: forenames.map((name) => pupil(name)), importedAt: '2025-09-01T08:00:00.000Z', source });

let db: GuardDatabase;

beforeEach(async () => {
  db = await openGuardDatabase();
});

afterEach(async () => {
  db.close();
  await deleteDB(GUARD_DATABASE_NAME);
});

describe('roster versions', () => {
  it('has no roster before the first import', async () => {
    expect(await currentRoster(db)).toBeNull();
    expect(await listRosterVersions(db)).toEqual([]);
  });

  it('makes each replacement current and lists versions newest first, without names', async () => {
    const first = await replaceRoster(db, roster('first.csv', 'Ada'));
    const second = await replaceRoster(db, roster('second.csv', 'Ada', 'Kai'));
    expect(second).toEqual({ id: second.id, importedAt: '2025-09-01T08:00:00.000Z', source: 'second.csv', pupilCount: 2, current: true });
    expect(await currentRoster(db)).toEqual(roster('second.csv', 'Ada', 'Kai'));
    const versions = await listRosterVersions(db);
    expect(versions).toEqual([{ ...second }, { ...first, current: false }]);
    expect(JSON.stringify(versions)).not.toMatch(/Ada|Kai|Nowak/);
  });

  it('keeps only the last five versions', async () => {
    for (let index = 1; index <= 7; index += 1) await replaceRoster(db, roster(`import-${index}.csv`, 'Ada'));
    const versions = await listRosterVersions(db);
    expect(versions.map((version) => version.source)).toEqual(['import-7.csv', 'import-6.csv', 'import-5.csv', 'import-4.csv', 'import-3.csv']);
    expect((await currentRoster(db))?.source).toBe('import-7.csv');
  });

  it('replaces only the version an import preview was made against: after a sync, a restore or another import it changes nothing', async () => {
    expect(await replaceRoster(db, roster('first.csv', 'Ada'), { basedOn: 7 }).catch((error: unknown) => error)).toBeInstanceOf(RosterChangedError);
    const first = await replaceRoster(db, roster('first.csv', 'Ada'), { basedOn: null });
    expect(await currentRosterVersion(db)).toEqual({ id: first.id, roster: roster('first.csv', 'Ada') });
    // The preview of preview.csv compared with first.csv; then a sync saved synced.csv.
    const synced = await replaceRoster(db, roster('synced.csv', 'Ada', 'Kai'));
    const refused = await replaceRoster(db, roster('preview.csv', 'Ivy'), { basedOn: first.id }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RosterChangedError);
    expect((refused as RosterChangedError).currentVersionId).toBe(synced.id);
    expect((await currentRoster(db))?.source).toBe('synced.csv');
    expect((await listRosterVersions(db)).map((version) => version.source)).toEqual(['synced.csv', 'first.csv']);
    // Made again against the list in force, it goes through.
    await replaceRoster(db, roster('preview.csv', 'Ivy'), { basedOn: synced.id });
    expect((await currentRoster(db))?.source).toBe('preview.csv');
    // A restore is a change of the list in force too.
    const before = (await currentRosterVersion(db))!.id;
    await restoreRosterVersion(db, first.id);
    await expect(replaceRoster(db, roster('late.csv', 'Ivy'), { basedOn: before })).rejects.toThrow(/changed after the preview/);
    expect((await currentRoster(db))?.source).toBe('first.csv');
  });

  it('restores an earlier version in one step, and later imports go on from there', async () => {
    const first = await replaceRoster(db, roster('first.csv', 'Ada'));
    await replaceRoster(db, roster('second.csv', 'Kai'));
    expect(await restoreRosterVersion(db, first.id)).toMatchObject({ id: first.id, source: 'first.csv', current: true });
    expect((await currentRoster(db))?.source).toBe('first.csv');
    expect((await listRosterVersions(db)).map((version) => [version.source, version.current])).toEqual([['second.csv', false], ['first.csv', true]]);
    await replaceRoster(db, roster('third.csv', 'Ivy'));
    expect((await currentRoster(db))?.source).toBe('third.csv');
  });

  it('refuses to restore a version that is no longer kept, leaving the current one', async () => {
    await replaceRoster(db, roster('only.csv', 'Ada'));
    await expect(restoreRosterVersion(db, 999)).rejects.toMatchObject({ said: { key: 'roster_restore_gone', substitutions: [] } });
    expect((await currentRoster(db))?.source).toBe('only.csv');
  });

  it('refuses an invalid or empty roster, leaving the previous one in force', async () => {
    await replaceRoster(db, roster('good.csv', 'Ada'));
    const invalid = { ...roster('bad.csv'), pupils: [{ ...pupil('Kai'), forename: '' }] };
    // Said by their keys in _locales, as the options page shows them.
    await expect(replaceRoster(db, invalid)).rejects.toMatchObject({ said: { key: 'roster_save_invalid', substitutions: [] } });
    await expect(replaceRoster(db, roster('empty.csv'))).rejects.toMatchObject({ said: { key: 'roster_save_empty', substitutions: [] } });
    expect((await currentRoster(db))?.source).toBe('good.csv');
    expect(await listRosterVersions(db)).toHaveLength(1);
  });

  describe('a replacement that fails half-way changes nothing', () => {
    type StoreName = 'rosterVersions' | 'meta';

    /** Forwards to `target`, calling its methods on `target` itself (idb's wrappers need that). */
    function forward<T extends object>(target: T, override: (property: string | symbol) => unknown): T {
      return new Proxy(target, {
        get(inner, property) {
          const replaced = override(property);
          if (replaced !== undefined) return replaced;
          const value: unknown = Reflect.get(inner, property, inner);
          return typeof value === 'function' ? value.bind(inner) : value;
        },
      });
    }

    /** A view of `db` in which `method` of the `storeName` store does `fail` instead. */
    function failing(storeName: StoreName, method: 'put' | 'delete', fail: (store: { put(value: unknown, key: unknown): unknown }) => unknown): GuardDatabase {
      return forward(db, (property) => {
        if (property !== 'transaction') return undefined;
        return (...args: Parameters<GuardDatabase['transaction']>) => {
          const tx = db.transaction(...args);
          return forward(tx, (txProperty) => {
            if (txProperty !== 'objectStore') return undefined;
            return (name: StoreName) => {
              const store = tx.objectStore(name);
              if (name !== storeName) return store;
              return forward(store, (storeProperty) => (storeProperty === method ? () => fail(store as never) : undefined));
            };
          });
        };
      });
    }

    async function expectUnchanged(before: RosterVersionSummary[], source: string) {
      expect(await listRosterVersions(db)).toEqual(before);
      expect((await currentRoster(db))?.source).toBe(source);
    }

    it('when the database refuses a write (an invalid key) after the new version was written', async () => {
      await replaceRoster(db, roster('good.csv', 'Ada'));
      const before = await listRosterVersions(db);
      const broken = failing('meta', 'put', (store) => store.put(1, { not: 'a key' }));
      await expect(replaceRoster(broken, roster('new.csv', 'Kai'))).rejects.toThrow();
      await expectUnchanged(before, 'good.csv');
    });

    it('when our own code fails mid-transaction (not a failed request, so no automatic abort)', async () => {
      await replaceRoster(db, roster('good.csv', 'Ada'));
      const before = await listRosterVersions(db);
      const broken = failing('meta', 'put', () => Promise.reject(new Error('disk full')));
      await expect(replaceRoster(broken, roster('new.csv', 'Kai'))).rejects.toThrow('disk full');
      await expectUnchanged(before, 'good.csv');
    });

    it('when it fails while pruning old versions', async () => {
      for (let index = 1; index <= 5; index += 1) await replaceRoster(db, roster(`import-${index}.csv`, 'Ada'));
      const before = await listRosterVersions(db);
      const broken = failing('rosterVersions', 'delete', () => Promise.reject(new Error('failed while pruning')));
      await expect(replaceRoster(broken, roster('sixth.csv', 'Kai'))).rejects.toThrow('failed while pruning');
      await expectUnchanged(before, 'import-5.csv');
    });
  });
});

describe('audit log', () => {
  const entry = (at: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
    at, account: 'OakfieldPrimary', className: 'Owls', rules: ['pupil-name'], outcome: 'blocked', ...overrides,
  });

  it('lists entries newest first, with since and limit', async () => {
    await appendAudit(db, entry('2025-09-01T09:00:00.000Z'));
    await appendAudit(db, entry('2025-09-03T09:00:00.000Z', { outcome: 'posted', rules: [] }));
    await appendAudit(db, entry('2025-09-02T09:00:00.000Z', { rules: ['hashtag', 'mention'], outcome: 'exception-confirmed', className: null, account: null }));
    expect((await listAudit(db)).map((e) => e.at)).toEqual(['2025-09-03T09:00:00.000Z', '2025-09-02T09:00:00.000Z', '2025-09-01T09:00:00.000Z']);
    expect((await listAudit(db, { limit: 1 })).map((e) => e.outcome)).toEqual(['posted']);
    expect((await listAudit(db, { since: '2025-09-02T09:00:00.000Z' })).map((e) => e.at)).toEqual(['2025-09-03T09:00:00.000Z', '2025-09-02T09:00:00.000Z']);
    expect(await listAudit(db, { since: '2025-09-02T10:00:00+01:00' })).toHaveLength(2);
  });

  it('stores only time, account, class, rule ids and outcome: never text', async () => {
    const withText = { ...entry('2025-09-01T09:00:00.000Z'), text: 'Well done Ada Nowak!', names: ['Ada'] };
    // @ts-expect-error: an entry with any other field does not compile.
    await appendAudit(db, withText);
    const [stored] = await listAudit(db);
    expect(Object.keys(stored ?? {}).sort()).toEqual(['account', 'at', 'className', 'outcome', 'rules']);
    expect(JSON.stringify(await db.getAll('audit'))).not.toMatch(/Ada/);
  });

  it.each([
    ['an account that is not an X handle', { account: 'Well done Ada Nowak' }],
    ['a class name that is a whole draft', { className: 'Owls: well done\nAda' }],
    ['an unknown rule', { rules: ['pupil-name', 'Ada Nowak'] }],
    ['an unknown outcome', { outcome: 'Ada' }],
    ['a time that is not ISO', { at: 'yesterday' }],
  ])('refuses %s', async (_name, overrides) => {
    await expect(appendAudit(db, { ...entry('2025-09-01T09:00:00.000Z'), ...(overrides as Partial<AuditEntry>) })).rejects.toThrow();
    expect(await listAudit(db)).toEqual([]);
  });
});

describe('posts this week', () => {
  const post = (at: string, className: string | null, kind: 'general' | 'event' | 'residential' = 'general') =>
    recordPost(db, { at: new Date(at).toISOString(), account: 'OakfieldPrimary', className, kind });

  it('counts general posts per class in the ISO week (Monday start, local time)', async () => {
    await post('2025-06-15T23:59:00', 'Owls'); // the Sunday before: last week
    await post('2025-06-16T00:30:00', 'Owls'); // Monday 00:30 BST, still Sunday in UTC: this week
    await post('2025-06-18T12:00:00', 'Owls');
    await post('2025-06-18T12:00:00', 'Badgers');
    await post('2025-06-19T12:00:00', 'Owls', 'event');
    await post('2025-06-20T12:00:00', 'Owls', 'residential');
    await post('2025-06-20T12:00:00', null);
    await post('2025-06-22T23:59:59', 'Badgers'); // Sunday night: still this week
    await post('2025-06-23T00:00:00', 'Badgers'); // next Monday: next week
    expect(await postsThisWeek(db, new Date('2025-06-18T15:00:00'))).toEqual({ Owls: 2, Badgers: 2 });
    expect(await postsThisWeek(db, new Date('2025-06-23T09:00:00'))).toEqual({ Badgers: 1 });
    expect(await postsThisWeek(db, new Date('2025-07-01T09:00:00'))).toEqual({});
  });

  it('stores only time, account, class and kind', async () => {
    // @ts-expect-error: a post record with any other field does not compile.
    await recordPost(db, { at: '2025-06-18T12:00:00.000Z', account: null, className: 'Owls', kind: 'general', text: 'Owls: well done Ada' });
    expect(await db.getAll('posts')).toEqual([{ at: '2025-06-18T12:00:00.000Z', account: null, className: 'Owls', kind: 'general' }]);
  });
});
