/**
 * The stand-in for x.com's servers in end-to-end tests: an HTTPS server on 127.0.0.1 that serves the
 * built X fixture (tests/fixtures/x/dist) for every page path and records what the page sends
 * to X's API, so a test can assert exactly what went over the network.
 *
 * Browsers reach it as https://x.com (and twitter.com): Chromium through --host-resolver-rules
 * (support/chromium.ts), Firefox through a loopback CONNECT proxy (support/firefox.ts).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';
import { CREATE_SCHEDULED_TWEET_QUERY_ID, CREATE_TWEET_QUERY_ID, DM_NEW_PATH, MEDIA_METADATA_PATH, MEDIA_UPLOAD_PATH } from '../../fixtures/x/src/x-api';

export const X_FIXTURE_DIST = fileURLToPath(new URL('../../fixtures/x/dist/', import.meta.url));

/** Host names the certificate covers and the browser launchers point at this server. */
export const X_HOSTS = ['x.com', '*.x.com', 'twitter.com', '*.twitter.com'] as const;

/** One request as it arrived, for "nothing else left the machine" assertions. */
export interface RecordedRequest {
  method: string;
  /** The Host header without a port, e.g. `x.com`. */
  host: string;
  /** Path and query, e.g. `/i/media/upload.json?command=INIT&…`. */
  path: string;
  time: number;
}

export interface PostedMedia {
  mediaId: string;
  /** The file's name as the page's upload carried it. */
  name: string;
  size: number;
  type: string;
  /** The description sent as media metadata, '' when none. */
  altText: string;
}

/**
 * What went out: `tweet`, one CreateTweet call (one post, or one post of a thread, a reply or a
 * quote); `scheduled`, one CreateScheduledTweet; `dm`, one direct message (dm/new2.json).
 */
export type PostedKind = 'tweet' | 'scheduled' | 'dm';

/** One post-like request: a post, one post of a thread, a scheduled post or a direct message. */
export interface PostedTweet {
  kind: PostedKind;
  id: string;
  text: string;
  media: PostedMedia[];
  /** The post this one replies to (the previous post of a thread), null for a first post. */
  inReplyTo: string | null;
  /** A quote's `attachment_url` (the quoted post's URL), null otherwise. */
  quoted: string | null;
  /** A scheduled post's `execute_at` (seconds since the epoch), null otherwise. */
  executeAt: number | null;
  /** A direct message's conversation, null otherwise. */
  conversationId: string | null;
  /** The GraphQL query id ('' for a direct message). */
  queryId: string;
  host: string;
  time: number;
}

export type RouteHandler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void | Promise<void>;

export interface XServerOptions {
  /** The built fixture to serve; tests/fixtures/x/dist by default (see buildXFixture()). */
  distDir?: string;
  /** More host names for the certificate, e.g. a roster sync host served with addRoute(). */
  extraHosts?: string[];
  /**
   * The Content-Security-Policy sent with pages. By default one shaped like x.com's, so in-page
   * UI that X's own policy would block fails here too; `false` sends none.
   */
  contentSecurityPolicy?: string | false;
}

export interface XServer {
  port: number;
  /** https://127.0.0.1:<port>, for requests from Node (the certificate is self-signed). */
  origin: string;
  /** The origin the browsers use: https://x.com. */
  siteOrigin: string;
  /** The server's certificate, and its SPKI SHA-256 in base64 for Chromium's --ignore-certificate-errors-spki-list. */
  certificate: { cert: string; key: string; spkiSha256: string };
  /**
   * Posts received since the last reset(), in arrival order, once requests still being read have
   * finished: posts, scheduled posts and direct messages alike (see `kind`).
   */
  posted(): Promise<PostedTweet[]>;
  /** Waits until at least `count` posts (of any kind) have arrived (polls; rejects after `timeoutMs`). */
  waitForPosts(count: number, timeoutMs?: number): Promise<PostedTweet[]>;
  /** Every request since the last reset(), in arrival order. */
  requests(): RecordedRequest[];
  /** The bytes uploaded for a media id (APPEND's chunks, joined): what X received. */
  uploadedBytes(mediaId: string): Buffer | undefined;
  /**
   * Serves `method path` (path without query) with `handler`, ahead of everything else, until the
   * returned function is called; routes outlive reset().
   */
  addRoute(method: string, path: string, handler: RouteHandler): () => void;
  /** Forgets recorded requests, posts and uploads (between tests). */
  reset(): void;
  close(): Promise<void>;
}

