// The list beside the axis: group headings (decade or year), gap markers and event cards, with
// fixed heights per kind so that only the visible rows need to exist (windowing). Pure.

import { partitionPoint } from '../core/partitionPoint';
import { gapLabel, yearLabel } from './axis';
import type { EventView, Grouping } from './protocol';

export type Row =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'gap'; from: number; to: number; label: string }
  | { kind: 'event'; event: EventView; /** position among the shown events */ index: number };

export const ROW_HEIGHT: Record<Row['kind'], number> = { group: 28, gap: 26, event: 96 };

/** The group an event falls in, by the year it starts (see groupNumber for how decades are bucketed). */
export function groupOf(from: number, grouping: Grouping): { key: string; label: string } | undefined {
  const n = groupNumber(from, grouping);
  return n === undefined ? undefined : groupNamed(n, grouping);
}

/**
 * The group of a year, as a number that grows with time; undefined when ungrouped. By year: the
 * astronomical year (0 is 1 BC). By decade, decades as historians write them, which differ on the
 * two sides of the epoch because there is no year 0:
 * - AD: the decade of year y is y rounded down to ten, named "1950s", the first AD one "0s"
 *   (AD 1–9); its number is that round year (0, 10, …, 1950).
 * - BC: the decade of year b BC is b rounded down to ten, counted backwards: the "490s BC" are
 *   499–490 BC (astronomical −498…−489), the "0s BC" 9–1 BC (astronomical −8…0). Its number is
 *   its earliest year in astronomical numbering (−498 for the 490s BC, −8 for the 0s BC), so that
 *   groups still sort in time order and never collide with an AD decade (those are ≥ 0).
 * Years are bucketed by where an event starts (`from`), in the same astronomical years the axis uses.
 */
function groupNumber(from: number, grouping: Grouping): number | undefined {
  const year = Math.floor(from + 1e-9); // astronomical: 0 is 1 BC, −489 is 490 BC
  if (grouping === 'year') return year;
  if (grouping === 'decade') {
    if (year >= 1) return Math.floor(year / 10) * 10;
    const bc = Math.floor((1 - year) / 10) * 10; // 490 for 499…490 BC, 0 for 9…1 BC
    return 1 - (bc + 9); // the decade's earliest year, astronomical
  }
  return undefined;
}

function groupNamed(n: number, grouping: Grouping): { key: string; label: string } {
  if (grouping === 'year') return { key: `y${n}`, label: yearLabel(n) };
  // n < 0: a BC decade numbered by its earliest year (see groupNumber): -498 is the 490s BC.
  return { key: `d${n}`, label: n >= 0 ? `${n}s` : `${1 - n - 9}s BC` };
}

/**
 * Rows for the shown events (in time order): a heading where a group starts, a gap marker where
 * more than `gapAt` years pass without an event, then the cards. Runs on every filter change over
 * up to all the events: groups are compared as numbers, named only where one starts.
 */
export function buildRows(events: readonly EventView[], grouping: Grouping, gapAt: number): Row[] {
  const rows: Row[] = [];
  const counts = new Map<number, number>();
  if (grouping !== 'none') {
    for (const e of events) {
      const n = groupNumber(e.from, grouping)!;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  let last: number | undefined;
  let reach = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (index > 0 && gapAt > 0 && event.from - reach > gapAt) {
      rows.push({ kind: 'gap', from: reach, to: event.from, label: `${gapLabel(event.from - reach)} without events` });
    }
    const n = groupNumber(event.from, grouping);
    if (n !== undefined && n !== last) {
      const group = groupNamed(n, grouping);
      rows.push({ kind: 'group', key: group.key, label: group.label, count: counts.get(n) ?? 0 });
      last = n;
    }
    rows.push({ kind: 'event', event, index });
    reach = Math.max(reach, event.to);
  }
  return rows;
}

/** Top offset of every row, plus the total height at the end. */
export function rowOffsets(rows: readonly Row[]): Float64Array {
  const offsets = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + ROW_HEIGHT[rows[i].kind];
  return offsets;
}

/** Index of the row at pixel `y`. */
export function rowAt(offsets: Float64Array, y: number): number {
  const rows = offsets.length - 1;
  if (rows < 1) return -1;
  // The last row starting at or above `y` (the first when `y` is above them all).
  return Math.max(0, partitionPoint(0, rows, (i) => offsets[i] <= y) - 1);
}

/** The rows [first, last) that intersect the viewport, plus `overscan` rows either side. */
export function visibleRows(offsets: Float64Array, scrollTop: number, height: number, overscan = 4): [number, number] {
  const n = offsets.length - 1;
  if (n <= 0) return [0, 0];
  const first = Math.max(0, rowAt(offsets, scrollTop) - overscan);
  const last = Math.min(n, rowAt(offsets, scrollTop + height) + 1 + overscan);
  return [first, last];
}
