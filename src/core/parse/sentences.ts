// Sentence splitting over a range of the original text, in one linear pass.
//
// A sentence ends at `.`, `!`, `?` or `…` (runs of them count once) followed, after any
// closing quotes/brackets and citation marks like `[12]`, by whitespace and a token that
// does not start with a lowercase letter. A single line break is just whitespace; the
// caller splits paragraphs. Abbreviations decide the rest:
//  - "hard" ones never end a sentence (titles before names, "vs.", "c. 1900", "e.g.", …);
//  - "soft" ones (initials "J.", dotted forms "U.S.", "etc.", month abbreviations,
//    ellipses) end one only when the next word is a typical sentence opener
//    ("… with the U.S. In 1973–1976, …").

import type { Span } from '../types';

const HARD = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'cdr', 'brig',
  'gov', 'sen', 'rep', 'pres', 'rev', 'hon', 'fr', 'st', 'ste', 'mt', 'ft', 'vs', 'v', 'c', 'ca', 'cf', 'e.g', 'i.e', 'viz',
  'approx', 'fig', 'figs', 'p', 'pp', 'vol', 'vols', 'ch', 'art', 'nr', 'a.k.a', 'op', 'no', 'nos', 'lit', 'esp', 'incl',
  'mme', 'mlle', 'lieut', 'cmdt', 'comdr', 'supt', 'insp', 'det', 'atty', 'pfc', 'rt', 'gens', 'cols', 'lts', 'sgts', 'capts', 'sens', 'reps',
]);

const SOFT = new Set([
  'etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'bros', 'al', 'dept', 'est', 'govt', 'univ', 'assn', 'ave', 'blvd', 'rd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);

/** Capitalised words that typically open a sentence (used after soft abbreviations). */
const STARTERS = new Set([
  'A', 'An', 'The', 'In', 'On', 'At', 'By', 'For', 'From', 'To', 'With', 'Without', 'During', 'After', 'Before', 'Since', 'Until',
  'Following', 'Despite', 'Although', 'Though', 'While', 'Whereas', 'When', 'Where', 'Why', 'How', 'What', 'Who', 'Which', 'As', 'If',
  'But', 'And', 'Or', 'So', 'Yet', 'However', 'Meanwhile', 'Moreover', 'Furthermore', 'Nevertheless', 'Thus', 'Therefore', 'Later',
  'Then', 'There', 'Here', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their',
  'Our', 'My', 'Both', 'Many', 'Most', 'Some', 'Several', 'Each', 'All', 'No', 'Not', 'One', 'Two', 'Three', 'Also', 'Other', 'Such',
  'Under', 'Over', 'Upon', 'Between', 'Among', 'Against', 'Within', 'Through', 'Throughout', 'According', 'Because', 'Once', 'Only',
  'Soon', 'Shortly', 'Eventually', 'Finally', 'Instead', 'Earlier', 'Today', 'Now', 'Still', 'Even', 'Although', 'Additionally',
]);

const MAX_WORD_LOOKBACK = 40;

export function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isCloser(c: number): boolean {
  // " ' ) ] } ” ’ » › 」 』
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 125 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a || c === 0x300d || c === 0x300f;
}

function isOpener(c: number): boolean {
  return c === 34 || c === 39 || c === 40 || c === 91 || c === 123 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2039 || c === 0x300c || c === 0x300e;
}

const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return text.slice(i, i + 2);
  return text[i];
}

/** Trim [start, end) of whitespace; returns null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}

/** Ranges (sorted, non-overlapping enough) inside which no sentence may end: inline code, links, wiki links. */
export type Protected = Span[];

/**
 * Split text[start, end) into trimmed sentence spans. `protect` lists ranges (sorted by
 * start) where a boundary is not allowed.
 */
