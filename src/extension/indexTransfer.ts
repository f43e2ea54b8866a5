// The index data as it crosses from the worker to the extension host. Receiving a message costs
// the host time in proportion to the objects and strings in it, and that time is taken from the
// editor in one piece: so the index travels as columns, typed arrays and one string per column of
// strings, which arrive as a few blocks; the host makes the objects from them afterwards, in slices.
// Ids are left out where they are the core's numbering ("d1", "d2"…), and the texts of events,
// dates and mentions where they are slices of the document text, which the host has already (it
// puts them back from its own copy). After an edit, most of the index is the last one moved by the
// edit: packed against the index the host holds (its `base`), only the dates, entities and events
// that changed travel, and the host moves the others itself.
// No `vscode`, no Node API.
import { indexLookups, type IndexLookups } from '../core/articleIndex';
import { runSteps } from '../core/steps';
import { fillColumn } from '../core/columns';
import { editBetween, movedEnd, movedOnto, movedSpan, movedStart, type TextEdit } from '../core/textEdit';
import { detached, passageOrSame } from '../core/workCache';
import { runInSlices } from './nextTask';
import type { ArticleIndexData, DateMention, DateModifier, Entity, EntityType, Passage, PassageKind, Precision, TextSpan, TimelineEvent, TimexType } from '../core/types';
import { partitionPoint } from '../core/partitionPoint';

/** A string union's values in a fixed order, to send as codes: the record names each value once, so none is missing. */
function codesOf<T extends string>(values: Record<T, true>): readonly T[] {
  return Object.keys(values) as T[];
}

const PASSAGE_KINDS = codesOf<PassageKind>({ prose: true, 'list-item': true, infobox: true, heading: true });
const PRECISIONS = codesOf<Precision>({ day: true, month: true, season: true, year: true, decade: true, century: true, interval: true, set: true });
const TIMEX_TYPES = codesOf<TimexType>({ DATE: true, DURATION: true, TIME: true, SET: true });
const MODIFIERS = codesOf<DateModifier>({ START: true, MID: true, END: true, APPROX: true, BEFORE: true, AFTER: true });
const ENTITY_TYPES = codesOf<EntityType>({ person: true, place: true, organization: true, event: true, other: true });

/** ArticleIndexData as sent: what the packed fields replace is left out. */
export interface PackedIndexData extends Omit<ArticleIndexData, 'passages' | 'entities' | 'events' | 'dates'> {
  dates: PackedDates;
  entities: PackedEntities;
  events: PackedEvents;
  /** Every passage: start, end, section, kind (a code of PASSAGE_KINDS). */
  passages: Int32Array;
  /** All the dates', entities' and events' ids, for a list whose ids are not the core's numbering (see idsUnlessNumbered). */
  ids: Partial<Record<ItemList, string[]>>;
  /** Set when packed against the index the host holds: `dates`, `entities` and `events` hold only the items that changed. */
  reuse?: PackedReuse;
}

type ItemList = 'dates' | 'entities' | 'events';

/** The id prefix of each list's items in the core's numbering. */
const ID_PREFIX: Record<ItemList, string> = { dates: 'd', entities: 'e', events: 'v' };

/** An index the host holds: the data of a request's reply, and the text it was made from. */
export interface HeldIndex {
  id: number;
  text: string;
  data: ArticleIndexData;
}

/**
 * How the new index is the held one (request `base`) moved by `edit`: for each date, entity and
 * event, the index of the same item in the held data, or -1 for the next of the items sent. An
 * item that stays the same takes its id from its place in the new list, as one sent does.
 */
interface PackedReuse {
  base: number;
  edit: TextEdit;
  dates: Int32Array;
  entities: Int32Array;
  events: Int32Array;
}

/** Strings (and nulls) as one string and the length of each, -1 for null: the clone copies one string, not thousands. */
interface StringColumn {
  chars: string;
  lengths: Int32Array;
}

