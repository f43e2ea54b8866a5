// A time axis with long empty stretches compressed: distances are proportional to time inside
// the stretches that have events, and every long gap shrinks to a fixed short "break". Pure.

import { partitionPoint } from '../core/partitionPoint';

export interface Interval {
  from: number;
  to: number;
}

/** A stretch drawn to scale: years [from, to] at display units [start, start + (to - from)]. */
export interface AxisSegment extends Interval {
  start: number;
}

/** A compressed gap between two segments: years [from, to] drawn in `length` display units. */
export interface AxisBreak extends Interval {
  start: number;
  length: number;
}

export interface TimeAxis {
  from: number;
  to: number;
  segments: AxisSegment[];
  breaks: AxisBreak[];
  /** Total length in display units (years, with breaks shrunk). */
  length: number;
  /** Gaps longer than this (years) were compressed. */
  threshold: number;
}

export interface AxisOptions {
  /** Compress gaps longer than this many years (default: an eighth of the span, at least a month). */
  breakAt?: number;
  /** Display length of a break, in years (default: a third of the threshold). */
  breakLength?: number;
}

const MIN_SPAN = 1 / 12;

/** Builds the axis over the intervals (any order). An empty list gives an empty axis at 0. */
export function buildAxis(intervals: readonly Interval[], options: AxisOptions = {}): TimeAxis {
  // The timeline's events come in time order with from ≤ to: then they are used as they are (the
  // axis is built for up to every event of a document, on the way to its first paint).
  let ready = true;
  for (let k = 0; k < intervals.length && ready; k++) {
    const i = intervals[k];
    ready = Number.isFinite(i.from) && Number.isFinite(i.to) && i.from <= i.to && (k === 0 || intervals[k - 1].from <= i.from);
  }
  const sorted: readonly Interval[] = ready
    ? intervals
    : intervals
        .filter((i) => Number.isFinite(i.from) && Number.isFinite(i.to))
        .map((i) => ({ from: Math.min(i.from, i.to), to: Math.max(i.from, i.to) }))
        .sort((a, b) => a.from - b.from);
  if (sorted.length === 0) return { from: 0, to: 0, segments: [], breaks: [], length: 0, threshold: 0 };
  let from = sorted[0].from;
  let to = sorted.reduce((m, i) => Math.max(m, i.to), from);
  if (to - from < MIN_SPAN) {
    const mid = (from + to) / 2;
    from = mid - MIN_SPAN / 2;
    to = mid + MIN_SPAN / 2;
  }
  const threshold = options.breakAt ?? Math.max((to - from) / 8, MIN_SPAN);
  const breakLength = options.breakLength ?? threshold / 3;

  // Merge into clusters separated by gaps longer than the threshold.
  const clusters: Interval[] = [];
  let current: Interval = { from, to: Math.max(sorted[0].to, from) };
  for (const i of sorted) {
    if (i.from - current.to > threshold) {
      clusters.push(current);
      current = { from: i.from, to: i.to };
    } else {
      current.to = Math.max(current.to, i.to);
    }
  }
  current.to = Math.max(current.to, Math.min(to, current.from + MIN_SPAN));
  clusters.push(current);

  const segments: AxisSegment[] = [];
  const breaks: AxisBreak[] = [];
  let unit = 0;
  clusters.forEach((c, k) => {
    if (k > 0) {
      const prev = clusters[k - 1];
      breaks.push({ from: prev.to, to: c.from, start: unit, length: breakLength });
      unit += breakLength;
    }
    segments.push({ from: c.from, to: c.to, start: unit });
    unit += c.to - c.from;
  });
  return { from, to: clusters[clusters.length - 1].to, segments, breaks, length: unit, threshold };
}

/** Display units of a moment: to scale inside segments, squeezed inside breaks; monotonic. */
export function toUnit(axis: TimeAxis, year: number): number {
  const { segments, breaks } = axis;
  if (segments.length === 0) return 0;
  if (year <= segments[0].from) return year - segments[0].from;
  // The last segment starting at or before `year` (the first does).
  const lo = partitionPoint(0, segments.length, (i) => segments[i].from <= year) - 1;
  const s = segments[lo];
  if (year <= s.to || lo === segments.length - 1) return s.start + (year - s.from);
  const b = breaks[lo];
  return b.start + ((year - b.from) / (b.to - b.from)) * b.length;
}

/** The moment at display units `unit` (the inverse of toUnit). */
export function fromUnit(axis: TimeAxis, unit: number): number {
  const { segments, breaks } = axis;
  if (segments.length === 0) return 0;
  for (let k = segments.length - 1; k >= 0; k--) {
    const s = segments[k];
    if (unit >= s.start) {
      if (unit <= s.start + (s.to - s.from) || k === segments.length - 1) return s.from + (unit - s.start);
      const b = breaks[k];
      return b.from + ((unit - b.start) / b.length) * (b.to - b.from);
    }
  }
  return segments[0].from + (unit - segments[0].start);
}

export interface Tick {
  year: number;
  unit: number;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STEPS = [1 / 12, 1 / 4, 1 / 2, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** A year as a reader writes it: astronomical 0 is 1 BC. */
export function yearLabel(year: number): string {
  return year <= 0 ? `${1 - year} BC` : String(year);
}

/** Round ticks in every segment, at least `minGap` display units apart. */
export function ticks(axis: TimeAxis, minGap: number): Tick[] {
  const step = STEPS.find((s) => s >= minGap) ?? STEPS[STEPS.length - 1];
  const out: Tick[] = [];
  for (const s of axis.segments) {
    const first = Math.ceil(s.from / step - 1e-9) * step;
    for (let k = 0; ; k++) {
      const y = first + k * step;
      if (y > s.to + 1e-9) break;
      const whole = Math.floor(y + 1e-9);
      const month = Math.round((y - whole) * 12);
      const label = step >= 1 ? yearLabel(whole) : month === 0 ? yearLabel(whole) : `${MONTHS[month]} ${yearLabel(whole)}`;
      out.push({ year: y, unit: toUnit(axis, y), label });
    }
  }
  // Every stretch drawn to scale starts with a label (the far side of a break, or the very first
  // event), even between round ticks.
  for (const seg of axis.segments) {
    const unit = seg.start;
    if (out.some((t) => Math.abs(t.unit - unit) < minGap)) continue;
    const whole = Math.floor(seg.from + 1e-9);
    const month = Math.floor((seg.from - whole) * 12 + 1e-9);
    out.push({ year: seg.from, unit, label: step < 1 && month > 0 ? `${MONTHS[month]} ${yearLabel(whole)}` : yearLabel(whole) });
  }
  return out.sort((a, b) => a.unit - b.unit);
}

/** Human length of a gap: "27 years", "5 months". */
export function gapLabel(years: number): string {
  if (years >= 1.5) return `${Math.round(years)} years`;
  const months = Math.max(1, Math.round(years * 12));
  return months === 1 ? '1 month' : `${months} months`;
}
