// The date tagger: finds temporal expressions in an article and normalises them to EDTF,
// resolving years and relative dates against the narrative time. Pure TypeScript, no Node API.

import type { DateMention, IndexOptions, ParsedArticle, TimexType } from '../types';
import { readCalendar } from './compounds';
import { readClock } from './clock';
import { Cursor } from './cursor';
import { readDayPart, readDeictic, readVague } from './deictic';
import { readDuration } from './durations';
import type { Expr, Match, Point } from './model';
import { advance, resolvePoint, timeOf, type NarrativeTime } from './narrative';
import { normaliseList, normalisePoint, normaliseRange, type Normalised } from './normalise';
import { readRelative } from './relative';
import {
  APPROX_WORDS, DURATION_PREFIXES, MONTHS, MONTH_ABBREVIATIONS, NUMBER_WORDS, ORDINAL_WORDS, PREFIX_MODIFIERS,
  SEASONS, UNITS, VAGUE_QUANTITIES, WEEKDAYS,
} from './lexicon';
import { Gap, tokenize, type Token } from './tokens';

export { compareIso } from './normalise';

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

function canStart(t: Token): boolean {
  if (t.kind === 'num' || t.kind === 'ord') return true;
  if (t.kind === 'word') return STARTERS.has(t.lower);
  return t.kind === 'punct' && (t.text === "'" || t.text === '’');
}

/** Recognises every expression, left to right, longest match first; matches never overlap. */
function recognise(c: Cursor): Match[] {
  const out: Match[] = [];
  let bcNarrative = false;
  for (let i = 0; i < c.length; i++) {
    const t = c.tokens[i];
    if (!canStart(t)) continue;
    // Candidates in priority order; the longest one starting here wins (ties: the earlier reader).
    let m: Match | null = null;
    for (const cand of [readCalendar(c, i, bcNarrative), readRelative(c, i), readDuration(c, i), readDayPartExpr(c, i, bcNarrative), readDeictic(c, i), readVague(c, i), readClockExpr(c, i, bcNarrative)]) {
      if (cand && cand.first === i && (m === null || cand.last > m.last)) m = cand;
    }
    if (m === null) continue;
    out.push(m);
    // The narrative's era decides whether "in 499" is a year (BC narratives write short years).
    const era = eraOf(m.expr);
    if (era !== null) bcNarrative = era;
    i = m.last;
  }
  return out;
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

interface Placed {
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
function place(e: Expr, now: NarrativeTime | null): Placed {
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
        if (to.month !== undefined && a.point.month !== undefined && to.month < a.point.month) to.year = a.point.bc ? a.point.year - 1 : a.point.year + 1;
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
      const rs = e.items.map((p) => resolvePoint(p, now));
      if (rs.some((r) => !r.ok)) return { norm: { ...UNKNOWN_POINT, precision: precisionGuess(e.items[0]) }, type: 'DATE', inferred: false };
      const inferred = rs.some((r) => r.inferred);
      return {
        norm: normaliseList(rs.map((r) => r.point), e.all), parts: rs.map((r) => normalisePoint(r.point)),
        type: 'DATE', inferred, anchor: inferred ? now?.mentionIndex : undefined, sets: rs[rs.length - 1].point,
      };
    }
    case 'duration':
      return { norm: { edtf: e.value, precision: precisionOfDuration(e.value), earliest: null, latest: null }, type: 'DURATION', inferred: false };
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

export interface DateTaggerOptions extends IndexOptions {
  /**
   * How ranges and coordinated dates come out. 'merge' (the default, the project's gold
   * conventions): one mention, "1962-1966" → 1962/1966. 'split' (TIMEX2, as in WikiWars): one
   * mention per end or item, "1962" and "1966".
   */
  compounds?: 'merge' | 'split';
}

/**
 * Finds the date mentions of an article. `text` alone is enough; `article` (sections, passages)
 * only refines where the narrative time comes from.
 */
export function tagDates(text: string, article: ParsedArticle, options?: DateTaggerOptions): DateMention[] {
  void article;
  const split = options?.compounds === 'split';
  const c = new Cursor(tokenize(text), text);
  const matches = recognise(c);
  const out: DateMention[] = [];
  let now: NarrativeTime | null = null;
  const emit = (first: number, last: number, norm: Normalised, placed: Placed, mod: DateMention['mod']) => {
    const start = c.tokens[first].start;
    const end = c.tokens[last].end;
    const mention: DateMention = {
      id: `d${out.length + 1}`, start, end, text: text.slice(start, end),
      edtf: norm.edtf, precision: norm.precision, earliest: norm.earliest, latest: norm.latest,
      inferred: placed.inferred, type: placed.type,
    };
    if (mod) mention.mod = mod;
    if (placed.anchor !== undefined) {
      const a = out[placed.anchor];
      mention.anchor = { dateId: a.id, text: a.text };
    }
    if (norm.problem) mention.problem = norm.problem;
    out.push(mention);
  };
  const quoted = quotedTokens(c);
  for (const m of matches) {
    const placed = place(m.expr, now);
    // The gold conventions make one mention of coordinated *years* ("1957 and 1958"); other
    // coordinated dates ("August and September 1914", "May 4 and 5") stay one mention each.
    const splitHere = split || (m.expr.kind === 'list' && !m.expr.items.every(isBareYear));
    const parts = splitHere && (m.expr.kind === 'range' || m.expr.kind === 'list') ? m.expr.parts : undefined;
    const firstIndex = out.length;
    if (parts) {
      // each end on its own; ends that could not be placed stay unknown
      parts.forEach(([first, last], k) => emit(first, last, placed.parts?.[k] ?? placed.norm, placed, undefined));
    } else {
      emit(m.first, m.last, placed.norm, placed, modOf(m.expr));
    }
    // Looking back ("two years ago", "a decade earlier") does not move the story there.
    const lookingBack = m.expr.kind === 'point' && ((m.expr.point.shift?.n ?? 0) < 0 || m.expr.point.direction === -1);
    // Dates inside quotations are the speaker's, not the story's ("… completed during the spring of next year").
    const inQuote = quoted[m.first] && now !== null;
    if (placed.sets && placed.norm.edtf !== null && !(placed.sets.parenthetical && now !== null) && !lookingBack && !inQuote) {
      const t = timeOf(placed.sets, firstIndex);
      if (t) now = advance(now, { ...t, inferred: placed.inferred });
    }
  }
  return out;
}

/** For each token, whether it lies inside a double-quoted passage (quotes reset at paragraph breaks). */
function quotedTokens(c: Cursor): boolean[] {
  const out = new Array<boolean>(c.length);
  let open = false;
  for (let i = 0; i < c.length; i++) {
    const t = c.tokens[i];
    if (t.gapBefore === Gap.Paragraph) open = false;
    if (t.text === '"') open = !open;
    else if (t.text === '“') open = true;
    else if (t.text === '”') open = false;
    out[i] = open;
  }
  return out;
}

function isBareYear(p: Point): boolean {
  return p.year !== undefined && p.month === undefined && p.season === undefined && p.day === undefined;
}

function modOf(e: Expr): DateMention['mod'] {
  if (e.kind === 'point') return e.point.mod;
  if (e.kind === 'duration') return e.mod;
  return undefined;
}
