// Narrative time: the date the story is at, carried from mention to mention. A bare "June"
// takes its year from it, "the next day" moves it by a day. Resolved against the story, never
// against today.

import { Cue } from './clause';
import type { Unit } from './lexicon';
import type { Point } from './model';
import { astronomicalYear, daysInMonth } from './normalise';

/** The narrative time: a point with at least a year, and the mention that set it. */
export interface NarrativeTime {
  /** Astronomical year. */
  year: number;
  month?: number;
  day?: number;
  /** True when this time was itself inferred (then it is not trusted for the year roll-over). */
  inferred?: boolean;
  /**
   * The month was kept from a finer mention in an earlier sentence by a coarser one ("in November
   * 2008. … in the second half of 2008"): a summary, too loose for the year roll-over.
   */
  kept?: boolean;
  /** Sentence number of the mention (see clause.ts Layout). */
  sentence?: number;
  /** A bare year in mid-sentence: if far from the story's month-precise time, an aside. */
  aside?: boolean;
  mentionIndex: number;
}

/**
 * A bare month at least this many months before an explicitly dated narrative month is read as
 * the next year's ("On December 7, 1941 … In January" → January 1942).
 */
const ROLLOVER_GAP = 5;

/**
 * A bare year this far from a month-precise narrative, in mid-sentence, is an aside ("the first
 * since 1614", "a 2005 study") and does not move the story; "In 1920, …" at a sentence start does.
 */
const ASIDE_YEARS = 3;

/** An explicit month in mid-sentence at least this many months before a month-precise story is a flashback. */
const MID_BACK_MONTHS = 3;

export interface Resolved {
  point: Point;
  /** True when some part came from the narrative time. */
  inferred: boolean;
  /** False when the narrative did not have the parts the expression needed. */
  ok: boolean;
}

/** Where each season stands in its year; winter is named by the year it ends in (1915-WI ≈ January 1915). */
const SEASON_START: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, WI: 1 };

function fromAstronomical(y: number): { year: number; bc?: boolean } {
  return y <= 0 ? { year: 1 - y, bc: true } : { year: y };
}

