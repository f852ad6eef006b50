/**
 * The Unicode bidirectional controls that reorder text on screen (UAX #9 explicit formatting):
 * embeddings and overrides U+202A–U+202E (closed by U+202C), isolates U+2066–U+2068 (closed by
 * U+2069). Marks (U+200E, U+200F, U+061C) only place neutral characters and cannot reverse letters.
 */
import type { TextRange } from './rule';

const OPENERS = new Set([0x202a, 0x202b, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068]);
const CLOSERS = new Set([0x202c, 0x2069]);
const ANY_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

export function isDirectionControl(codeUnit: number): boolean {
  return OPENERS.has(codeUnit) || CLOSERS.has(codeUnit);
}

/**
 * The stretches of `text` a direction control reorders: from an opener to its closer (or the end of
 * the line, where the algorithm ends it), nested ones together; a closer on its own is its own
 * stretch. UTF-16 ranges, in order.
 */
export function directionControlSpans(text: string): TextRange[] {
  const spans: TextRange[] = [];
  // Nearly every draft has none: one native search instead of two Set lookups a character.
  const first = text.search(ANY_CONTROL);
  if (first < 0) return spans;
  let depth = 0;
  let start = 0;
  for (let index = first; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (OPENERS.has(unit)) {
      if (depth === 0) start = index;
      depth += 1;
    } else if (CLOSERS.has(unit)) {
      if (depth === 0) spans.push({ start: index, end: index + 1 });
      else if (--depth === 0) spans.push({ start, end: index + 1 });
    } else if (depth > 0 && (unit === 0x0a || unit === 0x0d || unit === 0x2029)) {
      spans.push({ start, end: index });
      depth = 0;
    }
  }
  if (depth > 0) spans.push({ start, end: text.length });
  return spans;
}
