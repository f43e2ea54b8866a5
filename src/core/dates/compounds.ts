// Ranges and coordinated lists built from calendar points: "1-7 March 1973", "April 6–13",
// "1915-17", "499-493 BC", "between 1976 and 1981", "1957 and 1958", "1979 or 1980".
// The ends fill each other's missing parts; each end's token span is kept for the split style.

import { DASHES, readDay, readPoint, readYear } from './calendar';
import type { Cursor } from './cursor';
import { MONTHS, RANGE_CONNECTORS } from './lexicon';
import type { Expr, Match, Point, Span2 } from './model';

function connectorAt(c: Cursor, i: number): { last: number; kind: 'range' | 'and' | 'or' } | null {
  const t = c.at(i);
  if (t === undefined) return null;
  if (t.kind === 'punct' && RANGE_CONNECTORS.has(t.text)) return { last: i, kind: 'range' };
  // "2012/13", "1914/1918": a slash between years, written without spaces
  if (t.kind === 'punct' && t.text === '/' && c.adjacentBefore(i) >= 0 && c.adjacent(i) >= 0) return { last: i, kind: 'range' };
  if (t.kind === 'word') {
    if (RANGE_CONNECTORS.has(t.lower)) return { last: i, kind: 'range' };
    if (t.lower === 'and') return { last: i, kind: 'and' };
    if (t.lower === 'or') return { last: i, kind: 'or' };
  }
  return null;
}

/** Fill parts the first end of a range leaves out from the second: "1-7 March 1973", "264 to 241 BC". */
function completeFrom(a: Point, b: Point): Point {
  const r: Point = { ...a };
  if (r.year === undefined && r.decade === undefined && r.century === undefined && b.year !== undefined && (r.month !== undefined || r.season !== undefined)) {
    r.year = b.year;
    if (b.bc) r.bc = true;
    // "December 1944 - January 1945" has both years; "November to January 1949" crosses a year
    if (r.month !== undefined && b.month !== undefined && r.month > b.month) r.year = b.bc ? b.year + 1 : b.year - 1;
    delete r.anaphor;
  }
  if (r.year !== undefined && b.bc && !a.bc && r.year > (b.year ?? 0)) r.bc = true;
  return r;
}

/** The second end of "1915-17" (two digits after a dash) → 1917. */
function shortYearAfter(c: Cursor, i: number, from: Point): { last: number; year: number } | null {
  const t = c.at(i);
  if (t === undefined || t.kind !== 'num' || t.text.length !== 2 || from.year === undefined || from.bc || from.month !== undefined) return null;
  const century = Math.floor(from.year / 100) * 100;
  let year = century + t.value;
  if (year <= from.year) year += 100;
  if (year - from.year > 30) return null;
  const a = c.adjacent(i);
  if (a >= 0 && (c.at(a)!.kind === 'word' || c.at(a)!.kind === 'num')) return null;
  return { last: i, year };
}

function isCalendarPoint(p: Point): boolean {
  return p.year !== undefined || p.month !== undefined || p.decade !== undefined || p.century !== undefined || p.season !== undefined || p.day !== undefined;
}

/** Same kind of point on both sides of "and"/"or" (two years, two months, two full dates). */
function sameShape(a: Point, b: Point): boolean {
  const shape = (p: Point) => `${p.day !== undefined}${p.month !== undefined}${p.season !== undefined}${p.decade !== undefined}${p.century !== undefined}`;
  return shape(a) === shape(b);
}

/** A range ("to", dashes, "between … and") or a coordinated list ("and" = all of, "or" = one of). */
function compound(first: number, last: number, kind: 'range' | 'and' | 'or', from: Point, to: Point, parts: Span2[]): Match {
  const expr: Expr = kind === 'range' ? { kind: 'range', from, to, parts } : { kind: 'list', items: [from, to], all: kind === 'and', parts };
  return { first, last, expr };
}

/**
 * A calendar expression at i: a point, or a range or list of points, with its range word
 * ("between", "from") when there is one.
 */
