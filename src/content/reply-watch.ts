/**
 * Replies under the school's own posts (its post pages and Notifications), checked with the same
 * engine as posts. Nothing the page can see changes with the verdicts: flagged replies are not
 * touched or marked in X's DOM; they are listed in the reply panel, an extension-origin frame
 * drawn at one fixed size on every such page whether or not anything was flagged. The page learns
 * which reply was flagged only when the administrator asks to be taken to it (as hiding it would).
 * Checks run in idle time in small slices, so scrolling a long conversation is not held up.
 */
import { checkReply } from '../policy/reply-check';
import type { ReplyPanelEntry, TabRequest } from '../shared/messages';
import { sendRequest } from '../shared/send-request';
import { isGuardedAccount, type GuardConnection } from './guard-connection';
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
  private readonly seen = new Set<string>();
  private readonly flagged: ReplyPanelEntry[] = [];
  private scheduled = false;
  /** Whether the tab's panel may still list replies of a page left behind (or of the document before this one). */
  private panelStale = true;

  constructor(private readonly connection: GuardConnection, private readonly signal: AbortSignal) {}

  start(): void {
    const observer = new MutationObserver(() => this.schedule());
    const observe = () => observer.observe(document, { childList: true, subtree: true });
    observe();
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
    const found: ReplyPanelEntry[] = [];
    for (const article of postArticles()) {
      if (deadline.timeRemaining() <= 0 && performance.now() - started > SLICE_MS) {
        this.schedule();
        break;
      }
      const reply = readShownPost(article);
      if (!reply || this.seen.has(reply.id) || reply.author === owner || (page.kind === 'post' && reply.id === page.postId)) continue;
      this.seen.add(reply.id);
      const findings = checkReply(readiness.policy, reply.text);
      if (findings.length === 0) continue;
      found.push({
        replyId: reply.id,
        postId: page.kind === 'post' ? page.postId : null,
        author: reply.author,
        rules: [...new Set(findings.map((finding) => finding.rule))],
        words: [...new Set(findings.map((finding) => reply.text.slice(finding.start, finding.end)))],
      });
    }
    if (found.length === 0) return;
    this.flagged.push(...found);
    this.panelStale = true;
    void sendRequest({ type: 'set-reply-panel', replies: this.flagged }).catch(() => undefined);
  }

  /**
   * X's router moved on: what was flagged belongs to the page left behind. The tab's panel is
   * emptied when the panel is to be shown again (no message on X's other pages).
   */
  private newPage(page: ModerationPage | null): void {
    this.pagePath = location.pathname;
    this.seen.clear();
    this.flagged.length = 0;
    if (!this.panelStale || page === null || page.kind === 'follower-requests') return;
    this.panelStale = false;
    void sendRequest({ type: 'set-reply-panel', replies: [] }).catch(() => undefined);
  }

  private showPanel(visible: boolean): void {
    this.panelWanted = visible;
    if (this.frame) this.frame.hidden = !visible;
    if (!visible || this.frame || this.framePending) return;
    this.framePending = true;
    // The frame's address carries the tab's token (a copy x.com frames has none); it never changes with what was found.
    sendRequest({ type: 'reply-panel-token' }).then(({ token }) => {
      if (this.signal.aborted) return;
      this.shadow = createOverlayRoot(this.signal);
      const style = document.createElement('style');
      style.textContent = PANEL_STYLE;
      this.frame = document.createElement('iframe');
      this.frame.className = 'reply-panel';
      this.frame.title = 'School Post Guard: replies to check';
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
