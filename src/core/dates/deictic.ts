// Recognises words that point at the present, past or future ("now", "currently", "recent",
// "former", "future"), parts of the day ("that afternoon", "the night of 20 June 1791") and
// time expressions with no knowable value ("this period", "the same time").

import type { Cursor } from './cursor';
import { EVENT_PHRASE_MAX, ORDINAL_WORDS } from './lexicon';
import type { Match } from './model';

type RefValue = 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF';

const REF_WORDS: ReadonlyMap<string, RefValue> = new Map([
  ['now', 'PRESENT_REF'], ['today', 'PRESENT_REF'], ['currently', 'PRESENT_REF'], ['current', 'PRESENT_REF'],
  ['nowadays', 'PRESENT_REF'], ['presently', 'PRESENT_REF'],
  ['recent', 'PAST_REF'], ['recently', 'PAST_REF'], ['former', 'PAST_REF'], ['formerly', 'PAST_REF'],
  ['future', 'FUTURE_REF'],
]);

export const DAY_PARTS: ReadonlyMap<string, 'NI' | 'MO' | 'AF' | 'EV' | 'DT'> = new Map([
  ['night', 'NI'], ['nights', 'NI'], ['tonight', 'NI'], ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'],
  ['daytime', 'DT'],
]);

const VAGUE_NOUNS = new Set(['period', 'time']);

function ref(first: number, last: number, value: RefValue): Match {
  return { first, last, expr: { kind: 'ref', value } };
}

/** "now", "right now", "the future", "present-day", "modern day", "these days", "at present". */
export function readDeictic(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  if (w === 'right' && c.isWord(c.next(i), 'now')) return ref(i, c.next(i), 'PRESENT_REF');
  if (w === 'the') {
    const j = c.next(i);
    if (c.isWord(j, 'future')) return ref(i, j, 'FUTURE_REF');
    if (c.isWord(j, 'past') && !isNounAfter(c, j)) return ref(i, j, 'PAST_REF');
    if (c.isWord(j, 'present') && !isNounAfter(c, j)) return ref(i, j, 'PRESENT_REF');
    if (c.isWord(j, 'time') && c.isWord(c.next(j), 'being')) return ref(i, c.next(j), 'PRESENT_REF');
  }
  if (w === 'these' && c.isWord(c.next(i), 'days')) return ref(i, c.next(i), 'PRESENT_REF');
  if (w === 'present' || w === 'modern') {
    const d = c.adjacent(i);
    const k = d >= 0 && c.isPunct(d, '-') ? c.adjacent(d) : c.next(i);
    if (c.isWord(k, 'day')) return ref(i, k, 'PRESENT_REF');
    return null;
  }
  // "to date" (so far): the narrative's present; "up to date" is not a time
  if (w === 'date' && c.isWord(c.prev(i), 'to') && !c.isWord(c.prev(c.prev(i)), 'up') && c.at(c.next(i))?.kind !== 'word') return ref(i, i, 'PRESENT_REF');
  const v = REF_WORDS.get(w);
  if (v === undefined) return null;
  // "now-defunct" keeps the prefix reading; "the current" as an electric current is rare in history prose
  return ref(i, i, v);
}

function isNounAfter(c: Cursor, i: number): boolean {
  const n = c.next(i);
  const t = c.at(n);
  return t !== undefined && t.kind === 'word' && !['and', 'or', 'the', 'a', 'to', 'in', 'of', 'was', 'were', 'is', 'had', 'has'].includes(t.lower);
}

/** "that afternoon", "the night of 20 June 1791" (date part read by the caller), "night". */
export function readDayPart(c: Cursor, i: number): { first: number; last: number; part: 'NI' | 'MO' | 'AF' | 'EV' | 'DT'; anaphoric: boolean; ofAt: number } | null {
  const w = c.word(i);
  let j = i;
  let anaphoric = false;
  if (w === 'that' || w === 'this') {
    j = c.next(i);
    anaphoric = true;
  } else if (w === 'the') {
    j = c.next(i);
    // "the third evening"
    if (ORDINAL_WORDS.has(c.word(j))) j = c.next(j);
  } else if (w === 'one') {
    // "one night", "one afternoon"
    j = c.next(i);
  }
  if (j < 0) return null;
  const part = DAY_PARTS.get(c.word(j));
  if (part === undefined) return null;
  let last = j;
  // "night-time"
  const dash = c.adjacent(j);
  if (dash >= 0 && c.isPunct(dash, '-') && c.isWord(c.adjacent(dash), 'time')) last = c.adjacent(dash);
  const of = c.next(last);
  const ofAt = c.isWord(of, 'of') ? c.next(of) : -1;
  if (w === 'the' && ofAt < 0 && c.next(i) === j) return null;
  return { first: i, last, part, anaphoric, ofAt };
}

