// Turns complete points, ranges and lists into EDTF values, precisions and ISO bounds.
// Years are historical in Point (490 BC = 490 + bc) and astronomical here (490 BC = -489).

import type { Precision } from '../types';
import type { Season } from './lexicon';
import type { Point } from './model';

export interface Normalised {
  edtf: string | null;
  precision: Precision;
  earliest: string | null;
  latest: string | null;
  problem?: string;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Months each season covers, for bounds (northern hemisphere). Winter is named by the year it
 * ends in, as in TIMEX2: 1915-WI runs from December 1914 (month 0) to February 1915.
 */
const SEASON_MONTHS: Readonly<Record<Season, [number, number]>> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [0, 2] };

export function astronomicalYear(p: Point): number {
  return p.bc ? 1 - (p.year as number) : (p.year as number);
}

export function formatYear(y: number): string {
  return y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function isoDay(y: number, m: number, d: number): string {
  // month 0 is the December before (winter bounds)
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return `${formatYear(yy)}-${pad2(mm)}-${pad2(Math.min(d, daysInMonth(yy, mm)))}`;
}

/** EDTF value, precision and bounds of a complete point (one with a year, decade or century). */
export function normalisePoint(p: Point): Normalised {
  const approx = p.approx ? '~' : '';
  if (p.year === undefined) {
    if (p.decade !== undefined) {
      if (p.bc) {
        // "the 470s BC" = 479..470 BC; EDTF has no BC decade shorthand, so give the interval
        const from = 1 - (p.decade * 10 + 9);
        const to = 1 - p.decade * 10;
        return { edtf: `${formatYear(from)}/${formatYear(to)}`, precision: 'decade', earliest: isoDay(from, 1, 1), latest: isoDay(to, 12, 31) };
      }
      const y = p.decade * 10;
      return { edtf: `${String(p.decade).padStart(3, '0')}X`, precision: 'decade', earliest: isoDay(y, 1, 1), latest: isoDay(y + 9, 12, 31) };
    }
    if (p.century !== undefined) {
      if (p.bc) {
        // "the 4th century BC" = 400..301 BC
        const from = 1 - (p.century + 1) * 100;
        const to = 1 - (p.century * 100 + 1);
        return { edtf: `${formatYear(from)}/${formatYear(to)}`, precision: 'century', earliest: isoDay(from, 1, 1), latest: isoDay(to, 12, 31) };
      }
      const y = p.century * 100;
      return { edtf: `${String(p.century).padStart(2, '0')}XX`, precision: 'century', earliest: isoDay(y, 1, 1), latest: isoDay(y + 99, 12, 31) };
    }
    // "winter quarters": a season of no year in particular (TIMEX2 XXXX-WI), off the timeline
    if (p.season !== undefined && p.anyYear) return { edtf: `XXXX-${p.season}`, precision: 'season', earliest: null, latest: null };
    return { edtf: null, precision: 'year', earliest: null, latest: null };
  }
  const y = astronomicalYear(p);
  if (Math.abs(y) > 9999) return beyondFourDigits(p, y);
  const Y = formatYear(y);
  if (p.month !== undefined && p.day !== undefined) {
    if (p.day > daysInMonth(y, p.month)) {
      const shown = `${p.day} ${MONTH_NAMES[p.month - 1]} ${p.year}${p.bc ? ' BC' : ''}`;
      return {
        edtf: null, precision: 'day', earliest: null, latest: null,
        problem: `${shown} does not exist: ${MONTH_NAMES[p.month - 1]} ${p.year}${p.bc ? ' BC' : ''} has ${daysInMonth(y, p.month)} days`,
      };
    }
    const v = `${Y}-${pad2(p.month)}-${pad2(p.day)}`;
    return { edtf: v + approx, precision: 'day', earliest: v, latest: v };
  }
  if (p.month !== undefined) {
    const v = p.someDay ? `${Y}-${pad2(p.month)}-XX` : `${Y}-${pad2(p.month)}${approx}`;
    return { edtf: v, precision: p.someDay ? 'day' : 'month', earliest: isoDay(y, p.month, 1), latest: isoDay(y, p.month, 31) };
  }
  if (p.season !== undefined) {
    // TIMEX2 season codes (1941-SU): what the WikiWars gold and the scorer compare; EDTF would be 1941-22.
    const [m1, m2] = SEASON_MONTHS[p.season];
    return { edtf: `${Y}-${p.season}`, precision: 'season', earliest: isoDay(y, m1, 1), latest: isoDay(y, m2, 31) };
  }
  if (p.half !== undefined) {
    // TIMEX2 half-year (2008-H2), as in the gold
    const m1 = p.half === 1 ? 1 : 7;
    return { edtf: `${Y}-H${p.half}`, precision: 'month', earliest: isoDay(y, m1, 1), latest: isoDay(y, m1 + 5, 31) };
  }
  if (p.someDay) return { edtf: `${Y}-XX-XX`, precision: 'day', earliest: isoDay(y, 1, 1), latest: isoDay(y, 12, 31) };
  return { edtf: Y + approx, precision: 'year', earliest: isoDay(y, 1, 1), latest: isoDay(y, 12, 31) };
}

/**
 * A year of more than four digits (reached from context: "fall 9999 AD … January"). EDTF writes
 * one only as a whole year, 'Y'-prefixed ("Y10000"), and in nothing larger (no month, interval or
 * list of it): a finer date there has no value, and says why.
 */
function beyondFourDigits(p: Point, y: number): Normalised {
  if (p.month === undefined && p.day === undefined && p.season === undefined && p.half === undefined && !p.someDay && !p.approx) {
    return { edtf: `Y${y}`, precision: 'year', earliest: isoDay(y, 1, 1), latest: isoDay(y, 12, 31) };
  }
  const precision = p.day !== undefined || p.someDay ? 'day' : p.month !== undefined || p.half !== undefined ? 'month' : p.season !== undefined ? 'season' : 'year';
  return { edtf: null, precision, earliest: null, latest: null, problem: `${yearShown(p)} has more than four digits: EDTF can give such a year only as a whole year` };
}

function yearShown(p: Point): string {
  return `the year ${p.year}${p.bc ? ' BC' : ''}`;
}

/** A 'Y'-prefixed year ("Y10000"): EDTF has no interval or list of them. */
function isLongYear(n: Normalised): boolean {
  return n.edtf !== null && n.edtf.charAt(0) === 'Y';
}

const LONG_YEAR_IN_COMPOUND = 'a year of more than four digits: EDTF has no range or list of such years';

export function normaliseRange(a: Point, b: Point): Normalised {
  const na = normalisePoint(a);
  const nb = normalisePoint(b);
  const problem = na.problem ?? nb.problem ?? (isLongYear(na) || isLongYear(nb) ? LONG_YEAR_IN_COMPOUND : undefined);
  if (na.edtf === null || nb.edtf === null || problem !== undefined) return { edtf: null, precision: 'interval', earliest: na.earliest, latest: nb.latest, problem };
  // An end that is itself an interval (a BC decade or century: "from the 5th century BC to 400 BC")
  // gives its outer bound: EDTF has no interval of intervals.
  let start = na.edtf.split('/')[0];
  let end = nb.edtf.split('/').pop()!;
  // EDTF readers (edtf.js) take no interval of a qualified date and one with unspecified digits
  // ("ca. 1900 - 1990s", 1900~/199X): the unspecified end is written as its bound year.
  if (/[~?%]/.test(start + end) && (start.includes('X') || end.includes('X'))) {
    if (start.includes('X')) start = yearOfIso(na.earliest!);
    if (end.includes('X')) end = yearOfIso(nb.latest!);
  }
  const out: Normalised = { edtf: `${start}/${end}`, precision: 'interval', earliest: na.earliest, latest: nb.latest };
  if (na.earliest !== null && nb.latest !== null && compareIso(na.earliest, nb.latest) > 0) out.problem = 'the range ends before it starts';
  return out;
}

export function normaliseList(items: Point[], all: boolean): Normalised {
  const ns = items.map(normalisePoint);
  const problem = ns.find((n) => n.problem)?.problem ?? (ns.some(isLongYear) ? LONG_YEAR_IN_COMPOUND : undefined);
  if (ns.some((n) => n.edtf === null) || problem !== undefined) return { edtf: null, precision: ns[0].precision, earliest: null, latest: null, problem };
  // An item that is an interval (a BC decade or century) is written as a list's range, "a..b".
  const body = ns.map((n) => n.edtf!.replace('/', '..')).join(',');
  const earliest = ns.map((n) => n.earliest!).sort(compareIso)[0];
  const latest = ns.map((n) => n.latest!).sort(compareIso)[ns.length - 1];
  return { edtf: all ? `{${body}}` : `[${body}]`, precision: ns[0].precision, earliest, latest };
}

/** The year of an ISO date, as EDTF writes it ("-0489-01-01" → "-0489"). */
function yearOfIso(iso: string): string {
  return iso.slice(0, iso.indexOf('-', 1));
}

/** Orders ISO dates with signed years ("-0489-01-01" before "0012-05-01"). */
export function compareIso(a: string, b: string): number {
  const ya = parseInt(yearOfIso(a), 10);
  const yb = parseInt(yearOfIso(b), 10);
  if (ya !== yb) return ya - yb;
  const ra = a.slice(a.indexOf('-', 1));
  const rb = b.slice(b.indexOf('-', 1));
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}
