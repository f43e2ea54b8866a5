// What the grammar recognises, before the narrative fills in missing parts.

import type { DateModifier } from '../types';
import type { Season, Unit } from './lexicon';

/**
 * A calendar point, possibly incomplete. Years are historical (490 BC is year 490 with bc),
 * converted to astronomical numbering only when normalised.
 */
export interface Point {
  year?: number;
  bc?: boolean;
  month?: number;
  day?: number;
  season?: Season;
  /** First or second half of a year ("the second half of 2008" → 2008-H2). */
  half?: 1 | 2;
  /** Decade as its first three digits: 199 for the 1990s. */
  decade?: number;
  /** Century as its first two digits: 18 for the 19th century. */
  century?: number;
  mod?: DateModifier;
  approx?: boolean;
  /**
   * Parts to take from the narrative time instead of the text ("that year" → year,
   * "the same day" → day, "now" → whatever the narrative time has) and a shift to apply
   * ("the next day" → +1 day).
   */
  anaphor?: 'year' | 'month' | 'day' | 'now';
  /** A day of the (resolved) month or year that the text does not give: EDTF 1980-09-XX. */
  someDay?: boolean;
  shift?: { unit: Unit; n: number };
  /** A named month or season relative to the narrative ("the previous April", "next summer"). */
  direction?: -1 | 1;
  /** A year written with two digits ("'99"); the century comes from the narrative. */
  twoDigitYear?: number;
  /**
   * Named in passing, never moves the story: a bare year in parentheses ("(1790)", "Alexander
   * (2003)"), a season qualifying a noun ("winter quarters").
   */
  aside?: boolean;
  /** Counted from a named event ("two days after the KPA invaded"), not from the story's time. */
  event?: boolean;
  /** "the same time", "during this time": the day just named, if any; else no knowable value. */
  sameTime?: boolean;
  /** A season of no year in particular ("winter quarters"): never placed from the narrative. */
  anyYear?: boolean;
  /** A bare year in mid-sentence (not "In 1920, …" opening a sentence or a heading). */
  midSentence?: boolean;
  /** Set when the grammar could not read a part it needed (value unknown). */
  unknown?: boolean;
}

/** First and last token of one end of a range or one item of a list. */
export type Span2 = [number, number];

export type Expr =
  | { kind: 'point'; point: Point }
  | { kind: 'range'; from: Point; to: Point; parts?: Span2[] }
  | { kind: 'list'; items: Point[]; all: boolean; parts?: Span2[] }
  /** ISO duration such as P3Y, PXD (X = unknown amount), P2.5Y. */
  /** `frame`: the dated span it measures part of ("the first ten months of 1915" → 1915), which moves the story there. */
  | { kind: 'duration'; value: string; mod?: DateModifier; frame?: Point }
  /** TIMEX2 tokens: PRESENT_REF, PAST_REF, FUTURE_REF. */
  | { kind: 'ref'; value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  /** Recurring times ("daily", "per month"): TIMEX2 value, type SET. */
  | { kind: 'set'; value: string }
  /** A part of a day, on a date if one is given ("the night of 20 June 1791"). */
  | { kind: 'time'; point: Point | null; part: 'NI' | 'MO' | 'AF' | 'EV' | 'DT' }
  /** A clock time on the narrative day ("at 10:57"). */
  | { kind: 'clock'; hour: number; minute: number; day?: Point }
  /** A time expression whose value cannot be known ("this period", "the same time"). */
  | { kind: 'vague' };

/**
 * The longer of two candidate matches (by last token; on a tie, the one found first). Readers try
 * their alternatives in priority order through it, without building an array per token.
 */
export function longer<M extends { last: number }>(best: M | null, m: M | null): M | null {
  return m !== null && (best === null || m.last > best.last) ? m : best;
}

/** A recognised expression with its token span (inclusive indices). */
export interface Match {
  first: number;
  last: number;
  expr: Expr;
}