function packStrings(values: readonly (string | null)[]): StringColumn {
  return { chars: values.filter((v) => v !== null).join(''), lengths: fillColumn(new Int32Array(values.length), values, (v) => (v === null ? -1 : v.length)) };
}

/** A StringColumn's strings, one after the other. */
class StringReader {
  private next = 0;
  private at = 0;

  constructor(private readonly column: StringColumn) {}

  read(): string | null {
    const length = this.column.lengths[this.next++];
    if (length < 0) return null;
    this.at += length;
    return spanText(this.column.chars, this.at - length, this.at);
  }
}

/** The dates sent, field by field: an object per date would cost the clone its field names every time. */
interface PackedDates {
  /** start, end of each. */
  spans: Int32Array;
  /** Each text, or null where it is the slice of its span. */
  texts: StringColumn;
  edtf: StringColumn;
  earliest: StringColumn;
  latest: StringColumn;
  /** Codes of PRECISIONS, TIMEX_TYPES; 1 where inferred; a code of MODIFIERS plus 1, 0 where none. */
  precision: Uint8Array;
  type: Uint8Array;
  inferred: Uint8Array;
  mods: Uint8Array;
  /** The anchor's date id and text, null where none. */
  anchorIds: StringColumn;
  anchorTexts: StringColumn;
  problems: StringColumn;
}

function packDates(dates: readonly DateMention[], text: string): PackedDates {
  const spans = new Int32Array(2 * dates.length);
  dates.forEach((d, i) => {
    spans[2 * i] = d.start;
    spans[2 * i + 1] = d.end;
  });
  return {
    spans,
    texts: packStrings(dates.map((d) => (isSliceOf(text, d) ? null : d.text))),
    edtf: packStrings(dates.map((d) => d.edtf)),
    earliest: packStrings(dates.map((d) => d.earliest)),
    latest: packStrings(dates.map((d) => d.latest)),
    precision: fillColumn(new Uint8Array(dates.length), dates, (d) => PRECISIONS.indexOf(d.precision)),
    type: fillColumn(new Uint8Array(dates.length), dates, (d) => TIMEX_TYPES.indexOf(d.type)),
    inferred: fillColumn(new Uint8Array(dates.length), dates, (d) => (d.inferred ? 1 : 0)),
    mods: fillColumn(new Uint8Array(dates.length), dates, (d) => (d.mod === undefined ? 0 : MODIFIERS.indexOf(d.mod) + 1)),
    anchorIds: packStrings(dates.map((d) => d.anchor?.dateId ?? null)),
    anchorTexts: packStrings(dates.map((d) => d.anchor?.text ?? null)),
    problems: packStrings(dates.map((d) => d.problem ?? null)),
  };
}

/** Makes the dates sent, in order: the k-th, given its id. */
function sentDates(p: PackedDates, text: string): (k: number, id: string) => DateMention {
  const texts = new StringReader(p.texts);
  const edtf = new StringReader(p.edtf);
  const earliest = new StringReader(p.earliest);
  const latest = new StringReader(p.latest);
  const anchorIds = new StringReader(p.anchorIds);
  const anchorTexts = new StringReader(p.anchorTexts);
  const problems = new StringReader(p.problems);
  return (k, id) => {
    const start = p.spans[2 * k];
    const end = p.spans[2 * k + 1];
    const date: DateMention = {
      id, start, end, text: texts.read() ?? spanText(text, start, end), edtf: edtf.read(), precision: PRECISIONS[p.precision[k]],
      earliest: earliest.read(), latest: latest.read(), inferred: p.inferred[k] === 1, type: TIMEX_TYPES[p.type[k]],
    };
    const anchorId = anchorIds.read();
    const anchorText = anchorTexts.read();
    return setExtras(date, { mod: p.mods[k] ? MODIFIERS[p.mods[k] - 1] : undefined, anchor: anchorId === null ? undefined : { dateId: anchorId, text: anchorText! }, problem: problems.read() ?? undefined });
  };
}

