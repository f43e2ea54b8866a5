// Look-ups made once per character or token of the text, as tables. A Set<number> hashes its
// argument on every `has`: in the loops over the text of a 5 MB article that cost some 4% of the
// build, where a table look-up costs a fifth of it. Words are looked up where they stand in the text.
import * as hashModule from './hash';
// Read once (see entities/lexicon.ts on why).
const { fnv1a, FNV_OFFSET, FNV_PRIME } = hashModule;

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
      if (v === -1) return false;
      if (v === value) return true;
    }
  }
}

/** Where a value's search starts: its product with a large odd constant (Knuth's), high bits folded down. */
const slotOf = (value: number, mask: number): number => {
  const h = Math.imul(value, 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
};

/** What FoldedWordMap.valueAt gives for a stretch of text it cannot answer for: not ASCII letters, digits and hyphens alone. */
export const NOT_PLAIN = -2;

/**
 * A map from words of lower-case ASCII letters, digits and hyphens to non-negative numbers, looked
 * up from a stretch of the text in any case, with no string cut out of it and lower-cased (for the
 * words around every mention, cutting and lower-casing cost more than the look-up). A stretch with
 * another character gets NOT_PLAIN: its caller looks it up as a string, as lower-casing it may not
 * be all its key needs; keys with other characters are left out, as only such a stretch can be one.
 * Where the word is cut out anyway (the date tagger's tokens), a Set of strings is as fast.
 */
export class FoldedWordMap {
  private readonly keys: string[];
  private readonly hashes: Int32Array;
  private readonly values: Int32Array;
  /** Key numbers by hash (open addressing, at most a quarter full; -1 where none). */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(entries: Iterable<readonly [string, number]>) {
    const byKey = new Map([...entries].filter(([key]) => key.length > 0 && isPlainLowerCaseAt(key, 0, key.length)));
    this.keys = [...byKey.keys()];
    this.hashes = new Int32Array(this.keys.length);
    this.values = new Int32Array(this.keys.length);
    let size = 8;
    while (size < 4 * this.keys.length) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.keys.forEach((key, k) => {
      this.hashes[k] = fnv1a(key, 0, key.length); // as valueAt hashes it: a key is lower case already
      this.values[k] = byKey.get(key)!;
      let i = this.hashes[k] & this.mask;
      while (this.slots[i] !== -1) i = (i + 1) & this.mask;
      this.slots[i] = k;
    });
  }

  /** The value of text[start, end) lower-cased; -1 if it is no key; NOT_PLAIN (see above). */
  valueAt(text: string, start: number, end: number): number {
    // fnv1a of the lower-cased stretch, made as it is checked.
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const folded = c >= 65 && c <= 90 ? c + 32 : c;
      if (!isPlainCode(folded)) return NOT_PLAIN;
      hash = Math.imul(hash ^ folded, FNV_PRIME);
    }
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.slots[i];
      if (k === -1) return -1;
      if (this.hashes[k] === hash && isFoldedAt(this.keys[k], text, start, end)) return this.values[k];
    }
  }
}

/** A lower-case ASCII letter, a digit or a hyphen. */
const isPlainCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;

/** Lower-case ASCII letters, digits and hyphens only in text[start, end): plainKey leaves such a word as it is. */
export function isPlainLowerCaseAt(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isPlainCode(text.charCodeAt(i))) return false;
  return true;
}

/** Whether text[start, end) with ASCII capitals lower-cased is `key`. */
function isFoldedAt(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) {
    const c = text.charCodeAt(start + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== key.charCodeAt(i)) return false;
  }
  return true;
}