/** Shaped after x.com's policy (self, blob: and data: images, no third-party frames). */
export const X_LIKE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' https://*.twimg.com",
  "style-src 'self' 'unsafe-inline' https://*.twimg.com",
  "img-src 'self' blob: data: https://*.twimg.com",
  "media-src 'self' blob: https://*.twimg.com",
  "connect-src 'self' blob: https://api.x.com https://upload.x.com https://*.twimg.com",
  "frame-src 'self' https://x.com https://twitter.com",
  "font-src 'self' data: https://*.twimg.com",
  "worker-src 'self' blob:",
  "form-action 'self' https://x.com",
  "manifest-src 'self'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

const CREATE_TWEET = /^\/i\/api\/graphql\/([^/]+)\/CreateTweet$/;
const CREATE_SCHEDULED_TWEET = /^\/i\/api\/graphql\/([^/]+)\/CreateScheduledTweet$/;

/** Self-signed, made fresh for each run: nothing to commit, nothing to expire. */
async function makeCertificate(hosts: readonly string[]): Promise<XServer['certificate']> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'x.com' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // A day of slack either side of now, for machines whose clocks disagree a little.
    notBeforeDate: new Date(now - 86_400_000),
    notAfterDate: new Date(now + 7 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...hosts.map((value) => ({ type: 2 as const, value })), { type: 2 as const, value: 'localhost' }, { type: 7 as const, ip: '127.0.0.1' }],
      },
    ],
  });
  const spki = new X509Certificate(pems.cert).publicKey.export({ type: 'spki', format: 'der' });
  return { cert: pems.cert, key: pems.private, spkiSha256: createHash('sha256').update(spki).digest('base64') };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolveBody(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(value));
}

