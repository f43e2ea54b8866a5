// The timeline's view model: built from an ArticleIndex in the extension, filtered on both sides
// (the webview to show, the extension to copy exactly what is shown). Pure: no `vscode`, no DOM.

import type { ArticleIndex } from '../core/articleIndex';
import { runSteps } from '../core/steps';
import type { DateMention, EntityType, TimelineEvent } from '../core/types';
import type { EntityChip, EntityFacet, EventView, Facets, Filters, Grouping, TimelineModel, ViewSettings } from './protocol';
import { DEFAULT_SETTINGS, ENTITY_TYPES, GROUPINGS, MAX_ZOOM, MIN_ZOOM } from './protocol';

const FIRST_WORDS = 32;
const FIRST_WORDS_MAX_CHARS = 220;

/** Any white space but a single space between words: what collapseSpace changes. */
const UNCOLLAPSED_SPACE = /[^\S ]|  |^ | $/;

export function collapseSpace(text: string): string {
  // Most passages have nothing to collapse: testing costs no new string (the model is rebuilt on every edit).
  return UNCOLLAPSED_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** The opening words of a passage, with an ellipsis when cut. */
export function firstWords(text: string, words = FIRST_WORDS, maxChars = FIRST_WORDS_MAX_CHARS): string {
  const all = collapseSpace(text);
  let end = -1;
  for (let n = 0; n < words && (n === 0 || end >= 0); n++) end = all.indexOf(' ', end + 1);
  let out = end < 0 ? all : all.slice(0, end);
  if (out.length > maxChars) out = out.slice(0, maxChars).replace(/\s+\S*$/, '');
  return out.length < all.length ? `${out.replace(/[,;:]$/, '')}…` : out;
}

/** "1979 or 1980": an EDTF one-of set, or a value marked uncertain with `?`. */
export function isUncertain(date: DateMention): boolean {
  const edtf = date.edtf ?? '';
  return edtf.startsWith('[') || edtf.includes('?') || (date.precision === 'set' && !edtf.startsWith('{'));
}

export function isApproximate(date: DateMention): boolean {
  return (date.edtf ?? '').includes('~') || date.mod === 'APPROX' || date.mod === 'BEFORE' || date.mod === 'AFTER';
}

export function eventView(index: ArticleIndex, event: TimelineEvent): EventView {
  const placement = index.placementOf(event);
  const date = placement.date;
  const entities: EntityChip[] = index.entitiesOf(event).map((e) => ({ name: e.name, type: e.type }));
  const text = collapseSpace(event.text);
  return {
    id: event.id,
    written: date.text,
    edtf: date.edtf,
    precision: date.precision,
    from: placement.from,
    to: Math.max(placement.from, placement.to),
    inferred: date.inferred,
    uncertain: isUncertain(date),
    approximate: isApproximate(date),
    text,
    entities,
    section: event.section,
  };
}

/** localeCompare's order (the default locale's), from one collator: thousands of names are sorted on every edit. */
const byLocale = new Intl.Collator();

/**
 * The facets of `events`, a part at a time (1,600 entities of a 1 MB article took 4 to 13 ms to
 * count and sort); `sections`: their sections' titles in text order.
 */
function* facetSteps(events: readonly EventView[], sections: string[]): Generator<void, Facets, void> {
  const byName = new Map<string, EntityFacet>();
  const types = new Set<EntityType>();
  for (let i = 0; i < events.length; i++) {
    for (const chip of events[i].entities) {
      const facet = byName.get(chip.name);
      if (facet) facet.count++;
      else byName.set(chip.name, { ...chip, count: 1 });
      types.add(chip.type);
    }
    if (i % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield;
  }
  yield;
  const entities = [...byName.values()].sort((a, b) => b.count - a.count || byLocale.compare(a.name, b.name));
  const typeOrder: EntityType[] = ['person', 'place', 'organization', 'event', 'other'];
  return { entities, types: typeOrder.filter((t) => types.has(t)), sections };
}

/** Events made into views, counted or compared between two yields (see runInSlices in src/extension/nextTask.ts on how many). */
const EVENTS_PER_STEP = 250;

/** The model, a part at a time: the extension host makes it after every update of a long article. */
export function* modelSteps(index: ArticleIndex, uri: string, fallbackTitle: string, version: number): Generator<void, TimelineModel, void> {
  const events: EventView[] = [];
  for (const event of index.timeline) {
    events.push(eventView(index, event));
    if (events.length % EVENTS_PER_STEP === 0) yield;
  }
  yield;
  const facets = yield* facetSteps(events, sectionsInTextOrder(index));
  const title = index.data.title?.trim() || fallbackTitle;
  return { uri, title, version, events, facets };
}

/** The sections of the timeline's events, each once, in text order (a Set keeps the order of first insertion). */
function sectionsInTextOrder(index: ArticleIndex): string[] {
  const onTimeline = new Set(index.timeline);
  const sections = new Set<string>();
  for (const event of index.data.events) if (event.section !== null && onTimeline.has(event)) sections.add(event.section);
  return [...sections];
}

export function buildModel(index: ArticleIndex, uri: string, fallbackTitle: string, version: number): TimelineModel {
  return runSteps(modelSteps(index, uri, fallbackTitle, version));
}

// ---------------------------------------------------------------------------------------------
// Sending a model

/** Whether two views show the same, ids aside (see KeptEvents): every field of EventView but its id. */
function sameView(a: EventView, b: EventView): boolean {
  return (
    a.text === b.text && a.written === b.written && a.edtf === b.edtf && a.precision === b.precision && a.from === b.from && a.to === b.to &&
    a.inferred === b.inferred && a.uncertain === b.uncertain && a.approximate === b.approximate && a.section === b.section &&
    a.entities.length === b.entities.length && a.entities.every((e, i) => e.name === b.entities[i].name && e.type === b.entities[i].type)
  );
}

/**
 * How many events at the start and at the end of `after` are those of `before`, ids aside: what a
 * model after an edit need not send again (KeptEvents).
 */
export function keptEnds(before: readonly EventView[], after: readonly EventView[]): { head: number; tail: number } {
  return runSteps(keptEndSteps(before, after));
}

/** keptEnds a part at a time (a passage's text is compared to its last version's whole). */
export function* keptEndSteps(before: readonly EventView[], after: readonly EventView[]): Generator<void, { head: number; tail: number }, void> {
  const most = Math.min(before.length, after.length);
  let head = 0;
  while (head < most && sameView(before[head], after[head])) if (++head % EVENTS_PER_STEP === 0) yield;
  let tail = 0;
  while (tail < most - head && sameView(before[before.length - 1 - tail], after[after.length - 1 - tail])) if (++tail % EVENTS_PER_STEP === 0) yield;
  return { head, tail };
}

/**
 * A model's events as a model after an edit sends them: those between the first `head` and the
 * last `tail` (kept, see keptEnds), and the kept ones' ids now, the head's then the tail's.
 */
export function splitKept(events: readonly EventView[], head: number, tail: number): { changed: EventView[]; keptIds: string[] } {
  const changed = events.slice(head, events.length - tail);
  const keptIds = [...events.slice(0, head), ...events.slice(events.length - tail)].map((e) => e.id);
  return { changed, keptIds };
}

/**
 * The events of a model sent with kept ones: the first `head` and last `tail` of `before`, with
 * `ids` (theirs now, see KeptEvents), around `sent`. A kept event whose id is the same stays the
 * same object (and keeps its search key).
 */
export function withKept(before: readonly EventView[], sent: readonly EventView[], head: number, tail: number, ids: readonly string[]): EventView[] {
  const kept = (event: EventView, id: string) => (event.id === id ? event : { ...event, id });
  const events: EventView[] = [];
  for (let i = 0; i < head; i++) events.push(kept(before[i], ids[i]));
  for (const event of sent) events.push(event);
  for (let i = 0; i < tail; i++) events.push(kept(before[before.length - tail + i], ids[head + i]));
  return events;
}

/** Events per message of a model sent in parts (see modelParts): some 300 KB of JSON. */
export const EVENTS_PER_MESSAGE = 500;

/**
 * A model as the extension sends it: VS Code serialises each message in one piece (1.7 M
 * characters for a 1 MB article), so all but the last EVENTS_PER_MESSAGE events go ahead, in
 * order, in 'modelPart' messages; the model carries the rest.
 */
export function modelParts(model: TimelineModel): { parts: EventView[][]; rest: TimelineModel } {
  const parts: EventView[][] = [];
  let sent = 0;
  for (; model.events.length - sent > EVENTS_PER_MESSAGE; sent += EVENTS_PER_MESSAGE) parts.push(model.events.slice(sent, sent + EVENTS_PER_MESSAGE));
  return { parts, rest: sent ? { ...model, events: model.events.slice(sent) } : model };
}

// ---------------------------------------------------------------------------------------------
// Filtering

const haystacks = new WeakMap<EventView, string>();

/** What the free-text filter searches: the passage, the date as written and normalised, the section, entity names. */
function haystack(event: EventView): string {
  let h = haystacks.get(event);
  if (h === undefined) {
    h = [event.text, event.written, event.edtf ?? '', event.section ?? '', ...event.entities.map((e) => e.name)]
      .join('\n')
      .toLowerCase();
    haystacks.set(event, h);
  }
  return h;
}

/**
 * Builds the search text of `events` from `start` on until `timeUp()` (checked every 100 events);
 * returns where it stopped (`events.length` when done). The view runs it while idle after showing
 * a document, so that the first keystroke in the filter does not pay for thousands of events.
 */
export function prepareSearch(events: readonly EventView[], start: number, timeUp: () => boolean): number {
  let i = start;
  while (i < events.length) {
    const end = Math.min(events.length, i + 100);
    for (; i < end; i++) haystack(events[i]);
    if (timeUp()) break;
  }
  return i;
}

export function hasFilters(filters: Filters): boolean {
  return filters.entities.length > 0 || filters.types.length > 0 || filters.section !== null || filters.text.trim() !== '';
}

/** A predicate for the filters: compiled once, then a few string and set checks per event. */
export function matcher(filters: Filters): (event: EventView) => boolean {
  const names = new Set(filters.entities);
  const types = new Set(filters.types);
  const section = filters.section;
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (event) => {
    if (section !== null && event.section !== section) return false;
    if (names.size > 0 && !event.entities.some((e) => names.has(e.name))) return false;
    if (types.size > 0 && !event.entities.some((e) => types.has(e.type))) return false;
    if (words.length > 0) {
      const h = haystack(event);
      for (const w of words) if (!h.includes(w)) return false;
    }
    return true;
  };
}

/** The events the filters leave, still in time order. */
export function filterEvents(events: readonly EventView[], filters: Filters): EventView[] {
  if (!hasFilters(filters)) return events.slice();
  return events.filter(matcher(filters));
}

/** A short human description of the active filters, for the status line and screen readers. */
export function describeFilters(filters: Filters): string {
  const parts: string[] = [];
  if (filters.entities.length) parts.push(filters.entities.join(' or '));
  if (filters.types.length) parts.push(`any ${filters.types.join('/')}`);
  if (filters.section !== null) parts.push(`in “${filters.section}”`);
  if (filters.text.trim()) parts.push(`“${filters.text.trim()}”`);
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------
// State from storage or the webview: untrusted, cut to what it may hold.

/** Filters from storage or the webview, cut to what they may hold. */
export function sanitizeFilters(value: unknown): Filters {
  const v = (value ?? {}) as Partial<Record<keyof Filters, unknown>>;
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string').slice(0, 100) : []);
  return {
    entities: [...new Set(strings(v.entities))],
    types: [...new Set(strings(v.types))].filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t)),
    section: typeof v.section === 'string' ? v.section : null,
    text: typeof v.text === 'string' ? v.text.slice(0, 500) : '',
  };
}

export function sanitizeSettings(value: unknown): ViewSettings {
  const v = (value ?? {}) as Partial<Record<keyof ViewSettings, unknown>>;
  const grouping = (GROUPINGS as readonly unknown[]).includes(v.grouping) ? (v.grouping as Grouping) : DEFAULT_SETTINGS.grouping;
  const zoom = typeof v.zoom === 'number' && Number.isFinite(v.zoom) ? Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.zoom)) : DEFAULT_SETTINGS.zoom;
  return { grouping, zoom };
}

