// The date tagger: finds temporal expressions in an article and normalises them to EDTF,
// resolving years and relative dates against the narrative time. Pure TypeScript, no Node API.

import type { DateMention, IndexOptions, ParsedArticle } from '../types';
import { detached, type SegmentWork } from '../workCache';
import type { Expr, Point } from './model';
import { advance, heldBy, timeOf, type NarrativeTime } from './narrative';
import { astronomicalYear, type Normalised } from './normalise';
import { place, type Placed } from './placement';
import { readSegment, type Found, type SegmentDates } from './segment';

export { compareIso } from './normalise';

export interface DateTaggerOptions extends IndexOptions {
  /**
   * How ranges and coordinated dates come out. 'merge' (the default, the project's gold
   * conventions): one mention, "1962-1966" → 1962/1966. 'split' (TIMEX2, as in WikiWars): one
   * mention per end or item, "1962" and "1966".
   */
  compounds?: 'merge' | 'split';
}

/** Where the story's time came from when a segment began: its mentions' anchors may point there. */
const INCOMING = -1;

/** The narrative's state from one segment to the next. */
interface Story {
  /** The story's time; its mentionIndex counts the segment's mentions, or is INCOMING. */
  now: NarrativeTime | null;
  /** The last date named had a day: "the same time" can be that day. */
  lastHadDay: boolean;
  /** The last date named was a bare year: "at the time" can be that year. */
  lastWasYear: boolean;
}

const STORY_START: Story = { now: null, lastHadDay: false, lastWasYear: false };

/** A mention as the narrative pass makes it: offsets in its segment, anchor among the segment's mentions or INCOMING. */
interface SegmentMention extends Omit<DateMention, 'id' | 'anchor'> {
  anchor?: number;
}

interface WalkedSegment {
  mentions: SegmentMention[];
  story: Story;
}

/**
 * Finds the date mentions of an article. `text` alone is enough; `article` (sections, passages)
 * only refines where the narrative time comes from.
 *
 * The text is read in the segments of `work` (one segment without it): each segment's own dates
 * first (segment.ts: tokens and recognised expressions, which depend only on its text and the era
 * carried in), then the narrative pass through the segments in order, carrying the story's time.
 * With `work.cache` both halves are reused for a segment whose text, and whose incoming story for
 * the second, are unchanged: an edit costs reading its segment again plus a walk that mostly
 * reuses. A full build takes the same path, so both give the same mentions.
 */
export function tagDates(text: string, article: ParsedArticle, options?: DateTaggerOptions, work?: SegmentWork): DateMention[] {
  void article;
  const split = options?.compounds === 'split';
  const cache = work?.cache;
  // The work of each segment text: the last build's, and this build's (what the next one may reuse).
  const last = cache?.get(SEGMENTS_KEY) as Map<string, SegmentWorkDone> | undefined;
  const used = new Map<string, SegmentWorkDone>();
  const out: DateMention[] = [];
  let story = STORY_START;
  /** Index in `out` of the mention the story's time came from (what INCOMING stands for). */
  let storyMention = -1;
  let bc = false;
  for (const segment of work?.segments ?? [{ start: 0, end: text.length }]) {
    // The parser's copy of the segment text when it gives one: the same string as last time, found at once.
    const sliced = segment.text ?? text.slice(segment.start, segment.end);
    const era: string = bc ? 'B' : 'A';
    const incoming = enterSegment(story);
    let dates: SegmentDates;
    let walked: WalkedSegment;
    if (cache) {
      // This build's entry for the text holds only the variants (era, incoming story) it used.
      const before = last?.get(sliced);
      let done = used.get(sliced);
      if (!done) {
        // Read from a copy: what the cache keeps must not keep this version of the text alive.
        done = { text: before?.text ?? segment.text ?? detached(sliced), reads: new Map(), walks: new Map() };
        used.set(done.text, done);
      }
      dates = done.reads.get(era) ?? before?.reads.get(era) ?? readSegment(done.text, bc);
      done.reads.set(era, dates);
      const walkKey = `${split ? 'S' : 'M'}${era} ${storySignature(incoming)}`;
      walked = done.walks.get(walkKey) ?? before?.walks.get(walkKey) ?? walkSegment(dates.found, done.text, split, incoming);
      done.walks.set(walkKey, walked);
    } else {
      dates = readSegment(sliced, bc);
      walked = walkSegment(dates.found, sliced, split, incoming);
    }
    const first = out.length;
    const made = (cache ? sameOrNewMentions : newMentions)(walked, first, segment.start, storyMention < 0 ? undefined : out[storyMention]);
    // Indexed: a for-of here made an iterator result per mention at every edit (heap sampling).
    for (let i = 0; i < made.length; i++) out.push(made[i]);
    const from = walked.story.now?.mentionIndex;
    if (from !== undefined && from !== INCOMING) storyMention = first + from;
    story = walked.story;
    bc = dates.bcAfter;
  }
  cache?.set(SEGMENTS_KEY, used);
  return out;
}

