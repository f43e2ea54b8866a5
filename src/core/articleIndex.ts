import { tagDates } from './dates';
import { extractEntities } from './entities';
import { parseArticleInSegments, type SegmentParseCache } from './parse';
import type { WorkCache } from './workCache';
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

/** Passage kinds that can state an event; headings and infobox fields only label things. */
const EVENT_PASSAGE_KINDS = new Set<Passage['kind']>(['prose', 'list-item']);

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

/** Runs the steps of a build back to back: its result, or what it throws (IndexCancelled). */
export function runSteps(steps: IndexSteps): ArticleIndexData {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

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
  const mentions = entities
    .flatMap((entity) => entity.mentions.map((m) => ({ entity, start: m.start, end: m.end })))
    .sort((a, b) => a.start - b.start);
  const events: TimelineEvent[] = [];
  for (const passage of passages) {
    if (!EVENT_PASSAGE_KINDS.has(passage.kind)) continue;
    const inside = spansWithin(dates, passage);
    if (!inside.some(isPlaceable)) continue;
    const entityIds = new Set<string>();
    for (const m of spansWithin(mentions, passage)) entityIds.add(m.entity.id);
    events.push({
      id: `v${events.length + 1}`,
      start: passage.start,
      end: passage.end,
      section: passage.section >= 0 ? sectionTitles[passage.section] : null,
      dates: inside.map((d) => d.id),
      entities: [...entityIds],
      text: text.slice(passage.start, passage.end),
    });
  }
  return events;
}

function isPlaceable(date: DateMention): boolean {
  return date.earliest !== null && date.latest !== null && !date.problem;
}

/** The items of a start-sorted, non-overlapping list that lie inside `range`. */
function spansWithin<T extends Span>(sorted: T[], range: Span): T[] {
  const out: T[] = [];
  for (let i = firstEndingAfter(sorted, range.start); i < sorted.length && sorted[i].start < range.end; i++) {
    if (sorted[i].start >= range.start && sorted[i].end <= range.end) out.push(sorted[i]);
  }
  return out;
}

