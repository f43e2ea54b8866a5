// The list beside the axis: group headings (decade or year), gap markers and event cards, with
// fixed heights per kind so that only the visible rows need to exist (windowing). Pure.

import { gapLabel, yearLabel } from './axis';
import type { EventView, Grouping } from './protocol';

export type Row =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'gap'; from: number; to: number; label: string }
  | { kind: 'event'; event: EventView; /** position among the shown events */ index: number };

export const ROW_HEIGHT: Record<Row['kind'], number> = { group: 28, gap: 26, event: 96 };

/** The group an event falls in, by the year it starts. */
export function groupOf(from: number, grouping: Grouping): { key: string; label: string } | undefined {
  const n = groupNumber(from, grouping);
  return n === undefined ? undefined : groupNamed(n, grouping);
}

/** The year or decade (its first year) of a group; undefined when ungrouped. */
function groupNumber(from: number, grouping: Grouping): number | undefined {
  const year = Math.floor(from + 1e-9);
  if (grouping === 'year') return year;
  if (grouping === 'decade') return Math.floor(year / 10) * 10;
  return undefined;
}

function groupNamed(n: number, grouping: Grouping): { key: string; label: string } {
  if (grouping === 'year') return { key: `y${n}`, label: yearLabel(n) };
  return { key: `d${n}`, label: n > 0 ? `${n}s` : `${yearLabel(n)}s` };
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
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The rows [first, last) that intersect the viewport, plus `overscan` rows either side. */
export function visibleRows(offsets: Float64Array, scrollTop: number, height: number, overscan = 4): [number, number] {
  const n = offsets.length - 1;
  if (n <= 0) return [0, 0];
  const first = Math.max(0, rowAt(offsets, scrollTop) - overscan);
  const last = Math.min(n, rowAt(offsets, scrollTop + height) + 1 + overscan);
  return [first, last];
}