/** Only the fields the date has, in the order the tagger sets them. */
function setExtras(date: DateMention, { mod, anchor, problem }: Pick<DateMention, 'mod' | 'anchor' | 'problem'>): DateMention {
  if (mod !== undefined) date.mod = mod;
  if (anchor !== undefined) date.anchor = anchor;
  if (problem !== undefined) date.problem = problem;
  return date;
}

/** The entities sent, field by field, their aliases and mentions entity after entity. */
interface PackedEntities {
  names: StringColumn;
  /** Codes of ENTITY_TYPES. */
  types: Uint8Array;
  aliases: StringColumn;
  aliasCounts: Int32Array;
  /** start, end of each mention. */
  mentionSpans: Int32Array;
  mentionCounts: Int32Array;
  /** Mention texts that are not the slice of their span, by index into the mentions. */
  mentionTexts: Array<[number, string]>;
}

function packEntities(entities: readonly Entity[], text: string): PackedEntities {
  const mentionSpans = new Int32Array(2 * entities.reduce((n, e) => n + e.mentions.length, 0));
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
  return {
    names: packStrings(entities.map((e) => e.name)),
    types: fillColumn(new Uint8Array(entities.length), entities, (e) => ENTITY_TYPES.indexOf(e.type)),
    aliases: packStrings(entities.flatMap((e) => e.aliases)),
    aliasCounts: fillColumn(new Int32Array(entities.length), entities, (e) => e.aliases.length),
    mentionSpans,
    mentionCounts: fillColumn(new Int32Array(entities.length), entities, (e) => e.mentions.length),
    mentionTexts,
  };
}

/** Makes the entities sent, in order: the k-th, given its id. */
function sentEntities(p: PackedEntities, text: string): (k: number, id: string) => Entity {
  const names = new StringReader(p.names);
  const aliases = new StringReader(p.aliases);
  const otherTexts = new Map(p.mentionTexts);
  let m = 0;
  return (k, id) => {
    const name = names.read()!;
    const entityAliases: string[] = [];
    for (let n = p.aliasCounts[k]; n > 0; n--) entityAliases.push(aliases.read()!);
    const mentions: TextSpan[] = [];
    for (let n = p.mentionCounts[k]; n > 0; n--, m++) {
      const start = p.mentionSpans[2 * m];
      const end = p.mentionSpans[2 * m + 1];
      mentions.push({ start, end, text: otherTexts.get(m) ?? spanText(text, start, end) });
    }
    return { id, name, type: ENTITY_TYPES[p.types[k]], aliases: entityAliases, mentions };
  };
}

/** The events sent: their spans and sections, their dates and entities as indexes into the new lists. */
interface PackedEvents {
  /** start, end and section (an index into `sectionNames`) of each. */
  spans: Int32Array;
  /** The events' sections, each once. */
  sectionNames: Array<string | null>;
  /** Texts that are not the slice of their span (none from the core), by index into the events. */
  texts: Array<[number, string]>;
  /** Every event's dates and entities, event after event, as indexes into the new index's lists; and how many each has. */
  dates: Int32Array;
  dateCounts: Int32Array;
  entities: Int32Array;
  entityCounts: Int32Array;
}

function packEvents(events: readonly TimelineEvent[], text: string, dates: readonly DateMention[], entities: readonly Entity[]): PackedEvents {
  const sectionIndex = new Map<string | null, number>();
  const spans = new Int32Array(3 * events.length);
  const texts: Array<[number, string]> = [];
  events.forEach((v, i) => {
    spans[3 * i] = v.start;
    spans[3 * i + 1] = v.end;
    if (!sectionIndex.has(v.section)) sectionIndex.set(v.section, sectionIndex.size);
    spans[3 * i + 2] = sectionIndex.get(v.section)!;
    if (!isSliceOf(text, v)) texts.push([i, v.text]);
  });
  const byDates = flatIndexes(events.map((e) => e.dates), indexOfId(dates));
  const byEntities = flatIndexes(events.map((e) => e.entities), indexOfId(entities));
  return { spans, sectionNames: [...sectionIndex.keys()], texts, dates: byDates.indexes, dateCounts: byDates.counts, entities: byEntities.indexes, entityCounts: byEntities.counts };
}

