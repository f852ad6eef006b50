/**
 * Fetches the roster from the school's sync address and says what came back. It never touches the
 * store: the background decides what to do with the result, so a failed or invalid fetch leaves
 * the roster in force (DESIGN invariant 5). The only request it makes is to that one HTTPS address
 * (invariant 3): no redirects are followed, no cookies sent.
 */
import { messageText, type MessageText } from '../policy/message-text';
import { formatCount } from '../shared/format-count';
import { parseRosterCsv } from './csv-import';
import { parseRosterJson } from './json-import';
import type { Pupil } from './model';
import type { RosterProblem } from './parse-result';

export type SyncResult =
  | { status: 'unchanged' }
  | { status: 'updated'; pupils: Pupil[]; warnings: MessageText[]; etag?: string; lastModified?: string }
  | { status: 'invalid'; errors: RosterProblem[] }
  /** `message`: why, by its key in _locales (`sync_error_*`). */
  | { status: 'failed'; message: MessageText };

export interface SyncOptions {
  url: string;
  /** The validators of the last roster taken from this address, for a conditional request. */
  previous: { etag?: string; lastModified?: string };
  fetchImpl: typeof fetch;
  /** How long to wait for an answer; 30 seconds unless a test says otherwise. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** HTTP/2 and HTTP/3 answers carry no reason phrase, so the common ones are named here. */
const STATUS_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout',
  410: 'Gone', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export async function syncRoster(options: SyncOptions): Promise<SyncResult> {
  const address = checkAddress(options.url);
  if (!(address instanceof URL)) return { status: 'failed', message: address };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const headers: Record<string, string> = {};
  if (options.previous.etag) headers['If-None-Match'] = options.previous.etag;
  if (options.previous.lastModified) headers['If-Modified-Since'] = options.previous.lastModified;

  let response: Response;
  let body: Uint8Array;
  try {
    response = await options.fetchImpl(address.href, {
      method: 'GET',
      headers,
      // The roster holds pupils' names: keep it out of the browser's disk cache. That also means a
      // 304 reaches us as a 304 (the browser does not turn it into a cached 200), which is what our
      // own If-None-Match / If-Modified-Since are for.
      cache: 'no-store',
      credentials: 'omit',
      // Following a redirect would be a request to an address the ICT lead did not configure.
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status === 304) return { status: 'unchanged' };
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { status: 'failed', message: messageText('sync_error_redirect') };
    }
    if (response.status !== 200) {
      const phrase = response.statusText || STATUS_PHRASES[response.status];
      return { status: 'failed', message: messageText('sync_error_status', `${response.status}${phrase ? ` ${phrase}` : ''}`) };
    }
    if (/^text\/html\b/i.test(response.headers.get('Content-Type') ?? '')) {
      // Typically a sign-in or "file not shared" page from a file-sharing service.
      return { status: 'failed', message: messageText('sync_error_web_page') };
    }
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return { status: 'failed', message: describeFetchError(error, timeoutMs) };
  }

  const fileName = lastPathSegment(address) || address.host;
  const parsed = isJson(response, address) ? parseRosterJson(body, fileName) : parseRosterCsv(body, fileName);
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  const result: SyncResult = { status: 'updated', pupils: parsed.pupils, warnings: parsed.warnings };
  const etag = response.headers.get('ETag');
  const lastModified = response.headers.get('Last-Modified');
  if (etag) result.etag = etag;
  if (lastModified) result.lastModified = lastModified;
  return result;
}

/** The parsed address, or why it cannot be used. */
function checkAddress(url: string): URL | MessageText {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return messageText('sync_error_not_an_address', url);
  }
  if (address.protocol !== 'https:') return messageText('sync_error_not_https', url);
  if (address.username || address.password) return messageText('sync_error_credentials');
  return address;
}

function lastPathSegment(address: URL): string {
  const segment = address.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isJson(response: Response, address: URL): boolean {
  const contentType = response.headers.get('Content-Type') ?? '';
  return /\bjson\b/i.test(contentType) || address.pathname.toLowerCase().endsWith('.json');
}

function describeFetchError(error: unknown, timeoutMs: number): MessageText {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return messageText('sync_error_timeout', formatCount(Math.round(timeoutMs / 1000)));
  }
  return error instanceof Error && error.message ? messageText('sync_error_unreachable_detail', error.message) : messageText('sync_error_unreachable');
}
