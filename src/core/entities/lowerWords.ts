// The words a segment writes in lower case, counted by key: the evidence that a capitalised word
// is an ordinary one ("Years" where the document writes "years"). A segment has a thousand such
// words or more, and the document asks about few of them, the words of its candidates: they are
// kept as a table over the segment's text, with no string made for them, and found by hash from
// the keys asked about (KeyIndex).
import * as codeSetsModule from '../codeSets';
import * as hashModule from '../hash';
import { keepShapeOf } from '../keepShape';
import * as normalizeModule from './normalize';
import * as tokensModule from './tokens';
import type { Tokens } from './tokens';
// Read once (see lexicon.ts on why).
const { isPlainLowerCaseAt } = codeSetsModule;
const { fnv1a } = hashModule;
const { plainKey } = normalizeModule;
const { isLowerCaseAt } = tokensModule;

/** One segment's lower-case words and how often it writes each. Never modified once made. */
export class LowerCaseWords {
  constructor(
    private readonly text: string,
    /** Per word that is its own key (lower-case ASCII letters, digits, hyphens: most): where it first stands in text, its hash and its count. */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly hashes: Int32Array,
    private readonly counts: Int32Array,
    /** Those words' numbers by hash (open addressing, a power of two long, -1 where none). */
    private readonly slots: Int32Array,
    /** The other words' counts, by key. */
    private readonly others: ReadonlyMap<string, number>,
  ) {}

  /** How many distinct words it has: what reading them all costs. */
  get size(): number {
    return this.counts.length + this.others.size;
  }

  /** How often the segment writes the word of this key (hash: fnv1a of the key) in lower case. */
  countOf(key: string, hash: number): number {
    const count = this.others.size ? (this.others.get(key) ?? 0) : 0;
    const mask = this.slots.length - 1;
    for (let i = hash & mask, w = this.slots[i]; w >= 0; w = this.slots[(i = (i + 1) & mask)]) {
      if (this.hashes[w] === hash && isTextAt(key, this.text, this.starts[w], this.ends[w])) return count + this.counts[w];
    }
    return count;
  }

  /** Calls `visit` with the key and count of each of its words whose key `keys` holds. */
  forEachIn(keys: KeyIndex, visit: (key: string, count: number) => void): void {
    for (let w = 0; w < this.counts.length; w++) {
      const key = keys.find(this.hashes[w], this.text, this.starts[w], this.ends[w]);
      if (key !== undefined) visit(key, this.counts[w]);
    }
    for (const [key, count] of this.others) if (keys.has(key)) visit(key, count);
  }
}

/**
 * countLowerCaseWords' working columns, kept from one call to the next (a call runs to its end
 * before another begins): per word met, its first token, hash and count, and the words that are
 * their own key; and the table of words by hash. Made afresh for each segment they were most of
 * its garbage. A segment longer than KEPT_TOKENS gets columns of its own, so that one huge
 * paragraph does not leave megabytes behind.
 */
const KEPT_TOKENS = 1 << 16;
let kept = workingColumns(1024);

function workingColumns(tokens: number) {
  return { firsts: new Int32Array(tokens), hashes: new Int32Array(tokens), counts: new Int32Array(tokens), own: new Int32Array(tokens), slots: new Int32Array(tableSize(tokens)) };
}

function columnsFor(tokens: number): ReturnType<typeof workingColumns> {
  if (tokens <= kept.firsts.length) return kept;
  if (tokens > KEPT_TOKENS) return workingColumns(tokens);
  return (kept = workingColumns(tableSize(tokens) >> 1));
}

/**
 * The lower-case words of a segment. Each token is hashed and compared where it stands, in an
 * open-addressing table of the words met so far: a text repeats few words many times.
 */
