// Recognises clock times ("11 a.m.", "10:57", "5:30PM", "05:30hrs"). They take their day from
// the narrative; type TIME, value in TIMEX2 form (1918-11-11T11:00).

import type { Cursor } from './cursor';

export interface ClockMatch {
  first: number;
  last: number;
  hour: number;
  minute: number;
}

/** "a.m." / "p.m." / "AM" / "PM" / "am" at i → 0 or 12 hours to add, and the last token. */
function readMeridiem(c: Cursor, i: number): { last: number; add: number; am: boolean } | null {
  const w = c.word(i);
  if (w === 'am' || w === 'pm') return { last: i, add: w === 'pm' ? 12 : 0, am: w === 'am' };
  if (w !== 'a' && w !== 'p') return null;
  const d1 = c.adjacent(i);
  if (!c.isPunct(d1, '.')) return null;
  const m = c.adjacent(d1);
  if (!c.isWord(m, 'm')) return null;
  const d2 = c.adjacent(m);
  return { last: c.isPunct(d2, '.') ? d2 : m, add: w === 'p' ? 12 : 0, am: w === 'a' };
}

export function readClock(c: Cursor, i: number): ClockMatch | null {
  const h = c.at(i);
  if (h === undefined || h.kind !== 'num' || h.text.length > 2 || !(h.value <= 24)) return null;
  let last = i;
  let minute = 0;
  const colon = c.adjacent(i);
  const hasMinutes = colon >= 0 && c.isPunct(colon, ':');
  if (hasMinutes) {
    const mm = c.adjacent(colon);
    const mt = c.at(mm);
    if (mt === undefined || mt.kind !== 'num' || mt.text.length !== 2 || mt.value > 59) return null;
    minute = mt.value;
    last = mm;
  }
  let hour = h.value;
  const after = c.adjacent(last) >= 0 ? c.adjacent(last) : c.next(last);
  const mer = after >= 0 ? readMeridiem(c, after) : null;
  if (mer) {
    if (hour > 12) return null;
    hour = (hour % 12) + mer.add;
    last = mer.last;
  } else if (hasMinutes && (c.isWord(c.adjacent(last), 'hrs') || c.isWord(c.adjacent(last), 'hours'))) {
    last = c.adjacent(last);
  } else if (!hasMinutes) {
    return null;
  }
  return { first: i, last, hour, minute };
}
