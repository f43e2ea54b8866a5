// Splits text into word tokens with one linear scan (no backtracking regular expressions).
// A token keeps inner hyphens, dashes and apostrophes ("Six-Day", "Libyan–Egyptian", "Nasser's"),
// dotted acronyms ("U.S.") and the period of a name abbreviation or initial ("St.", "D.").
import { grownInto } from '../columns';

/**
 * The word tokens of a text, as parallel arrays of start and end offsets: a megabyte of text has
 * some 170,000 tokens, and one object and one string each made most of the extractor's garbage.
 */
export interface Tokens {
  length: number;
  starts: Int32Array;
  ends: Int32Array;
}

/** The text of token i. */
export function tokenText(text: string, tokens: Tokens, i: number): string {
  return text.slice(tokens.starts[i], tokens.ends[i]);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const UPPER = /\p{Lu}/u;
/** A hyphen, dash or apostrophe, which a token keeps inside: - \u2010 \u2011 \u2013 ' \u2019 (by code: no string made). */
const isJoinerCode = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013 || c === 39 || c === 0x2019;
/** Abbreviations that keep their period inside a name ("St. Petersburg", "Gen. Lee"). */
const NAME_ABBREVIATIONS = new Set(['St', 'Mt', 'Ft', 'Dr', 'Mr', 'Mrs', 'Ms', 'Gen', 'Lt', 'Col', 'Capt', 'Adm', 'Sgt', 'Gov', 'Sen', 'Rep', 'Jr', 'Sr', 'Rev', 'Prof', 'Maj', 'Brig', 'Cmdr', 'Pres', 'Hon']);

/** A token that is an initial or a name abbreviation with its period: the sentence goes on after it. */
export const NAME_ABBREVIATIONS_WITH_PERIOD = new RegExp(`^(?:\\p{Lu}|${[...NAME_ABBREVIATIONS].join('|')})\\.$`, 'u');

export function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return isAsciiWordCode(code);
  return WORD_CHAR.test(c);
}

const isAsciiWordCode = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** isWordChar of text[i] (false past the end), without making a string for ASCII. */
function isWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i); // NaN past the end
  if (code < 128) return isAsciiWordCode(code);
  return code === code && WORD_CHAR.test(text[i]);
}

/** A lower-case letter starts at `at` (as /^\p{Ll}/u on the text from there). */
export function isLowerCaseAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER_CASE_START.test(text.slice(at, at + 2)); // two code units: a letter outside the BMP
}
const LOWER_CASE_START = /^\p{Ll}/u;

export function isUpper(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(c);
}

export function tokenize(text: string): Tokens {
  // Room for a token every 4 characters (prose has one every 6 or so): rarely grown.
  let starts: Int32Array = new Int32Array(Math.max(16, text.length >> 2));
  let ends: Int32Array = new Int32Array(starts.length);
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordAt(text, i)) i++;
      if (i + 1 < n && isJoinerCode(text.charCodeAt(i)) && isWordAt(text, i + 1)) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '.') i = extendOverPeriod(text, start, i);
    if (count === starts.length) {
      starts = grownInto(starts, new Int32Array(2 * starts.length));
      ends = grownInto(ends, new Int32Array(2 * ends.length));
    }
    starts[count] = start;
    ends[count++] = i;
  }
  return { length: count, starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

/** "U.S." / "U.S.S.R." (dotted acronym), "D." (an initial before a name), "St." (abbreviation). */
function extendOverPeriod(text: string, start: number, end: number): number {
  const word = text.slice(start, end);
  if (word.length === 1 && isUpper(word)) {
    let j = end; // at a '.'
    while (isUpper(text[j + 1]) && text[j + 2] === '.' && !isWordChar(text[j + 3] ?? ' ')) j += 2;
    if (j > end) return j + 1; // dotted acronym, final period included
    // An initial: "Franklin D. Roosevelt" — only when a capitalised word follows on the same line.
    if (text[end + 1] === ' ' && isUpper(text[end + 2])) return end + 1;
    return end;
  }
  if (NAME_ABBREVIATIONS.has(word) && text[end + 1] === ' ' && isUpper(text[end + 2])) return end + 1;
  return end;
}
