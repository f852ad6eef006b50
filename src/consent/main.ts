/**
 * Inside an extension-origin frame, so x.com's scripts cannot read it: the pupils of a class, of
 * every class of a joint post (or of the whole school, for a post not about a class) who have no
 * photo consent, and the attached photos with what School Post Guard found in them. The page is
 * web-accessible (it is framed on x.com), so it shows them only with its tab's frame token, which
 * the background checks before it reads anything.
 */
import { listOfNames } from '../policy/class-prefix';
import { t } from '../shared/i18n';
import { GUARD_STATE_KEY } from '../shared/messages';
import { pageAddress, type ConsentListState } from '../shared/panel-protocol';
import { sendRequest } from '../shared/send-request';
import { textElement } from './elements';
import { photoFindings } from './photo-findings';

const app = document.getElementById('app');
const query = new URLSearchParams(location.search);
/** Every class the post names (a joint post names several); none: the whole school. */
const classNames = query.getAll('class');
const className = listOfNames(classNames);
const photoIds = (query.get('photos') ?? '').split(',').filter(Boolean);
/** The consent list is asked for by the composer; a frame for photos alone sets `photos` only. */
const withConsentList = !query.has('photos-only');

function noConsentList({ names, wholeSchool }: { names: string[]; wholeSchool: boolean }): Node[] {
  if (names.length === 0) return [textElement('p', wholeSchool ? t('consent_all_consent_school') : t('consent_all_consent', className))];
  const list = document.createElement('ul');
  for (const name of names) list.append(textElement('li', name));
  return [textElement('h1', wholeSchool ? t('consent_heading_school') : t('consent_heading', className)), list];
}

/** How long to wait before asking again when the extension gave no answer (a service worker waking, say). */
const RETRY_DELAYS_MS = [500, 1_500, 4_000];

/** The list, asked for again when the roster changes; the photos beside it, asked for once. */
const listArea = document.createElement('div');
listArea.className = 'no-consent';
const photosArea = document.createElement('div');
// The list is announced when it changes; the photos, their captions and the blur tool are not read out again.
photosArea.setAttribute('aria-live', 'off');
let photosAsked = false;
/** The list as last drawn: a sync that changed nothing in it leaves the screen, and a screen reader, alone. */
let drawnList = '';

/**
 * The photos are drawn after the list, never before it: a photo view still on its way must not keep
 * the list (and with it staff's confirmation) waiting. They stay as they are when the list is shown
 * again, so a sync cannot undo the faces staff ticked to blur.
 */
function showPhotos(): void {
  if (photosAsked || photoIds.length === 0) return;
  photosAsked = true;
  photosArea.replaceChildren(textElement('p', t('common_loading')));
  void Promise.all(photoIds.map((photoId) => photoFindings(photoId).catch(() => textElement('p', t('consent_photo_gone'))))).then((figures) => photosArea.replaceChildren(...figures));
}

let renders = 0;

/** Tells the panel (this frame's parent, of the extension's own origin: nothing else may hear it) whether this address's list is on screen. */
function tellPanel(address: string, shown: boolean): void {
  parent.postMessage({ type: 'consent-list', address, shown } satisfies ConsentListState, location.origin);
}

/**
 * Shows the no-consent list, then tells the panel its list is on screen: staff may confirm photo
 * consent only then. `token`, in this frame's address, is the tab's frame token put there by the
 * guard's panel; a copy x.com frames has none. With no answer it asks again a few times, then offers
 * staff "Try again" — reloading the page instead would lose their draft.
 */
async function render(attempt = 0): Promise<void> {
  const address = pageAddress(location);
  const run = ++renders;
  const answer = await sendRequest({ type: 'get-consent-frame', token: location.hash.slice(1), classNames: withConsentList ? classNames : null }).catch(() => null);
  // A newer render (the roster changed meanwhile) or another address owns the screen now.
  if (run !== renders || address !== pageAddress(location)) return;
  if (!answer) {
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay !== undefined) setTimeout(() => void (run === renders && render(attempt + 1)), delay);
    else showInstead(textElement('p', t('consent_load_error')), tryAgainButton());
    return;
  }
  // The same words whatever the address asked for: a copy learns nothing about any class.
  if (!answer.ok) {
    showInstead(textElement('p', t('consent_not_from_guard')));
    return;
  }
  const list = JSON.stringify(answer.noConsent);
  if (list !== drawnList) listArea.replaceChildren(...(answer.noConsent ? noConsentList(answer.noConsent) : []));
  drawnList = list;
  // Put in place once: moving the photos would take focus from the blur tool and end a drag on it.
  if (listArea.parentNode !== app) app?.replaceChildren(listArea, photosArea);
  if (answer.noConsent) tellPanel(address, true);
  showPhotos();
}

/** What the frame says when it has no list to show (the panel was told the list is not on screen). */
function showInstead(...nodes: Node[]): void {
  drawnList = '';
  listArea.replaceChildren();
  app?.replaceChildren(...nodes);
}

function tryAgainButton(): HTMLElement {
  const button = textElement('button', t('consent_try_again'));
  button.setAttribute('type', 'button');
  button.addEventListener('click', () => {
    app?.replaceChildren(textElement('p', t('common_loading')));
    void render();
  });
  return button;
}

// index.html holds the en-GB words for the moment before this script runs; these are the browser's locale's.
document.title = t('consent_page_title');
app?.replaceChildren(textElement('p', t('common_loading')));

// An import or sync while the list is on screen (consent given or withdrawn since): staff confirm
// against the list as it is now, not as it was when the photo was attached.
// Until the new list is drawn the panel's confirmation waits again, and if it cannot be loaded it stays waiting.
chrome.storage.onChanged.addListener((changes, area) => {
  if (!withConsentList || area !== 'session' || changes[GUARD_STATE_KEY]?.newValue === undefined) return;
  tellPanel(pageAddress(location), false);
  void render();
});

void render();