/** The cache entry of the tagger's work, a map by segment text (no key string is built per segment). */
const SEGMENTS_KEY = 'dates/segments';

/** What was done with one segment text: read in each era it came in, walked from each story it was entered with. */
interface SegmentWorkDone {
  /** The segment text, a copy of its own (see detached). */
  text: string;
  reads: Map<string, SegmentDates>;
  walks: Map<string, WalkedSegment>;
}

/**
 * The story as a segment sees it coming in: its time's sentence is none of the segment's (a
 * segment starts a paragraph, and a paragraph a sentence), its mention is INCOMING.
 */
function enterSegment(story: Story): Story {
  if (story.now === null) return story;
  return { ...story, now: { ...story.now, sentence: -1, mentionIndex: INCOMING } };
}

/** Everything of an incoming story the narrative pass reads (sentence and mention are fixed by enterSegment). */
function storySignature(story: Story): string {
  const n = story.now;
  const now = n === null ? 'none' : [n.year, n.month, n.day, n.inferred, n.kept, n.aside].map(String).join(',');
  return `${now};${story.lastHadDay};${story.lastWasYear}`;
}

/**
 * The mentions last made from each (cached) walked segment, and how: an edit leaves the segments
 * before it where they were, so their mentions are the same objects again (less garbage; never
 * modified). Kept by segment: a table entry per mention cost more than making the mention anew.
 */
const lastMade = new WeakMap<WalkedSegment, { first: number; offset: number; incoming: DateMention | undefined; mentions: DateMention[] }>();

/** newMentions, or the same mentions as last time when they are made the same way. */
function sameOrNewMentions(walked: WalkedSegment, first: number, offset: number, incoming: DateMention | undefined): DateMention[] {
  const last = lastMade.get(walked);
  if (last && last.first === first && last.offset === offset && last.incoming === incoming) return last.mentions;
  const mentions = newMentions(walked, first, offset, incoming);
  lastMade.set(walked, { first, offset, incoming, mentions });
  return mentions;
}

/**
 * A walked segment's mentions in the whole text, the first numbered `first`: offsets shifted by
 * `offset`, anchors resolved (INCOMING is `incoming`, the mention the story's time came from).
 */
function newMentions(walked: WalkedSegment, first: number, offset: number, incoming: DateMention | undefined): DateMention[] {
  const made: DateMention[] = [];
  for (let i = 0; i < walked.mentions.length; i++) {
    const m = walked.mentions[i];
    made.push(newMention(m, first + i, offset, m.anchor === undefined ? undefined : m.anchor === INCOMING ? incoming : made[m.anchor]));
  }
  return made;
}

/** A segment's mention in the whole text: numbered, offsets shifted, anchor resolved. */
function newMention(m: SegmentMention, index: number, offset: number, anchor: DateMention | undefined): DateMention {
  const mention: DateMention = {
    id: `d${index + 1}`, start: m.start + offset, end: m.end + offset, text: m.text,
    edtf: m.edtf, precision: m.precision, earliest: m.earliest, latest: m.latest, inferred: m.inferred, type: m.type,
  };
  if (m.mod) mention.mod = m.mod;
  if (anchor) mention.anchor = { dateId: anchor.id, text: anchor.text };
  if (m.problem) mention.problem = m.problem;
  return mention;
}

