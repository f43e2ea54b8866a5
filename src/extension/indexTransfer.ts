// The index data as it crosses from the worker to the extension host. Receiving a message costs
// the host time in proportion to the objects in it, and that time is taken from the editor: the
// many small spans (entity mentions, passages) and the events' date and entity ids travel packed
// in typed arrays, the dates column by column, which arrive as a few blocks; and the texts of
// events, dates and mentions are left out where they are slices of the document text, which the
// host has already (it puts them back from its own copy). After an edit, most of the index is the
// last one moved by the edit: packed against the index the host holds (its `base`), only the
// dates, entities and events that changed travel, and the host moves the others itself.
// No `vscode`, no Node API.
import { runSteps } from '../core/articleIndex';
import { editBetween, movedEnd, movedOnto, movedSpan, movedStart, type TextEdit } from '../core/textEdit';
import { detached } from '../core/workCache';
import { runInSlices } from './nextTask';
import type { ArticleIndexData, DateMention, Entity, Passage, PassageKind, TextSpan, TimelineEvent } from '../core/types';

const PASSAGE_KINDS: readonly PassageKind[] = ['prose', 'list-item', 'infobox', 'heading'];

/** ArticleIndexData as sent: what the packed fields replace is left out. */
export interface PackedIndexData extends Omit<ArticleIndexData, 'passages' | 'entities' | 'events' | 'dates'> {
  dates: PackedDates;
  entities: Array<Omit<Entity, 'mentions'>>;
  /** Without their text where it is the slice of their span. */
  events: Array<Omit<TimelineEvent, 'dates' | 'entities' | 'text'> & { text?: string }>;
  /** Every event's dates and entities, event after event, as indexes into `dates` and `entities`. */
  eventDates: Int32Array;
  eventEntities: Int32Array;
  /** How many dates and entities each event has, in the order of `events`. */
  eventDateCounts: Int32Array;
  eventEntityCounts: Int32Array;
  /** Every entity's mentions, entity after entity: start, end. */
  mentionSpans: Int32Array;
  /** How many mentions each entity has, in the order of `entities`. */
  mentionCounts: Int32Array;
  /** Mention texts that are not the slice of their span, by index into the mentions. */
  mentionTexts: Array<[number, string]>;
  /** Every passage: start, end, section, kind (index into PASSAGE_KINDS). */
  passages: Int32Array;
  /** Set when packed against the index the host holds: `dates`, `entities` and `events` (and their lists above) hold only the items that changed. */
  reuse?: PackedReuse;
}

/** An index the host holds: the data of a request's reply, and the text it was made from. */
export interface HeldIndex {
  id: number;
  text: string;
  data: ArticleIndexData;
}

/**
 * How the new index is the held one (request `base`) moved by `edit`: for each date, entity and
 * event, the index of the same item in the held data, or -1 for the next of the items sent.
 * Every item's id travels: an item that stays the same is renumbered when one comes or goes before it.
 */
interface PackedReuse {
  base: number;
  edit: TextEdit;
  dates: Int32Array;
  entities: Int32Array;
  events: Int32Array;
  dateIds: string[];
  entityIds: string[];
  eventIds: string[];
}

/**
 * The dates column by column: an object per date would cost the clone its field names every time,
 * and dates are the most numerous objects sent.
 */
interface PackedDates {
  ids: string[];
  /** start, end of each. */
  spans: Int32Array;
  /** Each text, or null where it is the slice of its span. */
  texts: Array<string | null>;
  edtf: Array<string | null>;
  precision: Array<DateMention['precision']>;
  earliest: Array<string | null>;
  latest: Array<string | null>;
  inferred: Uint8Array;
  type: Array<DateMention['type']>;
  /** The dates with a modifier, an anchor or a problem (few): index, and those. */
  extras: Array<[number, Pick<DateMention, 'mod' | 'anchor' | 'problem'>]>;
}

function packDates(dates: readonly DateMention[], text: string): PackedDates {
  const spans = new Int32Array(2 * dates.length);
  const inferred = new Uint8Array(dates.length);
  const extras: PackedDates['extras'] = [];
  dates.forEach((d, i) => {
    spans[2 * i] = d.start;
    spans[2 * i + 1] = d.end;
    inferred[i] = d.inferred ? 1 : 0;
    if (d.mod !== undefined || d.anchor !== undefined || d.problem !== undefined) extras.push([i, { mod: d.mod, anchor: d.anchor, problem: d.problem }]);
  });
  return {
    ids: dates.map((d) => d.id),
    spans,
    texts: dates.map((d) => (isSliceOf(text, d) ? null : d.text)),
    edtf: dates.map((d) => d.edtf),
    precision: dates.map((d) => d.precision),
    earliest: dates.map((d) => d.earliest),
    latest: dates.map((d) => d.latest),
    inferred,
    type: dates.map((d) => d.type),
    extras,
  };
}

