/**
 * Puts the guard into X tabs that were open before it could run there. Chrome runs a manifest's
 * content scripts only in pages loaded after the extension was installed, updated or re-enabled,
 * so a tab opened while it was off would stay unguarded. `management.onEnabled` does not fire for
 * the extension itself and `runtime.onInstalled` not on re-enabling, but every one of those starts
 * the background afresh: so each start looks at the open X tabs and injects the same scripts, in
 * manifest order, into any whose guard does not answer. Firefox injects declared content scripts
 * into open tabs itself on install and enable; there the answer check finds them and nothing is
 * injected twice.
 */
import browser from 'webextension-polyfill';
import type { TabRequest } from '../shared/messages';

type ContentScript = NonNullable<browser.Manifest.WebExtensionManifest['content_scripts']>[number] & { world?: 'ISOLATED' | 'MAIN' };

/** The round of injection under way: rounds run one after another, never side by side. */
let round: Promise<void> = Promise.resolve();

/**
 * Injects the guard into every open X tab that has none; resolves once each tab is done (failures
 * are per tab). A start of the background and access given back can ask at the same moment: the
 * second round waits for the first, so it finds the guard answering and does not inject it twice.
 */
export function guardOpenTabs(): Promise<void> {
  round = round.then(injectIntoOpenTabs, injectIntoOpenTabs);
  return round;
}

async function injectIntoOpenTabs(): Promise<void> {
  const scripts = (browser.runtime.getManifest().content_scripts ?? []) as ContentScript[];
  const matches = [...new Set(scripts.flatMap((script) => script.matches))];
  if (matches.length === 0) return;
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(tabs.map((tab) => (tab.id === undefined || tab.discarded ? undefined : guardTab(tab.id, scripts).catch(() => undefined))));
}

async function guardTab(tabId: number, scripts: ContentScript[]): Promise<void> {
  if (await guardAnswers(tabId)) return;
  for (const script of scripts) {
    await browser.scripting.executeScript({
      target: { tabId, allFrames: script.all_frames ?? false },
      files: script.js ?? [],
      world: script.world ?? 'ISOLATED',
      injectImmediately: true,
    });
  }
}

/** A live guard answers the popup's status question; an old copy left by an update cannot. */
async function guardAnswers(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: 'tab-guard-status' } satisfies TabRequest)) !== undefined;
  } catch {
    return false;
  }
}
