// Splits text into words, numbers and punctuation, keeping offsets. Whitespace is not a token:
// each token records the whitespace before it. One hand-written pass over the character codes
// (a regular expression with capture groups allocated a match array per token and cost most of
// the tagger's time): linear in the text. The tokens are columns; an object is made only for a
// token a reader looks at closely (DateTokens.token), a fraction of them.
import { grownInto } from '../columns';

export type TokenKind = 'word' | 'num' | 'ord' | 'punct';

/** Whitespace before a token: none, ordinary (a single line break included), or a paragraph break. */
export const enum Gap {
  None = 0,
  Space = 1,
  Paragraph = 2,
}

/** TokenKind as stored in DateTokens.kinds. */
export const enum Kind {
  Word = 0,
  Num = 1,
  Ord = 2,
  Punct = 3,
}

const KIND_NAMES: readonly TokenKind[] = ['word', 'num', 'ord', 'punct'];

export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower-case text (for words), used for lexicon look-ups. */
  lower: string;
  start: number;
  end: number;
  /**
   * Numeric value of `num` and `ord` tokens, -1 for none ("30,000"-like quantities, decimals, other
   * kinds): a small integer in every token, which V8 stores in the token itself (NaN in any token
   * made it box every token's value in a number object of its own).
   */
  value: number;
  gapBefore: Gap;
}

// The tokens, in order of precedence (each was one group of the former regular expression):
//   whitespace    \s+
//   ordinal       \d{1,4}(?:st|nd|rd|th)(?![A-Za-z])          "19th"
//   quantity      \d{1,3}(?:[.,]\d{3})+(?!\d)                  "30,000", "60.000": never years, no value
//   number        \d+(?:\.\d+)?                                "1945", "2.5"
//   word          [A-Za-z\u00C0-\u024F]+(?:['’](?![sS]\b)[A-Za-z]+)*   inner apostrophes, but a possessive
//                 "'s" is split off so "that year's" holds "year"
//   punctuation   any other single UTF-16 code unit

/** JavaScript's \s: ECMAScript white space and line terminators. */
function isSpace(ch: number): boolean {
  if (ch <= 0x20) return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d);
  if (ch < 0xa0) return false;
  return ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029
    || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff;
}

function isDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

function isAsciiLetter(ch: number): boolean {
  return (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a);
}

/** Letters a word starts with: ASCII and Latin-1 Supplement to Latin Extended-B (U+00C0–U+024F). */
function isWordLetter(ch: number): boolean {
  return isAsciiLetter(ch) || (ch >= 0xc0 && ch <= 0x24f);
}

/** \w of a regular expression: what a word boundary (\b) looks at. */
function isRegExpWordChar(ch: number): boolean {
  return isAsciiLetter(ch) || isDigit(ch) || ch === 0x5f;
}

/** Up to two line breaks in text[from, to): \n, or a \r not followed by \n (old Mac line endings). */
function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to && n < 2; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 10 || (ch === 13 && text.charCodeAt(k + 1) !== 10)) n++;
  }
  return n;
}

/** End of the digits starting at i. */
function digitsEnd(text: string, i: number): number {
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** "st", "nd", "rd", "th" at i (lower case only). */
function isOrdinalSuffix(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return (a === 0x73 && b === 0x74) || (a === 0x6e && b === 0x64) || (a === 0x72 && b === 0x64) || (a === 0x74 && b === 0x68);
}

/**
 * End of a quantity with thousands separators whose first digit group is text[start, groupEnd)
 * ("30,000"), or -1. The last group must not run into another digit ("1,234,5678" is "1,234").
 */
function quantityEnd(text: string, start: number, groupEnd: number): number {
  if (groupEnd - start > 3) return -1;
  let p = groupEnd;
  let groups = 0;
  for (;;) {
    const sep = text.charCodeAt(p);
    if ((sep !== 0x2c && sep !== 0x2e) || !isDigit(text.charCodeAt(p + 1)) || !isDigit(text.charCodeAt(p + 2)) || !isDigit(text.charCodeAt(p + 3))) break;
    p += 4;
    groups++;
  }
  if (groups === 0) return -1;
  if (!isDigit(text.charCodeAt(p))) return p;
  // the last group runs on: the quantity ends before its separator
  return groups >= 2 ? p - 4 : -1;
}

/** End of the word starting at i (a word letter). */
function wordEnd(text: string, i: number): number {
  let p = i + 1;
  while (p < text.length && isWordLetter(text.charCodeAt(p))) p++;
  for (;;) {
    const q = text.charCodeAt(p);
    if (q !== 0x27 && q !== 0x2019) return p;
    const a = text.charCodeAt(p + 1);
    if (!isAsciiLetter(a)) return p;
    // a possessive "'s" ends the word
    if ((a === 0x73 || a === 0x53) && !isRegExpWordChar(text.charCodeAt(p + 2))) return p;
    p += 2;
    while (p < text.length && isAsciiLetter(text.charCodeAt(p))) p++;
  }
}

/**
 * Whether text[start, end) may change in lower case: it has an upper-case ASCII letter or any
 * non-ASCII letter (toLowerCase costs more than this scan, and most words are lower case already).
 */
function mayHaveUpperCase(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const ch = text.charCodeAt(k);
    if ((ch >= 0x41 && ch <= 0x5a) || ch >= 0x80) return true;
  }
  return false;
}

