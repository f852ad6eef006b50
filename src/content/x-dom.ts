/**
 * The only file that knows X's markup. Each selector list goes from X's own test ids (stable for
 * years, language-independent) to structural fallbacks that do not depend on the UI language, so
 * the guard keeps blocking when X renames something and can say it is running degraded.
 */
import { handleKey } from '../shared/handle-key';

/** The editable element of a composer: Draft.js contenteditable, or the mobile layout's textarea. */
const EDITOR_PRIMARY = '[data-testid^="tweetTextarea_"][contenteditable="true"], [data-testid^="tweetTextarea_"] textarea, textarea[data-testid^="tweetTextarea_"]';
const EDITOR_DM = '[data-testid="dmComposerTextInput"], [data-testid="dm-composer-textarea"], [data-testid="dmComposerTextInput"] [contenteditable="true"]';
const EDITOR_FALLBACK = '.public-DraftEditor-content[contenteditable="true"], [role="textbox"][contenteditable="true"]';

/** Buttons that publish: Post, Reply, Post all, Schedule (the same test ids whatever the label). */
const POST_BUTTON_PRIMARY = '[data-testid="tweetButton"], [data-testid="tweetButtonInline"], [data-testid="dmComposerSendButton"], [data-testid="dm-composer-send-button"]';
/**
 * Fallback when X's post buttons are no longer recognised: any button. Which one posts cannot be
 * told without the test ids (labels are translated), so every button counts while a composer is
 * open: a blocked draft then also holds the other toolbar buttons, which is the safe mistake.
 */
const POST_BUTTON_FALLBACK = 'button, [role="button"]';

const ACCOUNT_SWITCHER = '[data-testid="SideNav_AccountSwitcher_Button"]';
const ACCOUNT_AVATAR = `${ACCOUNT_SWITCHER} [data-testid^="UserAvatar-Container-"]`;
const ACCOUNT_AVATAR_PREFIX = 'UserAvatar-Container-';
/**
 * The account button at the foot of the side bar, found by structure when its test id is gone:
 * the banner's menu button that is not in the navigation.
 */
const ACCOUNT_SWITCHER_FALLBACK = 'header[role="banner"] [role="button"][aria-haspopup="menu"]:not(nav *), header[role="banner"] button[aria-haspopup="menu"]:not(nav *)';
/**
 * The lock X draws beside a protected account's name (in the account switcher, on the profile, on
 * its posts). Its aria-label is translated ("Protected account", "非公開アカウント"); its test id
 * and its drawing are not.
 */
const PROTECTED_LOCK = '[data-testid="icon-lock"], svg path[d^="M17.5 7H17v-.25c0-2.76-2.24-5-5-5s-5 2.24-5 5V7"]';

export const FILE_INPUT = 'input[type="file"][data-testid="fileInput"], input[type="file"]';
/** Each attached item's preview, in the order X shows them. */
const ATTACHMENT_PREVIEW = '[data-testid="attachments"] [role="group"]';
/** A preview's remove button; without it the blur tool offers its copy to save instead. */
export const REMOVE_MEDIA = '[data-testid="removeMedia"]';
export const ALT_TEXT_INPUT = 'textarea[data-testid="altTextInput"]';

export function attachmentPreviews(root: ParentNode): Element[] {
  return [...root.querySelectorAll(ATTACHMENT_PREVIEW)];
}

/**
 * What a preview shows: its media's own URL (the same while the preview lasts) and the description
 * saved for it (X plays GIFs and videos in a <video>).
 */
export function readPreview(preview: Element): { source: string; alt: string } {
  const described = preview.querySelector('img[alt], video[aria-label]');
  return { source: preview.querySelector('img, video')?.getAttribute('src') ?? '', alt: described?.getAttribute('alt') ?? described?.getAttribute('aria-label') ?? '' };
}

/** The preview whose remove button an event landed on, if any. */
export function previewRemovedBy(target: EventTarget | null): Element | null {
  return (target instanceof Element && target.closest(REMOVE_MEDIA)?.closest(ATTACHMENT_PREVIEW)) || null;
}

/** Whether the primary selectors found the composer, or only the fallbacks did. */
export type SelectorHealth = 'primary' | 'degraded';