/** Makes the events sent, in order: the k-th, given its id, its dates and entities read from the new lists. */
function sentEvents(p: PackedEvents, text: string, dates: readonly DateMention[], entities: readonly Entity[]): (k: number, id: string) => TimelineEvent {
  const texts = new Map(p.texts);
  let d = 0;
  let e = 0;
  return (k, id) => {
    const start = p.spans[3 * k];
    const end = p.spans[3 * k + 1];
    const dateIds: string[] = [];
    for (let n = p.dateCounts[k]; n > 0; n--) dateIds.push(dates[p.dates[d++]].id);
    const entityIds: string[] = [];
    for (let n = p.entityCounts[k]; n > 0; n--) entityIds.push(entities[p.entities[e++]].id);
    return { id, start, end, section: p.sectionNames[p.spans[3 * k + 2]], dates: dateIds, entities: entityIds, text: texts.get(k) ?? text.slice(start, end) };
  };
}

/** Objects made between two yields of the unpacking steps (see runInSlices on how many). */
const OBJECTS_PER_STEP = 250;

/**
 * A slice of `text` as a string of its own: the host keeps the dates and entities that an edit
 * leaves alone from one version to the next, which must not keep each version of the document
 * (or of a reply's strings) alive (see detached). Events, made anew for each version, keep slices.
 */
function spanText(text: string, start: number, end: number): string {
  return detached(text.slice(start, end));
}

/** Whether the span's text is the text's slice there (compared in place: no slice is made). */
function isSliceOf(text: string, s: TextSpan): boolean {
  return s.text.length === s.end - s.start && text.startsWith(s.text, s.start);
}

/** What the worker sends for an index: the data packed (against `base` when given), and its lookups. */
export function replyOf(data: ArticleIndexData, text: string, base?: HeldIndex): { data: PackedIndexData; lookups: IndexLookups } {
  // The lookups are made here too: the host, which runs the editor, only points them at its objects.
  return { data: packIndexData(data, text, base), lookups: indexLookups(data) };
}

/** `data` packed for the trip to the host; against `base` when the host holds it (see PackedReuse). */
export function packIndexData(data: ArticleIndexData, text: string, base?: HeldIndex): PackedIndexData {
  const reuse = base && reuseOf(base, data, text);
  const sent = <T>(items: readonly T[], from: Int32Array | undefined) => (from ? items.filter((_, i) => from[i] < 0) : items);
  const passages = new Int32Array(4 * data.passages.length);
  data.passages.forEach((p, i) => {
    passages[4 * i] = p.start;
    passages[4 * i + 1] = p.end;
    passages[4 * i + 2] = p.section;
    passages[4 * i + 3] = PASSAGE_KINDS.indexOf(p.kind);
  });
  const ids: PackedIndexData['ids'] = {};
  for (const list of ['dates', 'entities', 'events'] as const) {
    const unnumbered = idsUnlessNumbered(data[list], ID_PREFIX[list]);
    if (unnumbered) ids[list] = unnumbered;
  }
  return {
    ...data,
    dates: packDates(sent(data.dates, reuse?.dates), text),
    entities: packEntities(sent(data.entities, reuse?.entities), text),
    events: packEvents(sent(data.events, reuse?.events), text, data.dates, data.entities),
    passages,
    ids,
    reuse,
  };
}

/** The items' ids, unless they are the core's numbering (the prefix, then the position from 1), which the host makes again. */
function idsUnlessNumbered(items: readonly { id: string }[], prefix: string): string[] | undefined {
  for (let i = 0; i < items.length; i++) if (items[i].id !== prefix + (i + 1)) return items.map((item) => item.id);
  return undefined;
}

