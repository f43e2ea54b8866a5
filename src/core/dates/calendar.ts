// Recognises single calendar points: full dates in both orders, month-year, bare years (with the
// checks that keep "R-17", "$291 million" and "1500 men" out), BC/AD, decades, centuries,
// seasons, bare months, "that year"-style anaphors, with their modifiers ("early", "the end of",
// "circa"). Ranges and lists of them are in compounds.ts.

import type { Cursor } from './cursor';
import {
  AMBIGUOUS_MONTHS, APPROX_WORDS, WEEKDAYS, COUNT_NOUNS, CURRENCY_SIGNS, DATE_PREPOSITIONS, LABEL_WORDS, MONTHS,
  MONTH_ABBREVIATIONS, ORDINAL_WORDS, PREFIX_MODIFIERS_BY_FIRST_WORD, SEASONS,
} from './lexicon';
import { longer, type Point } from './model';

export interface PointMatch {
  first: number;
  last: number;
  point: Point;
}

const NONE: readonly never[] = [];

export const DASHES: ReadonlySet<string> = new Set(['-', '–', '—', '‐', '‑']);

/** Words before a bare "fall" that make it the season ("in fall", "that fall"), not the verb. */
const FALL_BEFORE = new Set(['in', 'during', 'that', 'this', 'next', 'last', 'early', 'late', 'by', 'until', 'since', 'following', 'previous']);

/** Nouns a season qualifies as a kind, not a date ("winter quarters", "winter food supplies"). */
const SEASONAL_NOUNS = new Set(['quarters', 'clothing', 'clothes', 'uniforms', 'coats', 'supplies', 'provisions', 'forage', 'fodder']);

/** Capitalised words a year may follow directly ("Spring 1918", "Christmas 1963", "AD 1066"). */
const YEAR_AFTER_NAME = new Set([...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys(), ...SEASONS.keys(), ...WEEKDAYS, 'christmas', 'easter', 'ad', 'ce', 'bc', 'year', 'years', 'the', 'of', 'and']);

/** Words before a short number that let it be a year in a BC narrative ("in 497"), not a count ("of 46 nations"). */
const SHORT_YEAR_BEFORE = new Set(['in', 'by', 'until', 'till', 'since', 'from', 'during', 'before', 'after', 'around', 'circa', 'c', 'ca']);

// ---------------------------------------------------------------------------------------------
// Small pieces

/** "BC", "B.C.", "BCE", "AD", "A.D.", "CE" at i → era and last token. Case-sensitive on purpose. */
export function readEra(c: Cursor, i: number): { last: number; bc: boolean } | null {
  const t = c.at(i);
  if (t === undefined || t.kind !== 'word') return null;
  if (t.text === 'BC' || t.text === 'BCE') return { last: withDot(c, i), bc: true };
  if (t.text === 'AD' || t.text === 'CE') return { last: withDot(c, i), bc: false };
  if (t.text === 'B' || t.text === 'A' || t.text === 'C') {
    // B.C. / B.C / A.D. / B.C.E. / C.E.
    const letters: string[] = [t.text];
    let j = i;
    for (;;) {
      const dot = c.adjacent(j);
      if (dot < 0 || !c.isPunct(dot, '.')) break;
      const nxt = c.adjacent(dot);
      const nt = c.at(nxt);
      if (nxt < 0 || nt === undefined || nt.kind !== 'word' || nt.text.length !== 1) {
        j = dot;
        break;
      }
      letters.push(nt.text);
      j = nxt;
    }
    const s = letters.join('');
    if (s === 'BC' || s === 'BCE') return { last: withDot(c, j), bc: true };
    if (s === 'AD' || s === 'CE') return { last: withDot(c, j), bc: false };
  }
  return null;
}

function withDot(c: Cursor, i: number): number {
  if (c.isPunct(i, '.')) return i;
  const d = c.adjacent(i);
  // "B.C." keeps its closing dot; a bare "BC." at a sentence end does not.
  return d >= 0 && c.isPunct(d, '.') && c.at(i)!.text.length === 1 ? d : i;
}

