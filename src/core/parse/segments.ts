// Cutting a text into independently parsed segments, for speed and for safety.
//
// micromark is linear on ordinary prose, but (1) on one huge document it is markedly
// slower than on many mid-sized ones, and (2) a few inputs make it super-linear: deeply
// nested containers (`> > > …`, `- - - …`), thousands of `](` / `][` in one paragraph
// (link resources and references are re-tried), thousands of `*`/`_` runs in one
// paragraph (emphasis resolution). One linear pre-scan finds safe cut points and such
// hazards; a hazardous stretch gets its own segment, parsed with the costly constructs
// disabled (links, emphasis) or, for deep nesting, as plain paragraphs.

import { htmlBlockNames } from 'micromark-util-html-tag-name';
import { keepShapeOf } from '../keepShape';
import { isMediawikiHeadingLine, setextUnderline } from './prose';
import { isSpaceCode, trimSpan } from './sentences';
import { commonPrefix, commonSuffix } from '../textEdit';
import { fnv1a } from '../hash';

export interface Segment {
  start: number;
  end: number;
  /** Parse as plain paragraphs (blank-line separated), not as Markdown. */
  plain: boolean;
  /** Markdown constructs to disable in this segment (micromark construct names). */
  disable: string[];
}

/** Below this size a text without hazards is parsed at once. */
export const SEGMENT_MIN = 64 * 1024;
/**
 * Rough size of a segment when cutting. An edit costs each stage a re-read of its segment, so small;
 * 8 KB indexes 1 MB as fast as 24 KB did, and a one-character edit there re-parses in ~4 ms, not ~8.
 * Size cuts leave segments at least half as long and at most four times as long (see sizeCutAt).
 */
export const SEGMENT_TARGET = 8 * 1024;
const SEGMENT_SHORTEST = SEGMENT_TARGET / 2;
const SEGMENT_LONGEST = 4 * SEGMENT_TARGET;
/** Characters between anchors (see sizeCutAt), on average. */
const ANCHOR_GAP = SEGMENT_TARGET / 2;
/** Container nesting (block quotes, list items) deeper than this is parsed as plain text. */
export const MAX_NESTING = 24;
/** More `](`/`][` in one blank-line separated block than this: links are not parsed there. */
export const MAX_LINK_MARKS = 128;
/** Links also off when marks × block length exceeds this (each retry may scan a long line). */
export const MAX_LINK_WORK = 8_000_000;
/** More `*`/`_` runs in one block than this: emphasis is not parsed there. */
export const MAX_ATTENTION_RUNS = 256;
/**
 * A block longer than this where more than 40% of the characters start Markdown constructs
 * (`[ * _ < & \ ` !`) is symbol soup, not prose: each such character costs micromark a
 * construct attempt (some 20 times the cost of a letter), so it is read as plain text.
 */
export const SOUP_MIN_LENGTH = 32 * 1024;

/**
 * Setext headings (a line over a line of "=" or "-") per segment at most. micromark resolves each
 * one by copying the event list of its document so far (EditMap.consume in
 * micromark-core-commonmark's setext-underline.js), so many in one parse cost quadratic time.
 */
export const MAX_SETEXT_PER_SEGMENT = 32;

const LINKS = ['labelStartLink', 'labelStartImage', 'labelEnd'];
const ATTENTION = ['attention'];

/** An ASCII letter or digit, or a non-space character past Latin-1's symbols (no surrogate half). */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && !isSpaceCode(c) && !(c >= 0xd800 && c <= 0xdfff));
}

function isSegmentStart(c: number): boolean {
  return isWordCode(c) || c === 61 || c === 35 || c === 40 || c === 34;
}

/** `#…` ATX opening or a MediaWiki `=…=` line, starting in column 0. */
function isHeadingLine(text: string, ls: number, le: number): boolean {
  const c = text.charCodeAt(ls);
  if (c === 35) {
    let k = ls;
    while (k < le && text.charCodeAt(k) === 35) k++;
    return k - ls <= 6 && (k === le || text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9);
  }
  return c === 61 && isMediawikiHeadingLine(text, ls, le);
}