export function findEditors(root: ParentNode = document): { editors: HTMLElement[]; health: SelectorHealth } {
  const primary = [...root.querySelectorAll<HTMLElement>(`${EDITOR_PRIMARY}, ${EDITOR_DM}`)];
  if (primary.length > 0) return { editors: uniqueOutermost(primary), health: 'primary' };
  return { editors: uniqueOutermost([...root.querySelectorAll<HTMLElement>(EDITOR_FALLBACK)]), health: 'degraded' };
}

/** The editor an event happened in, if any. */
export function editorOf(node: EventTarget | null): HTMLElement | null {
  if (!(node instanceof Element)) return null;
  return node.closest<HTMLElement>(`${EDITOR_PRIMARY}, ${EDITOR_DM}, ${EDITOR_FALLBACK}`);
}

/** Whether an editor writes a direct message rather than a post. */
export function isDirectMessageEditor(editor: Element): boolean {
  return editor.matches(EDITOR_DM) || editor.closest(EDITOR_DM) !== null;
}

/** The publishing button a click landed on, if any. */
export function postButtonOf(node: EventTarget | null): { button: HTMLElement; health: SelectorHealth } | null {
  if (!(node instanceof Element)) return null;
  // X's follow-up sheets (see postingSheetButtonOf) are checked apart: they only post after a Post
  // click the guard let through, and "Discard" on a blocked draft must keep working.
  const primary = node.closest<HTMLElement>(POST_BUTTON_PRIMARY);
  if (primary) return { button: primary, health: 'primary' };
  if (document.querySelector(POST_BUTTON_PRIMARY)) return null;
  const fallback = node.closest<HTMLElement>(POST_BUTTON_FALLBACK);
  if (fallback && findEditors().editors.length > 0) return { button: fallback, health: 'degraded' };
  return null;
}

/**
 * "Not this time" on X's "Add descriptions to your images?" sheet, which appears after a Post click
 * and posts the draft as it then is: staff may have changed a photo or its description meanwhile.
 */
const POSTING_SHEET_BUTTON = '[data-testid="confirmationSheetDialog"] [data-testid="confirmationSheetCancel"]';

export function postingSheetButtonOf(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>(POSTING_SHEET_BUTTON) : null;
}

/** The dialog X shows on top (the compose dialog, a description editor, a confirmation sheet), if any. */
export function topmostDialog(): HTMLElement | null {
  const dialogs = document.querySelectorAll<HTMLElement>('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]');
  return dialogs[dialogs.length - 1] ?? null;
}

/** A composer: the element around it, its editors (one per post of a thread), how it was found. */
export interface ComposerScope {
  root: ParentNode;
  editors: HTMLElement[];
  health: SelectorHealth;
}

/**
 * The composer a button or editor belongs to: the smallest ancestor holding both an editor and a
 * post button (a thread's editors share one). Found from the page's few post buttons and their
 * common ancestors with `from`, so a keystroke costs a handful of lookups, not a scan per level.
 */
export function composerScope(from: Element): ComposerScope {
  const depthOf = new Map<Element, number>();
  let depth = 0;
  for (let node: Element | null = from; node; node = node.parentElement) depthOf.set(node, depth++);
  const commonAncestors = new Set<Element>();
  for (const button of document.querySelectorAll(POST_BUTTON_PRIMARY)) {
    let node: Element | null = button;
    while (node && !depthOf.has(node)) node = node.parentElement;
    if (node) commonAncestors.add(node);
  }
  const nearestFirst = [...commonAncestors].sort((a, b) => (depthOf.get(a) ?? 0) - (depthOf.get(b) ?? 0));
  // From a Post button the common ancestor is the button itself: climb to the composer around it.
  for (const ancestor of nearestFirst) {
    for (let root: Element | null = ancestor; root; root = root.parentElement) {
      const found = findEditors(root);
      if (found.editors.length > 0) return { root, ...found };
    }
  }
  // No recognised post button shares an ancestor with `from`: X's markup has moved on.
  return { root: document, editors: findEditors(document).editors, health: 'degraded' };
}