/** The narrative pass over one segment's dates, from the story coming in. */
function walkSegment(found: readonly Found[], text: string, split: boolean, incoming: Story): WalkedSegment {
  const out: SegmentMention[] = [];
  let { now, lastHadDay, lastWasYear } = incoming;
  const emit = (start: number, end: number, norm: Normalised, placed: Placed, mod: DateMention['mod']) => {
    const mention: SegmentMention = {
      start, end, text: text.slice(start, end),
      edtf: norm.edtf, precision: norm.precision, earliest: norm.earliest, latest: norm.latest,
      inferred: placed.inferred, type: placed.type,
    };
    if (mod) mention.mod = mod;
    if (placed.anchor !== undefined) mention.anchor = placed.anchor;
    if (norm.problem) mention.problem = norm.problem;
    out.push(mention);
  };
  // whether a mention of the current paragraph has moved the story yet
  let settled = false;
  for (const f of found) {
    const e = f.expr;
    if (f.opensParagraph) settled = false;
    const placed = placeInContext(f, now, lastHadDay, lastWasYear);
    // The gold conventions make one mention of coordinated *years* ("1957 and 1958"); other
    // coordinated dates ("August and September 1914", "May 4 and 5") stay one mention each.
    const splitHere = split || (e.kind === 'list' && !e.items.every(isBareYear));
    const firstIndex = out.length;
    if (splitHere && (e.kind === 'range' || e.kind === 'list') && f.parts) {
      // each end on its own; ends that could not be placed stay unknown
      const ends = e.kind === 'range' ? [e.from, e.to] : e.items;
      f.parts.forEach(([start, end], k) => emit(start, end, placed.parts?.[k] ?? placed.norm, placed, ends[k]?.mod));
    } else {
      emit(f.start, f.end, placed.norm, placed, modOf(e));
    }
    // Looking back ("two years ago", "a decade earlier", "since February") does not move the story there.
    const lookingBack = e.kind === 'point' && ((e.point.shift?.n ?? 0) < 0 || e.point.direction === -1 || (placed.inferred && f.afterSince));
    // Dates inside quotations are the speaker's, not the story's ("… completed during the spring of next year").
    // A quoted date in the story's year only refines it ("… on the 20 September. … on the 20th").
    const inQuote = f.quoted && now !== null;
    if (placed.sets && placed.norm.edtf !== null && !(placed.sets.aside && now !== null) && !lookingBack) {
      const t = timeOf(placed.sets, firstIndex);
      // a date in the first dated sentence of a paragraph, or before anything in it has moved the
      // story, may take the story anywhere
      const opening = !settled || f.inFirstDatedSentence;
      if (t && (!inQuote || t.year === now?.year) && (placed.inferred || !heldBy(now, t, opening ? f.cue : f.cue | f.midSentenceCue))) {
        now = advance(now, { ...t, inferred: placed.inferred, sentence: f.sentence });
        settled = true;
      }
    }
    lastHadDay = namesDay(e);
    lastWasYear = namesBareYear(e);
  }
  return { mentions: out, story: { now, lastHadDay, lastWasYear } };
}

/**
 * Places a date in its context. A bare month or season opening a paragraph takes its year from an
 * explicit date right after it in the same sentence rather than from the previous paragraph's story
 * ("… launched their main summer offensive against southern Russia in June 1942").
 */
function placeInContext(f: Found, now: NarrativeTime | null, lastHadDay: boolean, lastWasYear: boolean): Placed {
  const e = f.expr;
  // "the same time" is the story's day only right after a date with a day ("… on 25 April. At the same time, …"),
  // "at the time" its year only right after a year
  if (e.kind === 'point' && e.point.sameTime) {
    if (!(e.point.anaphor === 'year' ? lastWasYear : lastHadDay)) return place({ kind: 'vague' }, now);
  }
  // "On 27 June 1950, two days after the KPA invaded, and three months before …": in apposition to
  // the date just named, an event-anchored shift is that date
  if (e.kind === 'point' && e.point.event && f.inApposition) {
    return place({ kind: 'point', point: { anaphor: 'day' } }, now);
  }
  // "since February": the latest February up to the story's time, never the next year's
  if (e.kind === 'point' && e.point.anaphor === 'year' && e.point.month !== undefined && !e.point.shift && e.point.direction === undefined && f.afterSince) {
    return place({ kind: 'point', point: { ...e.point, direction: -1 } }, now);
  }
  if (now !== null && e.kind === 'point' && e.point.anaphor === 'year' && !e.point.shift && e.point.direction === undefined
    && (e.point.month !== undefined || e.point.season !== undefined) && f.opensParagraph) {
    const y = f.yearAhead;
    if (y !== null && astronomicalYear(y) !== now.year) {
      const point: Point = { ...e.point, year: y.year };
      delete point.anaphor;
      if (y.bc) point.bc = true;
      return { ...place({ kind: 'point', point }, now), inferred: true };
    }
  }
  return place(e, now);
}

/** A date with a day (or the story's day): what "the same time" right after it refers to. */
function namesDay(e: Expr): boolean {
  return (e.kind === 'point' || e.kind === 'time') && e.point !== null && (e.point.day !== undefined || e.point.anaphor === 'day');
}

/** A year alone: what "at the time" right after it refers to. */
function namesBareYear(e: Expr): boolean {
  return e.kind === 'point' && e.point.year !== undefined && e.point.month === undefined && e.point.season === undefined && e.point.anaphor === undefined;
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