/** Items unpacked between two yields of the unpacking steps: each step takes a few milliseconds at most. */
const ITEMS_PER_STEP = 2000;

function* unpackDates(p: PackedDates, text: string): Generator<void, DateMention[], void> {
  const dates: DateMention[] = [];
  for (let i = 0; i < p.ids.length; i++) {
    const start = p.spans[2 * i];
    const end = p.spans[2 * i + 1];
    dates.push({
      id: p.ids[i], start, end, text: p.texts[i] ?? spanText(text, start, end),
      edtf: p.edtf[i], precision: p.precision[i], earliest: p.earliest[i], latest: p.latest[i], inferred: p.inferred[i] === 1, type: p.type[i],
    });
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
  for (const [i, extras] of p.extras) setExtras(dates[i], extras);
  return dates;
}

/** Only the fields the date has, in the order the tagger sets them. */
function setExtras(date: DateMention, { mod, anchor, problem }: Pick<DateMention, 'mod' | 'anchor' | 'problem'>): DateMention {
  if (mod !== undefined) date.mod = mod;
  if (anchor !== undefined) date.anchor = anchor;
  if (problem !== undefined) date.problem = problem;
  return date;
}

/**
 * A date's or a mention's text, cut from the document as a string of its own: the host keeps the
 * dates and entities that an edit leaves alone from one version to the next, which must not keep
 * each version of the document alive (see detached). Events, made anew for each version, keep slices.
 */
function spanText(text: string, start: number, end: number): string {
  return detached(text.slice(start, end));
}

/** Whether the span's text is the text's slice there (compared in place: no slice is made). */
function isSliceOf(text: string, s: TextSpan): boolean {
  return s.text.length === s.end - s.start && text.startsWith(s.text, s.start);
}

/** `data` packed for the trip to the host; against `base` when the host holds it (see PackedReuse). */
export function packIndexData(data: ArticleIndexData, text: string, base?: HeldIndex): PackedIndexData {
  const reuse = base && reuseOf(base, data, text);
  const sent = <T>(items: readonly T[], from: Int32Array | undefined) => (from ? items.filter((_, i) => from[i] < 0) : items);
  const dates = sent(data.dates, reuse?.dates);
  const entities = sent(data.entities, reuse?.entities);
  const events = sent(data.events, reuse?.events);
  const mentionCount = entities.reduce((n, e) => n + e.mentions.length, 0);
  const mentionSpans = new Int32Array(2 * mentionCount);
  const mentionTexts: Array<[number, string]> = [];
  let m = 0;
  for (const e of entities) {
    for (const s of e.mentions) {
      mentionSpans[2 * m] = s.start;
      mentionSpans[2 * m + 1] = s.end;
      if (!isSliceOf(text, s)) mentionTexts.push([m, s.text]);
      m++;
    }
  }
  const passages = new Int32Array(4 * data.passages.length);
  data.passages.forEach((p, i) => {
    passages[4 * i] = p.start;
    passages[4 * i + 1] = p.end;
    passages[4 * i + 2] = p.section;
    passages[4 * i + 3] = PASSAGE_KINDS.indexOf(p.kind);
  });
  return {
    ...data,
    dates: packDates(dates, text),
    events: events.map(({ id, start, end, section, text: eventText }) => (isSliceOf(text, { start, end, text: eventText }) ? { id, start, end, section } : { id, start, end, section, text: eventText })),
    ...packedIds(events, data.dates, data.entities),
    entities: entities.map(({ id, name, type, aliases }) => ({ id, name, type, aliases })),
    mentionSpans,
    mentionCounts: Int32Array.from(entities, (e) => e.mentions.length),
    mentionTexts,
    passages,
    reuse,
  };
}

/** The events' date and entity ids as indexes (ids are strings: thousands of them cost the clone more than numbers). */
function packedIds(events: readonly TimelineEvent[], dates: readonly { id: string }[], entities: readonly { id: string }[]) {
  const byDates = flatIndexes(events.map((e) => e.dates), indexOfId(dates));
  const byEntities = flatIndexes(events.map((e) => e.entities), indexOfId(entities));
  return { eventDates: byDates.indexes, eventDateCounts: byDates.counts, eventEntities: byEntities.indexes, eventEntityCounts: byEntities.counts };
}

/** Lists of ids as one array of indexes, list after list, and each list's length. */
function flatIndexes(lists: readonly (readonly string[])[], indexOf: (id: string) => number): { indexes: Int32Array; counts: Int32Array } {
  const indexes = new Int32Array(lists.reduce((n, list) => n + list.length, 0));
  let k = 0;
  for (const list of lists) for (const id of list) indexes[k++] = indexOf(id);
  return { indexes, counts: Int32Array.from(lists, (list) => list.length) };
}

/** flatIndexes undone: the lists of ids, `idAt` giving the id at an index. */
function listsOf(indexes: Int32Array, counts: Int32Array, idAt: (index: number) => string): string[][] {
  let k = 0;
  return Array.from(counts, (count) => {
    const list: string[] = [];
    for (let i = 0; i < count; i++) list.push(idAt(indexes[k++]));
    return list;
  });
}

/** Where an id is in `items`: the core numbers them in order ("d1", "d2"…), else a map is made. */
function indexOfId(items: readonly { id: string }[]): (id: string) => number {
  let byId: Map<string, number> | undefined;
  return (id) => {
    const numbered = Number(id.slice(1)) - 1;
    if (items[numbered]?.id === id) return numbered;
    byId ??= new Map(items.map((item, i) => [item.id, i]));
    return byId.get(id) ?? -1;
  };
}

/**
 * The index data back from its packed form, span texts as slices of `text`; `held` is the index
 * the host holds, which a reply packed against it (`reuse`) needs.
 */
export function unpackIndexData(packed: PackedIndexData, text: string, held?: Pick<HeldIndex, 'id' | 'data'>): ArticleIndexData {
  return runSteps(unpackingSteps(packed, text, held));
}

/** A reply the host holds: its request's id, and its data, which settles once unpacked. */
export interface HeldReply {
  id: number;
  data: Promise<ArticleIndexData>;
}

/**
 * A reply's data, unpacked in tasks after the one that received it (receiving was a task already,
 * and the editor waits on both) and after the reply it is packed against: a whole 1 MB index
 * takes the host some 10 to 30 ms to unpack, so it is unpacked in slices (runInSlices).
 */
export async function unpackInSlices(packed: PackedIndexData, text: string, base?: HeldReply): Promise<ArticleIndexData> {
  const baseData = base && (await base.data.catch(() => undefined));
  return runInSlices(unpackingSteps(packed, text, baseData && { id: base.id, data: baseData }));
}

/** unpackIndexData one list at a time. */
function* unpackingSteps(packed: PackedIndexData, text: string, held?: Pick<HeldIndex, 'id' | 'data'>): Generator<void, ArticleIndexData> {
  const { mentionSpans, mentionCounts, mentionTexts, passages: packedPassages, dates: packedDates, entities: packedEntities, events: packedEvents, eventDates, eventEntities, eventDateCounts, eventEntityCounts, reuse, ...rest } = packed;
  if (reuse && reuse.base !== held?.id) throw new Error(`index data packed against ${reuse.base}, but the host holds ${held?.id ?? 'none'}`);
  const moved = reuse && held ? new Mover(held.data, reuse.edit, text) : undefined;
  const dates = yield* merged(yield* unpackDates(packedDates, text), reuse?.dates, (j, i) => moved!.date(j, reuse!.dateIds[i]));
  yield;
  const entitiesSent = yield* unpackEntities(packedEntities, mentionSpans, mentionCounts, mentionTexts, text);
  const entities = yield* merged(entitiesSent, reuse?.entities, (j, i) => moved!.entity(j, reuse!.entityIds[i]));
  yield;
  const dateIds = listsOf(eventDates, eventDateCounts, (i) => dates[i].id);
  const entityIds = listsOf(eventEntities, eventEntityCounts, (i) => entities[i].id);
  const eventsSent = packedEvents.map(({ id, start, end, section, text: eventText }, i): TimelineEvent => ({
    id, start, end, section, dates: dateIds[i], entities: entityIds[i], text: eventText ?? text.slice(start, end),
  }));
  const events = yield* merged(eventsSent, reuse?.events, (j, i) => moved!.event(j, reuse!.eventIds[i]));
  yield;
  const heldPassages = held?.data.passages ?? [];
  const passages: Passage[] = [];
  for (let i = 0; i < packedPassages.length; i += 4) {
    const start = packedPassages[i];
    const end = packedPassages[i + 1];
    const section = packedPassages[i + 2];
    const kind = PASSAGE_KINDS[packedPassages[i + 3]];
    // The passages an edit left where they were are the held objects again (they hold no text).
    const was = heldPassages[i / 4] as Passage | undefined;
    passages.push(was && was.start === start && was.end === end && was.section === section && was.kind === kind ? was : { start, end, kind, section });
  }
  return { ...rest, dates, events, entities, passages };
}

function* unpackEntities(packedEntities: PackedIndexData['entities'], mentionSpans: Int32Array, mentionCounts: Int32Array, mentionTexts: Array<[number, string]>, text: string): Generator<void, Entity[], void> {
  const otherTexts = new Map(mentionTexts);
  const entities: Entity[] = [];
  let m = 0;
  let nextYield = ITEMS_PER_STEP;
  for (let i = 0; i < packedEntities.length; i++) {
    const mentions: TextSpan[] = [];
    for (let k = 0; k < mentionCounts[i]; k++, m++) {
      const start = mentionSpans[2 * m];
      const end = mentionSpans[2 * m + 1];
      mentions.push({ start, end, text: otherTexts.get(m) ?? spanText(text, start, end) });
    }
    entities.push({ ...packedEntities[i], mentions });
    if (m >= nextYield) {
      nextYield = m + ITEMS_PER_STEP;
      yield;
    }
  }
  return entities;
}

// ---------------------------------------------------------------------------------------------
// Packing against the held index. The worker says which items are the held ones moved by the
// edit (reuseOf); the host moves them (Mover). Both read ids through the same renumbering: a
// held date's id becomes the id of the new date it is (anchors and events refer to dates by id).

/**
 * Per list, the held ids that became other ones, for the items found the same so far; any other
 * id reads as itself. The worker and the host read ids alike, so a reference reads the same on
 * both sides.
 */
class Renumbering {
  private readonly renamed = { dates: new Map<string, string>(), entities: new Map<string, string>() };

  note(list: IdList, held: string, now: string): void {
    if (held !== now) this.renamed[list].set(held, now);
  }

  read(list: IdList, id: string): string {
    return this.renamed[list].get(id) ?? id;
  }

  /** The held ids as read now (the same array when none was renumbered). */
  readAll(list: IdList, ids: string[]): string[] {
    return this.renamed[list].size ? ids.map((id) => this.read(list, id)) : ids;
  }

  same(list: IdList, held: readonly string[], now: readonly string[]): boolean {
    if (held.length !== now.length) return false;
    for (let i = 0; i < held.length; i++) if (this.read(list, held[i]) !== now[i]) return false;
    return true;
  }
}

type IdList = 'dates' | 'entities';

/** The worker's side: which items of the new index are the held ones moved by the edit. */
function reuseOf(base: HeldIndex, data: ArticleIndexData, text: string): PackedReuse {
  const edit = editBetween(base.text, text);
  const ids = new Renumbering();
  const held = base.data;
  const sameSpan = (a: TextSpan, b: TextSpan) => movedOnto(a, b, edit) && a.text === b.text;
  const sameDate = (a: DateMention, b: DateMention) =>
    (a === b || (sameSpan(a, b) && a.edtf === b.edtf && a.precision === b.precision && a.earliest === b.earliest && a.latest === b.latest &&
      a.inferred === b.inferred && a.type === b.type && a.mod === b.mod && a.problem === b.problem && a.anchor?.text === b.anchor?.text)) &&
    (a.anchor === undefined ? b.anchor === undefined : ids.read('dates', a.anchor.dateId) === b.anchor?.dateId);
  const sameEntity = (a: Entity, b: Entity) => {
    if (a === b) return true;
    if (a.name !== b.name || a.type !== b.type || a.aliases.length !== b.aliases.length || a.mentions.length !== b.mentions.length) return false;
    for (let k = 0; k < a.aliases.length; k++) if (a.aliases[k] !== b.aliases[k]) return false;
    for (let k = 0; k < a.mentions.length; k++) if (!sameSpan(a.mentions[k], b.mentions[k])) return false;
    return true;
  };
  const sameEvent = (a: TimelineEvent, b: TimelineEvent) =>
    sameSpan(a, b) && a.section === b.section && ids.same('dates', a.dates, b.dates) && ids.same('entities', a.entities, b.entities);
  const dates = align(held.dates, data.dates, (d) => d.start, edit, sameDate, (j, i) => ids.note('dates', held.dates[j].id, data.dates[i].id));
  const entities = align(held.entities, data.entities, (e) => e.mentions[0].start, edit, sameEntity, (j, i) => ids.note('entities', held.entities[j].id, data.entities[i].id));
  const events = align(held.events, data.events, (v) => v.start, edit, sameEvent, () => {});
  return {
    base: base.id, edit, dates, entities, events,
    dateIds: data.dates.map((d) => d.id), entityIds: data.entities.map((e) => e.id), eventIds: data.events.map((v) => v.id),
  };
}

/**
 * For each new item, the index of a held item the same once moved by the edit, or -1. Items come
 * in text order: the one after the last found is tried first, else those the new one's place,
 * taken back across the edit, points to in the held list.
 */
function align<T>(held: readonly T[], now: readonly T[], startOf: (item: T) => number, edit: TextEdit, same: (a: T, b: T) => boolean, found: (j: number, i: number) => void): Int32Array {
  const from = new Int32Array(now.length);
  let next = 0;
  for (let i = 0; i < now.length; i++) {
    let j = next < held.length && same(held[next], now[i]) ? next : -1;
    if (j < 0) {
      const at = startOf(now[i]);
      const place = firstStartingFrom(held, startOf, at < edit.from ? at : at - edit.shift);
      for (let k = Math.max(0, place - 1); k < Math.min(held.length, place + 2) && j < 0; k++) if (same(held[k], now[i])) j = k;
    }
    from[i] = j;
    if (j >= 0) {
      next = j + 1;
      found(j, i);
    }
  }
  return from;
}

/** The first item starting at `at` or later (binary search of a list in text order). */
function firstStartingFrom<T>(items: readonly T[], startOf: (item: T) => number, at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The host's side: held items moved by the edit into the new text, renumbered; an item the edit
 * neither moved nor renumbered is the held object itself.
 */
class Mover {
  private readonly ids = new Renumbering();

  constructor(
    private readonly held: ArticleIndexData,
    private readonly edit: TextEdit,
    private readonly text: string,
  ) {}

  date(j: number, id: string): DateMention {
    const d = this.held.dates[j];
    // As the worker compared it: its anchor read before its own id is noted.
    const anchorId = d.anchor && this.ids.read('dates', d.anchor.dateId);
    this.ids.note('dates', d.id, id);
    const start = movedStart(d.start, this.edit);
    const end = movedEnd(d.end, this.edit);
    if (id === d.id && start === d.start && end === d.end && anchorId === d.anchor?.dateId) return d;
    const date: DateMention = { id, start, end, text: d.text, edtf: d.edtf, precision: d.precision, earliest: d.earliest, latest: d.latest, inferred: d.inferred, type: d.type };
    return setExtras(date, { mod: d.mod, anchor: d.anchor && { dateId: anchorId!, text: d.anchor.text }, problem: d.problem });
  }

  entity(j: number, id: string): Entity {
    const e = this.held.entities[j];
    this.ids.note('entities', e.id, id);
    const last = e.mentions[e.mentions.length - 1];
    if (id === e.id && last.end <= this.edit.from) return e;
    // Each mention is where the edit moved it: the worker found it so (reuseOf).
    return { id, name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions.map((m) => movedSpan(m, this.edit)!) };
  }

  event(j: number, id: string): TimelineEvent {
    const v = this.held.events[j];
    const start = movedStart(v.start, this.edit);
    const end = movedEnd(v.end, this.edit);
    return {
      id, start, end, section: v.section, dates: this.ids.readAll('dates', v.dates), entities: this.ids.readAll('entities', v.entities),
      text: isSliceOf(this.text, { start, end, text: v.text }) ? this.text.slice(start, end) : v.text,
    };
  }
}

/** The items sent, with the held ones `from` names put back in their places (made by `held`). */
function* merged<T>(sent: T[], from: Int32Array | undefined, held: (j: number, i: number) => T): Generator<void, T[], void> {
  if (!from) return sent;
  const items: T[] = [];
  let k = 0;
  for (let i = 0; i < from.length; i++) {
    items.push(from[i] < 0 ? sent[k++] : held(from[i], i));
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
  return items;
}
