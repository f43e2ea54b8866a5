// Splits text into words, numbers, punctuation and whitespace, keeping offsets.
// One sticky regex, one pass: linear in the text, no backtracking across tokens.

export type TokenKind = 'word' | 'num' | 'ord' | 'punct' | 'space';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower-case text (for words), used for lexicon look-ups. */
  lower: string;
  start: number;
  end: number;
  /** Numeric value of `num` and `ord` tokens. */
  value: number;
  /** For `space` tokens: how many line breaks they hold (two or more = paragraph break). */
  newlines: number;
}

// Groups: 1 whitespace, 2 ordinal ("19th"), 3 number with thousands separators ("30,000", "60.000"),
// 4 plain number (with an optional decimal part), 5 word (letters, one inner apostrophe), 6 any other char.
const TOKEN_RE =
  /(\s+)|(\d{1,4}(?:st|nd|rd|th)(?![A-Za-z]))|(\d{1,3}(?:[.,]\d{3})+(?!\d))|(\d+(?:\.\d+)?)|([A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)*)|([^])/y;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN_RE.lastIndex < text.length && (m = TOKEN_RE.exec(text)) !== null) {
    const start = m.index;
    const s = m[0];
    const end = start + s.length;
    let kind: TokenKind;
    let value = NaN;
    let newlines = 0;
    if (m[1] !== undefined) {
      kind = 'space';
      for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) === 10) newlines++;
    } else if (m[2] !== undefined) {
      kind = 'ord';
      value = parseInt(s, 10);
    } else if (m[3] !== undefined) {
      // "30,000" and "60.000" are quantities, never years: keep them whole, value NaN.
      kind = 'num';
    } else if (m[4] !== undefined) {
      kind = 'num';
      value = s.includes('.') ? NaN : parseInt(s, 10);
    } else if (m[5] !== undefined) {
      kind = 'word';
    } else {
      kind = 'punct';
    }
    tokens.push({ kind, text: s, lower: kind === 'word' ? s.toLowerCase() : s, start, end, value, newlines });
  }
  return tokens;
}