const HTML_BLOCK_NAMES = new Set(htmlBlockNames);
const HTML_RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const HTML_OPEN_TAG = /^<([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>\s*$/;
const HTML_CLOSE_TAG = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>\s*$/;

/**
 * Whether the line from `at` opens an HTML block of kind 6 (a block tag name) or, with `kind7`,
 * of kind 7 (a whole tag alone on its line). Kinds 1–5 (`<script`, `<!--`, …) are found elsewhere.
 */
function opensHtmlBlock(text: string, at: number, le: number, kind7: boolean): boolean {
  if (text.charCodeAt(at) !== 60) return false;
  let k = at + 1;
  if (text.charCodeAt(k) === 47) k++;
  const nameStart = k;
  while (k < le && k - nameStart < 16 && /[A-Za-z0-9]/.test(text[k])) k++;
  const name = text.slice(nameStart, k).toLowerCase();
  const after = k < le ? text.charCodeAt(k) : -1;
  if (HTML_BLOCK_NAMES.has(name) && (after === -1 || after === 32 || after === 9 || after === 62 || (after === 47 && text.charCodeAt(k + 1) === 62))) return true;
  if (!kind7 || le - at > 2000) return false;
  const line = text.slice(at, le);
  const tag = HTML_OPEN_TAG.exec(line) ?? HTML_CLOSE_TAG.exec(line);
  return tag !== null && !HTML_RAW_NAMES.has(tag[1].toLowerCase());
}

/** Spaces and tabs just before `at` on its line. */
function leadingSpaces(text: string, ls: number, at: number): number {
  let k = at;
  while (k > ls && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  return at - k;
}

/**
 * Whether the line from `at` can only be paragraph text (or an ordered list, seen as a container):
 * it starts with a letter or a digit, or it is "=" signs but no MediaWiki heading ("== x ==").
 */
function startsParagraph(text: string, at: number, le: number): boolean {
  const c = at < le ? text.charCodeAt(at) : -1;
  return c === 61 ? !isHeadingLine(text, at, le) : isWordCode(c);
}

/**
 * Whether a size cut is made at the line from `ls` that may start a segment, `sinceCut` characters
 * after the last cut and `sincePlace` after the last place where one could be (a block's start or
 * a heading line). The cuts are content-defined (as rsync's or a deduplicating store's chunks
 * are): such a line is an anchor or not by a hash of its first characters, with a chance of
 * sincePlace / ANCHOR_GAP, and the cut is made at the first anchor at least SEGMENT_SHORTEST after
 * the last cut (or at any such line SEGMENT_LONGEST after it). An edit moves only the cuts next to
 * it. Cutting at the first such line SEGMENT_TARGET after the last cut moved every cut after a
 * pasted paragraph until one happened to fall in place again: pasting one in the middle of 1 MB of
 * WikiWars articles changed 17 segments of 111, all of them re-read.
 */
function sizeCutAt(text: string, ls: number, le: number, sinceCut: number, sincePlace: number): boolean {
  if (sinceCut < SEGMENT_SHORTEST) return false;
  if (sinceCut >= SEGMENT_LONGEST || sincePlace >= ANCHOR_GAP) return true;
  let hash = fnv1a(text, ls, Math.min(le, ls + 32)); // the line's first characters
  // mixed (MurmurHash3's finalizer) so that its high bits depend on the last characters too ("Events of 1901")
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0 < (sincePlace / ANCHOR_GAP) * 2 ** 32;
}

interface Cut {
  at: number;
  plain: boolean;
  disable: Set<string>;
}

/**
 * The scan's state at the start of a line after a blank line, outside fences and HTML blocks: all
 * that it carries from the text before to the text after, with the cuts. The rest of its state is
 * the same at every such line (the blank line ended the block and reset its counts) or is set by
 * the line before it is read.
 */
interface Checkpoint {
  at: number;
  /** How far back the last place where a size cut could be was (see sizeCutAt). */
  sincePlace: number;
  /** How many cuts precede `at`: later blocks start after it, so the scan never changes those again. */
  cuts: number;
  noDefinitions: boolean;
  underlines: number;
  markupSinceCut: boolean;
}

/** A text's plan, with what planning an edited version from it takes (planSegmentsFrom). */
export interface SegmentPlan {
  text: string;
  segments: Segment[];
  /** The cuts before those not isolating hazards are dropped for link reference definitions. */
  cuts: Cut[];
  /** In text order: the first after each change of the cuts, then one every CHECKPOINT_GAP or more. */
  checkpoints: Checkpoint[];
  noDefinitions: boolean;
  /** How many characters were scanned to make it: all of the text unless made from an earlier plan. */
  scanned: number;
}

/** Characters between checkpoints kept: a re-plan scans again from the last one before the edit. */
const CHECKPOINT_GAP = 2048;

export function planSegments(text: string): Segment[] {
  return planSegmentsFrom(text).segments;
}

/**
 * planSegments(text), computed from `previous`, the plan of an earlier version of the text: the scan
 * resumes at the last checkpoint before the first changed character, and stops at the first
 * checkpoint after the last changed one where its state equals the old one's (the last cut shifted
 * by the length difference like the text), for from there it would repeat the old scan, shifted.
 */
export function planSegmentsFrom(text: string, previous?: SegmentPlan): SegmentPlan {
  const n = text.length;
  // Whether the text is large enough for size cuts acts everywhere: if that changed, plan afresh.
  if (previous && (previous.text.length >= SEGMENT_MIN) === n >= SEGMENT_MIN) {
    const old = previous.text;
    if (old === text) return previous;
    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, Math.min(old.length, n) - prefix);
    // The scan's state at a line start depends on the text before it and on its first character.
    let i = previous.checkpoints.length - 1;
    while (i >= 0 && previous.checkpoints[i].at >= prefix) i--;
    if (i >= 0) {
      const from = previous.checkpoints[i];
      const cuts = previous.cuts.slice(0, from.cuts);
      const checkpoints = previous.checkpoints.slice(0, i);
      const delta = n - old.length;
      const scanned = scan(text, from, cuts, checkpoints, { plan: previous, delta, from: n - suffix, next: i });
      if (scanned.stop < 0) return finish(text, cuts, checkpoints, scanned.noDefinitions, scanned.end - from.at);
      const stop = previous.checkpoints[scanned.stop];
      const offset = cuts.length - stop.cuts;
      // The old cuts after the stop, shifted; their flags can be shared, as a scan only changes cuts it made.
      for (let k = stop.cuts; k < previous.cuts.length; k++) {
        const c = previous.cuts[k];
        cuts.push({ at: c.at + delta, plain: c.plain, disable: c.disable });
      }
      for (let k = scanned.stop; k < previous.checkpoints.length; k++) {
        const c = previous.checkpoints[k];
        checkpoints.push({ at: c.at + delta, sincePlace: c.sincePlace, cuts: c.cuts + offset, noDefinitions: c.noDefinitions, underlines: c.underlines, markupSinceCut: c.markupSinceCut });
      }
      return finish(text, cuts, checkpoints, previous.noDefinitions, scanned.end - from.at);
    }
  }
  const cuts: Cut[] = [{ at: 0, plain: false, disable: new Set() }];
  const checkpoints: Checkpoint[] = [];
  const scanned = scan(text, { at: 0, sincePlace: 0, cuts: 1, noDefinitions: true, underlines: 0, markupSinceCut: false }, cuts, checkpoints);
  return finish(text, cuts, checkpoints, scanned.noDefinitions, n);
}

/** Where a re-plan may stop: from `from` on, at a checkpoint of `plan` `delta` before (from index `next` on). */
interface StopAt {
  plan: SegmentPlan;
  delta: number;
  from: number;
  next: number;
}

/**
 * The index of the old plan's checkpoint where the scan, at the checkpoint `ls` in this state, meets
 * the old scan: at the same place, shifted, in the same state (the last cut shifted too); from there
 * the rest of it is the old one's. Else -1. Moves `stopAt.next` on. (Called at every checkpoint of
 * every scan, so that a first re-plan finds scan() optimized for it.)
 */
function oldCheckpointAt(stopAt: StopAt | undefined, ls: number, noDefinitions: boolean, cutter: Cutter): number {
  if (!stopAt || ls < stopAt.from) return -1;
  const { plan, delta } = stopAt;
  const old = plan.checkpoints;
  while (stopAt.next < old.length && old[stopAt.next].at + delta < ls) stopAt.next++;
  const o = old[stopAt.next];
  const met =
    o !== undefined &&
    o.at + delta === ls &&
    o.sincePlace === ls - cutter.lastPlace &&
    o.noDefinitions === noDefinitions &&
    o.underlines === cutter.underlines &&
    o.markupSinceCut === cutter.markupSinceCut &&
    plan.cuts[o.cuts - 1].at + delta === cutter.lastCut();
  return met ? stopAt.next : -1;
}

/**
 * The cuts a scan makes, with what they depend on: the current block's hazard counts, the setext
 * headings and markup since the last cut. A class rather than closures in scan(): its methods
 * stay optimized from one scan to the next.
 */
class Cutter {
  /** The current blank-line separated block. */
  blockStart = 0;
  /** The last block start or heading line: a place where a size cut could be (see sizeCutAt). */
  lastPlace: number;
  linkMarks = 0;
  attentionRuns = 0;
  triggers = 0;
  deep = false;
  /** Setext underlines since the last cut. */
  underlines: number;
  /**
   * Whether a line since the last cut may have opened a fence or HTML: the scan only approximates
   * those, so setext cuts are made only in stretches without them.
   */
  markupSinceCut: boolean;

  constructor(
    readonly cuts: Cut[],
    private readonly n: number,
    from: Checkpoint,
  ) {
    this.lastPlace = from.at - from.sincePlace;
    this.underlines = from.underlines;
    this.markupSinceCut = from.markupSinceCut;
  }

  lastCut(): number {
    return this.cuts[this.cuts.length - 1].at;
  }

  /** A block start or heading line at `ls`, now the last place: how far it is from the one before. */
  passPlace(ls: number): number {
    const since = ls - this.lastPlace;
    this.lastPlace = ls;
    return since;
  }

  setextCutDue(): boolean {
    return this.underlines >= MAX_SETEXT_PER_SEGMENT && !this.markupSinceCut;
  }

  cut(at: number): void {
    if (at > this.lastCut()) {
      this.cuts.push({ at, plain: false, disable: new Set() });
      this.underlines = 0;
      this.markupSinceCut = false;
    }
  }

  endBlock(end: number): void {
    const { cuts, blockStart } = this;
    const links = this.linkMarks > MAX_LINK_MARKS || this.linkMarks * (end - blockStart) > MAX_LINK_WORK;
    const attention = this.attentionRuns > MAX_ATTENTION_RUNS;
    if (end - blockStart > SOUP_MIN_LENGTH && this.triggers * 5 > (end - blockStart) * 2) this.deep = true;
    if (this.deep || links || attention) {
      // Isolate the block in its own segment(s) and flag them.
      let j = cuts.length - 1;
      while (j > 0 && cuts[j].at > blockStart) j--;
      if (cuts[j].at < blockStart) cuts.splice(++j, 0, { at: blockStart, plain: false, disable: new Set() });
      for (; j < cuts.length; j++) {
        const seg = cuts[j];
        if (this.deep) seg.plain = true;
        if (links) for (const x of LINKS) seg.disable.add(x);
        if (attention) for (const x of ATTENTION) seg.disable.add(x);
      }
      if (end < this.n) this.cut(end);
    }
    this.linkMarks = 0;
    this.attentionRuns = 0;
    this.triggers = 0;
    this.deep = false;
  }
}

// A scan's Cutter lives only while it runs (see keepShape.ts).
keepShapeOf(new Cutter([], 0, { at: 0, sincePlace: 0, cuts: 0, noDefinitions: true, underlines: 0, markupSinceCut: false }));

/** ASCII characters the line scan stops at: line ends, `(`, and the TRIGGER_MARKS, which start constructs and are counted. */
const PLAIN_MARKS = '\n\r(';
const TRIGGER_MARKS = '[*_<&\\`!';
const IS_TRIGGER = new Uint8Array(128);
for (const c of TRIGGER_MARKS) IS_TRIGGER[c.charCodeAt(0)] = 1;
/**
 * Finds the next of them: the regular expression engine passes the characters between two marks
 * (nearly all of a line of prose) faster than a loop over their codes (the parse took about a sixth less time).
 */
const NEXT_MARK = new RegExp(`[${(PLAIN_MARKS + TRIGGER_MARKS).replace(/[\\\]^-]/g, '\\$&')}]`, 'g');

/**
 * Scans the text from the checkpoint `from` (`cuts` holding the cuts before it) to its end or, with
 * `stopAt`, to the first checkpoint where the rest would be the old plan's: adds to `cuts` and
 * `checkpoints`; returns where it stopped (`end`, and the index in the old plan's checkpoints, or
 * -1) and whether no link reference definition was seen.
 */
function scan(text: string, from: Checkpoint, cuts: Cut[], checkpoints: Checkpoint[], stopAt?: StopAt): { stop: number; end: number; noDefinitions: boolean } {
  const n = text.length;
  const big = n >= SEGMENT_MIN;
  const cutter = new Cutter(cuts, n, from);
  let noDefinitions = from.noDefinitions;
  let prevBlank = true;
  let fenceChar = 0;
  let fenceLen = 0;
  let htmlEnd: string | null = null;
  // A fence or HTML block opened after a container prefix or indentation (inside a list
  // item, say) ends with its container: at a line indented less than its start that is not
  // a block quote line (no lazy continuation for these).
  let innerColumn = -1;
  let htmlBlock = false;
  // Whether the current block is so far a top-level paragraph (lines starting with a letter or
  // digit, no container markers); whether the last line ended such a paragraph as a setext
  // heading, which leaves the parser at the top level: a cut there changes nothing.
  let topParagraph = false;
  let headingEnded = false;
  // The last checkpoint kept.
  let keptAt = -CHECKPOINT_GAP;
  let keptCuts = -1;

  let ls = from.at;
  while (ls < n) {
    if (prevBlank && !fenceChar && htmlEnd === null) {
      // A checkpoint: past the edit, the scan may stop where it meets the old one.
      const stop = oldCheckpointAt(stopAt, ls, noDefinitions, cutter);
      if (stop >= 0) return { stop, end: ls, noDefinitions };
      if (cuts.length !== keptCuts || ls - keptAt >= CHECKPOINT_GAP) {
        checkpoints.push({ at: ls, sincePlace: ls - cutter.lastPlace, cuts: cuts.length, noDefinitions, underlines: cutter.underlines, markupSinceCut: cutter.markupSinceCut });
        keptAt = ls;
        keptCuts = cuts.length;
      }
    }
    // Scan the line once: its end, and the hazard counts.
    let le = ls;
    let lineLinks = 0;
    let lineRuns = 0;
    let lineTriggers = 0;
    for (;;) {
      NEXT_MARK.lastIndex = le;
      le = NEXT_MARK.test(text) ? NEXT_MARK.lastIndex - 1 : n;
      if (le === n) break;
      const c = text.charCodeAt(le);
      if (c === 10 || c === 13) break;
      const prev = le > ls ? text.charCodeAt(le - 1) : -1;
      if ((c === 40 || c === 91) && prev === 93) lineLinks++;
      else if ((c === 42 || c === 95) && c !== prev) lineRuns++;
      if (IS_TRIGGER[c] === 1) lineTriggers++;
      le++;
    }
    let k = ls;
    while (k < le && isSpaceCode(text.charCodeAt(k))) k++;
    const blank = k === le;
    const first = ls < le ? text.charCodeAt(ls) : -1;

    if (!blank && innerColumn >= 0 && (fenceChar || htmlEnd !== null) && k - ls < innerColumn && text.charCodeAt(k) !== 62) {
      fenceChar = 0;
      htmlEnd = null;
      innerColumn = -1;
    }
    if (blank) {
      if (!prevBlank && !fenceChar && htmlEnd === null) cutter.endBlock(ls);
      htmlBlock = false;
    } else {
      const underline: boolean = topParagraph && !prevBlank && !headingEnded && setextUnderline(text, ls, le) !== 0;
      if (underline) cutter.underlines++;
      if ((prevBlank || headingEnded) && !fenceChar && htmlEnd === null) {
        // A new block.
        if (headingEnded && cutter.setextCutDue()) {
          // After many setext headings the line after one starts a segment.
          cutter.endBlock(ls);
          cutter.cut(ls);
        }
        const sincePlace = cutter.passPlace(ls);
        cutter.blockStart = ls;
        htmlBlock = k - ls <= 3 && opensHtmlBlock(text, k, le, true);
        topParagraph = !htmlBlock && startsParagraph(text, ls, le);
        if (prevBlank && ((big && sizeCutAt(text, ls, le, ls - cutter.lastCut(), sincePlace)) || cutter.setextCutDue())) {
          if (isSegmentStart(first)) cutter.cut(ls);
        }
      } else if (!fenceChar && htmlEnd === null && !htmlBlock && isHeadingLine(text, ls, le)) {
        const sincePlace = cutter.passPlace(ls);
        if (big && sizeCutAt(text, ls, le, ls - cutter.lastCut(), sincePlace)) cutter.cut(ls);
      }
      headingEnded = underline;
      // Container prefixes (block quote markers, list markers): nesting depth.
      let s = ls;
      let depth = 0;
      let indent = 0;
      for (;;) {
        const s0 = s;
        while (s < le && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
        indent += s - s0;
        if (s >= le || depth > MAX_NESTING) break;
        const c = text.charCodeAt(s);
        if (c === 62 /* > */) {
          s++;
          depth++;
          continue;
        }
        if ((c === 45 || c === 42 || c === 43) && (s + 1 === le || text.charCodeAt(s + 1) === 32 || text.charCodeAt(s + 1) === 9)) {
          s += 1;
          depth++;
          continue;
        }
        let d = s;
        while (d < le && d - s < 9 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
        if (d > s && d < le && (text.charCodeAt(d) === 46 || text.charCodeAt(d) === 41) && (d + 1 === le || text.charCodeAt(d + 1) === 32)) {
          s = d + 1;
          depth++;
          continue;
        }
        break;
      }
      if (depth > 0 && depth + (indent >> 1) > MAX_NESTING) cutter.deep = true;
      if (!underline && (depth > 0 || !startsParagraph(text, k, le))) topParagraph = false;
      const c = s < le ? text.charCodeAt(s) : -1;
      if (c === 60 || c === 96 || c === 126) cutter.markupSinceCut = true;
      // HTML blocks of kinds 6 and 7 (CommonMark) run to the next blank line: no fences or other
      // HTML inside. Kind 6 may interrupt a paragraph.
      if (!htmlBlock && !fenceChar && htmlEnd === null && leadingSpaces(text, ls, s) <= 3 && opensHtmlBlock(text, s, le, false)) htmlBlock = true;
      if (htmlBlock) {
        topParagraph = false;
      } else if (htmlEnd !== null) {
        if (text.slice(ls, le).toLowerCase().includes(htmlEnd)) htmlEnd = null;
      } else if (c === 96 || c === 126) {
        let r = s;
        while (r < le && text.charCodeAt(r) === c) r++;
        const len = r - s;
        if (len >= 3) {
          if (!fenceChar) {
            fenceChar = c;
            fenceLen = len;
            innerColumn = s > ls ? s - ls : -1;
          } else if (c === fenceChar && len >= fenceLen && trimSpan(text, r, le) === null) {
            fenceChar = 0;
          }
        }
      } else if (!fenceChar && c === 60 /* < */) {
        const head = text.slice(s, Math.min(le, s + 12)).toLowerCase();
        let end: string | null = null;
        const m = /^<(script|pre|style|textarea)(?=[\s>]|$)/.exec(head);
        if (m) end = '</' + m[1];
        else if (head.startsWith('<!--')) end = '-->';
        else if (head.startsWith('<![cdata[')) end = ']]>';
        else if (head.startsWith('<?')) end = '?>';
        else if (/^<![a-z]/.test(head)) end = '>';
        if (end !== null && !text.slice(s + 2, le).toLowerCase().includes(end)) {
          htmlEnd = end;
          innerColumn = s > ls ? s - ls : -1;
        }
      } else if (!fenceChar && c === 91 /* [ */ && s - ls <= 3 && noDefinitions) {
        // A possible link reference definition: they act across the document, so no size cuts.
        if (text.slice(s, le).includes(']:')) noDefinitions = false;
      }
      if (!fenceChar && htmlEnd === null) {
        cutter.linkMarks += lineLinks;
        cutter.attentionRuns += lineRuns;
        cutter.triggers += lineTriggers;
      }
    }
    if (blank) headingEnded = false;
    prevBlank = blank;
    if (le < n && text.charCodeAt(le) === 13 && le + 1 < n && text.charCodeAt(le + 1) === 10) le++;
    ls = le + 1;
  }
  if (!prevBlank) cutter.endBlock(n);
  return { stop: -1, end: n, noDefinitions };
}

function finish(text: string, cuts: Cut[], checkpoints: Checkpoint[], noDefinitions: boolean, scanned: number): SegmentPlan {
  const n = text.length;
  // With link reference definitions, keep only the cuts that isolate hazards.
  let kept = cuts;
  if (!noDefinitions) {
    kept = [];
    for (let i = 0; i < cuts.length; i++) {
      const c = cuts[i];
      const hazard = c.plain || c.disable.size > 0;
      const afterHazard = i > 0 && (cuts[i - 1].plain || cuts[i - 1].disable.size > 0);
      if (i === 0 || hazard || afterHazard) kept.push(c);
    }
  }
  const segments = kept.map((c, i) => ({ start: c.at, end: i + 1 < kept.length ? kept[i + 1].at : n, plain: c.plain, disable: [...c.disable] }));
  return { text, segments, cuts, checkpoints, noDefinitions, scanned };
}
