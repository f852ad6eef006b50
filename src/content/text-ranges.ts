/**
 * Maps UTF-16 offsets in the text read from an editor (blocks joined with "\n") back to DOM
 * ranges, so a finding's range can be underlined where its characters are drawn.
 */
export function rangeForOffsets(editor: HTMLElement, start: number, end: number): Range | null {
  const blocks = editor.querySelectorAll('[data-block="true"]');
  const lines: Node[] = blocks.length > 0 ? [...blocks] : [editor];
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (const [index, line] of lines.entries()) {
    if (index > 0) offset += 1; // the "\n" between blocks
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const length = node.data.length;
      if (!started && start <= offset + length) {
        range.setStart(node, Math.max(0, start - offset));
        started = true;
      }
      if (started && end <= offset + length) {
        range.setEnd(node, Math.max(0, end - offset));
        return range;
      }
      offset += length;
    }
  }
  return null;
}

/**
 * Puts the caret at a UTF-16 offset of the editor's text (a textarea, or a contenteditable whose
 * editor — Draft.js — follows the selection), e.g. before the first marked words.
 */
export function placeCaretAt(editor: HTMLElement, offset: number): void {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    editor.setSelectionRange(offset, offset);
    return;
  }
  const range = rangeForOffsets(editor, offset, offset);
  if (!range) return;
  range.collapse(true);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
