/// <reference types="@crxjs/vite-plugin/client" />
/**
 * The background owns the roster database and the settings, serves the guard state to x.com tabs
 * and runs the scheduled sync. One dispatcher answers every request.
 */
import browser from 'webextension-polyfill';
import {
  openGuardDatabase, currentRoster, currentRosterVersion, replaceRoster, RosterChangedError, RosterRefusedError, listRosterVersions, restoreRosterVersion,
  appendAudit, listAudit, recordPost, postsThisWeek,
} from '../roster/roster-store';
import type { Pupil } from '../roster/model';
import type { ReadTextLine } from '../policy/types';
import { GUARD_PORT_NAME, GUARD_STATE_KEY, MODERATION_PORT_NAME, type ChangeResult, type GuardPush, type GuardRequest, type RequestOf, type ResponseOf, type SyncStatus, type TabRequest } from '../shared/messages';
import moderationWatchScript from '../content/moderation-main?iife';
import { guardOpenTabs } from './guard-injection';
import { listPostRecords } from './post-records';
import {
  listFlaggedReplies, listFollowDecisions, openModerationDatabase, recordFlaggedReplies, recordFollowDecision, removeFlaggedReply,
} from './moderation-store';
import { NeverANameOffers } from './never-a-name-offers';
import { dropFromReplyPanels, forgetReplyPanel, readReplyPanel, updateReplyPanel } from './reply-panel-state';
import { forgetTabFrameToken, isTabFrameToken, tabFrameToken } from './frame-tokens';
import { ReplyChecker, mergeReplyPanel } from './reply-checks';
import { photoAnalysisRoute } from './photo-analysis';
import { linesNamingPupils, namesInLines } from './photo-check';
import { SETTINGS_STORAGE_KEY, SettingsStore } from './settings-store';
import { t, tMessage } from '../shared/i18n';
import { GuardBroadcaster, buildGuardPush, moderationView, rosterStatus } from './guard-state';
import { isSyncAlarm, publicSyncStatus, readSyncState, runSync, scheduleSync } from './roster-sync-schedule';
import { LOOK_ALIKE_LETTERS } from '../policy/look-alike-letters';
import { useLookAlikeLetters } from '../policy/normalise';

// The background folds text before any snapshot is built (never-a-name phrases after a wake-up).
useLookAlikeLetters(LOOK_ALIKE_LETTERS);

const database = openGuardDatabase();
const moderation = openModerationDatabase();
const settingsStore = new SettingsStore({ local: browser.storage.local, managed: browser.storage.managed });
const loadSettings = () => settingsStore.load();
const neverANameOffers = new NeverANameOffers(browser.storage.local);
const replyChecker = new ReplyChecker();

const broadcaster = new GuardBroadcaster(
  async () => {
    const [roster, { settings }] = await Promise.all([currentRoster(await database), loadSettings()]);
    return buildGuardPush(roster, settings);
  },
  {
    read: async () => (await browser.storage.session.get(GUARD_STATE_KEY))[GUARD_STATE_KEY] as GuardPush | undefined,
    write: (state) => browser.storage.session.set({ [GUARD_STATE_KEY]: state }),
    clear: () => browser.storage.session.remove(GUARD_STATE_KEY),
  },
);

/** The lines read from a photo that name a pupil, for the document that analysed it; null without a pupil list. */
async function judgePhotoLines(lines: ReadTextLine[]) {
  const { snapshot } = await broadcaster.state();
  return snapshot && linesNamingPupils(snapshot, lines);
}

const photoRoute = photoAnalysisRoute(judgePhotoLines);

/** Refuses a roster change when a settings PIN is set and `pin` is not it. */
async function pinRefusal(pin: string | undefined): Promise<Extract<ChangeResult, { ok: false }> | null> {
  return (await settingsStore.pinAllows(pin)) ? null : { ok: false, message: t('options_pin_wrong') };
}

/** `basedOn`: only over this version (the ICT lead's preview); a sync replaces whatever is in force. */
async function importPupils(pupils: Pupil[], source: string, basedOn?: number | null) {
  const version = await replaceRoster(await database, { pupils, source, importedAt: new Date().toISOString() }, basedOn === undefined ? {} : { basedOn });
  await broadcaster.refresh();
  return version;
}

let syncInFlight: { url: string | null; result: Promise<SyncStatus> } | null = null;

