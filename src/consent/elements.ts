/** The frame's one way of making an element that shows words: as text, never as markup. */
export function textElement(tag: string, content: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = content;
  return node;
}