export function splitSentences(text: string, start: number, end: number, protect: Protected = []): Span[] {
  const out: Span[] = [];
  let sentenceStart = start;
  let p = 0; // index into protect
  let i = start;
  // Whether the current sentence has a letter or digit yet: a lone "…" or "..." is not a sentence.
  let word = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 46 /* . */ && c !== 33 /* ! */ && c !== 63 /* ? */ && c !== 0x2026 /* … */ && c !== 0x3002 && c !== 0xff01 && c !== 0xff1f) {
      if (!word && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && !isSpaceCode(c)))) word = true;
      i++;
      continue;
    }
    const termStart = i;
    let dots = 0;
    let bang = false;
    let ellipsis = false;
    let cjk = false;
    while (i < end) {
      const t = text.charCodeAt(i);
      if (t === 46) dots++;
      else if (t === 33 || t === 63 || t === 0xff01 || t === 0xff1f) bang = true;
      else if (t === 0x2026) ellipsis = true;
      else if (t === 0x3002) cjk = true;
      else break;
      i++;
    }
    if (dots >= 2) ellipsis = true;
    let j = i;
    // Closing quotes and brackets, and citation marks like [12], belong to the sentence.
    for (;;) {
      if (j < end && isCloser(text.charCodeAt(j))) {
        j++;
        continue;
      }
      if (j < end && text.charCodeAt(j) === 91) {
        let k = j + 1;
        while (k < end && k - j <= 6 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        if (k > j + 1 && k < end && text.charCodeAt(k) === 93) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    const boundary = j;
    i = j;
    if (j < end && !isSpaceCode(text.charCodeAt(j)) && !cjk) continue;
    // Next token.
    let n = j;
    while (n < end && isSpaceCode(text.charCodeAt(n))) n++;
    if (n >= end) break; // the rest is one sentence up to the end
    while (p < protect.length && protect[p].end <= termStart) p++;
    if (p < protect.length && protect[p].start <= termStart) continue;
    if (!word || !endsSentence(text, termStart, n, end, dots, bang, ellipsis)) continue;
    const span = trimSpan(text, sentenceStart, boundary);
    if (span) out.push(span);
    sentenceStart = boundary;
    word = false;
    i = n;
  }
  const last = trimSpan(text, sentenceStart, end);
  if (last) out.push(last);
  return out;
}

function nextWord(text: string, n: number, end: number): string {
  let k = n;
  while (k < end && k - n < 30 && LETTER.test(charAt(text, k))) k += charAt(text, k).length;
  return text.slice(n, k);
}

function endsSentence(text: string, termStart: number, n: number, end: number, dots: number, bang: boolean, ellipsis: boolean): boolean {
  const next = charAt(text, n);
  if (LOWER.test(next)) return false;
  const nextCode = text.charCodeAt(n);
  // Lowercase after an opening quote or bracket also continues the sentence.
  if (isOpener(nextCode) && n + 1 < end && LOWER.test(charAt(text, n + 1))) return false;
  if (ellipsis) return STARTERS.has(nextWord(text, n, end));
  if (bang || dots !== 1) return true;
  // A single period: look at the word before it.
  let w = termStart;
  while (w > 0 && termStart - w < MAX_WORD_LOOKBACK && !isSpaceCode(text.charCodeAt(w - 1)) && !isOpener(text.charCodeAt(w - 1)) && text.charCodeAt(w - 1) !== 45 /* - */ && text.charCodeAt(w - 1) !== 0x2013 && text.charCodeAt(w - 1) !== 0x2014 && text.charCodeAt(w - 1) !== 47 /* / */) w--;
  const word = text.slice(w, termStart);
  if (!word) return true;
  const lower = word.toLowerCase();
  const isDigit = nextCode >= 48 && nextCode <= 57;
  if (lower === 'no' || lower === 'nos' || lower === 'art' || lower === 'ch' || lower === 'op' || lower === 'nr') {
    // "No. 5", "Art. 3"; but "… said no. Then" ends.
    return !isDigit;
  }
  if (HARD.has(lower)) return false;
  // Single letter: an initial ("J. F. Kennedy") or a roman numeral ("World War I. In 1919 …").
  if (word.length === 1 && LETTER.test(word)) {
    if (!UPPER.test(word)) return false; // "p. 45", "c. 1900"
    return STARTERS.has(nextWord(text, n, end));
  }
  // Dotted forms: "U.S.", "U.K.", "a.m.", "Ph.D."
  if (word.indexOf('.') > 0) return STARTERS.has(nextWord(text, n, end));
  if (SOFT.has(lower)) return STARTERS.has(nextWord(text, n, end)) || (lower === 'etc' && !isDigit);
  return true;
}
