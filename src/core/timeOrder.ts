// Positions on the time axis for the ISO calendar bounds of dates.

const ZERO = 48;
const MINUS = 45;

/** The digit at `i` (0–9), or -1 for anything else, the end of the string included. */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The two-digit number after a '-' at `i` ("-07" is 7), or -1 when `i` holds no such part. */
function partAt(s: string, i: number): number {
  if (s.charCodeAt(i) !== MINUS) return -1;
  const tens = digitAt(s, i + 1);
  const units = digitAt(s, i + 2);
  return tens < 0 || units < 0 ? -1 : tens * 10 + units;
}

/**
 * A fractional year for an ISO date (astronomical years, so BCE sorts first and -0489 is 490 BC):
 * monotonic in the calendar, so it serves both for sorting and as a coordinate on the time axis.
 * A missing month or day takes the first one, or the last one with `asEnd`. Reads a prefix, as
 * /^(-?\d{1,6})(?:-(\d{2}))?(?:-(\d{2}))?/ would, without the regular expression: every index
 * places each event again, and the match arrays were most of that cost.
 */
export function isoToYear(iso: string, asEnd = false): number {
  const from = iso.charCodeAt(0) === MINUS ? 1 : 0;
  let i = from;
  let year = 0;
  for (let d = digitAt(iso, i); d >= 0 && i < from + 6; d = digitAt(iso, ++i)) year = year * 10 + d;
  if (i === from) return Number.NaN;
  if (from === 1) year = -year; // -0 for "-0", as Number("-0") gives
  const m = partAt(iso, i);
  const d = m < 0 ? -1 : partAt(iso, i + 3);
  const month = m >= 0 ? m : asEnd ? 12 : 1;
  const day = d >= 0 ? d : asEnd ? 31 : 1;
  return year + (month - 1) / 12 + (day - 1) / (12 * 31);
}