/** Multipart parsing comes from Node's own fetch implementation (undici), not a hand-made parser. */
async function parseMultipart(contentType: string, body: Buffer): Promise<FormData> {
  return new Request('https://x.com/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
}

export async function startXServer(options: XServerOptions = {}): Promise<XServer> {
  const distDir = resolve(options.distDir ?? X_FIXTURE_DIST);
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${distDir} has no index.html: call buildXFixture() (tests/e2e/support/build-x-fixture.ts) first`);
  }
  const csp = options.contentSecurityPolicy ?? X_LIKE_CSP;
  const certificate = await makeCertificate([...X_HOSTS, ...(options.extraHosts ?? [])]);

  let recorded: RecordedRequest[] = [];
  let tweets: PostedTweet[] = [];
  let media = new Map<string, PostedMedia>();
  let uploads = new Map<string, Buffer>();
  const inFlight = new Set<Promise<void>>();
  const routes = new Map<string, RouteHandler>();
  let nextId = 1_900_000_000_000_000_000n;
  const newId = () => String(nextId++);

  async function handleUpload(url: URL, request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const command = url.searchParams.get('command');
    const contentType = request.headers['content-type'] ?? '';
    if (command === 'INIT') {
      const mediaId = newId();
      media.set(mediaId, {
        mediaId,
        name: '',
        size: Number(url.searchParams.get('total_bytes') ?? 0),
        type: url.searchParams.get('media_type') ?? '',
        altText: '',
      });
      sendJson(response, 202, { media_id: Number(mediaId), media_id_string: mediaId, expires_after_secs: 86_399 });
      return;
    }
    if (command === 'APPEND' || command === null) {
      // APPEND carries the bytes; a request without a command is X's older one-shot upload.
      const form = contentType.startsWith('multipart/form-data') ? await parseMultipart(contentType, body) : new FormData();
      const part = form.get('media');
      const file = part instanceof File ? part : null;
      const mediaId = command === null ? newId() : (url.searchParams.get('media_id') ?? '');
      const known = media.get(mediaId);
      if (command === 'APPEND' && known === undefined) {
        sendJson(response, 400, { errors: [{ code: 324, message: 'Invalid media_id' }] });
        return;
      }
      if (file) uploads.set(mediaId, Buffer.concat([uploads.get(mediaId) ?? Buffer.alloc(0), Buffer.from(await file.arrayBuffer())]));
      media.set(mediaId, {
        mediaId,
        name: file?.name ?? known?.name ?? '',
        size: known?.size || file?.size || 0,
        type: known?.type || file?.type || '',
        altText: known?.altText ?? '',
      });
      if (command === null) sendJson(response, 200, { media_id: Number(mediaId), media_id_string: mediaId, size: file?.size ?? 0 });
      else {
        response.writeHead(204);
        response.end();
      }
      return;
    }
    if (command === 'FINALIZE') {
      const mediaId = url.searchParams.get('media_id') ?? '';
      const known = media.get(mediaId);
      if (known === undefined) sendJson(response, 400, { errors: [{ code: 324, message: 'Invalid media_id' }] });
      else sendJson(response, 201, { media_id: Number(mediaId), media_id_string: mediaId, size: known.size, expires_after_secs: 86_400 });
      return;
    }
    sendJson(response, 400, { errors: [{ code: 38, message: `Unknown command ${command}` }] });
  }

  function handleMetadata(response: ServerResponse, body: Buffer): void {
    const { media_id: mediaId, alt_text: altText } = JSON.parse(body.toString('utf8')) as { media_id?: string; alt_text?: { text?: string } };
    const known = mediaId === undefined ? undefined : media.get(mediaId);
    if (known === undefined) {
      sendJson(response, 400, { errors: [{ code: 324, message: 'Invalid media_id' }] });
      return;
    }
    known.altText = altText?.text ?? '';
    response.writeHead(200);
    response.end();
  }

  function handleCreateTweet(queryId: string, host: string, response: ServerResponse, body: Buffer): void {
    const payload = JSON.parse(body.toString('utf8')) as {
      variables?: {
        tweet_text?: string;
        media?: { media_entities?: { media_id: string }[] };
        reply?: { in_reply_to_tweet_id?: string };
        attachment_url?: string;
      };
    };
    const variables = payload.variables ?? {};
    const id = newId();
    const tweet: PostedTweet = {
      kind: 'tweet',
      id,
      text: variables.tweet_text ?? '',
      media: (variables.media?.media_entities ?? []).map(({ media_id: mediaId }) => mediaRecord(mediaId)),
      inReplyTo: variables.reply?.in_reply_to_tweet_id ?? null,
      quoted: variables.attachment_url ?? null,
      executeAt: null,
      conversationId: null,
      queryId,
      host,
      time: Date.now(),
    };
    tweets.push(tweet);
    sendJson(response, 200, {
      data: { create_tweet: { tweet_results: { result: { rest_id: id, legacy: { full_text: tweet.text, in_reply_to_status_id_str: tweet.inReplyTo } } } } },
    });
  }

  function mediaRecord(mediaId: string): PostedMedia {
    return { ...(media.get(mediaId) ?? { mediaId, name: '', size: 0, type: '', altText: '' }) };
  }

  /** CreateScheduledTweet: the text is `post_tweet_request.status`, the time `execute_at`. */
  function handleCreateScheduledTweet(queryId: string, host: string, response: ServerResponse, body: Buffer): void {
    const payload = JSON.parse(body.toString('utf8')) as {
      variables?: { post_tweet_request?: { status?: string; media_ids?: string[] }; execute_at?: number };
    };
    const request = payload.variables?.post_tweet_request ?? {};
    const id = newId();
    tweets.push({
      kind: 'scheduled',
      id,
      text: request.status ?? '',
      media: (request.media_ids ?? []).map(mediaRecord),
      inReplyTo: null,
      quoted: null,
      executeAt: payload.variables?.execute_at ?? null,
      conversationId: null,
      queryId,
      host,
      time: Date.now(),
    });
    sendJson(response, 200, { data: { tweet: { rest_id: id } } });
  }

  /** dm/new2.json: a JSON body with `text` and `conversation_id` (form-encoded in X's older client). */
  function handleDirectMessage(contentType: string, host: string, response: ServerResponse, body: Buffer): void {
    const raw = body.toString('utf8');
    const fields: { text?: string; conversation_id?: string } = contentType.startsWith('application/json')
      ? (JSON.parse(raw) as { text?: string; conversation_id?: string })
      : Object.fromEntries(new URLSearchParams(raw));
    const id = newId();
    tweets.push({
      kind: 'dm',
      id,
      text: fields.text ?? '',
      media: [],
      inReplyTo: null,
      quoted: null,
      executeAt: null,
      conversationId: fields.conversation_id ?? null,
      queryId: '',
      host,
      time: Date.now(),
    });
    sendJson(response, 200, { entries: [{ message: { id, conversation_id: fields.conversation_id, message_data: { id, text: fields.text } } }] });
  }

  async function serveStatic(url: URL, method: string, response: ServerResponse): Promise<void> {
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    const candidate = normalize(join(distDir, pathname));
    const inside = candidate === distDir || candidate.startsWith(distDir + sep);
    let file = join(distDir, 'index.html');
    if (inside) {
      const info = await stat(candidate).catch(() => null);
      if (info?.isFile()) file = candidate;
      else if (/^\/(?:assets|i\/api|i\/media)\//.test(pathname)) {
        // A missing script or API path must fail loudly, not come back as the HTML page (other
        // /i/ paths are pages, such as X Pro's /i/decks/…).
        sendJson(response, 404, { errors: [{ code: 34, message: 'Sorry, that page does not exist.' }] });
        return;
      }
    }
    const contentType = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': 'no-store' };
    if (contentType.startsWith('text/html') && csp !== false) headers['content-security-policy'] = csp;
    const content = await readFile(file);
    headers['content-length'] = String(content.length);
    response.writeHead(200, headers);
    response.end(method === 'HEAD' ? undefined : content);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', `https://${host || 'x.com'}`);
    recorded.push({ method, host, path: url.pathname + url.search, time: Date.now() });
    const body = await readBody(request);

    const route = routes.get(`${method} ${url.pathname}`);
    if (route !== undefined) {
      await route(request, response, body);
      return;
    }
    const createTweet = CREATE_TWEET.exec(url.pathname);
    if (method === 'POST' && createTweet !== null) {
      handleCreateTweet(createTweet[1] ?? CREATE_TWEET_QUERY_ID, host, response, body);
      return;
    }
    const createScheduledTweet = CREATE_SCHEDULED_TWEET.exec(url.pathname);
    if (method === 'POST' && createScheduledTweet !== null) {
      handleCreateScheduledTweet(createScheduledTweet[1] ?? CREATE_SCHEDULED_TWEET_QUERY_ID, host, response, body);
      return;
    }
    if (method === 'POST' && url.pathname === DM_NEW_PATH) {
      handleDirectMessage(request.headers['content-type'] ?? '', host, response, body);
      return;
    }
    if (method === 'POST' && url.pathname === MEDIA_UPLOAD_PATH) {
      await handleUpload(url, request, response, body);
      return;
    }
    if (method === 'POST' && url.pathname === MEDIA_METADATA_PATH) {
      handleMetadata(response, body);
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      await serveStatic(url, method, response);
      return;
    }
    sendJson(response, 404, { errors: [{ code: 34, message: 'Sorry, that page does not exist.' }] });
  }

  const server = createServer({ cert: certificate.cert, key: certificate.key }, (request, response) => {
    const done = handle(request, response)
      .catch((error: unknown) => {
        console.error('x-server:', error);
        if (!response.headersSent) sendJson(response, 500, { errors: [{ code: 131, message: String(error) }] });
        else response.destroy();
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;

  const posted = async () => {
    await Promise.allSettled([...inFlight]);
    return [...tweets];
  };

  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    siteOrigin: 'https://x.com',
    certificate,
    posted,
    async waitForPosts(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await posted();
        if (current.length >= count) return current;
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} post(s) within ${timeoutMs} ms, got ${current.length}: ${JSON.stringify(current.map((tweet) => tweet.text))}`);
        }
        await new Promise((resolveWait) => setTimeout(resolveWait, 25));
      }
    },
    requests: () => [...recorded],
    addRoute(method, path, handler) {
      const key = `${method.toUpperCase()} ${path}`;
      routes.set(key, handler);
      return () => {
        if (routes.get(key) === handler) routes.delete(key);
      };
    },
    uploadedBytes: (mediaId) => uploads.get(mediaId),
    reset() {
      recorded = [];
      tweets = [];
      media = new Map();
      uploads = new Map();
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
