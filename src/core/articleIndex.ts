import { tagDates } from './dates';
import { extractEntities } from './entities';
import { parseArticleInSegments, type SegmentParseCache } from './parse';
import type { WorkCache } from './workCache';
import { runSteps } from './steps';
import { inOrder } from './columns';
import { isoToYear } from './timeOrder';
import type {
  ArticleIndexData,
  DateMention,
  Entity,
  IndexOptions,
  Passage,
  Span,
  TextSpan,
  TimelineEvent,
} from './types';
import { partitionPoint } from './partitionPoint';

/** Passage kinds that can state an event; headings and infobox fields only label things. */
const EVENT_PASSAGE_KINDS: readonly Passage['kind'][] = ['prose', 'list-item'];

export interface EntityMentionHit {
  entity: Entity;
  mention: TextSpan;
}

export interface RelatedPassage {
  event: TimelineEvent;
  score: number;
  sharedEntities: Entity[];
  overlapsInTime: boolean;
}

/** Where an event sits on the time axis: from its first placeable date. */
export interface TimePlacement {
  date: DateMention;
  /** Fractional years (see isoToYear). */
  from: number;
  to: number;
}

/** The stages of indexing, in order (for timing: see BuildOptions.onStage). */
export type IndexStage = 'parse' | 'passages' | 'dates' | 'entities' | 'events';

export interface BuildOptions extends IndexOptions {
  /** Called after each stage with the time it took (ms): for benchmarks and logs. No effect on the result. */
  onStage?: (stage: IndexStage, ms: number) => void;
  /** Asked between stages: true abandons the build (it throws IndexCancelled), e.g. when a newer version waits. */
  isCancelled?: () => boolean;
}

/** Thrown by buildIndex/buildIndexData when `isCancelled` says so. */
export class IndexCancelled extends Error {
  constructor() {
    super('indexing cancelled');
    this.name = 'IndexCancelled';
  }
}

/** Parses, tags and links an article: the one entry point every feature uses. */
export function buildIndex(text: string, options: BuildOptions = {}): ArticleIndex {
  return new ArticleIndex(text, buildIndexData(text, options));
}

/** Work an incremental build may reuse from the previous version (see src/core/incremental.ts). */
export interface Reuse {
  /** What the parser read from each text segment. */
  parse?: SegmentParseCache;
  /** The date tagger's per-segment work. */
  dates?: WorkCache<unknown>;
  /** The entity extractor's per-segment work. */
  entities?: WorkCache<unknown>;
}

/**
 * The plain data of an index (structured-cloneable: a worker builds it, the host wraps it in an
 * ArticleIndex). `reuse` never changes the result, only how much is recomputed.
 */
export function buildIndexData(text: string, options: BuildOptions = {}, reuse: Reuse = {}): ArticleIndexData {
  return runSteps(indexSteps(text, options, reuse));
}

/** The steps of a build (see indexSteps): each yields the stage it has just finished. */
export type IndexSteps = Generator<IndexStage, ArticleIndexData, void>;

/**
 * buildIndexData one stage at a time: the generator yields after each stage ('passages', 'dates',
 * 'entities', 'events'; parse and passages are one step) and returns the data. Whoever drives it
 * may let other work run between steps, e.g. a Web Worker taking its messages; `isCancelled` is
 * asked when the next step begins (so after the last one too), and a true throws IndexCancelled.
 * A build abandoned between steps leaves `reuse` sound: its caches only ever hold, under a key,
 * the work that key stands for (see workCache.ts).
 */