export function countLowerCaseWords(text: string, tokens: Tokens): LowerCaseWords {
  const { starts, ends } = tokens;
  // A segment has at most as many words as tokens.
  const { firsts, hashes, counts, own, slots: table } = columnsFor(tokens.length);
  // A power of two at least twice the tokens, so never more than half full, sized before the
  // loop (a table grown on the way made V8 throw the loop's optimised code away): the table's start.
  const size = tableSize(tokens.length);
  const slots = table.fill(-1, 0, size);
  const mask = size - 1;
  let words = 0;
  for (let t = 0; t < tokens.length; t++) {
    const start = starts[t];
    if (!isLowerCaseAt(text, start)) continue;
    const end = ends[t];
    const hash = fnv1a(text, start, end);
    let i = hash & mask;
    let w = slots[i];
    while (w >= 0 && !(hashes[w] === hash && sameText(text, starts[firsts[w]], ends[firsts[w]], start, end))) w = slots[(i = (i + 1) & mask)];
    if (w >= 0) {
      counts[w]++;
      continue;
    }
    slots[i] = words;
    firsts[words] = t;
    hashes[words] = hash;
    counts[words++] = 1;
  }
  // The words that are their own key in columns and a table of their size; the others by key.
  let owned = 0;
  const others = new Map<string, number>();
  for (let w = 0; w < words; w++) {
    const t = firsts[w];
    if (isPlainLowerCaseAt(text, starts[t], ends[t])) own[owned++] = w;
    else {
      const key = plainKey(text.slice(starts[t], ends[t]));
      others.set(key, (others.get(key) ?? 0) + counts[w]);
    }
  }
  const ownStarts = new Int32Array(owned);
  const ownEnds = new Int32Array(owned);
  const ownHashes = new Int32Array(owned);
  const ownCounts = new Int32Array(owned);
  const ownSlots = new Int32Array(tableSize(owned)).fill(-1);
  const ownMask = ownSlots.length - 1;
  for (let k = 0; k < owned; k++) {
    const w = own[k];
    ownStarts[k] = starts[firsts[w]];
    ownEnds[k] = ends[firsts[w]];
    ownHashes[k] = hashes[w];
    ownCounts[k] = counts[w];
    let i = hashes[w] & ownMask;
    while (ownSlots[i] >= 0) i = (i + 1) & ownMask;
    ownSlots[i] = k;
  }
  return new LowerCaseWords(text, ownStarts, ownEnds, ownHashes, ownCounts, ownSlots, others);
}

/** A power of two at least twice n: an open-addressing table of n entries never more than half full. */
function tableSize(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

/** Whether text[aStart, aEnd) and text[bStart, bEnd) are the same. */
function sameText(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (text.charCodeAt(aStart + k) !== text.charCodeAt(bStart + k)) return false;
  return true;
}

/** Whether `key` is text[start, end). */
function isTextAt(key: string, text: string, start: number, end: number): boolean {
  return key.length === end - start && text.startsWith(key, start);
}

/**
 * A multiset of keys, each also found by the hash of its text (fnv1a) from a word standing in a
 * text, with no string cut out of it.
 */
export class KeyIndex {
  private readonly counts = new Map<string, number>();
  /** The keys by hash; a list where keys share one (rare). */
  private readonly byHash = new Map<number, string | string[]>();

  has(key: string): boolean {
    return this.counts.has(key);
  }

  /** Adds key n times (removes it -n times). */
  add(key: string, n: number): void {
    const was = this.counts.get(key) ?? 0;
    const now = was + n;
    if (now > 0) this.counts.set(key, now);
    else this.counts.delete(key);
    if (was <= 0 && now > 0) this.index(key);
    else if (was > 0 && now <= 0) this.unindex(key);
  }

  /** The key that text[start, end) (of hash `hash`) is, if held. */
  find(hash: number, text: string, start: number, end: number): string | undefined {
    const found = this.byHash.get(hash);
    if (found === undefined) return undefined;
    if (typeof found === 'string') return isTextAt(found, text, start, end) ? found : undefined;
    return found.find((key) => isTextAt(key, text, start, end));
  }

  private index(key: string): void {
    const hash = fnv1a(key, 0, key.length);
    const found = this.byHash.get(hash);
    this.byHash.set(hash, found === undefined ? key : [...(typeof found === 'string' ? [found] : found), key]);
  }

  private unindex(key: string): void {
    const hash = fnv1a(key, 0, key.length);
    const found = this.byHash.get(hash);
    const rest = typeof found === 'string' || found === undefined ? [] : found.filter((k) => k !== key);
    if (!rest.length) this.byHash.delete(hash);
    else this.byHash.set(hash, rest.length === 1 ? rest[0] : rest);
  }
}

// Made once per build when no article is open: see keepShape.ts.
keepShapeOf(countLowerCaseWords('', { length: 0, starts: new Int32Array(0), ends: new Int32Array(0) }));
