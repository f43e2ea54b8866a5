// Recognises durations ("three years" → P3Y, "several days" → PXD, "over a month",
// "the next two years", "a three-year war", "month-long") and frequencies ("per day" → SET).
// Durations are not placed on the timeline: their bounds stay null.

import type { DateModifier } from '../types';
import type { Cursor } from './cursor';
import { EVENT_PHRASE_MAX, UNIT_CODE, UNITS, type Unit } from './lexicon';
import { longer, type Match, type Point } from './model';
import { readPoint } from './calendar';
import { readDurationPrefix, readQuantity } from './quantities';

const DASHES = new Set(['-', '–', '‐', '‑']);

/** Adjectives allowed between an amount and its unit. */
const UNIT_ADJECTIVES = new Set(['full', 'whole', 'long', 'more', 'additional', 'further', 'consecutive', 'bloody', 'brutal', 'hard', 'bitter', 'short', 'entire']);

const PREFIX_MOD: Readonly<Record<string, DateModifier | undefined>> = {
  more: 'AFTER', over: 'AFTER', less: 'BEFORE', fewer: 'BEFORE', under: 'BEFORE', nearly: 'BEFORE',
  almost: 'BEFORE', about: 'APPROX', around: 'APPROX', some: 'APPROX', roughly: 'APPROX', approximately: 'APPROX',
};

/** ISO 8601 duration (TIMEX2 flavour): P3Y, PT5H, PXD, P2.5Y, P1DE. */
export function durationValue(n: number | null, unit: Unit): string {
  const code = UNIT_CODE[unit];
  const amount = n === null ? 'X' : String(n);
  return code.startsWith('T') ? `PT${amount}${code.slice(1)}` : `P${amount}${code}`;
}

/** "the next two years", "the following days", "the past decade", "the first ten months of 1915". */
function readFramedDuration(c: Cursor, i: number): Match | null {
  if (!c.isWord(i, 'the')) return null;
  const j = c.next(i);
  const w = c.word(j);
  if (!['next', 'following', 'past', 'last', 'previous', 'preceding', 'coming', 'intervening', 'first', 'final'].includes(w)) return null;
  let k = c.next(j);
  const q = readQuantity(c, k);
  let n: number | null = null;
  if (q && !c.isWord(k, 'a') && !c.isWord(k, 'an')) {
    n = q.n;
    k = c.next(q.last);
  } else if (q) return null;
  const unitWord = c.word(k);
  const unit = UNITS.get(unitWord);
  if (unit === undefined) return null;
  const plural = unitWord.endsWith('s') || unitWord === 'centuries';
  if (!q) {
    // "the next year" is a date (relative.ts); "the following days", "the past decade" are durations
    if (!plural && !(w === 'past' || w === 'last')) return null;
    if (!plural) n = 1;
  }
  // "the last week of August", "the first ten months of 1915": the frame's date joins the extent
  let last = k;
  let frame: Point | undefined;
  if (['first', 'last', 'final'].includes(w) && c.isWord(c.next(k), 'of')) {
    const framed = readPoint(c, c.next(c.next(k)), false);
    if (framed && framed.first === c.next(c.next(k))) {
      last = framed.last;
      if (framed.point.year !== undefined && framed.point.anaphor === undefined) frame = { ...framed.point, midSentence: undefined };
    } else {
      // "the first three years of the war": TIMEX2 takes in the event
      const end = c.phraseEnd(c.next(c.next(k)), EVENT_PHRASE_MAX);
      if (end >= 0) last = end;
    }
  }
  const value = durationValue(plural && !q ? null : n, unit);
  return { first: i, last, expr: frame ? { kind: 'duration', value, frame } : { kind: 'duration', value } };
}

