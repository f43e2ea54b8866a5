// Prose as remark-parse reads it: lines in which no character can start a Markdown construct.
// Reading such text here, in one pass, costs a fraction of the Markdown parse.

import type { Span } from '../types';

/** Characters in the way of prose: anywhere in the text, at the start of a line, or in "[[" and "](". */
const NOT_PROSE = 1;
const NOT_AT_LINE_START = 2;
const BRACKET = 4;
const PROSE_MARKS = new Uint8Array(128);
for (let c = 0; c < 32; c++) if (c !== 9 && c !== 10 && c !== 13) PROSE_MARKS[c] = NOT_PROSE;
// * _ < & \ ` start inline constructs; "{{Infobox" paragraphs are read as templates.
for (const c of '*_<&\\`{') PROSE_MARKS[c.charCodeAt(0)] = NOT_PROSE;
// Headings, block quotes, list items, setext underlines and thematic breaks, fences.
for (const c of '#>-+=~') PROSE_MARKS[c.charCodeAt(0)] = NOT_AT_LINE_START;
// Brackets make a link only as "[[" (wiki links), "](" (inline links) or with a definition, and
// a definition starts a line with "[": "[sic]" and "[1]" stay text.
PROSE_MARKS[91] = NOT_AT_LINE_START | BRACKET;
PROSE_MARKS[93] = BRACKET;

/** A space or a tab: Markdown's whitespace within a line. */
export const isMarkdownSpace = (c: number): boolean => c === 32 || c === 9;

/**
 * The mark of a setext heading's underline on the line [start, end) ("=" or "-"), else 0: up to
 * three spaces, a run of the mark, then spaces and tabs only.
 */
export function setextUnderline(text: string, start: number, end: number): number {
  let k = start;
  while (k < end && k - start < 3 && text.charCodeAt(k) === 0x20) k++;
  const mark = text.charCodeAt(k);
  if (mark !== 0x3d && mark !== 0x2d) return 0;
  while (k < end && text.charCodeAt(k) === mark) k++;
  while (k < end && isMarkdownSpace(text.charCodeAt(k))) k++;
  return k === end ? mark : 0;
}

/**
 * Whether the line [start, end), which starts with "=", is a MediaWiki heading's: it ends in "="
 * (spaces and tabs after it aside) and has a title, a character but "=", space and tab
 * (mediawikiHeading.ts).
 */
export function isMediawikiHeadingLine(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && isMarkdownSpace(text.charCodeAt(e - 1))) e--;
  if (text.charCodeAt(e - 1) !== 0x3d) return false;
  for (let k = start; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x3d && !isMarkdownSpace(c)) return true;
  }
  return false;
}

/**
 * Whether a paragraph's line may start at `start` (a character that is not a line end): not
 * indented, and no block construct starts there (nor an ordered list item, a number and "." or ")").
 */
export function startsProseLine(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  // (a definition's label holds no "[": a line opening with "[[" is none)
  if (isMarkdownSpace(c) || (c < 128 && PROSE_MARKS[c] & NOT_AT_LINE_START && !(c === 91 && text.charCodeAt(start + 1) === 91))) return false;
  if (c >= 48 && c <= 57) {
    let k = start + 1;
    while (k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (text.charCodeAt(k) === 46 || text.charCodeAt(k) === 41) return false;
  }
  return true;
}

/**
 * Where the line that goes on at `start` ends (at \n, \r or the end of the text), or -1 when a
 * character on the way may start an inline construct (brackets but in "[[" with "]]" after it on
 * its line and in "](" cannot, there being no definition) or is a control character.
 */
export function proseLineEnd(text: string, start: number): number {
  const n = text.length;
  // Where the line's last "]]" starts, looked for at its first "[[" (a wiki link closes on its line).
  let lastClose = NOT_LOOKED_FOR;
  for (let j = start; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c >= 128) continue;
    if (c === 10 || c === 13) return j;
    const mark = PROSE_MARKS[c];
    if (mark & NOT_PROSE) return -1;
    if (mark & BRACKET) {
      const next = text.charCodeAt(j + 1);
      if (c === 93 && next === 40) return -1;
      if (c === 91 && next === 91) {
        if (lastClose === NOT_LOOKED_FOR) lastClose = lastCloseOnLine(text, j + 2);
        if (lastClose > j) return -1;
      }
    }
  }
  return n;
}

const NOT_LOOKED_FOR = -2;

/** Where the last "]]" from `from` to the end of its line starts, or -1. */
function lastCloseOnLine(text: string, from: number): number {
  let last = -1;
  for (let k = from; k + 1 < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    if (c === 93 && text.charCodeAt(k + 1) === 93) last = k;
  }
  return last;
}

/**
 * The paragraphs remark-parse reads in `text` when that is all it reads there, else null: when no
 * line may start a block construct or holds a character that may start an inline one
 * (startsProseLine, proseLineEnd), and there is no leading BOM. Spans as remark gives them: from a
 * paragraph's first character to the end of its last line, trailing spaces included. Most of a long
 * article is such prose (test/unit/parse.test.ts holds it to remark's reading).
 */
export function proseParagraphs(text: string): Span[] | null {
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) return null;
  const out: Span[] = [];
  let paraStart = -1;
  let lineEnd = 0;
  let i = 0;
  while (i < n) {
    // At a line start: a blank line (spaces and tabs only) ends the open paragraph.
    let j = i;
    let c = text.charCodeAt(j);
    while (j < n && isMarkdownSpace(c)) c = text.charCodeAt(++j);
    if (j === n || c === 10 || c === 13) {
      if (paraStart >= 0) out.push({ start: paraStart, end: lineEnd });
      paraStart = -1;
    } else {
      if (j > i || !startsProseLine(text, j)) return null;
      if (paraStart < 0) paraStart = i;
      j = proseLineEnd(text, j);
      if (j < 0) return null;
      c = text.charCodeAt(j);
      lineEnd = j;
    }
    i = j + (c === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1);
  }
  if (paraStart >= 0) out.push({ start: paraStart, end: lineEnd });
  return out;
}
