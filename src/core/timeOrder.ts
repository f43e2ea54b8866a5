// Positions on the time axis for the ISO calendar bounds of dates.

const ISO_DATE = /^(-?\d{1,6})(?:-(\d{2}))?(?:-(\d{2}))?/;

/**
 * A fractional year for an ISO date (astronomical years, so BCE sorts first and -0489 is 490 BC):
 * monotonic in the calendar, so it serves both for sorting and as a coordinate on the time axis.
 * A missing month or day takes the first one, or the last one with `asEnd`.
 */
export function isoToYear(iso: string, asEnd = false): number {
  const m = ISO_DATE.exec(iso);
  if (!m) return Number.NaN;
  const month = m[2] ? Number(m[2]) : asEnd ? 12 : 1;
  const day = m[3] ? Number(m[3]) : asEnd ? 31 : 1;
  return Number(m[1]) + (month - 1) / 12 + (day - 1) / (12 * 31);
}