/** Lists of ids as one array of indexes, list after list, and each list's length. */
function flatIndexes(lists: readonly (readonly string[])[], indexOf: (id: string) => number): { indexes: Int32Array; counts: Int32Array } {
  const indexes = new Int32Array(lists.reduce((n, list) => n + list.length, 0));
  let k = 0;
  for (const list of lists) for (const id of list) indexes[k++] = indexOf(id);
  return { indexes, counts: fillColumn(new Int32Array(lists.length), lists, (list) => list.length) };
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
  const { dates: packedDates, entities: packedEntities, events: packedEvents, passages: packedPassages, ids, reuse, ...rest } = packed;
  if (reuse && reuse.base !== held?.id) throw new Error(`index data packed against ${reuse.base}, but the host holds ${held?.id ?? 'none'}`);
  const moved = reuse && held ? new Mover(held.data, reuse.edit, text) : undefined;
  const dates = yield* unpackList({
    ids: ids.dates, prefix: ID_PREFIX.dates, sentCount: packedDates.inferred.length, from: reuse?.dates,
    sent: sentDates(packedDates, text), held: (j, id) => moved!.date(j, id),
  });
  yield;
  const entities = yield* unpackList({
    ids: ids.entities, prefix: ID_PREFIX.entities, sentCount: packedEntities.types.length, from: reuse?.entities,
    sent: sentEntities(packedEntities, text), held: (j, id) => moved!.entity(j, id), objects: (e) => 1 + e.mentions.length,
  });
  yield;
  const events = yield* unpackList({
    ids: ids.events, prefix: ID_PREFIX.events, sentCount: packedEvents.dateCounts.length, from: reuse?.events,
    sent: sentEvents(packedEvents, text, dates, entities), held: (j, id) => moved!.event(j, id),
  });
  yield;
  const heldPassages = held?.data.passages ?? [];
  const passages: Passage[] = [];
  for (let i = 0; i < packedPassages.length / 4; i++) {
    const start = packedPassages[4 * i];
    const end = packedPassages[4 * i + 1];
    const section = packedPassages[4 * i + 2];
    const kind = PASSAGE_KINDS[packedPassages[4 * i + 3]];
    passages.push(passageOrSame(heldPassages[i], start, end, kind, section));
    if (i % OBJECTS_PER_STEP === OBJECTS_PER_STEP - 1) yield;
  }
  return { ...rest, dates, events, entities, passages };
}

/** How to unpack one list of the new index (unpackList). */
interface ListUnpacking<T> {
  /** The ids of its items (PackedIndexData.ids), or undefined where they are the core's numbering, with `prefix`. */
  ids: string[] | undefined;
  prefix: string;
  sentCount: number;
  /** Reuse's list: for each item, the held item it is, or -1 for the next item sent. */
  from: Int32Array | undefined;
  /** Makes the k-th item sent, given its id; and the held item j, moved, given its new id. */
  sent: (k: number, id: string) => T;
  held: (j: number, id: string) => T;
  /** How many objects an item is (1 unless given): the steps are measured in objects. */
  objects?: (item: T) => number;
}

/** One list of the new index, the held items that are the same moved, the others made from what was sent. */
function* unpackList<T>({ ids, prefix, sentCount, from, sent, held, objects }: ListUnpacking<T>): Generator<void, T[], void> {
  const items: T[] = [];
  let k = 0;
  let made = 0;
  for (let i = 0; i < (from ? from.length : sentCount); i++) {
    const id = ids ? ids[i] : prefix + (i + 1);
    const item = from && from[i] >= 0 ? held(from[i], id) : sent(k++, id);
    items.push(item);
    made += objects ? objects(item) : 1;
    if (made >= OBJECTS_PER_STEP) {
      made = 0;
      yield;
    }
  }
  return items;
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
  return { base: base.id, edit, dates, entities, events };
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
  return partitionPoint(0, items.length, (i) => startOf(items[i]) < at);
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
