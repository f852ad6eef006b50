/**
 * Underlines the offending characters in place, from the findings' ranges. The marks are drawn
 * in the guard's shadow root over the editor (X's own DOM is never changed, so Draft.js is not
 * disturbed) and follow scrolling and resizing.
 */
import type { Finding } from '../policy/types';
import { rangeForOffsets } from './text-ranges';

const STYLE = `
.marks { position: fixed; inset: 0; pointer-events: none; z-index: 2147483645; }
.mark { position: fixed; border-bottom: 3px solid #b3261e; background: rgba(179, 38, 30, .12); }
.mark[data-severity="warn"] { border-bottom-color: #b26a00; background: rgba(178, 106, 0, .12); }
.held { position: fixed; border: 3px solid #b3261e; border-radius: 9999px; box-sizing: border-box; }
`;

export interface EditorMarks {
  editor: HTMLElement;
  findings: Finding[];
}

export class HighlightLayer {
  private readonly layer = document.createElement('div');
  private marks: EditorMarks[] = [];
  private heldButtons: HTMLElement[] = [];

  constructor(shadow: ShadowRoot, signal: AbortSignal) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.layer.className = 'marks';
    this.layer.setAttribute('aria-hidden', 'true');
    shadow.append(style, this.layer);
    const redraw = () => this.draw();
    window.addEventListener('scroll', redraw, { capture: true, passive: true, signal });
    window.addEventListener('resize', redraw, { passive: true, signal });
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

  private draw(): void {
    const nodes: HTMLElement[] = [];
    for (const { editor, findings } of this.marks) {
      if (!editor.isConnected) continue;
      for (const finding of findings) {
        if (finding.target.kind !== 'text' || finding.end <= finding.start) continue;
        const range = rangeForOffsets(editor, finding.start, finding.end);
        if (!range) continue;
        for (const rect of range.getClientRects()) nodes.push(box('mark', rect, finding.severity));
      }
    }
    for (const button of this.heldButtons) {
      if (button.isConnected) nodes.push(box('held', button.getBoundingClientRect()));
    }
    this.layer.replaceChildren(...nodes);
  }
}

function box(className: string, rect: DOMRect, severity?: string): HTMLElement {
  const node = document.createElement('div');
  node.className = className;
  if (severity) node.dataset.severity = severity;
  Object.assign(node.style, { left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
  return node;
}
