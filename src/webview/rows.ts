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
  const year = Math.floor(from + 1e-9);
  if (grouping === 'year') return { key: `y${year}`, label: yearLabel(year) };
  if (grouping === 'decade') {
    const decade = Math.floor(year / 10) * 10;
    return { key: `d${decade}`, label: decade > 0 ? `${decade}s` : `${yearLabel(decade)}s` };
  }
  return undefined;
}

/**
 * Rows for the shown events (in time order): a heading where a group starts, a gap marker where
 * more than `gapAt` years pass without an event, then the cards.
 */
export function buildRows(events: readonly EventView[], grouping: Grouping, gapAt: number): Row[] {
  const rows: Row[] = [];
  const counts = new Map<string, number>();
  if (grouping !== 'none') {
    for (const e of events) {
      const key = groupOf(e.from, grouping)!.key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let lastKey: string | undefined;
  let reach = Number.NEGATIVE_INFINITY;
  events.forEach((event, index) => {
    if (index > 0 && gapAt > 0 && event.from - reach > gapAt) {
      rows.push({ kind: 'gap', from: reach, to: event.from, label: `${gapLabel(event.from - reach)} without events` });
    }
    const group = groupOf(event.from, grouping);
    if (group && group.key !== lastKey) {
      rows.push({ kind: 'group', key: group.key, label: group.label, count: counts.get(group.key) ?? 0 });
      lastKey = group.key;
    }
    rows.push({ kind: 'event', event, index });
    reach = Math.max(reach, event.to);
  });
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
