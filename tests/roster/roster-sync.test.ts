import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { exportRosterJson } from '../../src/roster/roster-export';
import { syncRoster, type SyncOptions } from '../../src/roster/roster-sync';
import { tMessage } from '../../src/shared/i18n';

const SAMPLE_CSV = readFileSync(new URL('../fixtures/roster/sample-roster.csv', import.meta.url));
const URL_CSV = 'https://mis.example.org/exports/roster.csv';

type FetchCall = { url: string; init: RequestInit };

/** A fetch that answers with `respond` and records what it was asked. */
function fakeFetch(respond: (call: FetchCall) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return respond(call);
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, calls };
}

/** Syncs, with what went wrong said in the en_GB words the ICT lead reads. */
async function sync(options: Partial<SyncOptions> & Pick<SyncOptions, 'fetchImpl'>) {
  const result = await syncRoster({ url: URL_CSV, previous: {}, ...options });
  if (result.status === 'failed') return { ...result, message: tMessage(result.message) };
  if (result.status === 'invalid') return { ...result, errors: result.errors.map((problem) => ({ ...problem, message: tMessage(problem.message) })) };
  return result;
}

describe('syncRoster', () => {
  it('200: parses the CSV and returns the pupils with the validators for next time', async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Response(SAMPLE_CSV, { status: 200, headers: { 'Content-Type': 'text/csv', ETag: '"v1"', 'Last-Modified': 'Mon, 01 Sep 2025 08:00:00 GMT' } }));
    const result = await sync({ fetchImpl });
    expect(result).toMatchObject({ status: 'updated', etag: '"v1"', lastModified: 'Mon, 01 Sep 2025 08:00:00 GMT' });
    expect(result.status === 'updated' && result.pupils).toHaveLength(30);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(URL_CSV);
    expect(calls[0]?.init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'manual' });
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
    expect(calls[0]?.init.headers).toEqual({});
  });

  it('304: sends If-None-Match and If-Modified-Since, and reports unchanged', async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Response(null, { status: 304 }));
    const result = await sync({ fetchImpl, previous: { etag: '"v1"', lastModified: 'Mon, 01 Sep 2025 08:00:00 GMT' } });
    expect(result).toEqual({ status: 'unchanged' });
    expect(calls[0]?.init.headers).toEqual({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Mon, 01 Sep 2025 08:00:00 GMT' });
  });

  it('reads JSON by content type or by the .json extension', async () => {
    const json = exportRosterJson({ pupils: [{ id: 'A1', forename: 'Ada', surname: 'Nowak', className: 'Owls', photoConsent: true }], importedAt: '2025-09-01T08:00:00.000Z', source: 'x' });
    const byType = fakeFetch(() => new Response(json, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } }));
    expect((await sync({ fetchImpl: byType.fetchImpl })).status).toBe('updated');
    const byName = fakeFetch(() => new Response(json, { status: 200 }));
    expect((await sync({ fetchImpl: byName.fetchImpl, url: 'https://mis.example.org/roster.json' })).status).toBe('updated');
  });

  it('invalid roster: returns the problems, by row and column', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('First name,Surname,Class,Photo consent\nAda,Nowak,Owls,maybe\n', { status: 200 }));
    expect(await sync({ fetchImpl })).toEqual({
      status: 'invalid',
      errors: [{ row: 0, message: expect.stringMatching(/^"Photo consent": 1 pupil has no consent value the guard can read — 'maybe' \(row 2\)\./) as unknown as string }],
    });
  });

  it.each([
    [404, '', 'The pupil list sync address answered 404 Not Found.'],
    [403, 'Forbidden', 'The pupil list sync address answered 403 Forbidden.'],
    [500, '', 'The pupil list sync address answered 500 Internal Server Error.'],
    [418, '', 'The pupil list sync address answered 418.'],
  ])('HTTP %i: fails in plain English', async (status, statusText, message) => {
    const { fetchImpl } = fakeFetch(() => new Response('nope', { status, statusText }));
    expect(await sync({ fetchImpl })).toEqual({ status: 'failed', message });
  });

  it('a redirect is not followed', async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Response(null, { status: 302, headers: { Location: 'http://elsewhere.example/roster.csv' } }));
    const result = await sync({ fetchImpl });
    expect(result).toEqual({ status: 'failed', message: expect.stringContaining('redirects to another address') });
    expect(calls).toHaveLength(1);
  });

  it('a sign-in page instead of the file', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('<!doctype html><title>Sign in</title>', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
    expect(await sync({ fetchImpl })).toEqual({ status: 'failed', message: expect.stringContaining('answered with a web page') });
  });

  it('network error', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect(await sync({ fetchImpl })).toEqual({ status: 'failed', message: expect.stringMatching(/^The pupil list sync address could not be reached .*: fetch failed\.$/) });
  });

  it('timeout', async () => {
    const { fetchImpl } = fakeFetch(({ init }) => new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    }));
    expect(await sync({ fetchImpl, timeoutMs: 20 })).toEqual({ status: 'failed', message: expect.stringMatching(/^The pupil list sync address did not answer within/) });
  });

  it.each([
    ['http: (not encrypted)', 'http://mis.example.org/roster.csv', /^The pupil list sync address must start with https:\/\//],
    ['not an address', 'roster.csv', /is not a web address/],
    ['ftp:', 'ftp://mis.example.org/roster.csv', /must start with https:\/\//],
    ['with a password', 'https://user:secret@mis.example.org/roster.csv', /must not contain a user name or password/],
  ])('refuses %s without making any request', async (_name, url, message) => {
    const { fetchImpl, calls } = fakeFetch(() => new Response(SAMPLE_CSV));
    expect(await sync({ fetchImpl, url })).toEqual({ status: 'failed', message: expect.stringMatching(message) });
    expect(calls).toHaveLength(0);
  });
});