/** Month name (full, or abbreviated when `allowAbbrev`) at i. */
function readMonth(c: Cursor, i: number, allowAbbrev: boolean): { last: number; month: number; abbrev: boolean } | null {
  const w = c.word(i);
  if (!w) return null;
  const m = MONTHS.get(w);
  if (m !== undefined) return c.isCapitalised(i) ? { last: i, month: m, abbrev: false } : null;
  if (!allowAbbrev || !c.isCapitalised(i)) return null;
  const a = MONTH_ABBREVIATIONS.get(w);
  if (a === undefined) return null;
  const dot = c.adjacent(i);
  return { last: dot >= 0 && c.isPunct(dot, '.') ? dot : i, month: a, abbrev: true };
}

/** A day of the month: 1..31 written with one or two digits, or as "19th". */
export function readDay(c: Cursor, i: number): { last: number; day: number } | null {
  const t = c.at(i);
  if (t === undefined) return null;
  if (t.kind === 'ord' && t.value >= 1 && t.value <= 31) return { last: i, day: t.value };
  if (t.kind === 'num' && t.text.length <= 2 && t.value >= 1 && t.value <= 31) {
    // "21.5" or "3:00" are not days
    const a = c.adjacent(i);
    if (a >= 0 && (c.isPunct(a, ':') || c.at(a)!.kind === 'num')) return null;
    return { last: i, day: t.value };
  }
  return null;
}

/** Is the 4-digit number at i a count, a label or an amount rather than a year? */
function looksLikeQuantity(c: Cursor, i: number): boolean {
  const before = c.adjacentBefore(i);
  if (before >= 0) {
    const bt = c.at(before)!;
    if (CURRENCY_SIGNS.has(bt.text)) return true;
    if (DASHES.has(bt.text)) {
      // "R-1917"-like identifiers: a word glued to the number by a hyphen.
      const w = c.adjacentBefore(before);
      if (w >= 0 && c.at(w)!.kind === 'word' && !/^(mid|pre|post|early|late|c|ca)$/.test(c.word(w))) return true;
    }
    if (bt.kind === 'word' || bt.kind === 'num') return true; // "A1944", glued
  }
  let p = c.prev(i);
  // "No. 1945", "p. 1923"
  if (p >= 0 && c.isPunct(p, '.') && LABEL_WORDS.has(c.word(c.prev(p)))) return true;
  if (p >= 0 && LABEL_WORDS.has(c.word(p))) return true;
  // "Windows 2000", "Euro 2004": a name right before the number (but "In 1945", "Christmas 1963")
  if (p >= 0 && c.isCapitalised(p) && !YEAR_AFTER_NAME.has(c.word(p)) && !DATE_PREPOSITIONS.has(c.word(p))) {
    const pp = c.prev(p);
    if (pp >= 0 && !['.', '!', '?', ':', '(', '"', '“'].includes(c.at(pp)!.text) && c.text.charCodeAt(c.at(p)!.start - 1) !== 10) return true;
  }
  p = -1;
  const after = c.adjacent(i);
  if (after >= 0) {
    const at = c.at(after)!;
    if (at.text === '%' || (at.kind === 'word' && at.lower !== 's')) return true;
    if (DASHES.has(at.text)) {
      const w = c.adjacent(after);
      if (w >= 0 && COUNT_NOUNS.has(c.word(w))) return true;
    }
  }
  const n = c.next(i);
  if (n >= 0 && COUNT_NOUNS.has(c.word(n)) && !c.isCapitalised(n) && c.word(n) !== 'of') return true;
  return false;
}

/**
 * A year at i: four digits (1000..2099), or any number followed by an era ("490 BC"),
 * or a short number when `contextual` (the caller knows the narrative is in such years).
 */
