/**
 * Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with an add-on installed
 * temporarily from a directory (like about:debugging, so it need not be signed) and x.com /
 * twitter.com answered by the local X stand-in.
 *
 * How "https://x.com" reaches 127.0.0.1:<random port>: Firefox has no --host-resolver-rules.
 * `network.dns.localDomains` can point x.com at 127.0.0.1, but the port stays 443, which needs
 * root and collides when two runs share a machine. Instead Firefox is given a loopback HTTP proxy
 * (connect-proxy.ts) that tunnels CONNECT x.com:443 (and twitter.com and their subdomains) to
 * our server and refuses every other host: no privileged port, any number of parallel runs, and
 * the browser's attempts to reach anywhere else are recorded. The certificate is self-signed;
 * the BiDi session accepts it (acceptInsecureCerts).
 */
import { randomUUID } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startConnectProxy } from './connect-proxy';
import { X_HOSTS, type XServer } from './x-server';

export const FIREFOX_EXECUTABLE = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface LaunchFirefoxOptions {
  server: XServer;
  /** The unpacked Firefox build of the extension (e.g. dist/firefox); its manifest needs browser_specific_settings.gecko.id. */
  extensionDir: string;
  headless?: boolean;
  /** More host names to tunnel to the server (also pass them to startXServer's extraHosts). */
  extraHosts?: string[];
  /** Extra about:config preferences. */
  prefs?: Record<string, unknown>;
  /**
   * Starts Firefox's remote agent with system access (MOZ_REMOTE_ALLOW_SYSTEM_ACCESS). Without it
   * WebDriver BiDi refuses to navigate a tab to any moz-extension:// page ("Navigation to … is not
   * allowed in this context": only http(s), file, blob and about:blank are "webdriver safe"), so a
   * test cannot open the add-on's own options page. Needed for openExtensionPage().
   */
  allowSystemAccess?: boolean;
}

export interface FirefoxExtensionSession {
  browser: Browser;
  /** The add-on id (browser_specific_settings.gecko.id). */
  extensionId: string;
  /**
   * moz-extension://<uuid>: fixed before install through `extensions.webextensions.uuids`, so
   * tests know the extension's origin. (BiDi refuses to navigate a tab there directly.)
   */
  extensionOrigin: string;
  /** A new tab, brought to the front (with several tabs, call bringToFront() on the one being typed in). */
  page(): Promise<Page>;
  /**
   * A new tab showing one of the add-on's own pages, e.g. `src/options/index.html`, loaded
   * completely. Needs `allowSystemAccess`.
   */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Sends one WebDriver BiDi command on the session puppeteer holds, for what puppeteer does not
   * expose (e.g. script.evaluate with serializationOptions). Resolves with the command's result.
   */
  bidi(method: string, params: object): Promise<unknown>;
  /** The WebDriver BiDi browsing context id of a page (the `context` of BiDi commands). */
  contextId(page: Page): string;
  /** `host:port` of every connection the proxy refused: anything but x.com / twitter.com. */
  refusedHosts(): string[];
  close(): Promise<void>;
}

function hostMatcher(patterns: readonly string[]): (host: string) => boolean {
  return (host) =>
    patterns.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern));
}

async function geckoId(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
    applications?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id;
  if (id === undefined) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

interface RawBidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** puppeteer keeps its BiDi connection internal (`BidiBrowser.connection`); checked, not assumed. */
function bidiConnection(browser: Browser): RawBidiConnection {
  const connection = (browser as unknown as { connection?: Partial<RawBidiConnection> }).connection;
  if (typeof connection?.send !== 'function') throw new Error('puppeteer-core no longer exposes its WebDriver BiDi connection as browser.connection');
  return connection as RawBidiConnection;
}

/** The BiDi browsing context behind a page: puppeteer's frame id is that context's id (internal `_id`). */
function contextIdOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error('puppeteer-core no longer exposes a frame\'s BiDi context id as frame._id');
  return id;
}

export async function launchFirefoxWithExtension(options: LaunchFirefoxOptions): Promise<FirefoxExtensionSession> {
  const extensionDir = await realpath(options.extensionDir);
  const extensionId = await geckoId(extensionDir);
  const uuid = randomUUID();
  const proxy = await startConnectProxy({
    targetPort: options.server.port,
    allowHost: hostMatcher([...X_HOSTS, ...(options.extraHosts ?? [])]),
  });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_EXECUTABLE,
      protocol: 'webDriverBiDi',
      headless: options.headless ?? true,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 900 },
      // Release builds honour services.settings.server (below) only with this set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', ...(options.allowSystemAccess ? { MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' } : {}) },
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        // Loopback (the BiDi socket, a test's own helpers) stays direct.
        'network.proxy.allow_hijacking_localhost': false,
        'network.http.http3.enable': false,
        // Firefox's remote settings would fetch from Mozilla at start-up; a data: URL stops that.
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        'network.connectivity-service.enabled': false,
        'network.captive-portal-service.enabled': false,
        'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
        ...options.prefs,
      },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw new Error(`Firefox refused the add-on in ${extensionDir}`, { cause: error });
  }
  const extensionOrigin = `moz-extension://${uuid}`;
  const bidi = (method: string, params: object) => bidiConnection(browser).send(method, params).then((answer) => answer.result);
  return {
    browser,
    extensionId,
    extensionOrigin,
    async page() {
      // Always a new tab: Firefox's first tab (opened before the session was set up) never gets
      // the window's focus, so it fires no focus events and document.hasFocus() stays false there,
      // and Draft.js then loses the caret after the first character typed. A tab opened now is
      // the focused one.
      const page = await browser.newPage();
      await page.bringToFront();
      return page;
    },
    async openExtensionPage(path) {
      if (!options.allowSystemAccess) throw new Error('openExtensionPage() needs launchFirefoxWithExtension({ allowSystemAccess: true })');
      const page = await browser.newPage();
      await page.bringToFront();
      // Not page.goto(): Firefox sends no browsingContext.domContentLoaded / load events for a
      // moz-extension:// document, so puppeteer would wait for them until its timeout. The BiDi
      // command itself waits for the load (in the parent process).
      await bidi('browsingContext.navigate', { context: contextIdOf(page), url: `${extensionOrigin}/${path.replace(/^\//, '')}`, wait: 'complete' });
      return page;
    },
    bidi,
    contextId: contextIdOf,
    refusedHosts: () => proxy.refused(),
    async close() {
      await browser.close();
      await proxy.close();
    },
  };
}
