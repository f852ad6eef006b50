/**
 * The underlines and the held Post buttons, drawn in a transparent extension-origin frame laid
 * over the whole window (it never takes a click). The boxes arrive from the content script in the
 * page's viewport coordinates, which are this frame's.
 */
import type { ToMarks } from '../shared/panel-protocol';
import { connectToGuard } from './frame-port';

connectToGuard((port) => {
  port.onmessage = (event: MessageEvent<ToMarks>) => {
    if (event.data?.type !== 'marks') return;
    document.body.replaceChildren(
      ...event.data.boxes.map((box) => {
        const node = document.createElement('div');
        node.className = 'mark';
        node.dataset.kind = box.kind;
        node.style.cssText = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
        return node;
      }),
    );
  };
});