/**
 * What the panel keeps clear of: the dialog around `from` (the compose dialog, a description
 * editor), else the whole composer — text, attachments, toolbar, Post button. When X's markup has
 * moved on and the composer is not recognised, the nearest ancestor of the editor that also holds
 * a button (its toolbar), found by structure alone.
 */
export function composerBox(from: HTMLElement, scope: ComposerScope): HTMLElement {
  const dialog = from.closest<HTMLElement>('[role="dialog"]');
  if (dialog) return dialog;
  if (scope.root instanceof HTMLElement) return scope.root;
  for (let node = from.parentElement; node && node !== document.body; node = node.parentElement) {
    if ([...node.querySelectorAll(POST_BUTTON_FALLBACK)].some((button) => !from.contains(button))) return node;
  }
  return from;
}

export function postButtonsIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(POST_BUTTON_PRIMARY)];
}

/**
 * The text exactly as X will send it. Draft.js keeps one block per line and `textContent` would
 * run the lines together, so blocks are read one by one and joined with a newline.
 */
export function readEditorText(editor: HTMLElement): string | null {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) return editor.value;
  const textarea = editor.querySelector('textarea');
  if (textarea) return textarea.value;
  const blocks = editor.querySelectorAll('[data-block="true"]');
  if (blocks.length > 0) return [...blocks].map((block) => block.textContent ?? '').join('\n');
  // Not Draft's markup: fall back to the rendered text, which keeps line breaks.
  return editor.innerText ?? editor.textContent;
}

/** The @handle of the account the composer posts as, lower-case, or null when it cannot be read. */
export function activeAccountHandle(): string | null {
  const avatar = document.querySelector(ACCOUNT_AVATAR);
  const testId = avatar?.getAttribute('data-testid');
  if (!testId?.startsWith(ACCOUNT_AVATAR_PREFIX)) return null;
  return handleKey(testId.slice(ACCOUNT_AVATAR_PREFIX.length)) || null;
}

/**
 * Who can see the active account's posts, from the lock the account switcher already shows beside
 * the account's name: protected when X draws it. No lock means public only in X's own switcher
 * showing the name (its @handle, which is not translated): a collapsed side bar shows the avatar
 * alone, and a look-alike found after X renamed its markup may not be the switcher. Otherwise
 * unknown: never a guess.
 */
export function activeAccountAudience(): 'protected' | 'public' | 'unknown' {
  const switcher = document.querySelector(ACCOUNT_SWITCHER) ?? document.querySelector(ACCOUNT_SWITCHER_FALLBACK);
  if (switcher?.querySelector(PROTECTED_LOCK)) return 'protected';
  const namesShown = switcher?.matches(ACCOUNT_SWITCHER) && /@\w{1,15}/.test(switcher.textContent ?? '');
  return namesShown ? 'public' : 'unknown';
}

/** Keeps only editors not nested in another match (Draft's root and its contenteditable both match fallbacks). */
function uniqueOutermost(elements: HTMLElement[]): HTMLElement[] {
  const set = new Set(elements);
  return elements.filter((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) if (set.has(parent)) return false;
    return true;
  });
}

/** A post or reply as X renders it in timelines, conversations and Notifications. */
const POST_ARTICLE = 'article[data-testid="tweet"]';
const POST_ARTICLE_FALLBACK = 'article';
const POST_TEXT = '[data-testid="tweetText"]';
const POST_TEXT_FALLBACK = '[lang]';
/** The "More" caret whose menu holds "Hide reply" (for the post's author) and "Delete" (for one's own). */
const POST_MENU_BUTTON = '[data-testid="caret"]';
const POST_MENU_BUTTON_FALLBACK = '[aria-haspopup="menu"]';
/** A post's own address, in the link around its timestamp: /<handle>/status/<id>. */
const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,25})(?:\/|$)/;

/** Which of the school's moderation pages this is, from the address X's router shows. */
export type ModerationPage =
  | { kind: 'post'; author: string; postId: string }
  | { kind: 'notifications' }
  | { kind: 'follower-requests' };

