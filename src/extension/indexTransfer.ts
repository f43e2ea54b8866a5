// The index data as it crosses from the worker to the extension host. Receiving a message costs
// the host time in proportion to the objects in it, and that time is taken from the editor: the
// many small spans (entity mentions, passages) and the events' date and entity ids travel packed
// in typed arrays, the dates column by column, which arrive as a few blocks; and the texts of
// events, dates and mentions are left out where they are slices of the document text, which the
// host has already (it puts them back as slices of its own copy, so they take no memory of their
// own). No `vscode`, no Node API.
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

function unpackDates(p: PackedDates, text: string): DateMention[] {
  const dates = p.ids.map((id, i): DateMention => {
    const start = p.spans[2 * i];
    const end = p.spans[2 * i + 1];
    return {
      id, start, end, text: p.texts[i] ?? text.slice(start, end),
      edtf: p.edtf[i], precision: p.precision[i], earliest: p.earliest[i], latest: p.latest[i], inferred: p.inferred[i] === 1, type: p.type[i],
    };
  });
  for (const [i, { mod, anchor, problem }] of p.extras) {
    // Only the fields the date has, in the order the tagger sets them.
    if (mod !== undefined) dates[i].mod = mod;
    if (anchor !== undefined) dates[i].anchor = anchor;
    if (problem !== undefined) dates[i].problem = problem;
  }
  return dates;
}

/** Whether the span's text is the text's slice there (compared in place: no slice is made). */
function isSliceOf(text: string, s: TextSpan): boolean {
  return s.text.length === s.end - s.start && text.startsWith(s.text, s.start);
}

/** `data` packed for the trip to the host. */
export function packIndexData(data: ArticleIndexData, text: string): PackedIndexData {
  const mentionCount = data.entities.reduce((n, e) => n + e.mentions.length, 0);
  const mentionSpans = new Int32Array(2 * mentionCount);
  const mentionTexts: Array<[number, string]> = [];
  let m = 0;
  for (const e of data.entities) {
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
  const events = packedIds(data.events, data.dates, data.entities);
  return {
    ...data,
    dates: packDates(data.dates, text),
    events: data.events.map(({ id, start, end, section, text: eventText }) => (isSliceOf(text, { start, end, text: eventText }) ? { id, start, end, section } : { id, start, end, section, text: eventText })),
    ...events,
    entities: data.entities.map(({ id, name, type, aliases }) => ({ id, name, type, aliases })),
    mentionSpans,
    mentionCounts: Int32Array.from(data.entities, (e) => e.mentions.length),
    mentionTexts,
    passages,
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

/** The index data back from its packed form, span texts as slices of `text`. */
export function unpackIndexData(packed: PackedIndexData, text: string): ArticleIndexData {
  const { mentionSpans, mentionCounts, mentionTexts, passages: packedPassages, dates: packedDates, entities: packedEntities, events: packedEvents, eventDates, eventEntities, eventDateCounts, eventEntityCounts, ...rest } = packed;
  const dates = unpackDates(packedDates, text);
  const dateIds = listsOf(eventDates, eventDateCounts, (i) => dates[i].id);
  const entityIds = listsOf(eventEntities, eventEntityCounts, (i) => packedEntities[i].id);
  const events = packedEvents.map(({ id, start, end, section, text: eventText }, i): TimelineEvent => ({
    id, start, end, section, dates: dateIds[i], entities: entityIds[i], text: eventText ?? text.slice(start, end),
  }));
  const otherTexts = new Map(mentionTexts);
  let m = 0;
  const entities: Entity[] = packedEntities.map((e, i) => {
    const mentions: TextSpan[] = [];
    for (let k = 0; k < mentionCounts[i]; k++, m++) {
      const start = mentionSpans[2 * m];
      const end = mentionSpans[2 * m + 1];
      mentions.push({ start, end, text: otherTexts.get(m) ?? text.slice(start, end) });
    }
    return { ...e, mentions };
  });
  const passages: Passage[] = [];
  for (let i = 0; i < packedPassages.length; i += 4) {
    passages.push({ start: packedPassages[i], end: packedPassages[i + 1], kind: PASSAGE_KINDS[packedPassages[i + 3]], section: packedPassages[i + 2] });
  }
  return { ...rest, dates, events, entities, passages };
}
