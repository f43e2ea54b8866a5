// The one message protocol between the timeline view's extension side (src/extension/timelinePanel.ts)
// and its front end (src/webview/main.ts). Types, a few constants and how values travel as JSON
// bytes: no `vscode`, no DOM.
// The extension owns the state (document, filters, selection); the webview renders what it is told
// and reports what the user did.

import type { EntityType, Precision } from '../core/types';

export type { EntityType, Precision };

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization', 'event', 'other'];

/** An entity as a chip on an event card and as a filter choice: by name, which survives re-indexing (ids do not). */
export interface EntityChip {
  name: string;
  type: EntityType;
}

/** One event as the timeline shows it: placed by its first placeable date. */
export interface EventView {
  id: string;
  /** The date as the article writes it ("April 6–13"). */
  written: string;
  /** Its normalised EDTF value ("1973-04-06/1973-04-13"), or null. */
  edtf: string | null;
  precision: Precision;
  /** Position on the time axis, fractional years (from ≤ to). */
  from: number;
  to: number;
  /** A part of the date (usually the year) came from context. */
  inferred: boolean;
  /** One of a set of dates ("1979 or 1980"): drawn dashed. */
  uncertain: boolean;
  /** Approximate or open-ended ("circa 1900", "before 1950"). */
  approximate: boolean;
  /**
   * The whole passage, whitespace collapsed: searched by the text filter, shown as a tooltip, its
   * opening words on the card (cut by the webview for the rows it shows: sending them too made
   * every model a fifth longer).
   */
  text: string;
  entities: EntityChip[];
  /** Section title, or null before the first heading. */
  section: string | null;
}

export interface EntityFacet extends EntityChip {
  /** How many events it takes part in. */
  count: number;
}

export interface Facets {
  entities: EntityFacet[];
  types: EntityType[];
  sections: string[];
}

export interface TimelineModel {
  uri: string;
  /** What to call the document: the article's title or the file name. */
  title: string;
  /** Document version the model was built from. */
  version: number;
  /** In time order. */
  events: EventView[];
  facets: Facets;
}

/** What narrows the shown timeline. Entities are kept by name, which survives re-indexing. */
export interface Filters {
  /** Entity names; an event matches when it involves any of them. */
  entities: string[];
  /** An event matches when it involves an entity of any of these types. */
  types: EntityType[];
  /** Section title; null for all. */
  section: string | null;
  /** Free text: every word must occur in the passage, the date or an entity name. */
  text: string;
}

export type Grouping = 'decade' | 'year' | 'none';
export const GROUPINGS: readonly Grouping[] = ['decade', 'year', 'none'];

export interface ViewSettings {
  grouping: Grouping;
  /** Time-axis zoom: 1 fits the whole span in the view's height. */
  zoom: number;
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 64;

export const NO_FILTERS: Filters = Object.freeze({ entities: [], types: [], section: null, text: '' }) as Filters;
export const DEFAULT_SETTINGS: ViewSettings = Object.freeze({ grouping: 'decade', zoom: 1 }) as ViewSettings;

/**
 * A value as the bytes of its JSON text. VS Code serialises a webview message to JSON with a
 * function called on every value in it, and a JSON string inside it is escaped again at each
 * step: for the thousands of events of a long article either cost the extension host 50 to 150 ms
 * a message. Bytes travel as they are.
 */
export type JsonBytes<T> = Uint8Array & { readonly jsonOf: T };

/**
 * The JSON text in ASCII, its other characters as \u escapes: the webview's TextDecoder reads
 * ASCII several times faster than other UTF-8 (5.8 MB in Chromium: 22-33 ms instead of 112-129).
 */
export function encodeJson<T>(value: T): JsonBytes<T> {
  const json = JSON.stringify(value);
  let escaped = 0;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) escaped++;
  const bytes = new Uint8Array(json.length + 5 * escaped);
  let at = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code <= 0x7f) bytes[at++] = code;
    else for (const char of `\\u${code.toString(16).padStart(4, '0')}`) bytes[at++] = char.charCodeAt(0);
  }
  return bytes as JsonBytes<T>;
}

export function decodeJson<T>(bytes: JsonBytes<T>): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/**
 * An event as it travels: EventView's fields in order without their names, its three flags as
 * bits (WireFlag), its entities as indexes into the push's chips (WireModel) and its section as an
 * index into the model's sections (-1: none). Half the bytes of the object with its chips, and
 * fewer objects to parse: decoding 10,000 events was the largest part of the webview's first paint.
 */
export type WireEvent = [
  id: string, written: string, edtf: string | null, precision: Precision, from: number, to: number,
  flags: number, text: string, entities: number[], section: number,
];

export const enum WireFlag {
  Inferred = 1,
  Uncertain = 2,
  Approximate = 4,
}

/** A model as it travels: the chips its events and those of the push's 'modelPart' messages index. */
export interface WireModel extends Omit<TimelineModel, 'events'> {
  events: WireEvent[];
  chips: Array<[name: string, type: EntityType]>;
}

/**
 * One push's messages (a model's 'modelPart's, then the model): numbers each entity chip as its
 * events first meet it, so the model, sent last, carries every chip the push's events index.
 */
export class ModelWriter {
  private readonly chips: WireModel['chips'] = [];
  private readonly chipNumbers = new Map<string, Map<EntityType, number>>();
  private readonly sectionNumbers: Map<string, number>;

  constructor(sections: readonly string[]) {
    this.sectionNumbers = new Map(sections.map((section, i) => [section, i]));
  }

