/**
 * How near two spellings are, for telling a slip from another word: at most one letter changed,
 * added or missed, or two neighbouring letters swapped ("Sofai" for "Sofia"). OCR misreads letters
 * but does not swap them; a hurried typist does both.
 */

/** One substitution, insertion or deletion at most. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const i = commonPrefixLength(a, b);
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** One edit, or two neighbouring letters swapped (optimal string alignment distance ≤ 1). */
export function withinOneEditOrSwap(a: string, b: string): boolean {
  if (withinOneEdit(a, b)) return true;
  if (a.length !== b.length) return false;
  const i = commonPrefixLength(a, b);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}