/**
 * A text's tokens, field by field. Most tokens are only passed over (is it a word that can start
 * a date, a paragraph break, a full stop?), which the columns answer; an object and a string for
 * every token were a quarter of what a full index allocated (28 MB for 1 MB of text).
 */
export class DateTokens {
  /** The tokens looked at as objects, made on first use. */
  private made: (Token | undefined)[] | undefined;

  constructor(
    readonly text: string,
    readonly length: number,
    readonly kinds: Uint8Array,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    /** As Token.value. */
    readonly values: Int32Array,
    readonly gaps: Uint8Array,
    /** Each word's lower-case text ('' for the other tokens): most look-ups start from it. */
    readonly lowers: readonly string[],
  ) {}

  token(i: number): Token {
    const made = (this.made ??= new Array<Token | undefined>(this.length));
    return (made[i] ??= this.make(i));
  }

  private make(i: number): Token {
    const kind = KIND_NAMES[this.kinds[i]];
    const start = this.starts[i];
    const end = this.ends[i];
    const text = this.text.slice(start, end);
    return { kind, text, lower: kind === 'word' ? this.lowers[i] : text, start, end, value: this.values[i], gapBefore: this.gaps[i] };
  }
}

export function tokenize(text: string): DateTokens {
  const n = text.length;
  // Room for a token every 4 characters (prose has one every 5 or so): rarely grown.
  let size = Math.max(16, n >> 2);
  let kinds = new Uint8Array(size);
  let starts = new Int32Array(size);
  let ends = new Int32Array(size);
  let values = new Int32Array(size);
  let gaps = new Uint8Array(size);
  // Made to size as the columns are: an array grown by push copies itself some ten times over.
  let lowers = new Array<string>(size);
  let count = 0;
  let gap: Gap = Gap.None;
  let i = 0;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (isSpace(ch)) {
      let j = i + 1;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      gap = countNewlines(text, i, j) >= 2 ? Gap.Paragraph : Gap.Space;
      i = j;
      continue;
    }
    let kind: Kind;
    let end: number;
    let value = -1;
    if (isDigit(ch)) {
      const digits = digitsEnd(text, i + 1);
      const quantity = quantityEnd(text, i, digits);
      if (digits - i <= 4 && isOrdinalSuffix(text, digits) && !isAsciiLetter(text.charCodeAt(digits + 2))) {
        kind = Kind.Ord;
        end = digits + 2;
        value = parseInt(text.slice(i, digits), 10);
      } else if (quantity >= 0) {
        kind = Kind.Num;
        end = quantity;
      } else {
        kind = Kind.Num;
        end = digits;
        if (text.charCodeAt(digits) === 0x2e && isDigit(text.charCodeAt(digits + 1))) end = digitsEnd(text, digits + 1);
        // decimals and numbers too long for a year or a count have no value
        else if (digits - i <= 9) value = parseInt(text.slice(i, digits), 10);
      }
    } else if (isWordLetter(ch)) {
      kind = Kind.Word;
      end = wordEnd(text, i);
    } else {
      kind = Kind.Punct;
      end = i + 1;
    }
    if (count === size) {
      size *= 2;
      kinds = grownInto(kinds, new Uint8Array(size));
      starts = grownInto(starts, new Int32Array(size));
      ends = grownInto(ends, new Int32Array(size));
      values = grownInto(values, new Int32Array(size));
      gaps = grownInto(gaps, new Uint8Array(size));
      lowers = lowers.concat(new Array<string>(size - count));
    }
    kinds[count] = kind;
    starts[count] = i;
    ends[count] = end;
    values[count] = value;
    gaps[count] = gap;
    if (kind === Kind.Word) {
      const word = text.slice(i, end);
      lowers[count] = mayHaveUpperCase(text, i, end) ? word.toLowerCase() : word;
    } else lowers[count] = '';
    count++;
    gap = Gap.None;
    i = end;
  }
  return new DateTokens(text, count, kinds, starts, ends, values, gaps, lowers);
}