  events(events: readonly EventView[]): JsonBytes<WireEvent[]> {
    return encodeJson(events.map((e) => this.wire(e)));
  }

  model(model: TimelineModel): JsonBytes<WireModel> {
    const events = model.events.map((e) => this.wire(e));
    return encodeJson({ ...model, events, chips: this.chips });
  }

  private wire(e: EventView): WireEvent {
    const flags = (e.inferred ? WireFlag.Inferred : 0) | (e.uncertain ? WireFlag.Uncertain : 0) | (e.approximate ? WireFlag.Approximate : 0);
    const section = e.section === null ? -1 : (this.sectionNumbers.get(e.section) ?? -1);
    return [e.id, e.written, e.edtf, e.precision, e.from, e.to, flags, e.text, e.entities.map((chip) => this.chipNumber(chip)), section];
  }

  private chipNumber({ name, type }: EntityChip): number {
    let byType = this.chipNumbers.get(name);
    if (!byType) this.chipNumbers.set(name, (byType = new Map()));
    let n = byType.get(type);
    if (n === undefined) {
      byType.set(type, (n = this.chips.length));
      this.chips.push([name, type]);
    }
    return n;
  }
}

/** The webview's side of ModelWriter: the model of a push, its events those of its parts (`ahead`) then its own; their chips shared. */
export function readModel({ chips, ...model }: WireModel, ahead: readonly WireEvent[] = []): TimelineModel {
  const chipViews: EntityChip[] = chips.map(([name, type]) => ({ name, type }));
  const sections = model.facets.sections;
  const view = ([id, written, edtf, precision, from, to, flags, text, entities, section]: WireEvent): EventView => ({
    id, written, edtf, precision, from, to,
    inferred: (flags & WireFlag.Inferred) !== 0,
    uncertain: (flags & WireFlag.Uncertain) !== 0,
    approximate: (flags & WireFlag.Approximate) !== 0,
    text,
    entities: entities.map((n) => chipViews[n]),
    section: section < 0 ? null : sections[section],
  });
  const events: EventView[] = [];
  for (const event of ahead) events.push(view(event));
  for (const event of model.events) events.push(view(event));
  return { ...model, events };
}

/**
 * The events a model has of the one the webview shows (push `base`): its first `head` and last
 * `tail` events, the same but for their ids, around those sent. An edit changes a few events; ids
 * go by text order and change wherever an event came or went before them: `ids` are those of the
 * kept events now, the head's then the tail's.
 */
export interface KeptEvents {
  base: number;
  head: number;
  tail: number;
  ids: JsonBytes<string[]>;
}

/** Messages from the extension to the webview. */
export type ToWebview =
  /** A document's timeline, on switching documents and after every re-index. */
  | {
      type: 'model';
      /** The events sent: after those of the 'modelPart' messages ahead of it, between the kept ones (ModelWriter). */
      model: JsonBytes<WireModel>;
      /** This push's number: its 'modelPart' messages name it, a later model may keep events of it. */
      push: number;
      /** How many 'modelPart' messages of this push came ahead. */
      parts: number;
      kept?: KeptEvents;
      filters: Filters;
      /** The sequence number of the last filter change the extension has from the webview (see the webview's 'filters' message). */
      filtersSeq: number;
      settings: ViewSettings;
      selectedId: string | null;
      /** The sequence number of the last selection the extension has from the webview (see its 'select' message). */
      selectedSeq: number;
    }
  /**
   * Events of a long model, in order, ahead of its 'model' message (which names the same push):
   * VS Code serialises each message in one piece, so thousands of events travel in parts.
   */
  | { type: 'modelPart'; push: number; events: JsonBytes<WireEvent[]> }
  /** No article to show. */
  | { type: 'empty' }
  /** The article to show is still being indexed, and it is taking a while (a long one's first index): its file name. */
  | { type: 'indexing'; name: string }
  /** The event under the editor's cursor (or asked for by showInTimeline). */
  | { type: 'select'; eventId: string | null; reveal: boolean; focus: boolean }
  /** Filters set by the extension (e.g. cleared so a requested event is visible). */
  | { type: 'filters'; filters: Filters; filtersSeq: number }
  | { type: 'settings'; settings: ViewSettings }
  /** Put the keyboard focus in the filter box. */
  | { type: 'focusFilter' };

/** Messages from the webview to the extension. */
export type FromWebview =
  /** The front end has loaded and listens: send it the current state. */
  | { type: 'ready' }
  /** Click or Enter on an event: reveal its passage and select its date in the editor. */
  | { type: 'reveal'; eventId: string }
  /**
   * Keyboard selection moved (not revealed in the editor). `seq` counts the moves: a model sent
   * with an older `selectedSeq` (before the move arrived) does not move the selection back.
   */
  | { type: 'select'; eventId: string | null; seq: number }
  /**
   * The user changed the filters. `seq` counts the changes: filters the extension sends with an
   * older `filtersSeq` than the webview's last change (sent before that change arrived) are stale.
   */
  | { type: 'filters'; filters: Filters; seq: number }
  | { type: 'settings'; settings: ViewSettings }
  /** The empty state's button. */
  | { type: 'openArticle' }
  | { type: 'copy'; format: 'markdown' | 'csv' }
  /** The time one render took (ms), for benchmarks and the log. */
  | { type: 'rendered'; uri: string | null; version: number | null; ms: number; rows: number; shown: number; events: number };
