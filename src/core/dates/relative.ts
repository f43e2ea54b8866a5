// Recognises dates that only make sense against the narrative time: "the next day", "the
// following year", "later that month", "that summer", "the previous April", "twelve days later".
// They come out as points with an anaphor and a shift; narrative.ts fills them in.

import { readAnaphor } from './calendar';
import type { Cursor } from './cursor';
import { EVENT_PHRASE_MAX, MONTHS, ORDINAL_WORDS, SEASONS, UNITS } from './lexicon';
import { longer, type Match, type Point } from './model';
import { readDurationPrefix, readQuantity } from './quantities';

export const NEXT_WORDS: ReadonlyMap<string, 1 | -1> = new Map([
  ['next', 1], ['following', 1], ['subsequent', 1], ['previous', -1], ['preceding', -1], ['prior', -1],
]);

function pointMatch(first: number, last: number, point: Point): Match {
  return { first, last, expr: { kind: 'point', point } };
}

/** "the next day", "the following year", "next summer", "the previous April", "the same month". */
function readNextPrevious(c: Cursor, i: number): Match | null {
  let j = i;
  const the = c.isWord(j, 'the');
  if (the) j = c.next(j);
  if (j < 0) return null;
  const w = c.word(j);
  const dir = NEXT_WORDS.get(w);
  const k = c.next(j);
  if (k < 0) return null;
  const u = c.word(k);
  if (dir !== undefined) {
    if (!the && w !== 'next') return null;
    const unit = UNITS.get(u);
    if (unit === 'day' && u === 'day') return pointMatch(i, k, { anaphor: 'day', shift: { unit: 'day', n: dir } });
    if (unit === 'month' && u === 'month') return pointMatch(i, k, { anaphor: 'month', shift: { unit: 'month', n: dir } });
    if (unit === 'year' && u === 'year') return pointMatch(i, k, { anaphor: 'year', shift: { unit: 'year', n: dir } });
    if ((unit === 'decade' && u === 'decade') || (unit === 'century' && u === 'century')) {
      return pointMatch(i, k, { anaphor: 'year', shift: { unit, n: dir } });
    }
    const season = SEASONS.get(u);
    if (season !== undefined) return pointMatch(i, k, { season, anaphor: 'year', direction: dir });
    const month = MONTHS.get(u);
    if (month !== undefined && c.isCapitalised(k)) return pointMatch(i, k, { month, anaphor: 'year', direction: dir });
    return null;
  }
  // "the day following", "The day before," (not "the day before the battle": that is event-anchored)
  if (the && w === 'day' && (u === 'following' || u === 'after' || u === 'before')) {
    const n = c.next(k);
    if (n < 0 || c.at(n)!.kind === 'punct' || c.isWord(n, 'saw') || c.isWord(n, 'was')) {
      return pointMatch(i, k, { anaphor: 'day', shift: { unit: 'day', n: u === 'before' ? -1 : 1 } });
    }
  }
  return null;
}

/** "that year", "the same day", "that same day", "this year", "that month", "that summer". */
function readThat(c: Cursor, i: number): Match | null {
  const a = readAnaphor(c, i);
  if (a) return pointMatch(a.first, a.last, a.point);
  const w = c.word(i);
  if (w !== 'that' && w !== 'this') return null;
  let j = c.next(i);
  if (c.isWord(j, 'same')) j = c.next(j);
  const season = SEASONS.get(c.word(j));
  if (season !== undefined && c.word(j) !== 'fall') return pointMatch(i, j, { season, anaphor: 'year' });
  return null;
}

/** "later that month", "earlier that year", "later in the year", "later that same day". */
function readLaterThat(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w !== 'later' && w !== 'earlier') return null;
  const j = c.next(i);
  if (c.isWord(j, 'in')) {
    const k = c.next(j);
    if (c.isWord(k, 'the')) {
      const u = c.next(k);
      if (c.isWord(u, 'year')) return pointMatch(i, u, { anaphor: 'year' });
      if (c.isWord(u, 'month')) return pointMatch(i, u, { anaphor: 'month' });
    }
    return null;
  }
  const t = readThat(c, j);
  if (t && t.expr.kind === 'point') return { first: i, last: t.last, expr: t.expr };
  return null;
}

const AFTER_WORDS = new Set(['later', 'earlier', 'after', 'before', 'previously', 'ago', 'afterwards', 'afterward', 'prior']);