/**
 * Fetches the sync address once; a valid roster replaces the current one, anything else only
 * updates the status. An alarm and "Sync now" for the same address share one fetch; a changed
 * address waits for the running fetch and then fetches the new one.
 */
async function syncNow(): Promise<SyncStatus> {
  const { settings } = await loadSettings();
  if (syncInFlight?.url === settings.syncUrl) return syncInFlight.result;
  const before = syncInFlight?.result.catch(() => undefined);
  const result = (async () => {
    await before;
    return runSync(settings, async (pupils, source) => void (await importPupils(pupils, source)));
  })();
  const entry = { url: settings.syncUrl, result };
  syncInFlight = entry;
  void result.finally(() => {
    if (syncInFlight === entry) syncInFlight = null;
  }).catch(() => undefined);
  return result;
}

type Handler<T extends GuardRequest['type']> = (message: RequestOf<T>, sender: browser.Runtime.MessageSender) => Promise<ResponseOf<T>>;
/** `check-photo` goes straight to the document that analyses photos (photo-analysis.ts), and is answered there. */
type Handlers = { [T in Exclude<GuardRequest['type'], 'check-photo'>]: Handler<T> };

const handlers: Handlers = {
  'get-guard-state': () => broadcaster.state(),
  'load-moderation-watch': async (_message, sender) => {
    if (sender.tab?.id === undefined) throw new Error('load-moderation-watch is only answered to a tab');
    // From the extension's root: Firefox reads a relative path from the calling page's folder.
    await browser.scripting.executeScript({ target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] }, files: [`/${moderationWatchScript}`], injectImmediately: true });
    return { ok: true };
  },
  'record-audit': async ({ entry }) => {
    await appendAudit(await database, { ...entry, at: new Date().toISOString() });
    return { ok: true };
  },
  'record-post': async ({ classNames, kind, account }) => {
    const db = await database;
    const at = new Date().toISOString();
    // A joint post ("Owls and Badgers:") is a post of each class it names; a whole-school post of none.
    for (const className of classNames.length > 0 ? classNames : [null]) await recordPost(db, { at, className, kind, account });
    return { ok: true };
  },
  'get-posts-this-week': async () => postsThisWeek(await database, new Date()),
  'list-post-records': async ({ from, to }) => listPostRecords(await database, from, to),
  'get-consent-frame': async ({ token, classNames }, sender) => {
    // Checked before anything is read, so a copy's answer takes the same time whatever its classes.
    if (!(await isTabFrameToken(browser.storage.session, sender.tab?.id, token))) return { ok: false };
    if (classNames === null) return { ok: true, noConsent: null };
    const [roster, { snapshot }] = await Promise.all([currentRoster(await database), broadcaster.state()]);
    // The classes as the policy matched them (aliases, case, "Class" folded), every class of a joint
    // post; none, or one the snapshot no longer knows, means any pupil of the school may be in the picture.
    const matches = classNames.map((className) => snapshot?.classes.find((entry) => entry.name === className));
    const wholeSchool = matches.length === 0 || matches.some((entry) => entry === undefined);
    const classes = wholeSchool ? (snapshot?.classes ?? []) : matches.filter((entry) => entry !== undefined);
    const ids = new Set(classes.flatMap((entry) => entry.pupilIdsWithoutConsent));
    const names = (roster?.pupils ?? [])
      .filter((pupil) => ids.has(pupil.id))
      .map((pupil) => `${pupil.preferredName || pupil.forename} ${pupil.surname}`.trim());
    return { ok: true, noConsent: { names, wholeSchool } };
  },
  'open-photo-checker': async () => {
    await photoRoute.open();
    return { ok: true };
  },
  'judge-photo-text': async ({ lines }) => judgePhotoLines(lines),
  'recycle-photo-checker': async () => {
    await photoRoute.restart();
    return { ok: true };
  },
  'warm-photo-checker': () => {
    // Not awaited: the tab goes on at once; a failed load is tried again with the first photo.
    photoRoute.warm().catch(() => undefined);
    return Promise.resolve({ ok: true as const });
  },
  'get-photo-view': async ({ photoId }) => {
    const view = await photoRoute.view(photoId);
    const { snapshot } = await broadcaster.state();
    return view && { ...view, nameLines: snapshot ? namesInLines(snapshot, view.text).map((line) => line.names.length > 0) : view.text.map(() => true) };
  },
  'blur-photo': async ({ photoId, regions, into }, sender) => {
    const jpeg = await photoRoute.blur(photoId, regions);
    const tabId = sender.tab?.id;
    if (!jpeg || into !== 'post' || tabId === undefined) return { jpeg, replaced: false };
    // The frame's own tab, its top frame: where the composer holding the photo is.
    const answer: unknown = await browser.tabs.sendMessage(tabId, { type: 'put-blurred-photo', photoId, base64: jpeg } satisfies TabRequest, { frameId: 0 }).catch(() => false);
    return { jpeg, replaced: answer === true };
  },
  'import-roster': async ({ pupils, source, basedOn, pin }) => {
    const refusal = await pinRefusal(pin);
    if (refusal) return refusal;
    try {
      return { ok: true, version: await importPupils(pupils, source, basedOn) };
    } catch (error) {
      if (error instanceof RosterChangedError) return { ok: false, message: t('roster_changed_after_preview'), listChanged: true };
      if (error instanceof RosterRefusedError) return { ok: false, message: tMessage(error.said) };
      return { ok: false, message: t('roster_save_failed', String(error)) };
    }
  },
  'get-roster': async () => {
    const [current, { settings }] = await Promise.all([currentRosterVersion(await database), loadSettings()]);
    return { pupils: current?.roster.pupils ?? [], status: current ? rosterStatus(current.roster, settings) : null, versionId: current?.id ?? null };
  },
  'list-roster-versions': async () => listRosterVersions(await database),
  'restore-roster-version': async ({ versionId, pin }) => {
    const refusal = await pinRefusal(pin);
    if (refusal) return refusal;
    try {
      await restoreRosterVersion(await database, versionId);
      await broadcaster.refresh();
      return { ok: true };
    } catch (error) {
      if (error instanceof RosterRefusedError) return { ok: false, message: tMessage(error.said) };
      return { ok: false, message: t('roster_restore_failed', String(error)) };
    }
  },
  'get-settings': async () => {
    const [{ settings, managedKeys, locked, managedProblems }, pinSet, sync] = await Promise.all([loadSettings(), settingsStore.pinSet(), readSyncState()]);
    return { settings, managedKeys, managedProblems, locked, pinSet, sync: publicSyncStatus(sync) };
  },
  'save-settings': async ({ settings, pin }) => settingsStore.save(settings, pin),
  'check-settings-pin': async ({ pin }) => ({ ok: await settingsStore.pinAllows(pin) }),
  'set-settings-pin': async ({ newPin, pin }) => settingsStore.setPin(newPin, pin),
  'sync-now': syncNow,
  'list-audit': async ({ limit }) => listAudit(await database, { limit }),
  'record-follow-decision': async ({ handle, decision }) => {
    await recordFollowDecision(await moderation, { at: new Date().toISOString(), handle, decision });
    return { ok: true };
  },
  'list-follow-decisions': async () => listFollowDecisions(await moderation),
  'check-replies': async ({ postId, replies }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || replies.length === 0) return { ok: true };
    // Without a pupil list nothing can be judged (the tab shows its panel only once there is one).
    const verdicts = broadcaster.state().then(({ snapshot }) => (snapshot ? replyChecker.check(snapshot, postId, replies) : null));
    const at = new Date().toISOString();
    // The activity page keeps ids, a link and rule ids; the words found stay in the tab's panel only.
    const hidden = verdicts.then(async (found) => (found === null ? new Set<string>() : recordFlaggedReplies(await moderation, found.flagged.map(({ replyId, author, rules }) => ({
      replyId, postId, rules, at, link: `https://x.com/${author}/status/${replyId}`,
    })))));
    // Queued now, so batches and page changes reach the panel in the order the tab sent them; a reply marked hidden is left out.
    await updateReplyPanel(browser.storage.session, tabId, async (current) => {
      const found = await verdicts;
      return found === null ? current : mergeReplyPanel(current, found, await hidden);
    });
    return { ok: true };
  },
  'clear-reply-panel': async (_message, sender) => {
    if (sender.tab?.id !== undefined) await updateReplyPanel(browser.storage.session, sender.tab.id, () => []);
    return { ok: true };
  },
  'get-reply-panel': async ({ token }, sender) => {
    const tabId = sender.tab?.id ?? null;
    const own = await isTabFrameToken(browser.storage.session, sender.tab?.id, token);
    return { tabId, replies: tabId === null || !own ? [] : await readReplyPanel(browser.storage.session, tabId) };
  },
  'frame-token': async (_message, sender) => {
    // A frame's own page never asks: only the content script, which sets the token inside its closed shadow root.
    if (sender.tab?.id === undefined || isExtensionPage(sender)) throw new Error('frame-token is only answered to a tab\'s content script');
    return { token: await tabFrameToken(browser.storage.session, sender.tab.id) };
  },
  'show-flagged-reply': async ({ replyId, token }, sender) => {
    if (sender.tab?.id === undefined || !(await isTabFrameToken(browser.storage.session, sender.tab.id, token))) return { found: false };
    const request: TabRequest = { type: 'show-flagged-reply', replyId };
    const answer = (await browser.tabs.sendMessage(sender.tab.id, request, { frameId: 0 }).catch(() => null)) as { found?: boolean } | null;
    return { found: answer?.found === true };
  },
  'list-flagged-replies': async () => listFlaggedReplies(await moderation),
  'remove-flagged-reply': async ({ replyId, token }, sender) => {
    if (isReplyPanelPage(sender) && !(await isTabFrameToken(browser.storage.session, sender.tab?.id, token))) {
      throw new Error('remove-flagged-reply from a reply panel without its token');
    }
    await removeFlaggedReply(await moderation, replyId);
    await dropFromReplyPanels(browser.storage.session, replyId);
    return { ok: true };
  },
  'record-never-a-name-offers': async ({ phrases }) => {
    await neverANameOffers.record(phrases);
    return { ok: true };
  },
  'list-never-a-name-offers': async () => neverANameOffers.list((await loadSettings()).settings.neverANames),
  'dismiss-never-a-name-offer': async ({ phrase }) => {
    await neverANameOffers.dismiss(phrase);
    return { ok: true };
  },
};

