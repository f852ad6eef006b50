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

/** How long a name must be for a letter moved past its neighbour to count as a slip: short names are one move from too much. */
const MOVE_MIN_LENGTH = 6;

/**
 * A slip, or one letter moved past the next ("Sayfia" for "Safiya": three neighbours turned round),
 * in names of six letters or more.
 */
export function withinOneSlipOrMove(a: string, b: string): boolean {
  if (withinOneEditOrSwap(a, b)) return true;
  if (a.length !== b.length || a.length < MOVE_MIN_LENGTH) return false;
  const i = commonPrefixLength(a, b);
  const x = a.slice(i, i + 3);
  const y = b.slice(i, i + 3);
  return a.slice(i + 3) === b.slice(i + 3) && (x === y.slice(1) + y[0] || y === x.slice(1) + x[0]);
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}
