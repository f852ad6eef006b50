/**
 * Lists the pupils of a class, of every class of a joint post (or of the whole school, for a post not about a class) who have no
 * photo consent, inside an extension-origin frame: staff
 * see the names beside the composer, while x.com's scripts cannot read them.
 */
import { listOfNames } from '../policy/class-prefix';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';

const app = document.getElementById('app');
/** Every class the post names (a joint post names several); none: the whole school. */
const classNames = new URLSearchParams(location.search).getAll('class');
const className = listOfNames(classNames);

function show(...nodes: Node[]): void {
  app?.replaceChildren(...nodes);
}

function text(tag: string, content: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = content;
  return node;
}

// index.html holds the en-GB words for the moment before this script runs; these are the browser's locale's.
document.title = t('consent_page_title');
show(text('p', t('common_loading')));

sendRequest({ type: 'get-no-consent-pupils', classNames }).then(({ names, wholeSchool }) => {
  if (names.length === 0) {
    show(text('p', wholeSchool ? t('consent_all_consent_school') : t('consent_all_consent', className)));
    return;
  }
  const list = document.createElement('ul');
  for (const name of names) list.append(text('li', name));
  show(text('h1', wholeSchool ? t('consent_heading_school') : t('consent_heading', className)), list);
}, () => show(text('p', t('consent_load_error'))));