export function readYear(c: Cursor, i: number, contextual: boolean): { last: number; year: number; bc?: boolean; explicitEra: boolean } | null {
  const t = c.at(i);
  if (t === undefined) return null;
  // "AD 79"
  if (t.kind === 'word' && (t.text === 'AD' || t.text === 'A.D.')) {
    const n = c.next(i);
    const nt = c.at(n);
    if (nt !== undefined && nt.kind === 'num' && nt.value > 0 && nt.value < 3000) return { last: n, year: nt.value, bc: false, explicitEra: true };
    return null;
  }
  if (t.kind !== 'num' || t.value < 0 || t.text.length > 4) return null;
  const n = c.next(i);
  const era = n >= 0 ? readEra(c, n) : null;
  if (era) return { last: era.last, year: t.value, bc: era.bc, explicitEra: true };
  if (t.text.length === 4 && t.value >= 1000 && t.value <= 2099) {
    if (looksLikeQuantity(c, i)) return null;
    return { last: i, year: t.value, explicitEra: false };
  }
  if (contextual && t.value >= 1 && t.value < 1000 && t.text.charAt(0) !== '0') {
    if (looksLikeQuantity(c, i)) return null;
    return { last: i, year: t.value, explicitEra: false };
  }
  return null;
}

/** "271 triremes": a lower-case word right after the number that is not a preposition. */
function beforeNoun(c: Cursor, i: number): boolean {
  const n = c.at(c.next(i));
  return n !== undefined && n.kind === 'word' && !c.isCapitalised(c.next(i)) && !DATE_PREPOSITIONS.has(n.lower) && n.lower !== 'the';
}

function prevWordAllowsDate(c: Cursor, i: number): boolean {
  const p = c.prev(i);
  if (p < 0) return false;
  const t = c.at(p)!;
  if (t.kind === 'word') return DATE_PREPOSITIONS.has(t.lower);
  return DASHES.has(t.text) && c.word(c.adjacentBefore(p)) === 'mid';
}

// ---------------------------------------------------------------------------------------------
// Cores (a date without modifiers)

/** An optional leading "the" ("the 1990s", "the summer of 1941"): its token or -1, and the token after it (-1 at the end). */
function skipThe(c: Cursor, i: number): { the: number; next: number } {
  return c.isWord(i, 'the') ? { the: i, next: c.next(i) } : { the: -1, next: i };
}

function readDecade(c: Cursor, i: number): PointMatch | null {
  const { the, next } = skipThe(c, i);
  let j = next;
  if (j < 0) return null;
  // "the '60s"
  let apostrophe = false;
  if (c.isPunct(j, "'") || c.isPunct(j, '’')) {
    apostrophe = true;
    j = c.adjacent(j);
    if (j < 0) return null;
  }
  const t = c.at(j);
  if (t === undefined || t.kind !== 'num' || t.value < 0 || t.value % 10 !== 0) return null;
  let s = c.adjacent(j);
  if (s >= 0 && (c.isPunct(s, "'") || c.isPunct(s, '’'))) s = c.adjacent(s); // "1960's"
  if (s < 0 || c.word(s) !== 's') return null;
  let year = t.value;
  if (apostrophe) {
    if (t.text.length !== 2) return null;
    year = 1900 + year;
  } else if (t.text.length < 3 || t.text.length > 4) return null;
  let last = s;
  let bc: boolean | undefined;
  const n = c.next(s);
  const era = n >= 0 ? readEra(c, n) : null;
  if (era) {
    bc = era.bc;
    last = era.last;
  }
  // "the 1990s" keeps its determiner; a bare "1990s" is fine too.
  // "the 1800s" is the century 1800-1899 in common use; "the 2000s" and "the 1990s" are decades
  const point: Point = year % 100 === 0 && year < 2000 && !apostrophe ? { century: year / 100 } : { decade: Math.floor(year / 10) };
  if (bc) point.bc = true;
  return { first: the >= 0 ? the : i, last, point };
}

