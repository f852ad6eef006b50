/**
 * Underlines the offending characters in place, from the findings' ranges, and outlines the Post
 * buttons the guard holds. The marks are drawn in an extension-origin frame laid over the whole
 * window (X's own DOM is never changed, so Draft.js is not disturbed, and x.com's page cannot see
 * which words are marked); they follow scrolling and resizing.
 */
import type { Finding } from '../policy/types';
import type { MessageKey } from '../shared/i18n';
import { MARKS_PAGE, type MarkBox, type ToMarks } from '../shared/panel-protocol';
import { GuardFrame } from './guard-frame';
import { REDRAW_QUANTUM_MS, waitOutQuanta } from './check-timing';
import { rangeForOffsets } from './text-ranges';

const STYLE = `
.marks { position: fixed; inset: 0; width: 100%; height: 100%; border: 0; margin: 0; padding: 0; pointer-events: none;
  z-index: 2147483645; background: transparent; color-scheme: light; }
`;

export interface EditorMarks {
  editor: HTMLElement;
  findings: Finding[];
}

export class HighlightLayer {
  private readonly frame: GuardFrame<ToMarks, never>;
  private marks: EditorMarks[] = [];
  private heldButtons: HTMLElement[] = [];
  private redrawPending = 0;

  constructor(shadow: ShadowRoot, signal: AbortSignal) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.frame = new GuardFrame<ToMarks, never>(MARKS_PAGE, chrome.i18n.getMessage('panel_marks_title' satisfies MessageKey), () => undefined, signal);
    this.frame.element.className = 'marks';
    this.frame.element.tabIndex = -1;
    this.frame.element.setAttribute('aria-hidden', 'true');
    shadow.append(style, this.frame.element);
    // Once a frame, whatever the scrolling: and a script's own scroll event moves nothing.
    const redraw = (event: Event) => {
      if (event.isTrusted && this.redrawPending === 0) this.redrawPending = requestAnimationFrame(() => this.redraw());
    };
    window.addEventListener('scroll', redraw, { capture: true, passive: true, signal });
    window.addEventListener('resize', redraw, { passive: true, signal });
    signal.addEventListener('abort', () => cancelAnimationFrame(this.redrawPending), { once: true });
  }

  /** Marks these findings and outlines the post buttons that are held. */
  show(marks: EditorMarks[], heldButtons: HTMLElement[]): void {
    this.marks = marks;
    this.heldButtons = heldButtons;
    this.draw();
  }

  clear(): void {
    this.show([], []);
  }

  /**
   * The marks moved with the page: a redraw that lasts a whole quantum while there is a draft, so
   * that how many words are marked does not show in how long it takes (check-timing.ts).
   */
  private redraw(): void {
    this.redrawPending = 0;
    const started = performance.now();
    this.draw();
    if (this.marks.length > 0) waitOutQuanta(started, REDRAW_QUANTUM_MS);
  }

  private draw(): void {
    const boxes: MarkBox[] = [];
    for (const { editor, findings } of this.marks) {
      if (!editor.isConnected) continue;
      for (const finding of findings) {
        if (finding.target.kind !== 'text' || finding.end <= finding.start) continue;
        const range = rangeForOffsets(editor, finding.start, finding.end);
        if (!range) continue;
        for (const rect of range.getClientRects()) boxes.push(box(rect, finding.severity));
      }
    }
    for (const button of this.heldButtons) {
      if (button.isConnected) boxes.push(box(button.getBoundingClientRect(), 'held'));
    }
    // Sent on every check, changed or not: the frame's redraw is what "highlight updated" means.
    this.frame.send({ type: 'marks', boxes });
  }
}

function box(rect: DOMRect, kind: MarkBox['kind']): MarkBox {
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height, kind };
}