export function* indexSteps(text: string, options: BuildOptions = {}, reuse: Reuse = {}): IndexSteps {
  const { onStage, isCancelled } = options;
  let t = onStage ? performance.now() : 0;
  const lap = (stage: IndexStage) => {
    if (!onStage) return;
    const now = performance.now();
    onStage(stage, now - t);
    t = now;
  };
  const cancelIfAsked = () => {
    if (isCancelled?.()) throw new IndexCancelled();
    // The wait between steps is not the next stage's time.
    if (onStage) t = performance.now();
  };
  // The parser reports its two halves when it supports the hook; else all of it counts as 'parse'.
  let parseSplit: { parse: number; passages: number } | undefined;
  const { article, segments } = parseArticleInSegments(
    text,
    onStage ? (stage, ms) => ((parseSplit ??= { parse: 0, passages: 0 })[stage] += ms) : undefined,
    reuse.parse,
  );
  if (onStage) {
    const now = performance.now();
    const all = now - t;
    onStage('parse', parseSplit ? all - parseSplit.passages : all);
    onStage('passages', parseSplit ? parseSplit.passages : 0);
    t = now;
  }
  yield 'passages';
  cancelIfAsked();
  const dates = tagDates(text, article, options, { segments, cache: reuse.dates });
  lap('dates');
  yield 'dates';
  cancelIfAsked();
  const entities = extractEntities(text, article, options, { segments, cache: reuse.entities });
  lap('entities');
  yield 'entities';
  cancelIfAsked();
  const events = findEvents(text, article.passages, article.sections.map((s) => s.title), dates, entities);
  lap('events');
  yield 'events';
  cancelIfAsked();
  return { ...article, dates, entities, events };
}

function findEvents(
  text: string,
  passages: Passage[],
  sectionTitles: string[],
  dates: DateMention[],
  entities: Entity[],
): TimelineEvent[] {
  const datesIn = spansWithin(boundsOf(dates));
  const mentions = mentionsInTextOrder(entities, false);
  const mentionsIn = spansWithin(mentions);
  // By entity: the number of the last event it was added to, so each event lists it once.
  const addedTo = new Int32Array(entities.length);
  const events: TimelineEvent[] = [];
  // Reused from passage to passage (the index worker makes the events anew at every edit): the
  // dates and mentions inside one, and its ids, of which each event keeps a copy of its size.
  const inside = new Int32Array(dates.length);
  const mentioned = new Int32Array(mentions.starts.length);
  const ids: string[] = [];
  for (let p = 0; p < passages.length; p++) {
    const passage = passages[p];
    if (!EVENT_PASSAGE_KINDS.includes(passage.kind)) continue;
    const dateCount = datesIn(passage, inside);
    let placeable = false;
    for (let k = 0; k < dateCount && !placeable; k++) placeable = isPlaceable(dates[inside[k]]);
    if (!placeable) continue;
    const number = events.length + 1;
    for (let k = 0; k < dateCount; k++) ids[k] = dates[inside[k]].id;
    const dateIds = ids.slice(0, dateCount);
    let entityCount = 0;
    const mentionCount = mentionsIn(passage, mentioned);
    for (let k = 0; k < mentionCount; k++) {
      const owner = mentions.owner[mentions.order[mentioned[k]]];
      if (addedTo[owner] === number) continue;
      addedTo[owner] = number;
      ids[entityCount++] = entities[owner].id;
    }
    events.push({
      id: `v${number}`,
      start: passage.start,
      end: passage.end,
      section: passage.section >= 0 ? sectionTitles[passage.section] : null,
      dates: dateIds,
      entities: ids.slice(0, entityCount),
      text: text.slice(passage.start, passage.end),
    });
  }
  return events;
}

function isPlaceable(date: DateMention): boolean {
  return date.earliest !== null && date.latest !== null && !date.problem;
}

/**
 * The starts and ends of start-sorted spans, for the binary searches: reading numbers from typed
 * arrays, not fields from objects, is what keeps lookups and the events stage fast.
 */
export interface Bounds {
  starts: Int32Array;
  ends: Int32Array;
}

/** The bounds of the spans, or of spans[order[0]], spans[order[1]]… when an order is given. */
function boundsOf(spans: readonly Span[], order?: Int32Array): Bounds {
  const count = order ? order.length : spans.length;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const s = spans[order ? order[i] : i];
    starts[i] = s.start;
    ends[i] = s.end;
  }
  return { starts, ends };
}

/** Every entity mention in text order: its bounds, and where it is in the entities. */
export interface MentionsInOrder extends Bounds {
  /** For each mention in text order, its index in the entities' mentions one entity after another. */
  order: Int32Array;
  /** By that index: whose mention it is (an index into the entities), and which of its mentions. */
  owner: Int32Array;
  mention: Int32Array;
}