function readCentury(c: Cursor, i: number): PointMatch | null {
  const { the, next: j } = skipThe(c, i);
  if (j < 0) return null;
  const t = c.at(j)!;
  let n: number | undefined;
  if (t.kind === 'ord') n = t.value;
  else if (t.kind === 'word') n = ORDINAL_WORDS.get(t.lower);
  if (n === undefined || n < 1 || n > 21) return null;
  let k = c.next(j);
  if (k >= 0 && DASHES.has(c.at(k)!.text)) k = c.adjacent(k); // "eighteenth-century"
  if (k < 0 || c.word(k) !== 'century') return null;
  let last = k;
  const point: Point = { century: n - 1 };
  const e = c.next(k);
  const era = e >= 0 ? readEra(c, e) : null;
  if (era) {
    last = era.last;
    if (era.bc) point.bc = true;
  }
  return { first: the >= 0 ? the : j, last, point };
}

function readSeason(c: Cursor, i: number): PointMatch | null {
  const { the, next: j } = skipThe(c, i);
  if (j < 0) return null;
  const season = SEASONS.get(c.word(j));
  if (season === undefined) return null;
  const first = the >= 0 ? the : j;
  // "summer 1918", "the summer of 1941", "the spring of 480 BC", "the spring of next year"
  let k = c.next(j);
  if (k >= 0 && c.isWord(k, 'of')) {
    const y = readYear(c, c.next(k), false);
    if (y) return { first, last: y.last, point: { season, year: y.year, bc: y.bc } };
    const a = readAnaphor(c, c.next(k));
    if (a) return { first, last: a.last, point: { ...a.point, season } };
    // "the spring of next year", "the summer of the following year"
    const n = c.next(k);
    const nx = c.isWord(n, 'next') ? n : c.isWord(n, 'the') && c.isWord(c.next(n), 'following') ? c.next(n) : -1;
    if (nx >= 0 && c.isWord(c.next(nx), 'year')) return { first, last: c.next(nx), point: { season, anaphor: 'year', shift: { unit: 'year', n: 1 } } };
  } else if (k >= 0) {
    const y = readYear(c, k, false);
    if (y) return { first, last: y.last, point: { season, year: y.year, bc: y.bc } };
  }
  // A bare season takes its year from the narrative. "the fall of Paris", "began to fall" are not seasons.
  if (c.word(j) === 'fall') {
    if (k >= 0 && c.isWord(k, 'of')) return null;
    if (the < 0 && !FALL_BEFORE.has(c.word(c.prev(j)))) return null;
  }
  // "the summer offensive": the season qualifies a noun, the article belongs to the noun
  const after = c.at(c.next(j));
  const adjective = after !== undefined && after.kind === 'word' && !DATE_PREPOSITIONS.has(after.lower) && after.lower !== 'and';
  // "winter quarters", "winter food supplies": what one has every such season, no season in particular
  if (adjective && (SEASONAL_NOUNS.has(after.lower) || SEASONAL_NOUNS.has(c.word(c.next(c.next(j)))))) {
    return { first: j, last: j, point: { season, anyYear: true, aside: true } };
  }
  return { first: adjective ? j : first, last: j, point: adjective ? { season, anaphor: 'year', aside: true } : { season, anaphor: 'year' } };
}

/** "that year", "the same year", "this year", "that month", "the same day", "that same day". */
export function readAnaphor(c: Cursor, i: number): PointMatch | null {
  if (i < 0) return null;
  const w = c.word(i);
  let j = i;
  if (w === 'that' || w === 'this') {
    j = c.next(i);
    if (c.isWord(j, 'same')) j = c.next(j);
  } else if (w === 'the') {
    j = c.next(i);
    if (!c.isWord(j, 'same')) return null;
    j = c.next(j);
  } else return null;
  const u = c.word(j);
  if (u === 'year') return { first: i, last: j, point: { anaphor: 'year' } };
  if (u === 'month') return { first: i, last: j, point: { anaphor: 'month' } };
  if (u === 'day' || u === 'date') return { first: i, last: j, point: { anaphor: 'day' } };
  return null;
}

