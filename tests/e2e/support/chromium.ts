/**
 * Debian's Chromium driven by playwright-core, with an unpacked extension loaded exactly as shipped
 * (its manifest untouched) and x.com / twitter.com answered by the local X stand-in.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { X_HOSTS, type XServer } from './x-server';

export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchChromiumOptions {
  server: XServer;
  /** A profile to keep between launches; a fresh temporary one (removed on close) by default. */
  userDataDir?: string;
  /** Headless unless false (the demo, where a DISPLAY exists). */
  headless?: boolean;
  /** More host names to send to the server, e.g. a roster sync host (also pass them to startXServer's extraHosts). */
  extraHosts?: string[];
  slowMo?: number;
  /** Further Chromium switches, e.g. --log-net-log to see every request the browser makes. */
  extraArgs?: string[];
}

export interface LaunchChromiumWithExtensionOptions extends LaunchChromiumOptions {
  /** The unpacked extension, e.g. dist/chrome. */
  extensionDir: string;
}

export interface ChromiumSession {
  context: BrowserContext;
  /** A tab: the launch's first blank tab the first time, a new one after that. */
  page(): Promise<Page>;
  close(): Promise<void>;
}

export interface ChromiumExtensionSession extends ChromiumSession {
  extensionId: string;
  /** chrome-extension://<id>, for opening the options page or the popup in a tab. */
  extensionOrigin: string;
}

/**
 * Flags this sandbox needs: no setuid sandbox for root in a container, no GPU, no QUIC (our server
 * speaks TCP only), and none of Chromium's own background traffic (component updates, sync,
 * variations), which would otherwise hammer a network that does not exist.
 */
const SANDBOX_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

function chromiumArgs(options: LaunchChromiumOptions): string[] {
  const { server } = options;
  const target = `127.0.0.1:${server.port}`;
  // x.com, twitter.com and their subdomains: what the shipped manifest matches.
  const maps = [...X_HOSTS, ...(options.extraHosts ?? [])].map((host) => `MAP ${host} ${target}`);
  return [
    ...SANDBOX_FLAGS,
    // Every other name fails at once instead of waiting on a resolver that cannot answer: a request
    // the extension should not make shows up as a failed request, not a 30 s hang.
    `--host-resolver-rules=${[...maps, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ')}`,
    // Trust exactly our certificate (belt and braces with ignoreHTTPSErrors, which covers pages
    // but is not documented to cover an extension's service worker fetches).
    `--ignore-certificate-errors-spki-list=${server.certificate.spkiSha256}`,
  ];
}

async function launch(options: LaunchChromiumOptions, extensionArgs: string[]): Promise<ChromiumSession> {
  const temporaryProfile = options.userDataDir === undefined ? await mkdtemp(join(tmpdir(), 'spg-chromium-')) : null;
  const context = await chromium.launchPersistentContext(options.userDataDir ?? temporaryProfile ?? '', {
    executablePath: CHROMIUM_EXECUTABLE,
    // Chromium's new headless mode (the default of `--headless` since 132) runs extensions.
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    // Playwright passes --disable-extensions by default; the --disable-extensions-except list does
    // not need it, and leaving it in makes the launch depend on which of the two flags wins.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumArgs(options), ...extensionArgs, ...(options.extraArgs ?? [])],
    viewport: { width: 1280, height: 900 },
    slowMo: options.slowMo,
  });
  let firstPageTaken = false;
  return {
    context,
    async page() {
      const blank = context.pages().find((page) => page.url() === 'about:blank');
      if (!firstPageTaken && blank !== undefined) {
        firstPageTaken = true;
        return blank;
      }
      firstPageTaken = true;
      return context.newPage();
    },
    async close() {
      await context.close();
      if (temporaryProfile !== null) await rm(temporaryProfile, { recursive: true, force: true });
    },
  };
}

/** Chromium with no extension: the X stand-in alone. */
export function launchChromium(options: LaunchChromiumOptions): Promise<ChromiumSession> {
  return launch(options, []);
}

/**
 * The id Chromium gives an unpacked extension: from the manifest's `key` when it has one, else
 * from the directory's absolute path. Each of the first 32 hex digits of the SHA-256 becomes a
 * letter a–p.
 */
export async function unpackedExtensionId(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as { key?: string };
  const input = manifest.key !== undefined ? Buffer.from(manifest.key, 'base64') : Buffer.from(await realpath(extensionDir));
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Chromium with the unpacked extension in `extensionDir` loaded and nothing else. The extension id
 * comes from its MV3 service worker's URL; an extension without a service worker gets the id
 * Chromium derives from its path (or key).
 */
export async function launchChromiumWithExtension(options: LaunchChromiumWithExtensionOptions): Promise<ChromiumExtensionSession> {
  const extensionDir = await realpath(options.extensionDir);
  const session = await launch(options, [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]);
  const { context } = session;
  try {
    const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
    let extensionId: string;
    if (manifest.background?.service_worker !== undefined) {
      const isOurs = (url: string) => url.startsWith('chrome-extension://');
      const worker =
        context.serviceWorkers().find((candidate) => isOurs(candidate.url())) ??
        (await context.waitForEvent('serviceworker', { predicate: (candidate) => isOurs(candidate.url()), timeout: 15_000 }));
      extensionId = new URL(worker.url()).host;
    } else {
      extensionId = await unpackedExtensionId(extensionDir);
    }
    return { ...session, extensionId, extensionOrigin: `chrome-extension://${extensionId}` };
  } catch (error) {
    await session.close();
    throw new Error(`Chromium did not start the extension in ${extensionDir}`, { cause: error });
  }
}
