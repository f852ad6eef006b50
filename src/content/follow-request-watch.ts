/**
 * X's follower-requests page: beside each request, the policy's checklist; and each Accept or
 * Decline the administrator presses is logged (handle and decision, nothing else). The checklist
 * holds no pupil data, so it is drawn in a closed shadow root just after each request's cell.
 */
import type { MessageKey } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { isGuardedAccount } from './guarded-account';
import type { ModerationConnection } from './moderation-connection';
import { activeAccountHandle, followRequestAnswerOf, followRequestCells, followRequestHandle, moderationPageOf } from './x-dom';

const CHECKLIST_STYLE = `
:host { display: block; margin-top: 8px; }
section { border: 1px solid #cfd9de; border-left: 4px solid #1d6fb8; border-radius: 8px; padding: 6px 10px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f1419; background: #f7f9f9; }
h3 { font-size: 13px; margin: 0 0 2px; }
ul { margin: 0; padding-left: 18px; }
`;

/**
 * What the policy asks of a follow request, item by item, for the administrator to tick off in
 * their head before pressing Accept (the policy's own words, shortened).
 */
function checklistItems(): string[] {
  return [
    chrome.i18n.getMessage('follow_checklist_who' satisfies MessageKey),
    chrome.i18n.getMessage('follow_checklist_relatives' satisfies MessageKey),
    chrome.i18n.getMessage('follow_checklist_organisations' satisfies MessageKey),
    chrome.i18n.getMessage('follow_checklist_children' satisfies MessageKey),
    chrome.i18n.getMessage('follow_checklist_email' satisfies MessageKey),
    chrome.i18n.getMessage('follow_checklist_confirmed' satisfies MessageKey),
  ];
}

export class FollowRequestWatch {
  private readonly withChecklist = new WeakSet<Element>();

  constructor(private readonly connection: ModerationConnection, private readonly signal: AbortSignal) {}

  start(): void {
    const observer = new MutationObserver(() => this.addChecklists());
    observer.observe(document, { childList: true, subtree: true });
    this.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    // This script may arrive after the requests are drawn: the first answer from the background draws the checklists.
    this.connection.onChange(() => this.addChecklists());
    // Capture phase: logged before X's handler removes the request from the list.
    document.addEventListener('click', (event) => this.logAnswer(event), { capture: true, signal: this.signal });
  }

  private onSchoolRequestsPage(): boolean {
    return moderationPageOf(location.pathname)?.kind === 'follower-requests' && isGuardedAccount(this.connection.state, activeAccountHandle());
  }

  private addChecklists(): void {
    if (!this.onSchoolRequestsPage()) return;
    for (const cell of followRequestCells()) {
      if (this.withChecklist.has(cell)) continue;
      this.withChecklist.add(cell);
      const host = document.createElement('school-post-guard-checklist');
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = CHECKLIST_STYLE;
      const box = document.createElement('section');
      box.setAttribute('aria-label', chrome.i18n.getMessage('follow_checklist_label' satisfies MessageKey));
      const heading = document.createElement('h3');
      heading.textContent = chrome.i18n.getMessage('follow_checklist_heading' satisfies MessageKey);
      const list = document.createElement('ul');
      for (const item of checklistItems()) {
        const entry = document.createElement('li');
        entry.textContent = item;
        list.append(entry);
      }
      box.append(heading, list);
      shadow.append(style, box);
      // Beside the cell, not in it: X's cell is one big button, and its content is that button's name.
      cell.after(host);
    }
  }

  private logAnswer(event: Event): void {
    if (!event.isTrusted || !this.onSchoolRequestsPage()) return;
    const answer = followRequestAnswerOf(event.target);
    const handle = answer ? followRequestHandle(answer.cell) : null;
    if (!answer || handle === null) return;
    void sendRequest({ type: 'record-follow-decision', handle, decision: answer.decision }).catch(() => undefined);
  }
}
