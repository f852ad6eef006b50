/**
 * Inside an extension-origin frame, so x.com's scripts cannot read it: the pupils of a class, of
 * every class of a joint post (or of the whole school, for a post not about a class) who have no
 * photo consent, and the attached photos with what School Post Guard found in them.
 */
import { listOfNames } from '../policy/class-prefix';
import { t } from '../shared/i18n';
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

async function noConsentList(): Promise<Node[]> {
  try {
    const { names, wholeSchool } = await sendRequest({ type: 'get-no-consent-pupils', classNames });
    if (names.length === 0) return [textElement('p', wholeSchool ? t('consent_all_consent_school') : t('consent_all_consent', className))];
    const list = document.createElement('ul');
    for (const name of names) list.append(textElement('li', name));
    return [textElement('h1', wholeSchool ? t('consent_heading_school') : t('consent_heading', className)), list];
  } catch {
    return [textElement('p', t('consent_load_error'))];
  }
}

// index.html holds the en-GB words for the moment before this script runs; these are the browser's locale's.
document.title = t('consent_page_title');
app?.replaceChildren(textElement('p', t('common_loading')));

void (async () => {
  const parts = await Promise.all([
    withConsentList ? noConsentList() : Promise.resolve([]),
    ...photoIds.map((photoId) => photoFindings(photoId).catch(() => textElement('p', t('consent_photo_gone')))),
  ]);
  app?.replaceChildren(...parts.flat());
})();