/** Adds n days/weeks/months/years to a narrative time (astronomical years). */
function shiftTime(t: NarrativeTime, unit: Unit, n: number): NarrativeTime | null {
  switch (unit) {
    case 'year':
      return { ...t, year: t.year + n };
    case 'decade':
      return { ...t, year: t.year + 10 * n };
    case 'century':
      return { ...t, year: t.year + 100 * n };
    case 'month': {
      if (t.month === undefined) return null;
      const m0 = t.year * 12 + (t.month - 1) + n;
      return { ...t, year: Math.floor(m0 / 12), month: (((m0 % 12) + 12) % 12) + 1 };
    }
    case 'week':
    case 'day': {
      if (t.month === undefined || t.day === undefined) return null;
      const days = unit === 'week' ? 7 * n : n;
      // proleptic Gregorian arithmetic through a UTC date (setUTCFullYear handles years < 100)
      const d = new Date(Date.UTC(2000, 0, 1));
      d.setUTCFullYear(t.year, t.month - 1, t.day + days);
      return { ...t, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
    default:
      return null;
  }
}

/** Fills a point's missing parts from the narrative time. */
export function resolvePoint(p: Point, now: NarrativeTime | null): Resolved {
  if (p.unknown) return { point: p, inferred: false, ok: false };
  if (p.anyYear) return { point: p, inferred: false, ok: true };
  if (p.sameTime && p.anaphor === 'day' && now?.day === undefined) return { point: p, inferred: false, ok: false };
  if (p.twoDigitYear !== undefined) {
    // "'99" in a 1917 story is 1899: the latest such year not far after the narrative year
    if (now === null || now.year < 100) return { point: p, inferred: false, ok: false };
    let year = Math.floor(now.year / 100) * 100 + p.twoDigitYear;
    if (year > now.year + 10) year -= 100;
    const out: Point = { ...p, year };
    delete out.twoDigitYear;
    return { point: out, inferred: true, ok: true };
  }
  const hasYear = p.year !== undefined || p.decade !== undefined || p.century !== undefined;
  if (hasYear && p.anaphor === undefined) return { point: p, inferred: false, ok: true };
  if (now === null) return { point: p, inferred: false, ok: false };
  const anaphor = p.anaphor === 'now' ? (now.day !== undefined ? 'day' : now.month !== undefined ? 'month' : 'year') : p.anaphor ?? 'year';
  let t: NarrativeTime | null = now;
  if (p.shift) t = shiftTime(now, p.shift.unit, p.shift.n);
  if (t === null && p.shift?.unit === 'day' && Math.abs(p.shift.n) < 28 && !p.unknown) {
    // "four days later" in a story dated only to the month or year: some day of that year (1915-XX-XX)
    return { point: { ...fromAstronomical(now.year), someDay: true, ...(p.mod ? { mod: p.mod } : {}) }, inferred: true, ok: true };
  }
  if (t === null) return { point: p, inferred: false, ok: false };
  const out: Point = { ...p };
  // "the final day of the battle" in a story dated to the day is that day; else some day of it
  if (anaphor === 'day') delete out.someDay;
  delete out.anaphor;
  delete out.sameTime;
  delete out.shift;
  delete out.direction;
  if (p.shift && (p.shift.unit === 'decade' || p.shift.unit === 'century')) {
    const y = fromAstronomical(t.year);
    if (p.shift.unit === 'decade') out.decade = Math.floor(y.year / 10);
    else out.century = Math.floor(y.year / 100);
    if (y.bc) out.bc = true;
    return { point: out, inferred: true, ok: true };
  }
  let year = t.year;
  if (p.direction !== undefined) {
    // "the previous April" / "next summer": the nearest such month before or after the narrative time
    const m = p.month ?? SEASON_START[p.season ?? ''] ?? 1;
    const nowMonth = t.month ?? (p.direction > 0 ? 12 : 1);
    if (p.direction < 0 && m >= nowMonth) year -= 1;
    if (p.direction > 0 && m <= nowMonth) year += 1;
  }
  else if (p.shift === undefined && anaphor === 'year' && p.month !== undefined && !t.inferred && !t.kept && t.month !== undefined && t.month - p.month >= ROLLOVER_GAP) {
    year += 1;
  } else if (p.season === 'WI' && p.shift === undefined && t.month !== undefined && t.month >= 9) {
    // a winter after the autumn is the one that ends in the next year (TIMEX2: 1915-WI is winter 1914/15)
    year += 1;
  }
  Object.assign(out, fromAstronomical(year));
  if (out.bc === undefined) delete out.bc;
  // "the same day" in a story dated only to the month or year: some day of it (1980-09-XX)
  const someDay = anaphor === 'day' && !p.shift && t.day === undefined;
  if (anaphor === 'month' || anaphor === 'day') {
    if (t.month === undefined && !someDay) return { point: p, inferred: false, ok: false };
    if (t.month !== undefined) out.month = t.month;
  }
  if (anaphor === 'day') {
    if (someDay) out.someDay = true;
    else if (t.day === undefined) return { point: p, inferred: false, ok: false };
    else out.day = t.day;
  }
  return { point: out, inferred: true, ok: true };
}

/**
 * The narrative time a resolved point sets, or null when it is too coarse to move the story. Made
 * with every field, in one order: the times of a text then share one shape, and so do the copies
 * the narrative pass makes of them with a field changed ({ ...t, sentence }). With fields added as
 * found, each copy of a time of another shape took V8's slow path: most of the pass's time.
 */
export function timeOf(p: Point, mentionIndex: number): NarrativeTime | null {
  if (p.year === undefined) return null;
  const year = astronomicalYear(p);
  const month = p.month ?? (p.season === undefined ? undefined : SEASON_START[p.season]);
  const day = p.month !== undefined && p.day !== undefined && p.day <= daysInMonth(year, p.month) ? p.day : undefined;
  return { year, month, day, inferred: undefined, kept: undefined, sentence: undefined, aside: p.midSentence ? true : undefined, mentionIndex };
}

/**
 * Whether an explicit date the clause marks as looking ahead or back (see clause.ts) leaves the
 * narrative where it is: a target or plan after the story's time ("a campaign planned for 1976"),
 * a flashback before it ("forces that had invaded Burma in late 1943"), an aside in parentheses
 * in another year, a month in mid-sentence before the story's month ("… under the council created
 * on 5 November 1917"). Only a story dated at least to the month is held, except that a year after
 * "since" never moves the story back ("part of the empire since 513 BC").
 */
export function heldBy(now: NarrativeTime | null, t: NarrativeTime, cue: Cue): boolean {
  if (now === null || cue === Cue.None) return false;
  if (cue & Cue.Since && t.year < now.year) return true;
  if (now.month === undefined) return false;
  const dir = t.year !== now.year ? Math.sign(t.year - now.year) : t.month === undefined ? 0 : Math.sign(t.month - now.month);
  if (cue & Cue.Ahead && dir > 0) return true;
  if (cue & Cue.Back && dir < 0) return true;
  if (cue & Cue.Paren && t.year !== now.year) return true;
  if (cue & Cue.Mid && t.month !== undefined && dir < 0 && (now.year - t.year) * 12 + now.month - t.month >= MID_BACK_MONTHS) return true;
  return false;
}

/**
 * Moves the narrative to a new time. A coarser mention that agrees with the current time
 * ("22 September 1980 … in September 1980 … the next day") keeps the finer parts.
 */
export function advance(now: NarrativeTime | null, t: NarrativeTime): NarrativeTime {
  if (now !== null && t.aside && t.month === undefined && now.month !== undefined && Math.abs(t.year - now.year) >= ASIDE_YEARS) return now;
  if (now === null || now.year !== t.year || t.day !== undefined) return t;
  if (t.month === undefined) {
    const kept = now.month !== undefined && (now.kept || now.sentence !== t.sentence);
    return { ...t, month: now.month, day: now.day, kept };
  }
  if (t.month === now.month) return { ...t, day: now.day };
  return t;
}