/**
 * The mentions of all entities sorted by start, then (with `tiesByEnd`) by end, then in entity
 * order. In typed arrays, sorted by a radix sort: a comparator sort of an object per mention
 * (~20,000 in a 1 MB text) took milliseconds at each edit.
 */
function mentionsInTextOrder(entities: readonly Entity[], tiesByEnd: boolean): MentionsInOrder {
  const byStart = mentionsByStartOf.get(entities) ?? mentionsByStart(entities);
  // The events stage asks first, the lookups of the same data next (one after the other in the
  // index worker, at every edit): the second takes the first's sort, then forgets it.
  if (tiesByEnd) mentionsByStartOf.delete(entities);
  else mentionsByStartOf.set(entities, byStart);
  return tiesByEnd ? withTiesByEnd(byStart) : byStart;
}

/** mentionsByStart of an entities array, left by the events stage for the lookups (see mentionsInTextOrder). */
const mentionsByStartOf = new WeakMap<readonly Entity[], MentionsInOrder>();

/** Every entity's mentions, entity after entity: bounds, and whose mention each is. */
interface FlatMentions {
  starts: Int32Array;
  ends: Int32Array;
  owner: Int32Array;
  mention: Int32Array;
}

function flatMentions(entities: readonly Entity[]): FlatMentions {
  let count = 0;
  for (const e of entities) count += e.mentions.length;
  const flatStarts = new Int32Array(count);
  const flatEnds = new Int32Array(count);
  const owner = new Int32Array(count);
  const mention = new Int32Array(count);
  let k = 0;
  for (let e = 0; e < entities.length; e++) {
    const mentions = entities[e].mentions;
    for (let m = 0; m < mentions.length; m++, k++) {
      flatStarts[k] = mentions[m].start;
      flatEnds[k] = mentions[m].end;
      owner[k] = e;
      mention[k] = m;
    }
  }
  return { starts: flatStarts, ends: flatEnds, owner, mention };
}

/** The mentions sorted by start, ties in entity order. */
function mentionsByStart(entities: readonly Entity[]): MentionsInOrder {
  const { starts: flatStarts, ends: flatEnds, owner, mention } = flatMentions(entities);
  const { order, sorted: starts } = sortByKey(flatStarts);
  return { starts, ends: endsInOrder(flatEnds, order), order, owner, mention };
}

/** The same, ties by end (the shorter first) before entity order: an insertion sort of each (rare) run of equal starts, in a copy. */
function withTiesByEnd(byStart: MentionsInOrder): MentionsInOrder {
  const { starts, owner, mention } = byStart;
  const order = byStart.order.slice();
  // The ends in flat order, from the ends in start order.
  const flatEnds = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) flatEnds[order[i]] = byStart.ends[i];
  for (let i = 1; i < order.length; i++) {
    const flat = order[i];
    let j = i;
    for (; j > 0 && starts[j - 1] === starts[i] && flatEnds[order[j - 1]] > flatEnds[flat]; j--) order[j] = order[j - 1];
    order[j] = flat;
  }
  return { starts, ends: endsInOrder(flatEnds, order), order, owner, mention };
}

function endsInOrder(flatEnds: Int32Array, order: Int32Array): Int32Array {
  const ends = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) ends[i] = flatEnds[order[i]];
  return ends;
}

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;

/**
 * The indices of `keys` (text offsets, so non-negative) in ascending order of key, equal keys in
 * index order, and the keys so sorted: an LSD radix sort on 11-bit digits. Reuses `keys`' buffer.
 */
function sortByKey(keys: Int32Array): { order: Int32Array; sorted: Int32Array } {
  const n = keys.length;
  let order = new Int32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    max = Math.max(max, keys[i]);
  }
  let nextOrder = new Int32Array(n);
  let nextKeys: Int32Array = new Int32Array(n);
  const counts = new Int32Array(DIGITS + 1);
  for (let shift = 0; shift === 0 || (shift < 32 && max >>> shift > 0); shift += DIGIT_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[i] >>> shift) & (DIGITS - 1)) + 1]++;
    for (let d = 1; d <= DIGITS; d++) counts[d] += counts[d - 1];
    for (let i = 0; i < n; i++) {
      const at = counts[(keys[i] >>> shift) & (DIGITS - 1)]++;
      nextOrder[at] = order[i];
      nextKeys[at] = keys[i];
    }
    // Swapped by hand: a destructuring swap deoptimised the function at every call.
    const sortedOrder = nextOrder;
    nextOrder = order;
    order = sortedOrder;
    const sortedKeys = nextKeys;
    nextKeys = keys;
    keys = sortedKeys;
  }
  return { order, sorted: keys };
}

