// Places a recognised expression in time: fills its missing parts from the narrative time and
// normalises it to an EDTF value, a precision and ISO bounds.

import type { TimexType } from '../types';
import type { Expr, Point } from './model';
import { advance, resolvePoint, timeOf, type NarrativeTime } from './narrative';
import { normaliseList, normalisePoint, normaliseRange, type Normalised } from './normalise';

export interface Placed {
  norm: Normalised;
  /** Each end of a range or item of a list, normalised on its own (for the split extent style). */
  parts?: Normalised[];
  type: TimexType;
  inferred: boolean;
  /** Index of the mention whose narrative time filled a part in. */
  anchor?: number;
  /** The narrative time this mention sets, if any. */
  sets?: Point;
}

const UNKNOWN_POINT: Normalised = { edtf: null, precision: 'day', earliest: null, latest: null };

/** Resolves one expression against the narrative time. */
export function place(e: Expr, now: NarrativeTime | null): Placed {
  switch (e.kind) {
    case 'point': {
      const r = resolvePoint(e.point, now);
      if (!r.ok) return { norm: { ...UNKNOWN_POINT, precision: precisionGuess(e.point) }, type: 'DATE', inferred: false };
      return { norm: normalisePoint(r.point), type: 'DATE', inferred: r.inferred, anchor: r.inferred ? now?.mentionIndex : undefined, sets: r.point };
    }
    case 'range': {
      const a = resolvePoint(e.from, now);
      // the second end borrows from the first ("from October to March")
      let to = e.to;
      if (a.ok && to.year === undefined && to.decade === undefined && to.century === undefined && a.point.year !== undefined) {
        to = { ...to, year: a.point.year, bc: a.point.bc };
        delete to.anaphor;
        if (endsInNextYear(a.point, to)) to.year = a.point.bc ? a.point.year - 1 : a.point.year + 1;
        if (!to.bc) delete to.bc;
      }
      const b = resolvePoint(to, now);
      if (!a.ok || !b.ok) return { norm: { ...UNKNOWN_POINT, precision: 'interval' }, type: 'DATE', inferred: false };
      const inferred = a.inferred || b.inferred;
      return {
        norm: normaliseRange(a.point, b.point), parts: [normalisePoint(a.point), normalisePoint(b.point)],
        type: 'DATE', inferred, anchor: inferred ? now?.mentionIndex : undefined, sets: a.point,
      };
    }
    case 'list': {
      // each item after the first is read against the one before ("the fall and winter": the winter after that fall)
      let local = now;
      const rs = e.items.map((p) => {
        const r = resolvePoint(p, local);
        const t = r.ok && r.inferred && local !== null ? timeOf(r.point, local.mentionIndex) : null;
        if (t !== null && local !== null) local = { ...advance(local, t), inferred: local.inferred, kept: local.kept };
        return r;
      });
      if (rs.some((r) => !r.ok)) return { norm: { ...UNKNOWN_POINT, precision: precisionGuess(e.items[0]) }, type: 'DATE', inferred: false };
      const inferred = rs.some((r) => r.inferred);
      return {
        norm: normaliseList(rs.map((r) => r.point), e.all), parts: rs.map((r) => normalisePoint(r.point)),
        type: 'DATE', inferred, anchor: inferred ? now?.mentionIndex : undefined, sets: rs[rs.length - 1].point,
      };
    }
    case 'duration':
      return { norm: { edtf: e.value, precision: precisionOfDuration(e.value), earliest: null, latest: null }, type: 'DURATION', inferred: false, sets: e.frame };
    case 'set':
      return { norm: { edtf: e.value, precision: 'set', earliest: null, latest: null }, type: 'SET', inferred: false };
    case 'ref':
      // TIMEX2 token (PRESENT_REF, PAST_REF, FUTURE_REF) as in the gold; not EDTF, never placed on the timeline.
      return { norm: { edtf: e.value, precision: 'day', earliest: null, latest: null }, type: 'DATE', inferred: false };
    case 'time': {
      if (e.point === null) return { norm: { edtf: `XXXX-XX-XXT${e.part}`, precision: 'day', earliest: null, latest: null }, type: 'TIME', inferred: false };
      const r = resolvePoint(e.point, now);
      if (!r.ok || r.point.day === undefined) return { norm: { ...UNKNOWN_POINT }, type: 'TIME', inferred: false };
      const n = normalisePoint(r.point);
      // TIMEX2 part-of-day suffix (TNI = night); the bounds stay those of the day
      return { norm: { ...n, edtf: n.edtf === null ? null : `${n.edtf}T${e.part}` }, type: 'TIME', inferred: r.inferred, anchor: r.inferred ? now?.mentionIndex : undefined, sets: r.point };
    }
    case 'vague':
      return { norm: { ...UNKNOWN_POINT }, type: 'DATE', inferred: false };
    case 'clock': {
      // TIMEX2 time on the narrative day (1918-11-11T10:57), or on an unknown day
      const hhmm = `T${String(e.hour).padStart(2, '0')}:${String(e.minute).padStart(2, '0')}`;
      const r = resolvePoint(e.day ?? { anaphor: 'day' }, now);
      const day = r.ok ? normalisePoint(r.point) : null;
      if (day === null || day.edtf === null) return { norm: { edtf: `XXXX-XX-XX${hhmm}`, precision: 'day', earliest: null, latest: null }, type: 'TIME', inferred: false };
      return { norm: { ...day, edtf: day.edtf + hhmm }, type: 'TIME', inferred: r.inferred, anchor: r.inferred ? now?.mentionIndex : undefined };
    }
  }
}

/**
 * Whether the second end of a range, given no year, falls in the year after the first end's: an
 * earlier month ("from October to March"), or a winter after any other season or after February
 * ("the summer-winter campaign": a winter is named by the year it ends in, 1921-WI for 1920/21).
 */
function endsInNextYear(from: Point, to: Point): boolean {
  if (to.month !== undefined) return from.month !== undefined && to.month < from.month;
  if (to.season !== 'WI') return false;
  return (from.season !== undefined && from.season !== 'WI') || (from.month !== undefined && from.month >= 3);
}

function precisionGuess(p: Point): Normalised['precision'] {
  if (p.day !== undefined || p.anaphor === 'day') return 'day';
  if (p.month !== undefined || p.anaphor === 'month') return 'month';
  if (p.season !== undefined) return 'season';
  return 'year';
}

function precisionOfDuration(v: string): Normalised['precision'] {
  if (/(Y|DE|CE)$/.test(v)) return 'year';
  if (v.endsWith('M') && !v.startsWith('PT')) return 'month';
  return 'day';
}