export function moderationPageOf(pathname: string): ModerationPage | null {
  const status = STATUS_PATH.exec(pathname);
  // /<handle>/status/<id> itself, not its /photo/1, /analytics or /hidden sub-pages.
  if (status && /^\/[^/]+\/status\/\d+\/?$/.test(pathname)) return { kind: 'post', author: handleKey(status[1] ?? ''), postId: status[2] ?? '' };
  if (/^\/notifications(\/mentions)?\/?$/.test(pathname)) return { kind: 'notifications' };
  if (/^\/follower_requests\/?$/.test(pathname)) return { kind: 'follower-requests' };
  return null;
}

/** A reply as shown: its id, its author's handle (lower-case) and its text. */
export interface ShownReply {
  article: HTMLElement;
  id: string;
  author: string;
  text: string;
}

export function postArticles(root: ParentNode = document): HTMLElement[] {
  const primary = [...root.querySelectorAll<HTMLElement>(POST_ARTICLE)];
  return primary.length > 0 ? primary : [...root.querySelectorAll<HTMLElement>(POST_ARTICLE_FALLBACK)];
}

/** Reads a post article; null when it has no status link with a timestamp (a post just written here, a card). */
export function readShownPost(article: HTMLElement): ShownReply | null {
  for (const time of article.querySelectorAll('time')) {
    const link = time.closest('a');
    const match = link ? STATUS_PATH.exec(new URL(link.href, location.href).pathname) : null;
    // A quoted post inside the article has its own timestamp: only the article's own counts.
    if (!match || link?.closest(POST_ARTICLE_FALLBACK) !== article) continue;
    const text = article.querySelector(POST_TEXT) ?? article.querySelector(POST_TEXT_FALLBACK);
    return { article, id: match[2] ?? '', author: handleKey(match[1] ?? ''), text: text ? shownText(text) : '' };
  }
  return null;
}

/** The text as a reader sees it: X draws emoji (and letters such as "🅰") as images whose alt text is the character. */
function shownText(element: Element): string {
  let text = '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) text += (node as Text).data;
    else if ((node as Element).localName === 'img') text += (node as HTMLImageElement).alt;
  }
  return text;
}

/** The article showing post `id`, if it is on the page. */
export function findPostArticle(id: string): HTMLElement | null {
  return postArticles().find((article) => readShownPost(article)?.id === id) ?? null;
}

/** Opens X's own "More" menu on a post, where "Hide reply" and "Delete" are; false when it has none. */
export function openPostMenu(article: HTMLElement): boolean {
  const button = article.querySelector<HTMLElement>(POST_MENU_BUTTON) ?? article.querySelector<HTMLElement>(POST_MENU_BUTTON_FALLBACK);
  button?.click();
  return button !== null;
}

/** A request on X's follower-requests page: a user cell with Decline then Accept under it. */
const FOLLOW_REQUEST_CELL = '[data-testid="UserCell"]';
/** Without the test id: a button-like cell in the main column holding a profile link and buttons of its own. */
const FOLLOW_REQUEST_CELL_FALLBACK = 'main [role="button"]:has(a[href]):has(button, [role="button"])';

function followRequestCellSelector(): string {
  return document.querySelector(FOLLOW_REQUEST_CELL) ? FOLLOW_REQUEST_CELL : FOLLOW_REQUEST_CELL_FALLBACK;
}

export function followRequestCells(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(followRequestCellSelector())];
}

/** The requester's handle (lower-case), from the cell's link to their profile. */
export function followRequestHandle(cell: Element): string | null {
  for (const link of cell.querySelectorAll('a[href]')) {
    const match = /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(new URL((link as HTMLAnchorElement).href, location.href).pathname);
    if (match) return handleKey(match[1] ?? '');
  }
  return null;
}

/**
 * Which answer a click in a request's cell gave. X's two buttons have no test id and translated
 * labels; their order is fixed (Decline, then Accept), so the last two buttons of the cell say it.
 */
export function followRequestAnswerOf(target: EventTarget | null): { cell: HTMLElement; decision: 'accepted' | 'declined' } | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest<HTMLElement>(followRequestCellSelector());
  const button = target.closest('button, [role="button"]');
  if (!cell || !button || button === cell) return null;
  const buttons = [...cell.querySelectorAll('button, [role="button"]')];
  const index = buttons.indexOf(button);
  if (buttons.length < 2 || index < buttons.length - 2) return null;
  return { cell, decision: index === buttons.length - 1 ? 'accepted' : 'declined' };
}
