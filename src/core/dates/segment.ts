// The local half of tagging: everything read from one segment's own text (tokens, recognised
// expressions and what the words around each say to the narrative pass), with offsets relative to
// the segment. It depends only on the segment's text and the era carried in (see recognise.ts),
// so an incremental build can reuse it for an unchanged segment. The tokens are not kept: the
// narrative pass (index.ts) needs only the facts below.

import { clauseCue, Cue, Layout, midSentenceCue, yearAhead } from './clause';
import { Cursor } from './cursor';
import type { Expr, Match, Point } from './model';
import { recognise } from './recognise';
import { Gap, tokenize } from './tokens';

/** One recognised expression and the facts about its context that the narrative pass reads. */
export interface Found {
  expr: Expr;
  /** Character offsets in the segment. */
  start: number;
  end: number;
  /** Character spans of each end of a range or item of a list (for the split style). */
  parts?: Array<[number, number]>;
  /** Sentence number within the segment (paragraph breaks end sentences too). */
  sentence: number;
  /** No other date before it in its paragraph. */
  opensParagraph: boolean;
  /** In the first sentence of its paragraph that has a date. */
  inFirstDatedSentence: boolean;
  /** Right after "since". */
  afterSince: boolean;
  /** Inside a double-quoted passage. */
  quoted: boolean;
  /** An event-anchored shift in apposition to a date with a day (see inApposition). */
  inApposition: boolean;
  /** The explicit year of the next date in its sentence, for a bare month or season opening a paragraph. */
  yearAhead: Point | null;
  /** What the clause says about the date (clause.ts) where a paragraph opens, and what it adds elsewhere. */
  cue: Cue;
  midSentenceCue: Cue;
}

export interface SegmentDates {
  found: Found[];
  /** The era of the narrative after the segment: whether short years are BC (see recognise.ts). */
  bcAfter: boolean;
}

/** Reads the dates of one segment, `bcBefore` being the era of the narrative before it. */
export function readSegment(text: string, bcBefore: boolean): SegmentDates {
  const c = new Cursor(tokenize(text));
  const { matches, bcAfter } = recognise(c, bcBefore);
  const layout = new Layout(c, matches);
  const quoted = quotedMatches(c, matches);
  const found = matches.map((m, k): Found => {
    const e = m.expr;
    const opensParagraph = layout.opensParagraph(k);
    const f: Found = {
      expr: e,
      start: c.tokens.starts[m.first],
      end: c.tokens.ends[m.last],
      sentence: layout.sentenceOf(k),
      opensParagraph,
      inFirstDatedSentence: layout.inFirstDatedSentence(k),
      afterSince: c.isWord(c.prev(m.first), 'since'),
      quoted: quoted[k],
      inApposition: e.kind === 'point' && e.point.event === true && inApposition(c, matches, k),
      yearAhead: opensParagraph && e.kind === 'point' && (e.point.month !== undefined || e.point.season !== undefined) ? yearAhead(c, matches, k) : null,
      cue: clauseCue(c, m.first),
      midSentenceCue: midSentenceCue(c, m.first),
    };
    if ((e.kind === 'range' || e.kind === 'list') && e.parts) f.parts = e.parts.map(([first, last]) => [c.tokens.starts[first], c.tokens.ends[last]]);
    return f;
  });
  return { found, bcAfter };
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

/**
 * For each match, whether its first token lies inside a double-quoted passage (quotes reset at
 * paragraph breaks): one pass over the tokens up to the last match.
 */
function quotedMatches(c: Cursor, matches: readonly Match[]): boolean[] {
  const out: boolean[] = [];
  let open = false;
  for (let i = 0; i < c.length && out.length < matches.length; i++) {
    if (c.tokens.gaps[i] === Gap.Paragraph) open = false;
    const p = c.punctCode(i);
    if (p === 0x22 /* " */) open = !open;
    else if (p === 0x201c /* “ */) open = true;
    else if (p === 0x201d /* ” */) open = false;
    while (out.length < matches.length && matches[out.length].first === i) out.push(open);
  }
  return out;
}
