// Splits text into words, numbers and punctuation, keeping offsets. Whitespace is not a token:
// each token records the whitespace before it. One sticky regex, one pass: linear in the text.

export type TokenKind = 'word' | 'num' | 'ord' | 'punct';

/** Whitespace before a token: none, ordinary (a single line break included), or a paragraph break. */
export const enum Gap {
  None = 0,
  Space = 1,
  Paragraph = 2,
}

export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower-case text (for words), used for lexicon look-ups. */
  lower: string;
  start: number;
  end: number;
  /** Numeric value of `num` and `ord` tokens (NaN for "30,000"-like quantities and decimals). */
  value: number;
  gapBefore: Gap;
}

// Groups: 1 whitespace, 2 ordinal ("19th"), 3 number with thousands separators ("30,000", "60.000"),
// 4 plain number (with an optional decimal part), 5 word (letters, inner apostrophes, but a possessive
// "'s" is split off so "that year's" holds "year"), 6 any other char.
const TOKEN_RE =
  /(\s+)|(\d{1,4}(?:st|nd|rd|th)(?![A-Za-z]))|(\d{1,3}(?:[.,]\d{3})+(?!\d))|(\d+(?:\.\d+)?)|([A-Za-z\u00C0-\u024F]+(?:['’](?![sS]\b)[A-Za-z]+)*)|([^])/y;

function countNewlines(s: string): number {
  let n = 0;
  for (let k = 0; k < s.length && n < 2; k++) {
    const ch = s.charCodeAt(k);
    // \n, or a \r not followed by \n (old Mac line endings)
    if (ch === 10 || (ch === 13 && s.charCodeAt(k + 1) !== 10)) n++;
  }
  return n;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let gap: Gap = Gap.None;
  let m: RegExpExecArray | null;
  while (TOKEN_RE.lastIndex < text.length && (m = TOKEN_RE.exec(text)) !== null) {
    const s = m[0];
    if (m[1] !== undefined) {
      gap = countNewlines(s) >= 2 ? Gap.Paragraph : Gap.Space;
      continue;
    }
    const start = m.index;
    let kind: TokenKind;
    let value = NaN;
    if (m[2] !== undefined) {
      kind = 'ord';
      value = parseInt(s, 10);
    } else if (m[3] !== undefined) {
      // "30,000" and "60.000" are quantities, never years: kept whole, value NaN.
      kind = 'num';
    } else if (m[4] !== undefined) {
      kind = 'num';
      value = s.length > 9 || s.includes('.') ? NaN : parseInt(s, 10);
    } else if (m[5] !== undefined) {
      kind = 'word';
    } else {
      kind = 'punct';
    }
    tokens.push({ kind, text: s, lower: kind === 'word' ? s.toLowerCase() : s, start, end: start + s.length, value, gapBefore: gap });
    gap = Gap.None;
  }
  return tokens;
}
