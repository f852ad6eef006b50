/**
 * The panel beside the composer, in the guard's closed shadow root. It shows only what is already
 * in the draft plus the guard's own messages: other roster data never enters x.com's page.
 */
import type { Finding, PostKind, RuleId } from '../policy/types';

export type PanelTone = 'block' | 'warn' | 'pass' | 'hold';

export interface PanelConfirmation {
  rule: RuleId;
  /** What staff are confirming, in full. */
  statement: string;
  /** Words staff must type to confirm a policy exception; absent for a one-click acknowledgement. */
  typeWords?: string;
}

export interface PanelView {
  tone: PanelTone;
  headline: string;
  findings: Finding[];
  notices: string[];
  confirmations: PanelConfirmation[];
  /** Set when photos are attached: the classes whose no-consent list is shown in the extension frame (none: the whole school). */
  consentClasses?: string[];
  /** Offered when the weekly limit applies: staff may mark the post as an event or trip update. */
  postKind?: PostKind;
}

export interface PanelActions {
  confirm(rule: RuleId): void;
  setPostKind(kind: PostKind): void;
}

const PANEL_WIDTH = 340;

const POST_KINDS: { kind: PostKind; label: string }[] = [
  { kind: 'general', label: 'General post about this week’s learning' },
  { kind: 'event', label: 'Special event (sports day, trip, visitor, assembly…)' },
  { kind: 'residential', label: 'Residential trip update' },
];

const STYLE = `
.panel { position: fixed; z-index: 2147483646; box-sizing: border-box; padding: 12px 14px;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f1419; background: #fff;
  border: 2px solid #536471; border-radius: 12px; box-shadow: 0 4px 16px rgba(0,0,0,.2); }
.panel[data-tone="block"], .panel[data-tone="hold"] { border-color: #b3261e; }
.panel[data-tone="warn"] { border-color: #b26a00; }
.panel[data-tone="pass"] { border-color: #1b7f3b; }
h2 { margin: 0 0 6px; font-size: 15px; }
ul { margin: 0; padding-left: 18px; }
li { margin: 4px 0; }
.fix { color: #38444d; }
.notice { margin: 6px 0 0; color: #6b4e00; }
.rule { font-size: 12px; color: #536471; }
.confirm { margin-top: 8px; padding-top: 8px; border-top: 1px solid #cfd9de; }
button { font: inherit; padding: 4px 12px; border-radius: 16px; border: 1px solid #0f1419; background: #0f1419; color: #fff; cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 3px solid #1d9bf0; outline-offset: 2px; }
input { font: inherit; padding: 2px 6px; margin: 4px 0; }
fieldset { border: 0; padding: 8px 0 0; margin: 8px 0 0; }
legend { font-weight: 600; padding: 0; }
.consent { display: block; width: 100%; height: 110px; border: 1px solid #cfd9de; border-radius: 8px; margin-top: 6px; }
`;

export class FindingsPanel {
  private readonly box = document.createElement('section');
  private anchor: HTMLElement | null = null;
  private lastRendered = '';