/** A copy of the reply panel page, wherever it is framed (only a tab's own copy has the token). */
function isReplyPanelPage(sender: browser.Runtime.MessageSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('src/reply-panel/')) ?? false;
}

function isExtensionPage(sender: browser.Runtime.MessageSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('')) ?? false;
}

/** Requests that hand out or change roster data: only the extension's own pages may make them. */
const EXTENSION_PAGE_ONLY = new Set<GuardRequest['type']>([
  'get-consent-frame', 'judge-photo-text', 'recycle-photo-checker', 'get-photo-view', 'blur-photo', 'import-roster', 'get-roster', 'list-roster-versions', 'restore-roster-version',
  'save-settings', 'check-settings-pin', 'set-settings-pin', 'sync-now', 'list-audit',
  'list-post-records', 'list-follow-decisions', 'list-flagged-replies', 'remove-flagged-reply', 'get-reply-panel', 'show-flagged-reply',
  'list-never-a-name-offers', 'dismiss-never-a-name-offer',
]);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const request = message as RequestOf<keyof Handlers>;
  // hasOwn: a `type` such as "constructor" must not reach the object's prototype.
  if (typeof request?.type !== 'string' || !Object.hasOwn(handlers, request.type)) return undefined;
  const handler = handlers[request.type] as Handler<typeof request.type>;
  if (EXTENSION_PAGE_ONLY.has(request.type) && !isExtensionPage(sender)) {
    return Promise.reject(new Error(`${request.type} is only answered to the extension's own pages`));
  }
  return handler(request as never, sender);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetReplyPanel(browser.storage.session, tabId);
  void forgetTabFrameToken(browser.storage.session, tabId);
});

browser.runtime.onConnect.addListener((port) => {
  if (port.name === GUARD_PORT_NAME) void broadcaster.add(port);
  if (port.name === MODERATION_PORT_NAME) void broadcaster.add(port, moderationView);
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'managed' && !(area === 'local' && SETTINGS_STORAGE_KEY in changes)) return;
  void broadcaster.refresh();
  void loadSettings().then(({ settings }) => scheduleSync(settings));
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (isSyncAlarm(alarm)) void syncNow();
});

// Every start of the worker (install, browser start, wake-up): the alarm must exist.
void loadSettings().then(({ settings }) => scheduleSync(settings, { keepExisting: true }));

// Install, update, re-enabling and browser start all start the background: X tabs already open
// then get the guard now rather than at their next reload. So does site access given back.
void guardOpenTabs();
browser.permissions.onAdded.addListener(() => void guardOpenTabs());