const VAGUE_TIME_BEFORE = new Set(['at', 'by', 'since', 'until', 'from']);
/** Words that start a clause's subject after "by the time". */
const SUBJECT_WORDS = new Set(['he', 'she', 'they', 'it', 'we', 'the', 'his', 'her', 'their']);
const LENGTH_WORDS = new Set(['short', 'long', 'brief']);
export const SEASON_KINDS: ReadonlySet<string> = new Set(['dry', 'rainy', 'wet', 'monsoon']);

function vague(first: number, last: number): Match {
  return { first, last, expr: { kind: 'vague' } };
}

/**
 * Time expressions with no knowable value: "this period", "that time", "the same time",
 * "at the time", "a short time", "some time", "the dry season".
 */
export function readVague(c: Cursor, i: number): Match | null {
  const w = c.word(i);
  // "At this time" / "by this time" / "around this time": the narrative's present (TIMEX2 PRESENT_REF)
  if (w === 'at' && c.isWord(c.next(i), 'this') && c.isWord(c.next(c.next(i)), 'time')) return ref(i, c.next(c.next(i)), 'PRESENT_REF');
  if (w === 'this' && c.isWord(c.next(i), 'time')) {
    // without a preposition, "this time" is an occasion ("this time led by Arnold"), not a time
    const p = c.word(c.prev(i));
    if (p === 'by' || p === 'around') return ref(i, c.next(i), 'PRESENT_REF');
    // "since this time" right after a day: that day (see index.ts); else no knowable value
    return p === 'during' || p === 'from' || p === 'since' || p === 'until' ? { first: i, last: c.next(i), expr: { kind: 'point', point: { anaphor: 'day', sameTime: true } } } : null;
  }
  if (w === 'this' || w === 'that') {
    const j = c.next(i);
    return VAGUE_NOUNS.has(c.word(j)) ? vague(i, j) : null;
  }
  if (w === 'the') {
    const j = c.next(i);
    if (c.isWord(j, 'same') && c.isWord(c.next(j), 'time')) return { first: i, last: c.next(j), expr: { kind: 'point', point: { anaphor: 'day', sameTime: true } } };
    if (c.isWord(j, 'same') && VAGUE_NOUNS.has(c.word(c.next(j)))) return vague(i, c.next(j));
    // "at the time", "by the time" (not "the time of X", whose value depends on the event)
    if (c.isWord(j, 'time') && VAGUE_TIME_BEFORE.has(c.word(c.prev(i))) && !c.isWord(c.next(j), 'of')) {
      // "by the time Johnson left office": TIMEX2 takes in the clause
      const n = c.at(c.next(j));
      if (n !== undefined && n.kind === 'word' && (c.isCapitalised(c.next(j)) || SUBJECT_WORDS.has(n.lower))) {
        const end = c.phraseEnd(c.next(j), EVENT_PHRASE_MAX);
        if (end >= 0) return vague(i, end);
      }
      // "at the time" right after a year: that year (see index.ts); else no knowable value
      return c.isWord(c.prev(i), 'at') ? { first: i, last: j, expr: { kind: 'point', point: { anaphor: 'year', sameTime: true } } } : vague(i, j);
    }
    if (SEASON_KINDS.has(c.word(j)) && c.isWord(c.next(j), 'season')) return vague(i, c.next(j));
    return null;
  }
  if (SEASON_KINDS.has(w) && c.isWord(c.next(i), 'season')) return vague(i, c.next(i));
  if (w === 'some' && c.isWord(c.next(i), 'time')) return vague(i, c.next(i));
  if (w === 'a' || w === 'an') {
    // "a short time", "a very short time", "a short period of time", "a long time"
    let j = c.next(i);
    if (c.isWord(j, 'very')) j = c.next(j);
    if (!LENGTH_WORDS.has(c.word(j))) return null;
    j = c.next(j);
    const of = c.words(j, ['period', 'of', 'time']) >= 0 ? c.words(j, ['period', 'of', 'time']) : c.words(j, ['amount', 'of', 'time']);
    if (of >= 0) return vague(i, of);
    if (c.isWord(j, 'time') || c.isWord(j, 'period') || c.isWord(j, 'while')) return vague(i, j);
  }
  return null;
}