/** "twelve days later", "two years earlier", "a day later", "Two years before". */
function readCountedShift(c: Cursor, i: number): Match | null {
  // extent keeps "just", "a mere", "less than", "over" ("just 14 years later", "a mere two years later")
  const prefix = readDurationPrefix(c, i);
  const qStart = prefix ? c.next(prefix.last) : i;
  // "weeks later": a bare plural unit is a vague amount
  const counted = readQuantity(c, qStart);
  const barePlural = !counted && UNITS.has(c.word(qStart)) && c.word(qStart).endsWith('s');
  if (!counted && !barePlural) return null;
  const q = counted ?? { first: qStart, last: qStart, n: null };
  const u = counted ? c.next(q.last) : qStart;
  const unit = UNITS.get(c.word(u));
  if (unit === undefined) return null;
  const a = c.next(u);
  const aw = c.word(a);
  if (!AFTER_WORDS.has(aw)) return null;
  let last = a;
  if (aw === 'after' || aw === 'before' || aw === 'prior') {
    // "eight days after Fort Sumter": TIMEX2 takes in the event; its date is usually the
    // narrative time, so the shift is applied to that
    const n = c.next(a);
    if (aw === 'prior' && !c.isWord(n, 'to')) return null;
    // "a week before moving back": a gerund makes it a length of time, not a date
    if (c.word(n).endsWith('ing')) return null;
    if (n >= 0 && c.at(n)!.kind !== 'punct') {
      const end = c.phraseEnd(n, EVENT_PHRASE_MAX);
      if (end >= 0) last = end;
    }
  }
  const sign = aw === 'later' || aw === 'after' || aw === 'afterwards' || aw === 'afterward' ? 1 : -1;
  // "a few days later", "weeks earlier": an unknown amount only says after or before (TIMEX2 FUTURE_REF / PAST_REF)
  if (q.n === null && last === a) return { first: i, last, expr: { kind: 'ref', value: sign > 0 ? 'FUTURE_REF' : 'PAST_REF' } };
  const point: Point = { anaphor: unit === 'day' || unit === 'week' ? 'day' : unit === 'month' ? 'month' : 'year' };
  if (last !== a) point.event = true;
  // "a decade earlier" counts ten years back from the story's year (TIMEX2: a year); "almost two
  // decades earlier" is only as precise as the decade
  const exact = qStart === i;
  if (q.n !== null && Number.isInteger(q.n)) point.shift = unit === 'decade' && exact ? { unit: 'year', n: sign * 10 * q.n } : { unit, n: sign * q.n };
  else point.unknown = true;
  return pointMatch(i, last, point);
}

/** "month's end", "year's end": the end of the narrative month or year. */
function readPossessiveEnd(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w !== 'month' && w !== 'year') return null;
  const apostrophe = c.adjacent(i);
  const s = c.adjacent(apostrophe);
  if (apostrophe < 0 || !c.isWord(s, 's') || !c.isWord(c.next(s), 'end')) return null;
  return pointMatch(i, c.next(s), { anaphor: w, mod: 'END' });
}

/**
 * "the first day of the Battle of the Somme", "the fifth day of the rebellion", "the final day of
 * the battle": a day of an event, which the narrative has usually just dated ("on 1 July 1916, the
 * first day of …"). TIMEX2 takes in the event.
 */
function readDayOfEvent(c: Cursor, i: number): Match | null {
  if (!c.isWord(i, 'the')) return null;
  const j = c.next(i);
  const w = c.word(j);
  if (!ORDINAL_WORDS.has(w) && w !== 'final' && w !== 'last') return null;
  const d = c.next(j);
  if (!c.isWord(d, 'day')) return null;
  let last = d;
  if (c.isWord(c.next(d), 'of')) {
    const end = c.phraseEnd(c.next(c.next(d)), EVENT_PHRASE_MAX);
    if (end >= 0) last = end;
  }
  return pointMatch(i, last, { anaphor: 'now', someDay: true });
}

export function readRelative(c: Cursor, i: number): Match | null {
  let best = readNextPrevious(c, i);
  best = longer(best, readThat(c, i));
  best = longer(best, readLaterThat(c, i));
  best = longer(best, readCountedShift(c, i));
  best = longer(best, readPossessiveEnd(c, i));
  return longer(best, readDayOfEvent(c, i));
}
