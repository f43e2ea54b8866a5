// What the clause around a date says about it, read from the words before it: a date the story
// looks ahead to ("a campaign planned for 1976", "lasted until … February 1945"), one it looks
// back to ("forces that had invaded Burma in late 1943"), one in parentheses. Such dates are
// placed as usual but do not move the narrative time. One backward scan of a few tokens per
// mention, within the sentence.

import { CharCodeSet } from '../codeSets';
import { Cursor } from './cursor';
import { keepShapeOf } from '../keepShape';
import type { Match, Point } from './model';
import { Gap, tokenize } from './tokens';

export const enum Cue {
  None = 0,
  /** The clause looks ahead: a plan, an expectation, a target ("until", "planned", "would"). */
  Ahead = 1,
  /** The clause is in the past perfect ("had invaded", "had been"): a flashback. */
  Back = 2,
  /** The date is inside parentheses. */
  Paren = 4,
  /** The date does not open its sentence (after at most a preposition). */
  Mid = 8,
  /** Right after "since": where something began, before the story's time. */
  Since = 16,
}

/** Words that may stand between a sentence start and the date opening it ("In late 1943", "By the end of"). */
const OPENERS: ReadonlySet<string> = new Set(['in', 'on', 'by', 'during', 'from', 'until', 'since', 'at', 'of', 'the', 'early', 'late', 'mid', 'end', 'start', 'beginning', 'middle', 'then', 'and', 'but', 'also', 'later', 'earlier']);

/** How far back the clause is read. */
const CLAUSE_WINDOW = 12;

const AHEAD_WORDS: ReadonlySet<string> = new Set([
  'plan', 'plans', 'planned', 'planning', 'projected', 'scheduled', 'expected', 'intended', 'proposed', 'predicted',
  'envisioned', 'envisaged', 'would', 'will', 'until', 'till',
]);

/** Punctuation that ends the clause read back from a date, by code (see Cursor.punctCode). */
const CLAUSE_END = new CharCodeSet('.;:!?"“”');

/** Participles after "had" that are not "-ed"/"-en" ("had begun", "had fought"). */
const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(['begun', 'fought', 'won', 'lost', 'made', 'held', 'left', 'led', 'sent', 'set', 'met', 'become', 'come', 'run', 'struck', 'built', 'brought', 'kept', 'sought', 'spent', 'put']);

function isParticiple(w: string): boolean {
  return w.endsWith('ed') || w.endsWith('en') || IRREGULAR_PARTICIPLES.has(w);
}

/**
 * The cues of the clause before token i (the first token of a mention), as where a paragraph
 * opens: never Mid (see index.ts). midSentenceCue gives what a mention elsewhere adds.
 */
export function clauseCue(c: Cursor, i: number): Cue {
  let cue = c.isWord(c.prev(i), 'since') ? Cue.Since : Cue.None;
  let depth = 0;
  for (let j = c.prev(i), k = 0; j >= 0 && k < CLAUSE_WINDOW; j = c.prev(j), k++) {
    const p = c.punctCode(j);
    if (p >= 0) {
      if (p === 0x29 /* ) */) depth++;
      else if (p === 0x28 /* ( */) {
        if (depth === 0) return cue | Cue.Paren;
        depth--;
      } else if (CLAUSE_END.has(p)) break;
      continue;
    }
    const w = c.word(j); // '' for a number
    if (AHEAD_WORDS.has(w)) cue |= Cue.Ahead;
    else if (w === 'had' && isParticiple(c.word(c.next(j)))) cue |= Cue.Back;
  }
  return cue;
}

/** The cues a mention at token i adds when not where a paragraph opens: Mid unless it opens its sentence. */
export function midSentenceCue(c: Cursor, i: number): Cue {
  if (opensSentence(c, i)) return Cue.None;
  // "was imported by the end of 1776": a deadline in mid-sentence looks ahead
  return c.isWord(c.prev(i), 'by') ? Cue.Mid | Cue.Ahead : Cue.Mid;
}

/** Where each match stands in the paragraphs and sentences of the text (one pass over the tokens). */
export class Layout {
  private readonly para: Int32Array;
  private readonly sentence: Int32Array;
  /** Index of the first match of each match's paragraph. */
  private readonly paraFirst: Int32Array;

  constructor(c: Cursor, matches: readonly Match[]) {
    this.para = new Int32Array(matches.length);
    this.sentence = new Int32Array(matches.length);
    this.paraFirst = new Int32Array(matches.length);
    let para = 0;
    let sentence = 0;
    let k = 0;
    for (let j = 0; j < c.length && k < matches.length; j++) {
      if (j > 0 && c.tokens.gaps[j] === Gap.Paragraph) {
        para++;
        sentence++;
      }
      while (k < matches.length && matches[k].first === j) {
        this.para[k] = para;
        this.sentence[k] = sentence;
        this.paraFirst[k] = k > 0 && this.para[k - 1] === para ? this.paraFirst[k - 1] : k;
        k++;
      }
      if (SENTENCE_END.has(c.punctCode(j))) sentence++;
    }
  }

  sentenceOf(k: number): number {
    return this.sentence[k];
  }

  /** Whether no other date comes before match k in its paragraph. */
  opensParagraph(k: number): boolean {
    return this.paraFirst[k] === k;
  }

  /** Whether match k is in the first sentence of its paragraph that has a date. */
  inFirstDatedSentence(k: number): boolean {
    return this.sentence[this.paraFirst[k]] === this.sentence[k];
  }
}

// A Layout lives only while a segment is read (see keepShape.ts).
keepShapeOf(new Layout(new Cursor(tokenize('')), []));

/**
 * The explicit year of the date right after match k in the same sentence, if any: "their main
 * summer offensive … in June 1942", "the German Spring Offensive of 1918".
 */
export function yearAhead(c: Cursor, matches: readonly Match[], k: number): Point | null {
  const n = matches[k + 1];
  if (n === undefined || n.expr.kind !== 'point') return null;
  const p = n.expr.point;
  if (p.year === undefined || p.anaphor !== undefined || p.twoDigitYear !== undefined) return null;
  for (let j = matches[k].last + 1; j <= n.first; j++) {
    if (c.tokens.gaps[j] === Gap.Paragraph || SENTENCE_END.has(c.punctCode(j))) return null;
  }
  return p;
}

/** The punctuation that ends a sentence, by code (see Cursor.punctCode). */
const SENTENCE_END = new CharCodeSet('.!?;');

/** Whether the mention starting at token i opens its sentence, after at most a few opener words. */
function opensSentence(c: Cursor, i: number): boolean {
  let j = c.prev(i);
  for (let k = 0; j >= 0 && k < 4 && OPENERS.has(c.word(j)); k++) j = c.prev(j);
  if (j < 0) return true;
  const p = c.punctCode(j);
  return SENTENCE_END.has(p) || p === 0x3a /* : */ || c.text.charCodeAt(c.tokens.starts[j + 1] - 1) === 10;
}
