/**
 * The reply panel: inside an extension-origin frame of a fixed size on the school's post pages and
 * Notifications, it lists the replies the guard flagged there, with the reason and the words found,
 * and puts X's own "Hide reply" one click away. x.com's scripts cannot read this frame, and the
 * frame is there, at the same size, whether or not anything was flagged.
 */
import { RULE_LABELS } from '../options/rule-labels';
import { t } from '../shared/i18n';
import type { ReplyPanelEntry } from '../shared/messages';
import { sendRequest } from '../shared/send-request';

const app = document.getElementById('app');
/** Put in this frame's address by the content script that drew it; a copy x.com frames has none. */
const token = location.hash.slice(1);

function element(tag: string, content?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (content !== undefined) node.textContent = content;
  if (className) node.className = className;
  return node;
}

function button(label: string, onClick: () => void, className?: string): HTMLButtonElement {
  const node = element('button', label, className) as HTMLButtonElement;
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

function entryItem(entry: ReplyPanelEntry): HTMLElement {
  const item = element('li');
  item.append(element('p', t('reply_panel_reply_by', entry.author)));
  const reasons = entry.rules.map((rule) => RULE_LABELS[rule]).join('; ');
  const words = entry.words.map((word) => `“${word}”`).join(', ');
  item.append(element('p', t('reply_panel_reason', reasons, words), 'reason'));
  const status = element('p', undefined, 'hint');
  item.append(
    button(t('reply_panel_open_menu'), () => {
      sendRequest({ type: 'show-flagged-reply', replyId: entry.replyId, token }).then(({ found }) => {
        status.textContent = found ? t('reply_panel_menu_opened') : t('reply_panel_not_found');
      }, () => (status.textContent = t('reply_panel_not_found')));
    }),
    button(t('reply_panel_done'), () => void sendRequest({ type: 'remove-flagged-reply', replyId: entry.replyId, token }), 'secondary'),
    status,
  );
  return item;
}

function show(replies: ReplyPanelEntry[]): void {
  if (!app) return;
  if (replies.length === 0) {
    app.replaceChildren(element('h1', t('reply_panel_heading_none')), element('p', t('reply_panel_none'), 'hint'));
    return;
  }
  const list = element('ol');
  list.append(...replies.map(entryItem));
  app.replaceChildren(element('h1', t('reply_panel_heading', replies.length)), list);
}

document.title = t('reply_panel_title');

/** Asks for this tab's list again; called on every change, so a change made before the first answer is not missed. */
function refresh(): void {
  sendRequest({ type: 'get-reply-panel', token }).then(({ replies }) => show(replies), () => app?.replaceChildren(element('p', t('reply_panel_load_error'))));
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && Object.keys(changes).some((key) => key.startsWith('replyPanel:'))) refresh();
});
refresh();
