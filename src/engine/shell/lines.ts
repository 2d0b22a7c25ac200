// The lines typed since a machine started, as an append-only list that shares
// its storage: appending is O(1) amortised, and every earlier list stays valid
// (the page keeps older shells while the timeline is scrubbed, and a long
// lparsh script must not copy its whole history on every line).

/**
 * A read-only list of lines. Lists made by `append` share one array; each
 * list owns only its first `length` entries, so appending to an older list
 * copies its part first (the same rule as the timeline's entries).
 */
export class Lines implements Iterable<string> {
  private constructor(
    private readonly store: string[],
    /** how many lines this list holds */
    readonly length: number,
  ) {}

  /** A new empty list. */
  static empty(): Lines {
    return new Lines([], 0);
  }

  /** A list holding a copy of `lines`. */
  static of(lines: Iterable<string>): Lines {
    const store = [...lines];
    return new Lines(store, store.length);
  }

  /** This list with `line` at the end; this list is unchanged. */
  append(line: string): Lines {
    const store = this.store.length === this.length ? this.store : this.store.slice(0, this.length);
    store.push(line);
    return new Lines(store, this.length + 1);
  }

  /** The line at `index` (negative counts from the end), like `Array.prototype.at`. */
  at(index: number): string | undefined {
    const i = index < 0 ? this.length + index : index;
    return i >= 0 && i < this.length ? this.store[i] : undefined;
  }

  /** A copy of lines `start` to `end`, with `Array.prototype.slice`'s rules for negative and missing bounds. */
  slice(start = 0, end = this.length): string[] {
    const from = start < 0 ? Math.max(0, this.length + start) : Math.min(start, this.length);
    const to = end < 0 ? Math.max(0, this.length + end) : Math.min(end, this.length);
    return this.store.slice(from, Math.max(from, to));
  }

  /** All the lines, as a new array. */
  toArray(): string[] {
    return this.store.slice(0, this.length);
  }

  /** JSON writes the list as an array of strings. */
  toJSON(): string[] {
    return this.toArray();
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.store[i]!;
  }
}
