/**
 * Lists the pupils of a class who have no photo consent, inside an extension-origin frame: staff
 * see the names beside the composer, while x.com's scripts cannot read them.
 */
import { sendRequest } from '../shared/send-request';

const app = document.getElementById('app');
const className = new URLSearchParams(location.search).get('class') ?? '';

function show(...nodes: Node[]): void {
  app?.replaceChildren(...nodes);
}

function text(tag: string, content: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = content;
  return node;
}

sendRequest({ type: 'get-no-consent-pupils', className }).then(({ names }) => {
  if (names.length === 0) {
    show(text('p', className ? `Every pupil in ${className} has photo consent.` : 'The post does not start with a class name, so the list cannot be shown.'));
    return;
  }
  const list = document.createElement('ul');
  for (const name of names) list.append(text('li', name));
  show(text('h1', `In ${className}, no photo consent for:`), list);
}, () => show(text('p', 'The list could not be loaded. Check the photo against the class list before posting.')));
