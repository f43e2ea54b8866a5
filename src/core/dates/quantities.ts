// Reads amounts of time: "three", "twenty-five", "18", "a", "two and a half", "several",
// "a few". Shared by durations ("three years") and relative dates ("twelve days later").

import type { Cursor } from './cursor';
import { DURATION_PREFIXES_BY_FIRST_WORD, NUMBER_WORDS, SMALL_NUMBERS, TENS, UNITS, type Unit } from './lexicon';

/** n is null for vague amounts ("several", "a few"). */
export interface Quantity {
  first: number;
  last: number;
  n: number | null;
}

const DASHES = new Set(['-', '–', '‐', '‑']);

export function readQuantity(c: Cursor, i: number): Quantity | null {
  const t = c.at(i);
  if (t === undefined) return null;
  if (t.kind === 'num') {
    if (!/^\d{1,3}(\.\d+)?$/.test(t.text)) return null;
    const n = parseFloat(t.text);
    return withHalf(c, { first: i, last: i, n });
  }
  if (t.kind !== 'word') return null;
  const w = t.lower;
  if (w === 'several' || w === 'many' || w === 'few' || w === 'some' && isUnitAt(c, c.next(i))) return { first: i, last: i, n: null };
  if (w === 'a' || w === 'an') {
    const n = c.next(i);
    if (c.isWord(n, 'few') || c.isWord(n, 'couple')) {
      const of = c.next(n);
      return { first: i, last: c.isWord(of, 'of') ? of : n, n: null };
    }
    if (c.isWord(n, 'half')) return null;
    if (c.isWord(n, 'single')) return { first: i, last: n, n: 1 };
    return { first: i, last: i, n: 1 };
  }
  const tens = TENS.get(w);
  if (tens !== undefined) {
    // "twenty-five", "twenty five"
    const d = c.adjacent(i);
    if (d >= 0 && DASHES.has(c.at(d)!.text)) {
      const u = c.adjacent(d);
      const units = SMALL_NUMBERS.get(c.word(u));
      if (units !== undefined) return withHalf(c, { first: i, last: u, n: tens + units });
    }
    return withHalf(c, { first: i, last: i, n: tens });
  }
  const n = NUMBER_WORDS.get(w);
  if (n !== undefined && w !== 'a' && w !== 'an') return withHalf(c, { first: i, last: i, n });
  return null;
}

const NO_PREFIXES: readonly string[][] = [];

/**
 * The words before an amount of time that the extent keeps ("just", "a mere", "less than"): the
 * first prefix of DURATION_PREFIXES at i, with its last token, or null.
 */
export function readDurationPrefix(c: Cursor, i: number): { words: readonly string[]; last: number } | null {
  for (const words of DURATION_PREFIXES_BY_FIRST_WORD.get(c.word(i)) ?? NO_PREFIXES) {
    const last = c.words(i, words);
    if (last >= 0) return { words, last };
  }
  return null;
}

/** "two and a half", "two and half" → 2.5 */
function withHalf(c: Cursor, q: Quantity): Quantity {
  const and = c.next(q.last);
  if (!c.isWord(and, 'and') || q.n === null) return q;
  let h = c.next(and);
  if (c.isWord(h, 'a')) h = c.next(h);
  if (!c.isWord(h, 'half')) return q;
  return { first: q.first, last: h, n: q.n + 0.5 };
}

export function isUnitAt(c: Cursor, i: number): boolean {
  return UNITS.has(c.word(i));
}

export function unitAt(c: Cursor, i: number): Unit | undefined {
  return UNITS.get(c.word(i));
}