/**
 * The indices of the spans (start-sorted, not overlapping) inside a range, for ranges that mostly
 * come in text order (passages): each search starts where the last one ended. They are written
 * to the start of `out` (as long as the spans), and their count returned.
 */
function spansWithin(sorted: Bounds): (range: Span, out: Int32Array) => number {
  const { starts, ends } = sorted;
  let near = 0;
  return (range, out) => {
    let count = 0;
    near = firstEndingAfter(ends, range.start, near);
    for (let i = near; i < starts.length && starts[i] < range.end; i++) {
      if (starts[i] >= range.start && ends[i] <= range.end) out[count++] = i;
    }
    return count;
  };
}

/**
 * Index of the first span (start-sorted, non-overlapping) whose end is after `offset`: a binary
 * search, which first gallops from `near` (a previous answer) when the answer is at or after it.
 */
function firstEndingAfter(ends: Int32Array, offset: number, near?: number): number {
  let lo = 0;
  let hi = ends.length;
  if (near !== undefined) {
    if (near > 0 && ends[near - 1] > offset) hi = near - 1;
    else {
      // Probe near, near + 1, near + 3, near + 7, ... until an end is after `offset`.
      lo = near;
      for (let step = 1; lo < hi; step *= 2) {
        const probe = Math.min(lo + step, hi) - 1;
        if (ends[probe] > offset) {
          hi = probe;
          break;
        }
        lo = probe + 1;
      }
    }
  }
  return partitionPoint(lo, hi, (i) => ends[i] <= offset);
}

/** The index of the span containing `offset` (end inclusive, so a cursor just after a word still finds it), or -1. */
function indexAt(sorted: Bounds, offset: number): number {
  const i = firstEndingAfter(sorted.ends, offset - 1);
  return i < sorted.starts.length && sorted.starts[i] <= offset && offset <= sorted.ends[i] ? i : -1;
}

/** The span (of a start-sorted list, with its bounds) containing `offset`: see indexAt. */
function spanAt<T>(sorted: readonly T[], bounds: Bounds, offset: number): T | undefined {
  const i = indexAt(bounds, offset);
  return i < 0 ? undefined : sorted[i];
}

/**
 * What ArticleIndex derives from the data for its lookups (see lookupSteps), all of it numbers:
 * the index worker computes it beside the data and sends it as it is (typed arrays cross as
 * blocks), so the extension host only points it at its own objects.
 */
export interface IndexLookups {
  dateBounds: Bounds;
  /** By index into the events: the index in the dates of the date that places it (-1: none), its bounds in years, its rank in time. */
  placing: Int32Array;
  from: Float64Array;
  to: Float64Array;
  rank: Int32Array;
  /** The events in time order (earliest bound, latest bound, position in the text), as indexes. */
  timeOrder: Int32Array;
  /** The events in text order, as indexes, and their bounds. */
  textOrder: Int32Array;
  eventBounds: Bounds;
  mentions: MentionsInOrder;
}

/** Events placed in time between two yields of lookupSteps (a few milliseconds). */
const EVENTS_PER_STEP = 250;

/** The lookups of the data at once (what the index worker sends with it). */
export function indexLookups(data: ArticleIndexData): IndexLookups {
  return runSteps(lookupSteps(data));
}

