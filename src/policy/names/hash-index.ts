/**
 * Hash → index maps for the compiled roster. Nearly every hash has one entry: a bare number saves an
 * array per entry at compile time; collisions (rare) keep a short array.
 */
export type HashIndex = Map<number, number | number[]>;

export function addToIndex(index: HashIndex, hash: number, value: number): void {
  const entry = index.get(hash);
  if (entry === undefined) index.set(hash, value);
  else if (typeof entry === 'number') {
    if (entry !== value) index.set(hash, [entry, value]);
  } else if (!entry.includes(value)) entry.push(value);
}

const NO_ENTRIES: readonly number[] = [];

export function entriesOf(index: HashIndex, hash: number): readonly number[] {
  const entry = index.get(hash);
  return entry === undefined ? NO_ENTRIES : typeof entry === 'number' ? [entry] : entry;
}
