// Finds the temporal expressions of a text, left to right: every reader is tried at each token
// that can start an expression, the longest match wins, and matches never overlap.

import { readCalendar } from './compounds';
import { readClock } from './clock';
import type { Cursor } from './cursor';
import { DAY_PARTS, readDayPart, readDeictic, readVague, SEASON_KINDS } from './deictic';
import { readDuration } from './durations';
import {
  APPROX_WORDS, DURATION_PREFIXES, MONTHS, MONTH_ABBREVIATIONS, NUMBER_WORDS, ORDINAL_WORDS, PREFIX_MODIFIERS, PREFIX_MODIFIERS_BY_FIRST_WORD,
  SEASONS, UNITS, VAGUE_QUANTITIES, WEEKDAYS,
} from './lexicon';
import { longer, type Expr, type Match, type Point } from './model';
import { NEXT_WORDS, readRelative } from './relative';
import { Kind } from './tokens';

/**
 * Words an expression can start with. Most tokens start none, and skipping them before calling
 * the readers keeps the tagger fast on long articles. Keep in step with the readers.
 */
const STARTERS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys(), ...SEASONS.keys(), ...WEEKDAYS, ...APPROX_WORDS,
  ...PREFIX_MODIFIERS.map((m) => m.words[0]), ...DURATION_PREFIXES.map((p) => p[0]), ...NUMBER_WORDS.keys(),
  ...ORDINAL_WORDS.keys(), ...VAGUE_QUANTITIES, ...UNITS.keys(),
  'the', 'between', 'from', 'year', 'years', 'ad', 'a', 'b', 'c', 'that', 'this', 'next', 'later', 'earlier',
  'per', 'every', 'each', 'daily', 'everyday', 'weekly', 'monthly', 'annually', 'yearly', 'annual',
  'night', 'nights', 'tonight', 'morning', 'afternoon', 'evening', 'daytime',
  'right', 'these', 'present', 'modern', 'now', 'today', 'currently', 'current', 'nowadays', 'presently',
  'recent', 'recently', 'former', 'formerly', 'future', 'dry', 'rainy', 'wet', 'monsoon', 'christmas', 'at', 'date',
]);

/**
 * Words after "the" that a reader reads on from: "the 1990s", "the end of May", "the summer of
 * 1941", "the next day", "the same time", "the first half of 2008", "the night of …". "The" is
 * the commonest word of English and the commonest start; before any other word no reader matches,
 * so none is tried. Keep in step with the readers, like STARTERS.
 */
const AFTER_THE: ReadonlySet<string> = new Set([
  ...(PREFIX_MODIFIERS_BY_FIRST_WORD.get('the') ?? []).map((m) => m.words[1]), ...ORDINAL_WORDS.keys(), ...SEASONS.keys(),
  ...NEXT_WORDS.keys(), ...DAY_PARTS.keys(), ...SEASON_KINDS,
  'latter', 'year', 'years', 'same', 'day', 'final', 'last', 'past', 'coming', 'intervening', 'future', 'present', 'time',
]);

/**
 * Words a calendar expression (readCalendar: compounds.ts, calendar.ts) can start with; at any
 * other word it finds nothing, and it is the dearest reader, so it is not tried. Numbers, ordinals
 * and apostrophes ("'99") may start one. Keep in step with the readers, like STARTERS.
 */
const CALENDAR_STARTERS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys(), ...SEASONS.keys(), ...WEEKDAYS, ...APPROX_WORDS,
  ...PREFIX_MODIFIERS.map((m) => m.words[0]), ...ORDINAL_WORDS.keys(), 'the', 'between', 'from', 'later', 'earlier', 'christmas', 'ad',
]);

function canStart(c: Cursor, i: number): boolean {
  const kind = c.tokens.kinds[i];
  if (kind === Kind.Num || kind === Kind.Ord) return true;
  if (kind === Kind.Word) {
    const w = c.tokens.lowers[i];
    if (w !== 'the') return STARTERS.has(w);
    // only a word after "the" can rule everything out (a number, "'60s" or the end may not)
    const n = c.next(i);
    return n < 0 || c.tokens.kinds[n] !== Kind.Word || AFTER_THE.has(c.tokens.lowers[n]);
  }
  const p = c.punctCode(i);
  return p === 0x27 /* ' */ || p === 0x2019 /* ’ */;
}