/** A day-first date: [the] 3 [of] November [,] [1956 [BC]]. */
function readDayMonth(c: Cursor, i: number): PointMatch | null {
  const { the, next: j } = skipThe(c, i);
  // "the first of May": an ordinal word is a day only in that form
  const ordinal = the >= 0 && j >= 0 ? ORDINAL_WORDS.get(c.word(j)) : undefined;
  const d = j >= 0 ? readDay(c, j) ?? (ordinal !== undefined && ordinal <= 31 && c.isWord(c.next(j), 'of') ? { last: j, day: ordinal } : null) : null;
  if (!d) return null;
  let k = c.next(d.last);
  if (k >= 0 && c.isWord(k, 'of')) k = c.next(k);
  const m = k >= 0 ? readMonth(c, k, true) : null;
  if (!m) return null;
  const point: Point = { day: d.day, month: m.month };
  const yearLast = readYearAfter(c, m.last, point);
  if (yearLast < 0 && m.abbrev) return null;
  return { first: the >= 0 ? the : j, last: yearLast >= 0 ? yearLast : m.last, point };
}

/** The year after a day and month ("3 November, 1956", "September 1, 1939 BC"), set in `point`: its last token, or -1 without one. */
function readYearAfter(c: Cursor, prev: number, point: Point): number {
  let y = c.next(prev);
  if (y >= 0 && c.isPunct(y, ',')) y = c.next(y);
  const yr = y >= 0 ? readYear(c, y, false) : null;
  if (!yr) return -1;
  point.year = yr.year;
  if (yr.bc) point.bc = true;
  return yr.last;
}

/** A month-first date: September 1, 1939 / October 18 / July 1977 / February of 1940 / August of that year. */
function readMonthFirst(c: Cursor, i: number): PointMatch | null {
  const m = readMonth(c, i, true);
  if (!m) return null;
  let k = c.next(m.last);
  // Month Day [, Year]
  const d = k >= 0 ? readDay(c, k) : null;
  if (d) {
    const dayNext = c.next(d.last);
    // "May 1968" is a year, not a day; a day must not run into another digit group.
    const point: Point = { month: m.month, day: d.day };
    const yearLast = readYearAfter(c, d.last, point);
    if (yearLast >= 0) return { first: i, last: yearLast, point };
    if (m.abbrev) return null;
    if (c.isWord(dayNext, 'of')) {
      // "June 20 of 1792", "July 25 of that year"
      const y2 = readYear(c, c.next(dayNext), false);
      if (y2) return { first: i, last: y2.last, point: { ...point, year: y2.year, bc: y2.bc } };
      const a = readAnaphor(c, c.next(dayNext));
      if (a && a.point.anaphor === 'year') return { first: i, last: a.last, point: { ...point, anaphor: 'year' } };
    }
    return { first: i, last: d.last, point };
  }
  // Month [,|of] Year
  if (k >= 0 && (c.isPunct(k, ',') || c.isWord(k, 'of'))) k = c.next(k);
  const yr = k >= 0 ? readYear(c, k, false) : null;
  if (yr) return { first: i, last: yr.last, point: { month: m.month, year: yr.year, bc: yr.bc } };
  if (k >= 0 && c.isWord(c.prev(k), 'of')) {
    const a = readAnaphor(c, k);
    if (a && a.point.anaphor === 'year') return { first: i, last: a.last, point: { month: m.month, anaphor: 'year' } };
  }
  if (m.abbrev) return null;
  return readBareMonth(c, i, m.month);
}