/** ArticleIndex's lookups of the data, a part after each yield. */
function* lookupSteps(data: ArticleIndexData): Generator<void, IndexLookups, void> {
  const { dates, events } = data;
  const dateBounds = boundsOf(dates);
  let indexById: Map<string, number> | undefined;
  const dateIndexById = () => (indexById ??= indexesById(dates));
  const placing = new Int32Array(events.length);
  const from = new Float64Array(events.length);
  const to = new Float64Array(events.length);
  let near = 0;
  for (let i = 0; i < events.length; i++) {
    near = firstEndingAfter(dateBounds.ends, events[i].start, near);
    placing[i] = dateIndexesOfEvent(dates, events[i], near, dateIndexById).find((d) => isPlaceable(dates[d])) ?? -1;
    if (placing[i] >= 0) {
      from[i] = isoToYear(dates[placing[i]].earliest!);
      to[i] = isoToYear(dates[placing[i]].latest!, true);
    }
    if (i % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield;
  }
  yield;
  const timeOrder = indexesUpTo(events.length).sort((a, b) => compareYears(from[a], from[b]) || compareYears(to[a], to[b]) || events[a].start - events[b].start);
  const rank = new Int32Array(events.length);
  timeOrder.forEach((i, r) => (rank[i] = r));
  yield;
  // The core makes the events in text order, and then the order is known without a sort: a typed
  // array's sort compares n log n times even when nothing moves (13,000 events: 1.6 ms at each edit).
  const textOrder = indexesUpTo(events.length);
  if (!startsAscending(events)) textOrder.sort((a, b) => events[a].start - events[b].start);
  const eventBounds = boundsOf(events, textOrder);
  yield;
  // Mentions nest, sharing a start or an end ("UN" in "UN General Assembly", "Britain" in "Battle
  // of Britain"): ties by end keep the ends sorted too, which indexAt's binary search needs.
  const mentions = mentionsInTextOrder(data.entities, true);
  return { dateBounds, placing, from, to, rank, timeOrder, textOrder, eventBounds, mentions };
}

/** Whether the spans start in order (ties kept, as a stable sort keeps them). */
function startsAscending(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}

/** 0, 1, … n - 1. */
function indexesUpTo(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** -1, 0 or 1 as a is before, at or after b. (A comparator that returns a fraction, as a difference of years does, boxes it in a new heap number at every call.) */
function compareYears(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function indexesById(items: readonly { id: string }[]): Map<string, number> {
  return new Map(items.map((item, i) => [item.id, i]));
}

/**
 * Where an event's dates are among the dates: looked for where they are (from `at`, the first
 * date ending after the event's start), else by id.
 */
function dateIndexesOfEvent(dates: readonly DateMention[], event: TimelineEvent, at: number, indexById: () => Map<string, number>): number[] {
  return event.dates.map((id, k) => (dates[at + k]?.id === id ? at + k : indexById().get(id)!));
}

export class ArticleIndex {
  /** Events in time order: earliest bound, then latest bound, then position in the text. */
  readonly timeline: TimelineEvent[];
  private readonly dateBounds: Bounds;
  private readonly eventsByText: TimelineEvent[];
  /** The index in data.events of each of eventsByText. */
  private readonly textOrder: Int32Array;
  private readonly eventBounds: Bounds;
  private readonly mentions: MentionsInOrder;
  // By index into data.events: the index of the date that places the event on the timeline, its
  // bounds in years, its rank in time; and the timeline as such indices.
  private readonly placing: Int32Array;
  private readonly from: Float64Array;
  private readonly to: Float64Array;
  private readonly rank: Int32Array;
  private readonly timeOrder: Int32Array;
  // Built on first use (a hover, a command), not at every index of an edited text.
  private dateIndexMap: Map<string, number> | undefined;
  private entityMap: Map<string, Entity> | undefined;
  private eventIndexById: Map<string, number> | undefined;
  private readonly placements: (TimePlacement | undefined)[];
  private eventCountByEntity: Map<string, number> | undefined;
  private eventsByEntity: Map<string, TimelineEvent[]> | undefined;
  private spanCache: { from: TimePlacement; to: TimePlacement } | undefined;
  private mentionEntities: Int32Array | undefined;

  /** @param lookups what it derives from the data, when already computed (see ArticleIndex.steps, indexLookups) */
  constructor(
    readonly text: string,
    readonly data: ArticleIndexData,
    lookups: IndexLookups = indexLookups(data),
  ) {
    this.dateBounds = lookups.dateBounds;
    this.placing = lookups.placing;
    this.from = lookups.from;
    this.to = lookups.to;
    this.placements = new Array(data.events.length);
    this.timeOrder = lookups.timeOrder;
    this.timeline = inOrder(data.events, lookups.timeOrder);
    this.rank = lookups.rank;
    this.textOrder = lookups.textOrder;
    this.eventsByText = inOrder(data.events, lookups.textOrder);
    this.eventBounds = lookups.eventBounds;
    this.mentions = lookups.mentions;
  }

  /**
   * The index made a part at a time: the generator yields between parts, so that whoever drives it
   * (the extension host, between the editor's tasks) lets other work run; a 1 MB index takes
   * milliseconds, and many more before the code is optimised.
   */
  static *steps(text: string, data: ArticleIndexData): Generator<void, ArticleIndex, void> {
    return new ArticleIndex(text, data, yield* lookupSteps(data));
  }

  date(id: string): DateMention | undefined {
    const i = this.dateIndexById().get(id);
    return i === undefined ? undefined : this.data.dates[i];
  }

  entity(id: string): Entity | undefined {
    return this.entityById().get(id);
  }

  dateAt(offset: number): DateMention | undefined {
    return spanAt(this.data.dates, this.dateBounds, offset);
  }

  mentionAt(offset: number): EntityMentionHit | undefined {
    const i = indexAt(this.mentions, offset);
    if (i < 0) return undefined;
    const flat = this.mentions.order[i];
    const entity = this.data.entities[this.mentions.owner[flat]];
    const hit = entity.mentions[this.mentions.mention[flat]];
    return { entity, mention: { start: hit.start, end: hit.end, text: hit.text } };
  }

  /** Every entity mention in text order (by start, then end): its bounds, and its entity as an index into data.entities. */
  mentionsInTextOrder(): { starts: Int32Array; ends: Int32Array; entities: Int32Array } {
    const { starts, ends, order, owner } = this.mentions;
    if (!this.mentionEntities) {
      this.mentionEntities = new Int32Array(order.length);
      for (let i = 0; i < order.length; i++) this.mentionEntities[i] = owner[order[i]];
    }
    return { starts, ends, entities: this.mentionEntities };
  }

  eventAt(offset: number): TimelineEvent | undefined {
    return spanAt(this.eventsByText, this.eventBounds, offset);
  }

  /** The event at or, failing that, the nearest one before `offset` in the text. */
  eventNear(offset: number): TimelineEvent | undefined {
    const i = firstEndingAfter(this.eventBounds.ends, offset);
    const at = this.eventsByText[i];
    if (at && at.start <= offset) return at;
    return this.eventsByText[i - 1] ?? at;
  }

  placementOf(event: TimelineEvent): TimePlacement {
    return this.placementAt(this.eventIndex(event));
  }

  /** 0-based position of the event in time order. */
  rankOf(event: TimelineEvent): number {
    return this.rank[this.eventIndex(event)];
  }

  nextInTime(event: TimelineEvent): TimelineEvent | undefined {
    return this.timeline[this.rankOf(event) + 1];
  }

  previousInTime(event: TimelineEvent): TimelineEvent | undefined {
    return this.timeline[this.rankOf(event) - 1];
  }

  /** Events an entity takes part in, in time order. */
  eventsOf(entity: Entity): TimelineEvent[] {
    if (!this.eventsByEntity) {
      // One pass over the timeline, the first time.
      this.eventsByEntity = new Map();
      for (const event of this.timeline) {
        for (const id of event.entities) {
          const list = this.eventsByEntity.get(id);
          if (list) list.push(event);
          else this.eventsByEntity.set(id, [event]);
        }
      }
    }
    return [...(this.eventsByEntity.get(entity.id) ?? [])];
  }

  /** The event's dates, resolved. */
  datesOf(event: TimelineEvent): DateMention[] {
    return this.datesFrom(event, firstEndingAfter(this.dateBounds.ends, event.start));
  }

  entitiesOf(event: TimelineEvent): Entity[] {
    const byId = this.entityById();
    return event.entities.map((id) => byId.get(id)!);
  }

  /**
   * Where "Go to Definition" lands: the first of the fullest mentions, counting the capitalised
   * words of the name, so "Anwar Sadat" wins over a later "Sadat". A wiki link names its target
   * in full whatever its label: "[[Anwar Sadat|the new president]]" counts as "Anwar Sadat".
   */
  definitionOf(entity: Entity): TextSpan {
    const capitalised = (text: string) => text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length;
    const nameWords = (m: TextSpan) => {
      const link = this.data.wikiLinks.find((l) => l.start <= m.start && m.end <= l.end);
      return capitalised(link ? link.target : m.text);
    };
    return entity.mentions.reduce((best, m) => (nameWords(m) > nameWords(best) ? m : best));
  }


  /** The time the whole timeline covers, or undefined without events. */
  span(): { from: TimePlacement; to: TimePlacement } | undefined {
    if (this.timeline.length === 0) return undefined;
    if (!this.spanCache) {
      // From the first event in time to the first of those that end last.
      let last = this.timeOrder[0];
      for (const i of this.timeOrder) if (this.to[i] > this.to[last]) last = i;
      this.spanCache = { from: this.placementAt(this.timeOrder[0]), to: this.placementAt(last) };
    }
    return { ...this.spanCache };
  }

  /**
   * Other events ranked by shared entities and overlapping periods. An entity counts more the
   * rarer it is in the article (inverse event frequency): sharing "Egypt" in an article about
   * Egypt says little, sharing "Shazly" says much. An overlapping period counts as one entity.
   */
  related(event: TimelineEvent, limit = 10): RelatedPassage[] {
    const own = this.placementOf(event);
    const ownEntities = new Set(event.entities);
    const byId = this.entityById();
    const ranked: RelatedPassage[] = [];
    for (const i of this.timeOrder) {
      const other = this.data.events[i];
      if (other === event) continue;
      const sharedEntities = other.entities.filter((id) => ownEntities.has(id)).map((id) => byId.get(id)!);
      const overlapsInTime = this.from[i] <= own.to && own.from <= this.to[i];
      const score = sharedEntities.reduce((sum, e) => sum + this.rarity(e), overlapsInTime ? 1 : 0);
      if (score > 0) ranked.push({ event: other, score, sharedEntities, overlapsInTime });
    }
    ranked.sort((a, b) => b.score - a.score || this.rankOf(a.event) - this.rankOf(b.event));
    return ranked.slice(0, limit);
  }

  private rarity(entity: Entity): number {
    if (!this.eventCountByEntity) {
      this.eventCountByEntity = new Map();
      for (const event of this.data.events) {
        for (const id of event.entities) this.eventCountByEntity.set(id, (this.eventCountByEntity.get(id) ?? 0) + 1);
      }
    }
    return Math.log(1 + this.timeline.length / Math.max(1, this.eventCountByEntity.get(entity.id) ?? 0));
  }

  /**
   * The event's dates, resolved. They are those in its span, in order, the first at index `at` of
   * the dates (see firstEndingAfter): each id is looked for there before in the map of ids, which
   * is then made only for data where it is not (a hover after an edit does not wait for it).
   */
  private datesFrom(event: TimelineEvent, at: number): DateMention[] {
    return dateIndexesOfEvent(this.data.dates, event, at, () => this.dateIndexById()).map((d) => this.data.dates[d]);
  }

  private dateIndexById(): Map<string, number> {
    return (this.dateIndexMap ??= indexesById(this.data.dates));
  }

  private entityById(): Map<string, Entity> {
    return (this.entityMap ??= byId(this.data.entities));
  }

  /**
   * The index in data.events of the event with this one's id: looked for at its start, then in a
   * map of ids (made on first need, e.g. for an event of an older version of the text).
   */
  private eventIndex(event: TimelineEvent): number {
    const at = firstEndingAfter(this.eventBounds.ends, event.start);
    if (this.eventsByText[at]?.id === event.id) return this.textOrder[at];
    this.eventIndexById ??= indexesById(this.data.events);
    return this.eventIndexById.get(event.id)!;
  }

  /** The placement of data.events[i], made once (undefined for an event that cannot be placed). */
  private placementAt(i: number): TimePlacement {
    if (this.placing[i] < 0) return undefined!;
    return (this.placements[i] ??= { date: this.data.dates[this.placing[i]], from: this.from[i], to: this.to[i] });
  }
}
