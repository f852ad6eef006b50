/**
 * Whether the browser lets the guard run on X. Chrome's per-site access ("On click", "On specific
 * sites") and Firefox's add-on permissions can withdraw the host access the manifest asks for;
 * the content script then silently never runs, so the popup and the options page ask here and
 * say so. Nothing in this check leaves the browser.
 */

/** The X sites staff post from, as host patterns (the manifest grants all of X's sites; these are the ones named to staff). */
const X_SITES = ['x.com', 'pro.x.com', 'twitter.com'] as const;

/** The X sites this browser does not let the guard run on (none when all is well). */
export async function withheldXSites(): Promise<string[]> {
  const granted = await Promise.all(X_SITES.map((site) => chrome.permissions.contains({ origins: [`https://${site}/*`] })));
  return X_SITES.filter((_site, index) => !granted[index]);
}

/**
 * Asks the browser to give back access to every X site (a prompt, so it must follow a click).
 * The background then puts the guard into the X tabs already open.
 */
export function requestXSiteAccess(): Promise<boolean> {
  const origins = (chrome.runtime.getManifest().host_permissions ?? []).filter((pattern: string) => /(?:^|[/.])(?:x|twitter)\.com\//.test(pattern));
  return chrome.permissions.request({ origins });
}

/** Whether a tab's address is an X page, where the guard should be running. */
export function isXPage(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && /(?:^|\.)(?:x|twitter)\.com$/.test(hostname);
  } catch {
    return false;
  }
}
