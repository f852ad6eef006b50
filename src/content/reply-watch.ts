/**
 * Replies under the school's own posts (its post pages and Notifications), checked with the same
 * engine as posts — in the background: this script sends every reply it reads, whatever it says,
 * and does the same work for each, so nothing on x.com's main thread (which the page shares and
 * can time) depends on a verdict. Nothing the page can see changes with the verdicts either:
 * flagged replies are not touched or marked in X's DOM; they are listed in the reply panel, an
 * extension-origin frame drawn at one fixed size on every such page whether or not anything was
 * flagged. The page learns which reply was flagged only when the administrator asks to be taken to
 * it (as hiding it would). A reply is sent again whenever its text changes ("Show more", text
 * filled in after the reply was first drawn). Replies are read in idle time in small slices, so
 * scrolling a long conversation is not held up.
 */
import type { MessageKey } from '../shared/i18n';
import type { ReplyToCheck, TabRequest } from '../shared/messages';
import { sendRequest } from '../shared/send-request';
import { isGuardedAccount } from './guarded-account';
import type { ModerationConnection } from './moderation-connection';
import { createOverlayRoot } from './overlay-root';
import { activeAccountHandle, findPostArticle, moderationPageOf, openPostMenu, postArticles, readShownPost, type ModerationPage } from './x-dom';

/** Bottom right, clear of the account switcher (bottom left) and of X's collapsed Messages drawer. */
const PANEL_STYLE = `
.reply-panel { position: fixed; right: 16px; bottom: 64px; z-index: 2147483645; width: 320px; height: 220px;
  border: 2px solid #536471; border-radius: 12px; background: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.2); }
.reply-panel[hidden] { display: none; }
`;

/** Time to spend per idle slice before yielding to the page. */
const SLICE_MS = 4;

export class ReplyWatch {
  private shadow: ShadowRoot | null = null;
  private frame: HTMLIFrameElement | null = null;
  private framePending = false;
  private panelWanted = false;
  private pagePath = '';
  /** Each reply sent for checking on this page, with the text it was sent with: a reply whose text changed is sent again. */
  private readonly sent = new Map<string, string>();
  private scheduled = false;
  /** Whether the tab's panel may still list replies of a page left behind (or of the document before this one). */
  private panelStale = true;

  constructor(private readonly connection: ModerationConnection, private readonly signal: AbortSignal) {}

  start(): void {
    const observer = new MutationObserver(() => this.schedule());
    // characterData too: React fills a text node in place when a reply's text changes.
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    this.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    // A new pupil list or settings: every reply on the page is checked again.
    this.connection.onChange(() => {
      this.pagePath = '';
      this.schedule();
    });
    chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      const request = message as TabRequest;
      if (request.type !== 'show-flagged-reply') return;
      sendResponse({ found: this.reveal(request.replyId) });
    });
  }

  private schedule(): void {
    if (this.scheduled || this.signal.aborted) return;
    this.scheduled = true;
    // requestIdleCallback is not in every browser's content scripts; a timeout is the fallback.
    const idle = globalThis.requestIdleCallback ?? ((callback: IdleRequestCallback) => setTimeout(() => {
      const end = performance.now() + SLICE_MS;
      callback({ didTimeout: true, timeRemaining: () => Math.max(0, end - performance.now()) });
    }, 50));
    idle((deadline) => {
      this.scheduled = false;
      this.run(deadline);
    }, { timeout: 500 });
  }

  private run(deadline: IdleDeadline): void {
    const page = moderationPageOf(location.pathname);
    if (location.pathname !== this.pagePath) this.newPage(page);
    const readiness = this.connection.state;
    // When X's markup hides who is signed in, a school post's page is still checked (protect the child).
    const account = activeAccountHandle();
    const owner = page?.kind === 'post' ? account ?? page.author : account;
    const schoolPage = page !== null && page.kind !== 'follower-requests' && readiness.kind === 'ready' && isGuardedAccount(readiness, account)
      && (page.kind === 'notifications' || (owner === page.author && isGuardedAccount(readiness, page.author)));
    this.showPanel(schoolPage);
    if (!schoolPage || readiness.kind !== 'ready') return;

    const started = performance.now();
    const batch: ReplyToCheck[] = [];
    for (const article of postArticles()) {
      if (deadline.timeRemaining() <= 0 && performance.now() - started > SLICE_MS) {
        this.schedule();
        break;
      }
      const reply = readShownPost(article);
      if (!reply || reply.author === owner || (page.kind === 'post' && reply.id === page.postId) || this.sent.get(reply.id) === reply.text) continue;
      this.sent.set(reply.id, reply.text);
      batch.push({ replyId: reply.id, author: reply.author, text: reply.text });
    }
    if (batch.length === 0) return;
    this.panelStale = true;
    void sendRequest({ type: 'check-replies', postId: page.kind === 'post' ? page.postId : null, replies: batch }).catch(() => undefined);
  }

  /**
   * X's router moved on: what was flagged belongs to the page left behind. The tab's panel is
   * emptied when the panel is to be shown again (no message on X's other pages).
   */
  private newPage(page: ModerationPage | null): void {
    this.pagePath = location.pathname;
    this.sent.clear();
    if (!this.panelStale || page === null || page.kind === 'follower-requests') return;
    this.panelStale = false;
    void sendRequest({ type: 'clear-reply-panel' }).catch(() => undefined);
  }

  private showPanel(visible: boolean): void {
    this.panelWanted = visible;
    if (this.frame) this.frame.hidden = !visible;
    if (!visible || this.frame || this.framePending) return;
    this.framePending = true;
    // The frame's address carries the tab's token (a copy x.com frames has none); it never changes with what was found.
    sendRequest({ type: 'frame-token' }).then(({ token }) => {
      if (this.signal.aborted) return;
      this.shadow = createOverlayRoot(this.signal);
      const style = document.createElement('style');
      style.textContent = PANEL_STYLE;
      this.frame = document.createElement('iframe');
      this.frame.className = 'reply-panel';
      this.frame.title = chrome.i18n.getMessage('reply_panel_frame_title' satisfies MessageKey);
      this.frame.src = `${chrome.runtime.getURL('src/reply-panel/index.html')}#${token}`;
      this.frame.hidden = !this.panelWanted;
      this.shadow.append(style, this.frame);
    }, () => {
      this.framePending = false;
    });
  }

  /** The administrator asked to be taken to a flagged reply: scroll to it and open X's own menu on it. */
  private reveal(replyId: string): boolean {
    const article = findPostArticle(replyId);
    if (!article) return false;
    article.scrollIntoView({ block: 'center' });
    return openPostMenu(article);
  }
}