/** [prefix] quantity unit ["old"]: "three years", "over a month", "some 19 days", "eighteen months". */
function readCountedDuration(c: Cursor, i: number): Match | null {
  let qStart = i;
  let mod: DateModifier | undefined;
  const prefix = readDurationPrefix(c, i);
  if (prefix) {
    const pre = prefix.words;
    qStart = c.next(prefix.last);
    mod = PREFIX_MOD[pre[pre.length - 1] === 'than' ? pre[pre.length - 2] : pre[0]] ?? PREFIX_MOD[pre[0]];
  }
  const q = readQuantity(c, qStart);
  if (!q) return null;
  // "three-year", "ten-day" (adjectives): the unit is glued with a hyphen
  let u = c.next(q.last);
  const glued = u >= 0 && DASHES.has(c.at(u)!.text) && c.adjacent(q.last) === u;
  if (glued) u = c.adjacent(u);
  // "two full days", "ten brutal months", "many more months"
  else if (UNIT_ADJECTIVES.has(c.word(u)) && UNITS.has(c.word(c.next(u)))) u = c.next(u);
  const unitWord = c.word(u);
  const unit = UNITS.get(unitWord);
  // a capitalised unit names something ("the Six-Day War", "the Seven Years' War")
  if (unit === undefined || c.isCapitalised(u)) return null;
  // "a day" after "per"/"times" is a frequency, handled by readFrequency
  if ((c.isWord(q.first, 'a') || c.isWord(q.first, 'an')) && qStart === i) {
    const p = c.prev(i);
    if (p >= 0 && ['times', 'once', 'twice', 'per'].includes(c.word(p))) return null;
  }
  // "a months-long siege": the "-long" adjective is read on its own; "a years" is no amount
  if (c.isWord(q.first, 'a') && q.n === 1 && unitWord.endsWith('s')) return null;
  const dash = c.adjacent(u);
  if (dash >= 0 && DASHES.has(c.at(dash)!.text) && c.isWord(c.adjacent(dash), 'long')) return null;
  // "18 years old", "26 years of age"
  let last = u;
  const o = c.next(u);
  if (c.isWord(o, 'old') && unit === 'year') last = o;
  // "a 3 year long siege"
  if (c.isWord(o, 'long') && !unitWord.endsWith('s')) last = o;
  const age = c.words(o, ['of', 'age']);
  if (age >= 0 && unit === 'year') last = age;
  const first = qStart === i ? q.first : i;
  // "two months of siege", "a week of intense fighting": TIMEX2 takes in the event measured
  if (c.isWord(c.next(last), 'of') && last === u) {
    const end = c.phraseEnd(c.next(c.next(last)), EVENT_PHRASE_MAX);
    if (end >= 0) last = end;
  }
  return { first, last, expr: { kind: 'duration', value: durationValue(q.n, unit), mod } };
}

/** "year-long", "month-long", "months-long". */
function readLongAdjective(c: Cursor, i: number): Match | null {
  const unit = UNITS.get(c.word(i));
  if (unit === undefined) return null;
  const d = c.adjacent(i);
  if (d < 0 || !DASHES.has(c.at(d)!.text)) return null;
  const l = c.adjacent(d);
  if (!c.isWord(l, 'long')) return null;
  const plural = c.word(i).endsWith('s');
  return { first: i, last: l, expr: { kind: 'duration', value: durationValue(plural ? null : 1, unit) } };
}

/** "for weeks", "within days", "in a few days and weeks": a bare plural unit after a time preposition. */
function readBarePlural(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  const unit = UNITS.get(w);
  if (unit === undefined || !w.endsWith('s')) return null;
  const p = c.prev(i);
  if (!['for', 'within', 'and', 'or', 'over', 'taking', 'lasting', 'lasted', 'took'].includes(c.word(p))) return null;
  const n = c.next(i);
  if (['later', 'earlier', 'after', 'before', 'ago', 'of'].includes(c.word(n))) return null;
  return { first: i, last: i, expr: { kind: 'duration', value: durationValue(null, unit) } };
}

/** "per day", "a day" after "times", "every day", "daily", "annually". */
function readFrequency(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === 'per' || ((w === 'a' || w === 'an') && ['times', 'once', 'twice'].includes(c.word(c.prev(i))))) {
    const u = c.next(i);
    const unit = UNITS.get(c.word(u));
    if (unit === undefined || c.word(u).endsWith('s')) return null;
    return { first: i, last: u, expr: { kind: 'set', value: durationValue(1, unit) } };
  }
  if (w === 'every' || w === 'each') {
    const u = c.next(i);
    if (c.isWord(u, 'day')) return { first: i, last: u, expr: { kind: 'set', value: 'XXXX-XX-XX' } };
    if (c.isWord(u, 'week')) return { first: i, last: u, expr: { kind: 'set', value: 'XXXX-WXX' } };
    if (c.isWord(u, 'month')) return { first: i, last: u, expr: { kind: 'set', value: 'XXXX-XX' } };
    if (c.isWord(u, 'year')) return { first: i, last: u, expr: { kind: 'set', value: 'XXXX' } };
    return null;
  }
  const v = FREQUENCY_WORDS.get(w);
  if (v !== undefined) return { first: i, last: i, expr: { kind: 'set', value: v } };
  return null;
}

const FREQUENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['daily', 'XXXX-XX-XX'], ['everyday', 'XXXX-XX-XX'], ['weekly', 'XXXX-WXX'], ['monthly', 'XXXX-XX'],
  ['annually', 'XXXX'], ['yearly', 'XXXX'], ['annual', 'P1Y'],
]);

export function readDuration(c: Cursor, i: number): Match | null {
  let best = readFramedDuration(c, i);
  best = longer(best, readCountedDuration(c, i));
  best = longer(best, readLongAdjective(c, i));
  best = longer(best, readBarePlural(c, i));
  return longer(best, readFrequency(c, i));
}