/** A month name alone ("in June"): year from the narrative. Rejects "Long March", "Theresa May". */
function readBareMonth(c: Cursor, i: number, month: number): PointMatch | null {
  const p = c.prev(i);
  const w = c.word(i);
  if (p >= 0) {
    const pt = c.at(p)!;
    if (pt.kind === 'word') {
      // "the February Revolution", "a June offensive" name a month; "the March to the Sea" does not
      if (pt.lower === 'the' || pt.lower === 'a') {
        // "the March to the Sea" is a name; "a March operation" is the month
        if ((AMBIGUOUS_MONTHS.has(w) && pt.lower === 'the') || c.at(c.next(i))?.kind !== 'word') return null;
        return { first: i, last: i, point: { month, anaphor: 'year' } };
      }
      if (c.isCapitalised(p) && !DATE_PREPOSITIONS.has(pt.lower)) {
        // a capitalised word before the month: part of a name, unless it starts the sentence
        const pp = c.prev(p);
        if (!(pp < 0 || c.isPunct(pp, '.'))) return null;
      }
    } else if (pt.text === '"' || pt.text === '“') return null;
  }
  if (AMBIGUOUS_MONTHS.has(w)) {
    if (!prevWordAllowsDate(c, i)) {
      const pt = p >= 0 ? c.at(p)! : undefined;
      const n = c.next(i);
      const listed = pt !== undefined && pt.text === ',' && (c.isWord(n, 'and') || c.isPunct(n, ','));
      const beforeOtherMonth = (c.isWord(n, 'and') || c.isWord(n, 'or') || c.isWord(n, 'to') || DASHES.has(c.at(n)?.text ?? '')) && MONTHS.has(c.word(c.next(n)));
      if (!listed && !beforeOtherMonth) return null;
    }
  }
  return { first: i, last: i, point: { month, anaphor: 'year' } };
}

function readBareYear(c: Cursor, i: number, bcNarrative: boolean): PointMatch | null {
  let j = i;
  // "the year 1950", "the years 1955"
  let first = i;
  if (c.isWord(j, 'the') && (c.isWord(c.next(j), 'year') || c.isWord(c.next(j), 'years'))) {
    j = c.next(c.next(j));
    if (j < 0) return null;
  } else if ((c.isWord(j, 'year') || c.isWord(j, 'years')) && c.isCapitalised(j) === false) {
    return null;
  }
  const t = c.at(j);
  if (t === undefined) return null;
  const contextual = bcNarrative && t.kind === 'num' && SHORT_YEAR_BEFORE.has(c.word(c.prev(j))) && !beforeNoun(c, j);
  const y = readYear(c, j, contextual);
  if (!y) return null;
  if (j !== i) first = i;
  const point: Point = { year: y.year };
  if (y.bc || (!y.explicitEra && contextual && bcNarrative)) point.bc = true;
  if (first === j && !opensSentence(c, j)) point.midSentence = true;
  if (first === j && (c.isPunct(c.prev(j), '(') || c.isPunct(c.next(y.last), ')'))) point.aside = true;
  // "the 1982 summer offensive"
  const season = SEASONS.get(c.word(c.next(y.last)));
  if (season !== undefined && c.word(c.next(y.last)) !== 'fall') return { first, last: c.next(y.last), point: { ...point, season } };
  return { first, last: y.last, point };
}

/** "Christmas 1963" → 1963-12-25, "Christmas Eve", "Christmas" (year from the narrative). */
function readChristmas(c: Cursor, i: number): PointMatch {
  let last = i;
  let day = 25;
  if (c.isWord(c.next(i), 'eve') || c.isWord(c.next(i), 'night')) {
    day = 24;
    if (c.isWord(c.next(i), 'eve')) last = c.next(i);
  }
  const y = readYear(c, c.next(last), false);
  if (y) return { first: i, last: y.last, point: { month: 12, day, year: y.year, bc: y.bc } };
  return { first: i, last, point: { month: 12, day, anaphor: 'year' } };
}

/** Nouns after "the 20th" that make it something other than a day ("the 20th century", "the 20th Division"). */
const NOT_AFTER_ORDINAL_DAY = new Set(['century', 'centuries', 'anniversary', 'birthday', 'of', 'time', 'day', 'year', 'and', 'or']);

