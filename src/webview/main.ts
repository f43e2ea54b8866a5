// The timeline view's front end: renders what the extension sends (src/webview/protocol.ts) and
// reports what the user does. Plain DOM; article text only through textContent.

import { AxisView } from './axisView';
import { h } from './dom';
import { ListView } from './listView';
import type { EventView, Filters, FromWebview, TimelineModel, ToWebview, ViewSettings, WireEvent } from './protocol';
import { DEFAULT_SETTINGS, NO_FILTERS, decodeJson, readModel } from './protocol';
import { buildRows } from './rows';
import { Toolbar } from './toolbar';
import { filterEvents, prepareSearch, withKept } from './viewModel';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PersistedState | undefined;
  setState(state: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What the webview keeps itself across hide/show and reload: scroll positions per document. */
interface PersistedState {
  scroll: Record<string, number>;
}

const vscode = acquireVsCodeApi();
const persisted: PersistedState = { scroll: {}, ...vscode.getState() };

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

// ---------------------------------------------------------------------------------------------
// State (a mirror of the extension's) and views

let model: TimelineModel | undefined;
/** While no model is shown: the name of the article whose first index is on its way (the 'indexing' message). */
let indexingName: string | undefined;
/** The push that sent the model shown: a later one may keep events of it (KeptEvents). */
let modelPush: number | undefined;
/** The events of the model on its way in parts ('modelPart'), the push they belong to and how many parts came. */
let parts: { push: number; events: WireEvent[]; count: number } | undefined;
let filters: Filters = NO_FILTERS;
let settings: ViewSettings = DEFAULT_SETTINGS;
let shown: EventView[] = [];
/** Counts the user's filter changes (see the webview's 'filters' message in protocol.ts). */
let filtersSeq = 0;

/** The user changed the filters: show the result and tell the extension, which keeps them (they survive reloads). */
function setFilters(next: Filters): void {
  filters = next;
  renderTimeline();
  post({ type: 'filters', filters, seq: ++filtersSeq });
}

/** Counts the user's selections (see the webview's 'select' message in protocol.ts). */
let selectionSeq = 0;

function postSelection(eventId: string): void {
  post({ type: 'select', eventId, seq: ++selectionSeq });
}

/** Filters from the extension, unless the user has changed them since the extension last heard. */
function adoptFilters(from: Filters, seq: number): void {
  if (seq < filtersSeq) return;
  filtersSeq = seq;
  filters = from;
}

const toolbar = new Toolbar({
  filters(next) {
    setFilters(next);
  },
  settings(next) {
    const zoomChanged = next.zoom !== settings.zoom;
    settings = next;
    if (zoomChanged) axis.setZoom(settings.zoom);
    renderTimeline();
    post({ type: 'settings', settings });
  },
});

const list = new ListView({
  select(event) {
    axis.select(event.id);
    postSelection(event.id);
  },
  activate(event) {
    post({ type: 'reveal', eventId: event.id });
  },
  filterEntity(name) {
    setFilters({ ...filters, entities: filters.entities.includes(name) ? filters.entities : [...filters.entities, name] });
  },
  scrolled(first, last) {
    axis.setBand(first, last);
    if (model) {
      persisted.scroll[model.uri] = list.scrollTop;
      saveState();
    }
  },
});

const axis = new AxisView({
  activate(event) {
    list.select(event.id, 'center');
    axis.select(event.id);
    postSelection(event.id);
    post({ type: 'reveal', eventId: event.id });
  },
});

const notice = h('div', { class: 'notice', attrs: { role: 'status', hidden: '' } });
const noMatch = h(
  'div',
  { class: 'no-match', attrs: { hidden: '' } },
  h('p', { text: 'No events match the filters.' }),
  clearFiltersButton(),
);
const body = h('div', { class: 'timeline-body' }, axis.element, list.element, noMatch);
const openButton = h('button', { class: 'primary-button', text: 'Open an article…', attrs: { type: 'button' } });
openButton.addEventListener('click', () => post({ type: 'openArticle' }));
const empty = h(
  'div',
  { class: 'empty', attrs: { hidden: '' } },
  h('p', { class: 'empty-title', text: 'No article open' }),
  h('p', { text: 'Open an article (plain text, Markdown or wiki text) to see its events on a timeline.' }),
  openButton,
);
const indexingTitle = h('p', { class: 'empty-title' });
const indexing = h(
  'div',
  { class: 'indexing', attrs: { hidden: '', role: 'status' } },
  indexingTitle,
  h('p', { text: 'Its events appear here when ChronoLens has read it: a long article takes a few seconds the first time.' }),
);
const app = h('div', { class: 'app' }, toolbar.element, notice, body, empty, indexing);
document.body.append(app);

function clearFiltersButton(): HTMLButtonElement {
  const b = h('button', { class: 'secondary-button', text: 'Clear filters', attrs: { type: 'button' } });
  b.addEventListener('click', () => setFilters(NO_FILTERS));
  return b;
}

let stateTimer: ReturnType<typeof setTimeout> | undefined;
function saveState(): void {
  clearTimeout(stateTimer);
  stateTimer = setTimeout(() => vscode.setState(persisted), 200);
}

// ---------------------------------------------------------------------------------------------
// Rendering

export interface RenderStats {
  ms: number;
  filterMs: number;
  rows: number;
  shown: number;
  events: number;
}

let lastStats: RenderStats | undefined;

/**
 * Filters, groups and renders the timeline: the function a benchmark times. Keeps the scroll
 * position unless `scrollTop` is given.
 */
export function renderTimeline(scrollTop?: number): RenderStats {
  const t0 = performance.now();
  const events = model?.events ?? [];
  shown = filterEvents(events, filters);
  const t1 = performance.now();
  // The axis first: the list marks the gaps the axis compresses.
  axis.setEvents(events, shown);
  const rows = buildRows(shown, settings.grouping, axis.timeAxis.threshold);
  list.setRows(rows, scrollTop);
  toolbar.update(filters, model?.facets ?? { entities: [], types: [], sections: [] }, settings, shown.length, events.length);
  const hasModel = model !== undefined;
  empty.hidden = hasModel || indexingName !== undefined;
  indexing.hidden = hasModel || indexingName === undefined;
  indexingTitle.textContent = `Indexing ${indexingName ?? ''}…`;
  toolbar.element.hidden = !hasModel || events.length === 0;
  body.hidden = !hasModel || events.length === 0;
  noMatch.hidden = !hasModel || events.length === 0 || shown.length > 0;
  list.element.hidden = shown.length === 0;
  if (hasModel && events.length === 0) {
    notice.textContent = `No dates found in “${model!.title}”. Passages with a date — “3 November 1956”, “the 1990s”, “April 6–13” — appear here on the timeline.`;
    notice.hidden = false;
  } else {
    notice.hidden = true;
  }
  lastStats = { ms: performance.now() - t0, filterMs: t1 - t0, rows: rows.length, shown: shown.length, events: events.length };
  return lastStats;
}

// Performance hook: a benchmark (or the console) can time renders and read the last one.
(globalThis as unknown as { chronolensTimeline: unknown }).chronolensTimeline = {
  render: () => renderTimeline(),
  /** Draws the time axis now (all of it, or only the band and selection over the painted layer); returns the time it took (ms). */
  drawAxis: (full = true) => {
    if (full) axis.invalidate();
    axis.draw();
    return axis.lastDrawMs;
  },
  /** Renders the list rows in view now; returns the time it took (ms). */
  renderList: () => {
    const t0 = performance.now();
    list.render();
    return performance.now() - t0;
  },
  /** The last render, and how long the last draw of the time axis took (it draws in the frame after a render). */
  stats: () => (lastStats ? { ...lastStats, axisMs: axis.lastDrawMs } : undefined),
};

function showModel(message: Extract<ToWebview, { type: 'model' }>, shown: TimelineModel): void {
  const sameDocument = model?.uri === shown.uri;
  const previousSelection = list.selected;
  model = shown;
  indexingName = undefined;
  adoptFilters(message.filters, message.filtersSeq);
  const zoomChanged = message.settings.zoom !== settings.zoom;
  settings = message.settings;
  if (zoomChanged) axis.setZoom(settings.zoom);
  // Same document (an edit): keep the scroll position. Another one: restore where the user was.
  const stats = renderTimeline(sameDocument ? undefined : (persisted.scroll[model.uri] ?? 0));
  // The user's latest selection stands until the extension has heard of it.
  const heard = !sameDocument || message.selectedSeq >= selectionSeq;
  const selected = (heard ? message.selectedId : previousSelection) ?? (sameDocument ? previousSelection : null);
  list.select(selected && list.isShown(selected) ? selected : null, sameDocument ? false : 'nearest');
  axis.select(list.selected);
  reportRender(stats);
  prepareSearchSoon();
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Builds the text filter's search keys (lower-cased passage, dates and names: ~10 ms for 10,000
 * events) just after the document is painted, in slices of a few milliseconds between other
 * tasks, so that the first keystroke in the filter does not pay for them.
 */
function prepareSearchSoon(): void {
  clearTimeout(searchTimer);
  const events = model?.events ?? [];
  let next = 0;
  const slice = () => {
    searchTimer = undefined;
    if (model?.events !== events) return;
    const until = performance.now() + 4;
    next = prepareSearch(events, next, () => performance.now() > until);
    if (next < events.length) searchTimer = setTimeout(slice, 0);
  };
  // After the frame that shows the document (and after whatever else waited for that frame).
  requestAnimationFrame(() => {
    searchTimer = setTimeout(() => {
      if (model?.events === events) searchTimer = setTimeout(slice, 0);
    }, 0);
  });
}

function reportRender(stats: RenderStats): void {
  post({
    type: 'rendered',
    uri: model?.uri ?? null,
    version: model?.version ?? null,
    ms: Math.round(stats.ms * 100) / 100,
    rows: stats.rows,
    shown: stats.shown,
    events: stats.events,
  });
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const message = e.data;
  switch (message.type) {
    case 'modelPart':
      if (parts?.push !== message.push) parts = { push: message.push, events: [], count: 0 };
      for (const event of decodeJson(message.events)) parts.events.push(event);
      parts.count++;
      break;
    case 'model': {
      const ahead = parts?.push === message.push ? parts : undefined;
      parts = undefined;
      const sent = readModel(decodeJson(message.model), ahead?.events);
      const kept = message.kept;
      const ids = kept ? decodeJson(kept.ids) : [];
      const complete = (ahead?.count ?? 0) === message.parts && (!kept || (model && modelPush === kept.base && kept.head + kept.tail <= model.events.length && ids.length === kept.head + kept.tail));
      if (!complete) {
        // Never seen here (messages arrive in order): a page that lost track asks for a whole model.
        post({ type: 'ready' });
        break;
      }
      modelPush = message.push;
      showModel(message, kept && model ? { ...sent, events: withKept(model.events, sent.events, kept.head, kept.tail, ids) } : sent);
      break;
    }
    case 'empty':
    case 'indexing':
      model = undefined;
      modelPush = undefined;
      indexingName = message.type === 'indexing' ? message.name : undefined;
      reportRender(renderTimeline(0));
      break;
    case 'select': {
      const id = message.eventId;
      list.select(id !== null && list.isShown(id) ? id : null, message.reveal ? 'nearest' : false);
      axis.select(list.selected);
      if (message.focus) list.focus();
      break;
    }
    case 'filters':
      adoptFilters(message.filters, message.filtersSeq);
      reportRender(renderTimeline());
      break;
    case 'settings': {
      const zoomChanged = message.settings.zoom !== settings.zoom;
      settings = message.settings;
      if (zoomChanged) axis.setZoom(settings.zoom);
      renderTimeline();
      break;
    }
    case 'focusFilter':
      toolbar.text.focus();
      toolbar.text.select();
      break;
  }
});

// Keyboard: "/" or Ctrl/Cmd+F focuses the filter; + and - zoom; Escape from the filter goes back to the list.
window.addEventListener('keydown', (e) => {
  const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
  if ((e.key === 'f' && (e.ctrlKey || e.metaKey) && !e.altKey) || (e.key === '/' && !inField)) {
    e.preventDefault();
    toolbar.text.focus();
    toolbar.text.select();
  } else if (!inField && (e.key === '+' || e.key === '=')) {
    toolbar.zoomBy(2);
  } else if (!inField && e.key === '-') {
    toolbar.zoomBy(0.5);
  } else if (e.key === 'Escape' && e.target === toolbar.text) {
    list.focus();
  } else if (e.key === 'ArrowDown' && e.target === toolbar.text) {
    e.preventDefault();
    list.focus();
  }
});

renderTimeline(0);
empty.hidden = true; // until the extension says there is nothing to show
post({ type: 'ready' });
