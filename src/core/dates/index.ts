// The date tagger: finds temporal expressions in an article and normalises them to EDTF,
// resolving years and relative dates against the narrative time. Pure TypeScript, no Node API.

import type { DateMention, IndexOptions, ParsedArticle } from '../types';
import { clauseCue, Layout, yearAhead } from './clause';
import { Cursor } from './cursor';
import type { Expr, Match, Point } from './model';
import { advance, heldBy, timeOf, type NarrativeTime } from './narrative';
import { astronomicalYear, type Normalised } from './normalise';
import { place, type Placed } from './placement';
import { recognise } from './recognise';
import { Gap, tokenize } from './tokens';

export { compareIso } from './normalise';

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
  const layout = new Layout(c, matches);
  // whether a mention of the current paragraph has moved the story yet
  let settled = false;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    if (layout.opensParagraph(k)) settled = false;
    const placed = placeInParagraph(c, matches, layout, k, now);
    // The gold conventions make one mention of coordinated *years* ("1957 and 1958"); other
    // coordinated dates ("August and September 1914", "May 4 and 5") stay one mention each.
    const splitHere = split || (m.expr.kind === 'list' && !m.expr.items.every(isBareYear));
    const parts = splitHere && (m.expr.kind === 'range' || m.expr.kind === 'list') ? m.expr.parts : undefined;
    const firstIndex = out.length;
    if (parts) {
      // each end on its own; ends that could not be placed stay unknown
      const ends = m.expr.kind === 'range' ? [m.expr.from, m.expr.to] : m.expr.kind === 'list' ? m.expr.items : [];
      parts.forEach(([first, last], k) => emit(first, last, placed.parts?.[k] ?? placed.norm, placed, ends[k]?.mod));
    } else {
      emit(m.first, m.last, placed.norm, placed, modOf(m.expr));
    }
    // Looking back ("two years ago", "a decade earlier", "since February") does not move the story there.
    const lookingBack = m.expr.kind === 'point' && ((m.expr.point.shift?.n ?? 0) < 0 || m.expr.point.direction === -1 || (placed.inferred && c.isWord(c.prev(m.first), 'since')));
    // Dates inside quotations are the speaker's, not the story's ("… completed during the spring of next year").
    // A quoted date in the story's year only refines it ("… on the 20 September. … on the 20th").
    const inQuote = quoted[m.first] && now !== null;
    if (placed.sets && placed.norm.edtf !== null && !(placed.sets.aside && now !== null) && !lookingBack) {
      const t = timeOf(placed.sets, firstIndex);
      // a date in the first dated sentence of a paragraph, or before anything in it has moved the
      // story, may take the story anywhere
      const opening = !settled || layout.inFirstDatedSentence(k);
      if (t && (!inQuote || t.year === now?.year) && (placed.inferred || !heldBy(now, t, clauseCue(c, m.first, opening)))) {
        now = advance(now, { ...t, inferred: placed.inferred, sentence: layout.sentenceOf(k) });
        settled = true;
      }
    }
  }
  return out;
}

/**
 * Places match k. A bare month or season opening a paragraph takes its year from an explicit date
 * right after it in the same sentence rather than from the previous paragraph's story ("… launched
 * their main summer offensive against southern Russia in June 1942").
 */
function placeInParagraph(c: Cursor, matches: readonly Match[], layout: Layout, k: number, now: NarrativeTime | null): Placed {
  const e = matches[k].expr;
  // "the same time" is the story's day only right after a date with a day ("… on 25 April. At the same time, …"),
  // "at the time" its year only right after a year
  if (e.kind === 'point' && e.point.sameTime) {
    const prev = k > 0 ? matches[k - 1].expr : null;
    const prevDay = prev !== null && (prev.kind === 'point' || prev.kind === 'time') && prev.point !== null && (prev.point.day !== undefined || prev.point.anaphor === 'day');
    // "at the time" wants a year just named
    const prevYear = prev !== null && prev.kind === 'point' && prev.point.year !== undefined && prev.point.month === undefined && prev.point.season === undefined && prev.point.anaphor === undefined;
    if (!(e.point.anaphor === 'year' ? prevYear : prevDay)) return place({ kind: 'vague' }, now);
  }
  // "On 27 June 1950, two days after the KPA invaded, and three months before …": in apposition to
  // the date just named, an event-anchored shift is that date
  if (e.kind === 'point' && e.point.event && inApposition(c, matches, k)) {
    return place({ kind: 'point', point: { anaphor: 'day' } }, now);
  }
  // "since February": the latest February up to the story's time, never the next year's
  if (e.kind === 'point' && e.point.anaphor === 'year' && e.point.month !== undefined && !e.point.shift && e.point.direction === undefined
    && c.isWord(c.prev(matches[k].first), 'since')) {
    return place({ kind: 'point', point: { ...e.point, direction: -1 } }, now);
  }
  if (now !== null && e.kind === 'point' && e.point.anaphor === 'year' && !e.point.shift && e.point.direction === undefined
    && (e.point.month !== undefined || e.point.season !== undefined) && layout.opensParagraph(k)) {
    const y = yearAhead(c, matches, k);
    if (y !== null && astronomicalYear(y) !== now.year) {
      const point: Point = { ...e.point, year: y.year };
      delete point.anaphor;
      if (y.bc) point.bc = true;
      return { ...place({ kind: 'point', point }, now), inferred: true };
    }
  }
  return place(e, now);
}

/** Whether match k follows a date with a day, or another such apposition, after a comma or "and". */
function inApposition(c: Cursor, matches: readonly Match[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    let p = c.prev(matches[j + 1].first);
    const and = c.isWord(p, 'and');
    if (and) p = c.prev(p);
    if (c.isPunct(p, ',')) p = c.prev(p);
    else if (!and) return false;
    if (p !== matches[j].last) return false;
    const e = matches[j].expr;
    if (e.kind !== 'point') return false;
    if (e.point.day !== undefined && e.point.anaphor === undefined) return true;
    if (!e.point.event) return false;
  }
  return false;
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

/** A year with nothing else: "1957" in "1957 and 1958" (not "late 1940" in "late 1940 and early 1941"). */
function isBareYear(p: Point): boolean {
  return p.year !== undefined && p.month === undefined && p.season === undefined && p.day === undefined && p.mod === undefined;
}

function modOf(e: Expr): DateMention['mod'] {
  if (e.kind === 'point') return e.point.mod;
  if (e.kind === 'duration') return e.mod;
  return undefined;
}