export function readCalendar(c: Cursor, i: number, bcNarrative: boolean): Match | null {
  let start = i;
  const w0 = c.word(i);
  const rangeWord = w0 === 'between' ? 'between' : w0 === 'from' ? 'from' : null;
  if (rangeWord) start = c.next(i);
  if (start < 0) return null;
  const first = rangeWord ? i : start;
  /** "between … and" makes a range whatever the connector says */
  const kindOf = (conn: { kind: 'range' | 'and' | 'or' }) => (rangeWord === 'between' ? 'range' : conn.kind);

  // A bare day before a connector: "1-7 March 1973", "from 15 to 22 February", "the 28 and 29 August".
  const dayAt = c.isWord(start, 'the') && readDay(c, c.next(start)) ? c.next(start) : start;
  const bareDay = readDay(c, dayAt);
  if (bareDay) {
    const conn = connectorAt(c, c.next(bareDay.last));
    if (conn && !(rangeWord === 'between' && conn.kind !== 'and') && !(rangeWord === 'from' && conn.kind !== 'range')) {
      const b = readPoint(c, c.next(conn.last), bcNarrative);
      if (b && b.point.day !== undefined && b.point.month !== undefined && b.first === c.next(conn.last) && b.point.mod === undefined) {
        const from: Point = { ...b.point, day: bareDay.day };
        return compound(first, b.last, kindOf(conn), from, b.point, [[start, bareDay.last], [b.first, b.last]]);
      }
    }
  }

  // A short number whose era comes after the second end: "499-493 BC", "264 to 241 BC".
  const shortFirst = readBareNumberYear(c, start);
  if (shortFirst && !readYear(c, start, false)) {
    const conn = connectorAt(c, c.next(shortFirst.last));
    if (conn && conn.kind !== 'or') {
      const b = readPoint(c, c.next(conn.last), bcNarrative);
      if (b && b.first === c.next(conn.last) && b.point.bc && b.point.year !== undefined && b.point.month === undefined && b.point.season === undefined && shortFirst.year > b.point.year) {
        const from: Point = { year: shortFirst.year, bc: true };
        return compound(first, b.last, kindOf(conn), from, b.point, [[start, shortFirst.last], [b.first, b.last]]);
      }
    }
  }

  const a = readPoint(c, start, bcNarrative);
  if (!a) return null;
  const single: Match = { first: a.first, last: a.last, expr: { kind: 'point', point: a.point } };
  const connIdx = c.next(a.last);
  const conn = connIdx >= 0 ? connectorAt(c, connIdx) : null;
  if (!conn) return single;
  if (rangeWord === 'between' && conn.kind !== 'and') return single;
  if (rangeWord === 'from' && conn.kind !== 'range') return single;
  const from0 = rangeWord ? i : a.first;
  const bStart = c.next(conn.last);
  if (bStart < 0) return single;

  // "April 6–13", "March 5-9, 1918", "May 4 and 5"
  if (a.point.day !== undefined && a.point.month !== undefined && a.point.year === undefined) {
    const d = readDay(c, bStart);
    if (d && MONTHS.get(c.word(c.next(d.last))) === undefined) {
      let last = d.last;
      const to: Point = { month: a.point.month, day: d.day };
      let from: Point = { ...a.point };
      let y = c.next(d.last);
      if (y >= 0 && c.isPunct(y, ',')) y = c.next(y);
      const yr = y >= 0 ? readYear(c, y, false) : null;
      if (yr) {
        to.year = yr.year;
        if (yr.bc) to.bc = true;
        last = yr.last;
        from = completeFrom(from, to);
      } else {
        from.anaphor = 'year';
        to.anaphor = 'year';
      }
      if (to.day! <= from.day! && conn.kind === 'range') return single;
      return compound(from0, last, kindOf(conn), from, to, [[a.first, a.last], [bStart, last]]);
    }
  }
  // "1915-17"
  if (conn.kind === 'range' && (DASHES.has(c.at(conn.last)!.text) || c.isPunct(conn.last, '/'))) {
    const sy = shortYearAfter(c, bStart, a.point);
    if (sy) return compound(from0, sy.last, 'range', a.point, { year: sy.year }, [[a.first, a.last], [bStart, sy.last]]);
  }
  const b = readPoint(c, bStart, bcNarrative);
  if (!b || b.first !== bStart || !isCalendarPoint(b.point)) return single;
  if (conn.kind !== 'range' && !sameShape(a.point, b.point)) {
    // "1957 and 1958" yes; "May and 1958" no. Let "April and June 1955" through (month + month-year).
    const monthThenMonthYear = a.point.month !== undefined && a.point.year === undefined && b.point.month !== undefined && a.point.day === undefined && b.point.day === undefined;
    if (!monthThenMonthYear) return single;
  }
  const from = completeFrom(a.point, b.point);
  if (from.year !== undefined && from.anaphor === 'year') delete from.anaphor;
  return compound(from0, b.last, kindOf(conn), from, b.point, [[a.first, a.last], [b.first, b.last]]);
}

/** A short number right before an era, seen from the range reader: "499" in "499-493 BC". */
function readBareNumberYear(c: Cursor, i: number): { last: number; year: number } | null {
  const t = c.at(i);
  if (t === undefined || t.kind !== 'num' || t.value < 0 || t.text.length > 4) return null;
  return { last: i, year: t.value };
}