/** Index of the first span (start-sorted, non-overlapping) whose end is after `offset`. */
function firstEndingAfter(sorted: Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span containing `offset` (end inclusive, so a cursor just after a word still finds it). */
function spanAt<T extends Span>(sorted: T[], offset: number): T | undefined {
  const i = indexAt(sorted, offset);
  return i < 0 ? undefined : sorted[i];
}

/** spanAt's index, or -1. */
function indexAt(sorted: Span[], offset: number): number {
  const i = firstEndingAfter(sorted, offset - 1);
  const hit = sorted[i];
  return hit && hit.start <= offset && offset <= hit.end ? i : -1;
}

export class ArticleIndex {
  /** Events in time order: earliest bound, then latest bound, then position in the text. */
  readonly timeline: TimelineEvent[];
  private readonly dateById = new Map<string, DateMention>();
  private readonly entityById = new Map<string, Entity>();
  private readonly placement = new Map<string, TimePlacement>();
  private readonly timelineRank = new Map<string, number>();
  private readonly eventsByText: TimelineEvent[];
  /** Every entity mention in text order (the data's own objects, not copies), and whose each is. */
  private readonly mentions: TextSpan[];
  private readonly mentionEntities: Entity[];
  private readonly eventCountByEntity = new Map<string, number>();
  private eventsByEntity: Map<string, TimelineEvent[]> | undefined;
  private spanCache: { from: TimePlacement; to: TimePlacement } | undefined;

  constructor(
    readonly text: string,
    readonly data: ArticleIndexData,
  ) {
    for (const d of data.dates) this.dateById.set(d.id, d);
    for (const e of data.entities) this.entityById.set(e.id, e);
    for (const event of data.events) {
      const first = event.dates.map((id) => this.dateById.get(id)!).find(isPlaceable);
      if (first) {
        this.placement.set(event.id, { date: first, from: isoToYear(first.earliest!), to: isoToYear(first.latest!, true) });
      }
    }
    this.eventsByText = [...data.events].sort((a, b) => a.start - b.start);
    this.timeline = [...data.events].sort((a, b) => {
      const pa = this.placement.get(a.id)!;
      const pb = this.placement.get(b.id)!;
      return pa.from - pb.from || pa.to - pb.to || a.start - b.start;
    });
    this.timeline.forEach((event, i) => this.timelineRank.set(event.id, i));
    for (const event of data.events) {
      for (const id of event.entities) this.eventCountByEntity.set(id, (this.eventCountByEntity.get(id) ?? 0) + 1);
    }
    // References, not merged copies: a copy per mention cost ~6 bytes of heap per byte of text.
    const spans: TextSpan[] = [];
    const owners: Entity[] = [];
    for (const entity of data.entities) {
      for (const m of entity.mentions) {
        spans.push(m);
        owners.push(entity);
      }
    }
    // Mentions nest, sharing a start or an end ("UN" in "UN General Assembly", "Britain" in "Battle
    // of Britain"): ties by end keep the ends sorted too, which indexAt's binary search needs.
    const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || spans[a].end - spans[b].end);
    this.mentions = order.map((i) => spans[i]);
    this.mentionEntities = order.map((i) => owners[i]);
  }

  date(id: string): DateMention | undefined {
    return this.dateById.get(id);
  }

  entity(id: string): Entity | undefined {
    return this.entityById.get(id);
  }

  dateAt(offset: number): DateMention | undefined {
    return spanAt(this.data.dates, offset);
  }

  mentionAt(offset: number): EntityMentionHit | undefined {
    const i = indexAt(this.mentions, offset);
    if (i < 0) return undefined;
    const hit = this.mentions[i];
    return { entity: this.mentionEntities[i], mention: { start: hit.start, end: hit.end, text: hit.text } };
  }

  eventAt(offset: number): TimelineEvent | undefined {
    return spanAt(this.eventsByText, offset);
  }

  /** The event at or, failing that, the nearest one before `offset` in the text. */
  eventNear(offset: number): TimelineEvent | undefined {
    const i = firstEndingAfter(this.eventsByText, offset);
    const at = this.eventsByText[i];
    if (at && at.start <= offset) return at;
    return this.eventsByText[i - 1] ?? at;
  }

  placementOf(event: TimelineEvent): TimePlacement {
    return this.placement.get(event.id)!;
  }

  /** 0-based position of the event in time order. */
  rankOf(event: TimelineEvent): number {
    return this.timelineRank.get(event.id)!;
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
      // Built on first use (a hover), not for every index: one pass over the timeline.
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
    return event.dates.map((id) => this.dateById.get(id)!);
  }

  entitiesOf(event: TimelineEvent): Entity[] {
    return event.entities.map((id) => this.entityById.get(id)!);
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
      const placements = this.timeline.map((e) => this.placementOf(e));
      const last = placements.reduce((a, b) => (b.to > a.to ? b : a));
      this.spanCache = { from: placements[0], to: last };
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
    const ranked: RelatedPassage[] = [];
    for (const other of this.timeline) {
      if (other === event) continue;
      const sharedEntities = other.entities.filter((id) => ownEntities.has(id)).map((id) => this.entityById.get(id)!);
      const p = this.placementOf(other);
      const overlapsInTime = p.from <= own.to && own.from <= p.to;
      const score = sharedEntities.reduce((sum, e) => sum + this.rarity(e), overlapsInTime ? 1 : 0);
      if (score > 0) ranked.push({ event: other, score, sharedEntities, overlapsInTime });
    }
    ranked.sort((a, b) => b.score - a.score || this.rankOf(a.event) - this.rankOf(b.event));
    return ranked.slice(0, limit);
  }

  private rarity(entity: Entity): number {
    return Math.log(1 + this.timeline.length / Math.max(1, this.eventCountByEntity.get(entity.id) ?? 0));
  }
}
