// Sets of small integers (character codes, letter codes) asked about once per character or token
// of the text. A Set<number> hashes its argument on every `has`: in the loops over the text of a
// 5 MB article that cost some 4% of the build, where a table look-up costs a fifth of it.

/** A set of UTF-16 code units, as a table of flags up to the largest. */
export class CharCodeSet {
  private readonly flags: Uint8Array;

  constructor(chars: string) {
    const codes = [...chars].map((ch) => ch.charCodeAt(0));
    this.flags = new Uint8Array(Math.max(0, ...codes) + 1);
    for (const code of codes) this.flags[code] = 1;
  }

  /** Whether `code` is in the set (false for -1 and NaN, which stand for no character). */
  has(code: number): boolean {
    return code >= 0 && code < this.flags.length && this.flags[code] === 1;
  }
}

/** A set of non-negative small integers (up to 2^30), by open addressing in a table at most a quarter full. */
export class SmallIntSet {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(values: Iterable<number>) {
    const distinct = new Set(values);
    let size = 8;
    while (size < 4 * distinct.size) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (const v of distinct) {
      let i = slotOf(v, this.mask);
      while (this.slots[i] !== -1) i = (i + 1) & this.mask;
      this.slots[i] = v;
    }
  }

  has(value: number): boolean {
    for (let i = slotOf(value, this.mask); ; i = (i + 1) & this.mask) {
      const v = this.slots[i];
      if (v === value) return true;
      if (v === -1) return false;
    }
  }
}

/** Where a value's search starts: its product with a large odd constant (Knuth's), high bits folded down. */
const slotOf = (value: number, mask: number): number => {
  const h = Math.imul(value, 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
};