/**
 * Recognises every expression, left to right, longest match first; matches never overlap.
 * `bcNarrative` is the era of the narrative before the text (see below); the era after it is returned.
 */
export function recognise(c: Cursor, bcNarrative = false): { matches: Match[]; bcAfter: boolean } {
  const out: Match[] = [];
  for (let i = 0; i < c.length; i++) {
    if (!canStart(c, i)) continue;
    // Candidates in priority order; the longest one starting here wins (ties: the earlier reader).
    let m = c.tokens.kinds[i] !== Kind.Word || CALENDAR_STARTERS.has(c.tokens.lowers[i]) ? startingAt(i, readCalendar(c, i, bcNarrative)) : null;
    m = longer(m, startingAt(i, readRelative(c, i)));
    m = longer(m, startingAt(i, readDuration(c, i)));
    m = longer(m, startingAt(i, readDayPartExpr(c, i, bcNarrative)));
    m = longer(m, startingAt(i, readDeictic(c, i)));
    m = longer(m, startingAt(i, readVague(c, i)));
    m = longer(m, startingAt(i, readClockExpr(c, i, bcNarrative)));
    if (m === null) continue;
    // "Christmas night": the night of 24 December (TIMEX2 …-12-24TNI)
    if (m.expr.kind === 'point' && c.isWord(m.first, 'christmas') && m.last === m.first && c.isWord(c.next(m.last), 'night')) {
      m = { first: m.first, last: c.next(m.last), expr: { kind: 'time', point: m.expr.point, part: 'NI' } };
    }
    out.push(m);
    // The narrative's era decides whether "in 499" is a year (BC narratives write short years).
    const era = eraOf(m.expr);
    if (era !== null) bcNarrative = era;
    i = m.last;
  }
  return { matches: out, bcAfter: bcNarrative };
}

/** The match if it starts at token i (a reader may also find one starting further on). */
function startingAt(i: number, m: Match | null): Match | null {
  return m !== null && m.first === i ? m : null;
}

/** "the night of 20 June 1791", "that afternoon", "night": a part of a day, maybe on a date. */
function readDayPartExpr(c: Cursor, i: number, bcNarrative: boolean): Match | null {
  const dp = readDayPart(c, i);
  if (!dp) return null;
  if (dp.ofAt >= 0) {
    const cal = readCalendar(c, dp.ofAt, bcNarrative);
    if (cal && cal.first === dp.ofAt && cal.expr.kind === 'point' && cal.expr.point.day !== undefined) {
      return { first: i, last: cal.last, expr: { kind: 'time', point: cal.expr.point, part: dp.part } };
    }
    if (c.isWord(i, 'the')) return null;
  }
  if (c.isWord(i, 'the')) return null;
  return { first: i, last: dp.last, expr: { kind: 'time', point: dp.anaphoric ? { anaphor: 'day' } : null, part: dp.part } };
}

function readClockExpr(c: Cursor, i: number, bcNarrative: boolean): Match | null {
  const m = readClock(c, i);
  if (!m) return null;
  // "At 5:34 AM Baghdad time on March 20, 2003": the day named right after the time is its day
  let day: Point | undefined;
  for (let j = c.next(m.last), k = 0; j >= 0 && k < 4; j = c.next(j), k++) {
    if (c.at(j)!.kind === 'punct' && c.at(j)!.text !== ',') break;
    if (c.isWord(j, 'on')) {
      const cal = readCalendar(c, c.next(j), bcNarrative);
      if (cal && cal.expr.kind === 'point' && cal.expr.point.day !== undefined) day = cal.expr.point;
      break;
    }
  }
  return { first: m.first, last: m.last, expr: { kind: 'clock', hour: m.hour, minute: m.minute, day } };
}

function eraOf(e: Expr): boolean | null {
  const p = e.kind === 'point' ? e.point : e.kind === 'range' ? e.to : e.kind === 'list' ? e.items[e.items.length - 1] : null;
  if (p === null || (p.year === undefined && p.decade === undefined && p.century === undefined)) return null;
  return !!p.bc;
}