/** "on the 20th": a day of the narrative month. */
function readOrdinalDay(c: Cursor, i: number): PointMatch | null {
  if (!c.isWord(i, 'the')) return null;
  const j = c.next(i);
  const t = c.at(j);
  if (t === undefined || t.kind !== 'ord' || t.value < 1 || t.value > 31) return null;
  const n = c.next(j);
  const nt = c.at(n);
  if (nt !== undefined && (nt.kind === 'word' ? c.isCapitalised(n) || NOT_AFTER_ORDINAL_DAY.has(nt.lower) : DASHES.has(nt.text))) return null;
  return { first: i, last: j, point: { day: t.value, anaphor: 'month' } };
}

/** "'99" (a two-digit year, century from the narrative), but not "the '60s". */
function readApostropheYear(c: Cursor, i: number): PointMatch | null {
  if (!c.isPunct(i, "'") && !c.isPunct(i, '’')) return null;
  const j = c.adjacent(i);
  const t = c.at(j);
  if (t === undefined || t.kind !== 'num' || t.text.length !== 2 || c.adjacent(j) >= 0 && c.at(c.adjacent(j))!.kind === 'word') return null;
  if (c.adjacentBefore(i) >= 0 && c.at(c.adjacentBefore(i))!.kind === 'word') return null;
  return { first: i, last: j, point: { twoDigitYear: t.value } };
}

/** Is the token at i the start of a sentence or line, or right after an opening "In"/"By"? */
function opensSentence(c: Cursor, i: number): boolean {
  let p = c.prev(i);
  if (['in', 'by', 'during', 'from', 'until', 'since'].includes(c.word(p))) {
    i = p;
    p = c.prev(i);
  }
  const t = c.at(i)!;
  return p < 0 || c.text.charCodeAt(t.start - 1) === 10 || ['.', '!', '?', ':', ';'].includes(c.at(p)!.text);
}

/** An ISO calendar date: "1956-11-03". */
function readIsoDate(c: Cursor, i: number): PointMatch | null {
  const y = c.at(i);
  if (y === undefined || y.kind !== 'num' || y.text.length !== 4) return null;
  const d1 = c.adjacent(i);
  const m = c.adjacent(d1);
  const d2 = c.adjacent(m);
  const d = c.adjacent(d2);
  if (!c.isPunct(d1, '-') || !c.isPunct(d2, '-')) return null;
  const mt = c.at(m);
  const dt = c.at(d);
  if (mt?.kind !== 'num' || dt?.kind !== 'num' || mt.text.length !== 2 || dt.text.length !== 2) return null;
  if (mt.value < 1 || mt.value > 12 || dt.value < 1 || dt.value > 31 || c.adjacent(d) >= 0 && c.at(c.adjacent(d))!.kind !== 'punct') return null;
  return { first: i, last: d, point: { year: y.value, month: mt.value, day: dt.value } };
}

/** Any single calendar point without its modifiers. */
function readCore(c: Cursor, i: number, bcNarrative: boolean): PointMatch | null {
  // "Saturday, June 24, 1950": the weekday joins a full date
  if (WEEKDAYS.has(c.word(i)) && c.isCapitalised(i)) {
    let j = c.next(i);
    if (c.isPunct(j, ',')) j = c.next(j);
    const d = j >= 0 ? readDayMonth(c, j) ?? readMonthFirst(c, j) : null;
    return d && d.point.day !== undefined ? { ...d, first: i } : null;
  }
  if (c.word(i) === 'christmas' && c.isCapitalised(i)) return readChristmas(c, i);
  let best = readIsoDate(c, i);
  best = longer(best, readDayMonth(c, i));
  best = longer(best, readMonthFirst(c, i));
  best = longer(best, readDecade(c, i));
  best = longer(best, readCentury(c, i));
  best = longer(best, readSeason(c, i));
  best = longer(best, readBareYear(c, i, bcNarrative));
  best = longer(best, readOrdinalDay(c, i));
  return longer(best, readApostropheYear(c, i));
}

