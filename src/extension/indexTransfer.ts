// The index data as it crosses from the worker to the extension host. Receiving a message costs
// the host time in proportion to the objects in it, and that time is taken from the editor: the
// many small spans (entity mentions, passages) travel packed in typed arrays, which arrive as
// one block, and the texts of events, dates and mentions are left out where they are slices of
// the document text, which the host has already (it puts them back as slices of its own copy,
// so they take no memory of their own). No `vscode`, no Node API.
import type { ArticleIndexData, Entity, Passage, PassageKind, TextSpan } from '../core/types';

const PASSAGE_KINDS: readonly PassageKind[] = ['prose', 'list-item', 'infobox', 'heading'];

/** ArticleIndexData as sent: what the packed fields replace is left out. */
export interface PackedIndexData extends Omit<ArticleIndexData, 'passages' | 'entities'> {
  entities: Array<Omit<Entity, 'mentions'>>;
  /** Every entity's mentions, entity after entity: start, end. */
  mentionSpans: Int32Array;
  /** How many mentions each entity has, in the order of `entities`. */
  mentionCounts: Int32Array;
  /** Mention texts that are not the slice of their span, by index into the mentions. */
  mentionTexts: Array<[number, string]>;
  /** Every passage: start, end, section, kind (index into PASSAGE_KINDS). */
  passages: Int32Array;
}

/** `data` packed for the trip to the host. */
export function packIndexData(data: ArticleIndexData, text: string): PackedIndexData {
  const strip = <T extends TextSpan>(s: T): T => {
    if (s.text !== text.slice(s.start, s.end)) return s;
    const copy = { ...s } as Partial<T>;
    delete copy.text;
    return copy as T;
  };
  const mentionCount = data.entities.reduce((n, e) => n + e.mentions.length, 0);
  const mentionSpans = new Int32Array(2 * mentionCount);
  const mentionTexts: Array<[number, string]> = [];
  let m = 0;
  for (const e of data.entities) {
    for (const s of e.mentions) {
      mentionSpans[2 * m] = s.start;
      mentionSpans[2 * m + 1] = s.end;
      if (s.text !== text.slice(s.start, s.end)) mentionTexts.push([m, s.text]);
      m++;
    }
  }
  const passages = new Int32Array(4 * data.passages.length);
  data.passages.forEach((p, i) => passages.set([p.start, p.end, p.section, PASSAGE_KINDS.indexOf(p.kind)], 4 * i));
  return {
    ...data,
    dates: data.dates.map(strip),
    events: data.events.map(strip),
    entities: data.entities.map(({ mentions: _mentions, ...rest }) => rest),
    mentionSpans,
    mentionCounts: Int32Array.from(data.entities, (e) => e.mentions.length),
    mentionTexts,
    passages,
  };
}

/** The index data back from its packed form, span texts as slices of `text`. */
export function unpackIndexData(packed: PackedIndexData, text: string): ArticleIndexData {
  const { mentionSpans, mentionCounts, mentionTexts, passages: packedPassages, entities: packedEntities, ...rest } = packed;
  const fill = (s: TextSpan) => {
    if (s.text === undefined) s.text = text.slice(s.start, s.end);
  };
  rest.dates.forEach(fill);
  rest.events.forEach(fill);
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
  return { ...rest, entities, passages };
}