  constructor(shadow: ShadowRoot, private readonly actions: PanelActions, signal: AbortSignal) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.box.className = 'panel';
    this.box.setAttribute('role', 'region');
    this.box.setAttribute('aria-label', 'School Post Guard');
    this.box.setAttribute('aria-live', 'polite');
    this.box.hidden = true;
    shadow.append(style, this.box);
    const reposition = () => this.position();
    window.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
    window.addEventListener('resize', reposition, { passive: true, signal });
  }

  show(anchor: HTMLElement, view: PanelView): void {
    this.anchor = anchor;
    const key = JSON.stringify(view);
    // Rebuilding identical content would reset focus and re-announce it to screen readers.
    if (key !== this.lastRendered) {
      this.lastRendered = key;
      this.render(view);
    }
    this.box.hidden = false;
    this.position();
  }

  hide(): void {
    this.box.hidden = true;
    this.lastRendered = '';
  }

  /** Brings keyboard focus into the panel, so a blocked submission by keyboard leads straight to the reason. */
  focus(): void {
    (this.box.querySelector<HTMLElement>('input, button') ?? this.box).focus();
  }

  private render(view: PanelView): void {
    this.box.dataset.tone = view.tone;
    this.box.tabIndex = -1;
    const heading = element('h2', view.headline);
    const children: Node[] = [heading];
    if (view.findings.length > 0) {
      const list = document.createElement('ul');
      for (const finding of view.findings) {
        const item = element('li', finding.message);
        item.dataset.rule = finding.rule;
        if (finding.fix) item.append(document.createElement('br'), element('span', finding.fix, 'fix'));
        item.append(document.createElement('br'), element('span', `${finding.severity === 'block' ? 'Blocked' : 'Warning'} · ${finding.rule}`, 'rule'));
        list.append(item);
      }
      children.push(list);
    }
    for (const notice of view.notices) children.push(element('p', notice, 'notice'));
    if (view.consentClasses !== undefined) children.push(consentFrame(view.consentClasses));
    if (view.postKind) children.push(this.postKindControl(view.postKind));
    for (const confirmation of view.confirmations) children.push(this.confirmationControl(confirmation));
    this.box.replaceChildren(...children);
  }

  private confirmationControl(confirmation: PanelConfirmation): HTMLElement {
    const wrapper = element('div', '', 'confirm');
    const statement = element('p', confirmation.statement);
    const button = element('button', confirmation.typeWords ? 'Confirm' : 'I have checked: allow this post');
    button.setAttribute('type', 'button');
    button.dataset.confirm = confirmation.rule;
    wrapper.append(statement);
    if (confirmation.typeWords) {
      const label = element('label', `Type “${confirmation.typeWords}” to confirm: `);
      const input = document.createElement('input');
      input.setAttribute('aria-label', `Type ${confirmation.typeWords} to confirm`);
      label.append(input);
      wrapper.append(label);
      button.addEventListener('click', () => {
        if (input.value.trim().toLowerCase() === confirmation.typeWords?.toLowerCase()) {
          this.actions.confirm(confirmation.rule);
        } else {
          input.setCustomValidity('Type the words exactly to confirm.');
          input.reportValidity();
        }
      });
    } else {
      button.addEventListener('click', () => this.actions.confirm(confirmation.rule));
    }
    wrapper.append(button);
    return wrapper;
  }

  private postKindControl(current: PostKind): HTMLElement {
    const group = element('fieldset', '', 'confirm');
    group.append(element('legend', 'What kind of post is this?'));
    for (const { kind, label } of POST_KINDS) {
      const option = element('label', '');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'post-kind';
      radio.value = kind;
      radio.checked = kind === current;
      radio.addEventListener('change', () => this.actions.setPostKind(kind));
      option.append(radio, ` ${label}`);
      group.append(option, document.createElement('br'));
    }
    return group;
  }

  /**
   * Beside the composer, never over it: X's toolbar, previews and Post button stay visible. Right
   * of it where the window has room (X's sidebar), else left, else below it.
   */
  private position(): void {
    if (!this.anchor || this.box.hidden) return;
    const rect = this.anchor.getBoundingClientRect();
    const gap = 12;
    const width = Math.min(PANEL_WIDTH, window.innerWidth - 2 * gap);
    const height = this.box.offsetHeight;
    let left: number;
    let top = Math.max(gap, Math.min(rect.top, window.innerHeight - height - gap));
    if (window.innerWidth - rect.right >= width + 2 * gap) left = rect.right + gap;
    else if (rect.left >= width + 2 * gap) left = rect.left - width - gap;
    else {
      left = Math.max(gap, Math.min(rect.left, window.innerWidth - width - gap));
      top = rect.bottom + gap;
    }
    Object.assign(this.box.style, { left: `${left}px`, top: `${top}px`, width: `${width}px` });
  }
}

/** The no-consent list lives in an extension page: its names never enter x.com's DOM. */
function consentFrame(classNames: readonly string[]): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  const query = new URLSearchParams(classNames.map((name) => ['class', name]));
  frame.src = `${chrome.runtime.getURL('src/consent/index.html')}?${query.toString()}`;
  frame.title = 'Pupils without photo consent';
  frame.className = 'consent';
  return frame;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}