// ---------------------------------------------------------------------------------------------
// Modifiers

/** A point with its modifier words: "early 1941", "the end of May", "mid-March 1982", "ca. 461 BC". */
export function readPoint(c: Cursor, i: number, bcNarrative: boolean): PointMatch | null {
  if (i < 0) return null;
  // approximation: "ca. 461 BC", "about 1910", "around March 1981"
  const w = c.word(i);
  if (APPROX_WORDS.has(w)) {
    let j = i;
    const dot = c.adjacent(j);
    if (dot >= 0 && c.isPunct(dot, '.')) j = dot;
    const inner = readPoint(c, c.next(j), bcNarrative);
    if (inner && (inner.point.year !== undefined || inner.point.month !== undefined || inner.point.decade !== undefined)) {
      // "about" and "around" are too common before numbers to trust with a bare short number
      return { first: i, last: inner.last, point: { ...inner.point, approx: true, mod: inner.point.mod ?? 'APPROX' } };
    }
    return null;
  }
  let best: PointMatch | null = null;
  for (const pm of PREFIX_MODIFIERS_BY_FIRST_WORD.get(w) ?? NONE) {
    const last = c.words(i, pm.words);
    if (last < 0) continue;
    let j = c.next(last);
    // "mid-March": the hyphen is glued to "mid"
    if (j >= 0 && DASHES.has(c.at(j)!.text) && c.adjacent(last) === j) j = c.adjacent(j);
    if (j < 0) continue;
    const core = readCore(c, j, bcNarrative) ?? readModifiedAnaphor(c, j);
    if (core && (best === null || core.last > best.last)) {
      best = { first: i, last: core.last, point: { ...core.point, mod: pm.mod } };
    }
  }
  // "Later in 1792", "Later in the summer": the extent takes in the adverb, the value is the date's
  if ((w === 'later' || w === 'earlier') && c.isWord(c.next(i), 'in')) {
    const inner = readCore(c, c.next(c.next(i)), bcNarrative);
    if (inner && (best === null || inner.last > best.last)) best = { first: i, last: inner.last, point: inner.point };
  }
  // halves: "the second half of 2008", "the latter half of 2008"
  const half = readHalf(c, i, bcNarrative);
  if (half && (best === null || half.last > best.last)) best = half;
  const core = readCore(c, i, bcNarrative);
  if (core && (best === null || core.last > best.last)) best = core;
  return best;
}

/** After a modifier, "the year" and "the month" refer to the narrative: "the end of the year". */
function readModifiedAnaphor(c: Cursor, i: number): PointMatch | null {
  const a = readAnaphor(c, i);
  if (a) return a;
  if (c.isWord(i, 'the')) {
    const j = c.next(i);
    if (c.isWord(j, 'year')) return { first: i, last: j, point: { anaphor: 'year' } };
    if (c.isWord(j, 'month')) return { first: i, last: j, point: { anaphor: 'month' } };
  }
  return null;
}

function readHalf(c: Cursor, i: number, bcNarrative: boolean): PointMatch | null {
  if (!c.isWord(i, 'the')) return null;
  const j = c.next(i);
  const h = c.word(j) === 'first' ? 1 : c.word(j) === 'second' || c.word(j) === 'latter' ? 2 : 0;
  if (!h) return null;
  const k = c.words(c.next(j), ['half', 'of']);
  if (k < 0) return null;
  const core = readCore(c, c.next(k), bcNarrative) ?? readModifiedAnaphor(c, c.next(k));
  if (!core || core.point.month !== undefined || core.point.decade !== undefined || core.point.century !== undefined || core.point.season !== undefined) return null;
  return { first: i, last: core.last, point: { ...core.point, half: h as 1 | 2 } };
}
