// Navigation over tokens for the recognisers: next/previous token across ordinary whitespace
// (a single line break included, so "3 November\n1956" is one date) but never across a
// paragraph break.

import { keepShapeOf } from '../keepShape';
import { Gap, Kind, tokenize, type DateTokens, type Token } from './tokens';

/** Words that start a new clause or attach elsewhere: an event phrase stops before them. */
const CLAUSE_WORDS = new Set([
  'and', 'but', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'as', 'there', 'then', 'that',
  'was', 'were', 'is', 'are', 'had', 'has', 'have', 'occurred', 'over', 'before', 'after',
]);

/** A lower-case "-ly" word ("successfully"): a verb phrase follows, the event phrase has ended. */
function isAdverb(w: string): boolean {
  return w.length > 4 && w.endsWith('ly') && w.charCodeAt(0) >= 97 && w.charCodeAt(0) <= 122 && !NOT_ADVERBS.has(w);
}

const NOT_ADVERBS: ReadonlySet<string> = new Set(['early', 'daily', 'weekly', 'monthly', 'yearly', 'rally', 'family', 'supply', 'assembly', 'ally']);

/** Punctuation that stays inside a phrase (hyphens, apostrophes). */
const PHRASE_PUNCT = new Set(['-', "'", '’']);

export class Cursor {
  /** The text the tokens were read from. */
  readonly text: string;

  constructor(readonly tokens: DateTokens) {
    this.text = tokens.text;
  }

  get length(): number {
    return this.tokens.length;
  }

  at(i: number): Token | undefined {
    return i >= 0 && i < this.tokens.length ? this.tokens.token(i) : undefined;
  }

  /** Index of the token after i, or -1 (end of text or paragraph break). */
  next(i: number): number {
    return i < 0 || i + 1 >= this.tokens.length || this.tokens.gaps[i + 1] === Gap.Paragraph ? -1 : i + 1;
  }

  /** Index of the token before i, or -1 (start of text or paragraph break). */
  prev(i: number): number {
    return i <= 0 || i >= this.tokens.length || this.tokens.gaps[i] === Gap.Paragraph ? -1 : i - 1;
  }

  /** Token right after i with no whitespace in between, or -1. */
  adjacent(i: number): number {
    return i >= 0 && i + 1 < this.tokens.length && this.tokens.gaps[i + 1] === Gap.None ? i + 1 : -1;
  }

  /** Token right before i with no whitespace in between, or -1. */
  adjacentBefore(i: number): number {
    return i > 0 && i < this.tokens.length && this.tokens.gaps[i] === Gap.None ? i - 1 : -1;
  }

  /** Lower-case word at i, or '' when i is not a word. */
  word(i: number): string {
    return i >= 0 && i < this.tokens.length ? this.tokens.lowers[i] : '';
  }

  isWord(i: number, w: string): boolean {
    return this.word(i) === w;
  }

  /** The character of the punctuation token at i, as a code, or -1 when i is no punctuation. */
  punctCode(i: number): number {
    return i >= 0 && i < this.tokens.length && this.tokens.kinds[i] === Kind.Punct ? this.text.charCodeAt(this.tokens.starts[i]) : -1;
  }

  isPunct(i: number, p: string): boolean {
    return p.length === 1 && this.punctCode(i) === p.charCodeAt(0);
  }

  isCapitalised(i: number): boolean {
    if (i < 0 || i >= this.tokens.length || this.tokens.kinds[i] !== Kind.Word) return false;
    const c = this.text.charAt(this.tokens.starts[i]);
    return c !== c.toLowerCase();
  }

  /**
   * The last token of the phrase that starts at i: words and numbers up to the next punctuation
   * mark or line break, at most `max` tokens. For TIMEX2 extents that take in an event
   * ("two months of siege", "eight days after Fort Sumter").
   */
  phraseEnd(i: number, max: number): number {
    let last = -1;
    for (let j = i, k = 0; j >= 0 && k < max; j = this.next(j), k++) {
      const t = this.tokens.token(j);
      if (t.kind === 'punct' && !PHRASE_PUNCT.has(t.text)) break;
      if (k > 0 && t.kind === 'word' && (CLAUSE_WORDS.has(t.lower) || isAdverb(t.text))) break;
      if (k > 0 && this.text.charCodeAt(t.start - 1) === 10) break;
      if (t.kind !== 'punct') last = j;
    }
    return last;
  }

  /**
   * Matches a sequence of lower-case words starting at i, one token each, within a paragraph
   * ("the end of"). Returns the index of the last token matched, or -1.
   */
  words(i: number, ws: readonly string[]): number {
    let j = i;
    for (let k = 0; k < ws.length; k++) {
      if (j < 0 || this.word(j) !== ws[k]) return -1;
      if (k === ws.length - 1) return j;
      j = this.next(j);
    }
    return -1;
  }
}

// Cursors live only while a segment is read (see keepShape.ts).
keepShapeOf(new Cursor(tokenize('')));
