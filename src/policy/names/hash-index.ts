/**
 * Hash → value indexes for the compiled roster, in flat typed arrays: a 10,000-pupil roster puts
 * some 150,000 entries in the misspelling index, and a Map of that many numbers (with an array per
 * collision) cost most of the compile time and its garbage. Entries are grouped by bucket (a
 * counting sort), so a lookup scans one short run and makes nothing.
 */
export class HashIndex {
  private constructor(
    private readonly mask: number,
    /** Where each bucket's run of entries starts; bucket b's run is starts[b]..starts[b + 1]. */
    private readonly starts: Int32Array,
    private readonly hashes: Int32Array,
    private readonly values: Int32Array,
  ) {}

  /** Builds the index over the first `count` (hash, value) pairs. */
  static build(hashes: Int32Array, values: Int32Array, count: number): HashIndex {
    let buckets = 1;
    while (buckets < count * 2) buckets *= 2;
    const mask = buckets - 1;
    const starts = new Int32Array(buckets + 1);
    for (let entry = 0; entry < count; entry += 1) {
      const bucket = ((hashes[entry] as number) & mask) + 1;
      starts[bucket] = (starts[bucket] as number) + 1;
    }
    for (let bucket = 0; bucket < buckets; bucket += 1) starts[bucket + 1] = (starts[bucket + 1] as number) + (starts[bucket] as number);
    const filled = starts.slice(0, buckets);
    const sortedHashes = new Int32Array(count);
    const sortedValues = new Int32Array(count);
    for (let entry = 0; entry < count; entry += 1) {
      const hash = hashes[entry] as number;
      const at = (filled[hash & mask] as number)++;
      sortedHashes[at] = hash;
      sortedValues[at] = values[entry] as number;
    }
    return new HashIndex(mask, starts, sortedHashes, sortedValues);
  }

  /** The position of the first entry for `hash`, or -1; walk on with `next`, read with `valueAt`. */
  first(hash: number): number {
    const bucket = hash & this.mask;
    return this.scan(this.starts[bucket] as number, this.starts[bucket + 1] as number, hash);
  }

  next(position: number, hash: number): number {
    return this.scan(position + 1, this.starts[(hash & this.mask) + 1] as number, hash);
  }

  valueAt(position: number): number {
    return this.values[position] as number;
  }

  private scan(from: number, to: number, hash: number): number {
    for (let position = from; position < to; position += 1) if (this.hashes[position] === hash) return position;
    return -1;
  }
}

/** Collects (hash, value) pairs in growing typed arrays, for `HashIndex.build`. */
export class HashIndexBuilder {
  private hashes = new Int32Array(1024);
  private values = new Int32Array(1024);
  private count = 0;

  add(hash: number, value: number): void {
    if (this.count === this.hashes.length) {
      const hashes = new Int32Array(this.count * 2);
      const values = new Int32Array(this.count * 2);
      hashes.set(this.hashes);
      values.set(this.values);
      this.hashes = hashes;
      this.values = values;
    }
    this.hashes[this.count] = hash;
    this.values[this.count] = value;
    this.count += 1;
  }

  build(): HashIndex {
    return HashIndex.build(this.hashes, this.values, this.count);
  }
}
