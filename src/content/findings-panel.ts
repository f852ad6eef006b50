/**
 * The content script's side of the findings panel: an extension-origin frame (src/panel) in the
 * guard's closed shadow root. The panel's words are drawn inside the frame; the frame's own size and
 * place come from the window and the composer only (panel-placement.ts), so nothing x.com's page
 * can measure or find depends on the findings. The frame is on the page from the start (and stays,
 * hidden while there is no draft), so even the number of frames the page can count never changes.
 */
import type { PostKind, RuleId } from '../policy/types';
import type { MessageKey } from '../shared/i18n';
import { PANEL_PAGE, type FromPanel, type PanelView, type ToPanel } from '../shared/panel-protocol';
import { sendRequest } from '../shared/send-request';
import { GuardFrame } from './guard-frame';
import { placePanel } from './panel-placement';
import { topmostDialog } from './x-dom';

export interface PanelActions {
  confirm(rule: RuleId): void;
  setPostKind(kind: PostKind): void;
  /** Escape in the panel: back to the draft, at its first finding. */
  escape(): void;
  /** Tab left the panel: back to the draft. */
  leave(): void;
}

const STYLE = `
.panel { position: fixed; z-index: 2147483646; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: light; }
.panel[hidden], .reload[hidden] { display: none; }
.reload { position: fixed; z-index: 2147483646; box-sizing: border-box; margin: 0; padding: 12px 14px; overflow: auto;
  font: 13px/1.4 system-ui, sans-serif; color: #0f1419; background: #fff; border: 2px solid #b3261e; border-radius: 12px; }
`;

export class FindingsPanel {
  private readonly frame: GuardFrame<ToPanel, FromPanel>;
  private anchor: HTMLElement | null = null;
  /** The editor the panel speaks about: when X replaces it (the post has gone), the panel goes. */
  private editor: HTMLElement | null = null;
  private following = 0;
  private view: PanelView | null = null;
  /** The no-consent frame shows its pupils only with this tab's token, which x.com's scripts cannot learn. */
  private consentToken: string | null = null;
  /**
   * Once the extension has been updated or reloaded under this tab, its frames are gone with it and
   * chrome.i18n no longer answers: what the panel must then say (reload the page) is read now and
   * shown in the guard's own shadow root. It says nothing about the draft.
   */
  private readonly reload = document.createElement('section');

  constructor(shadow: ShadowRoot, actions: PanelActions, signal: AbortSignal) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.frame = new GuardFrame<ToPanel, FromPanel>(PANEL_PAGE, chrome.i18n.getMessage('panel_frame_title' satisfies MessageKey), (message) => {
      if (message.type === 'confirm') actions.confirm(message.rule);
      else if (message.type === 'post-kind') actions.setPostKind(message.kind);
      else if (message.type === 'escape') actions.escape();
      else actions.leave();
    }, signal);
    this.frame.element.className = 'panel';
    this.frame.element.hidden = true;
    this.reload.className = 'reload';
    this.reload.setAttribute('role', 'alert');
    this.reload.hidden = true;
    const headline = document.createElement('strong');
    headline.textContent = chrome.i18n.getMessage('panel_headline_hold_submit' satisfies MessageKey);
    this.reload.append(headline, ` ${chrome.i18n.getMessage('panel_hold_invalidated' satisfies MessageKey)}`);
    shadow.append(style, this.frame.element, this.reload);
    signal.addEventListener('abort', () => cancelAnimationFrame(this.following), { once: true });
    sendRequest({ type: 'frame-token' }).then(({ token }) => {
      this.consentToken = token;
      this.sendView();
    }, () => undefined);
  }

  show(anchor: HTMLElement, editor: HTMLElement, view: PanelView): void {
    this.anchor = anchor;
    this.editor = editor;
    this.reload.hidden = view.hold !== 'invalidated';
    this.view = view;
    this.sendView();
    this.frame.element.hidden = !this.reload.hidden;
    this.position();
    this.follow();
  }

  hide(): void {
    this.reload.hidden = true;
    if (this.frame.element.hidden) return;
    this.frame.element.hidden = true;
    this.anchor = null;
    this.view = null;
    this.sendView();
  }

  private sendView(): void {
    this.frame.send({ type: 'view', view: this.view, consentToken: this.consentToken });
  }

  /** Brings keyboard focus into the panel, so a blocked Post button leads straight to the reason. */
  focus(): void {
    this.frame.element.focus();
    this.frame.request({ type: 'focus' });
  }

  /**
   * While shown, the panel keeps beside the composer as the page scrolls and resizes, and beside
   * whatever X opens on top of it (the "Add descriptions to your images?" sheet); it goes when the
   * composer does (the post has gone, the dialog closed).
   */
  private follow(): void {
    if (this.following) return;
    const step = () => {
      this.following = 0;
      if (this.frame.element.hidden && this.reload.hidden) return;
      if (!this.anchor?.isConnected || !this.editor?.isConnected) {
        this.hide();
        return;
      }
      this.position();
      this.following = requestAnimationFrame(step);
    };
    this.following = requestAnimationFrame(step);
  }

  private position(): void {
    if (!this.anchor || (this.frame.element.hidden && this.reload.hidden)) return;
    const over = topmostDialog();
    const anchor = over && !over.contains(this.anchor) ? over : this.anchor;
    const box = placePanel({ width: window.innerWidth, height: window.innerHeight }, anchor.getBoundingClientRect());
    const style = (this.frame.element.hidden ? this.reload : this.frame.element).style;
    const next = { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` };
    // Written only when it moved: every frame, this runs while the panel is shown.
    if (style.left !== next.left || style.top !== next.top || style.width !== next.width || style.height !== next.height) Object.assign(style, next);
  }
}
