// The controls above the timeline: free-text filter, entity / type / section filters, grouping and zoom.

import { ICONS, h, icon } from './dom';
import type { EntityType, Facets, Filters, Grouping, ViewSettings } from './protocol';
import { MAX_ZOOM, MIN_ZOOM } from './protocol';
import { describeFilters, hasFilters } from './viewModel';

export interface ToolbarCallbacks {
  filters(filters: Filters): void;
  settings(settings: ViewSettings): void;
}

/** Up to this many entities, the picker's options are built with the document. */
const ENTITY_OPTIONS_NOW = 200;

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'People',
  place: 'Places',
  organization: 'Organizations',
  event: 'Events',
  other: 'Other',
};

export class Toolbar {
  readonly element: HTMLElement;
  readonly text: HTMLInputElement;
  private readonly entityPicker: HTMLSelectElement;
  private readonly section: HTMLSelectElement;
  private readonly types: HTMLDivElement;
  private readonly active: HTMLDivElement;
  private readonly count: HTMLSpanElement;
  private readonly clear: HTMLButtonElement;
  private readonly grouping: HTMLSelectElement;
  private readonly zoomLabel: HTMLSpanElement;
  private readonly zoomIn: HTMLButtonElement;
  private readonly zoomOut: HTMLButtonElement;
  private filters: Filters = { entities: [], types: [], section: null, text: '' };
  private settings: ViewSettings = { grouping: 'decade', zoom: 1 };
  private facets: Facets = { entities: [], types: [], sections: [] };
  private pickersBuilt = false;
  /** The facets the entity picker's options were built for. */
  private entityOptionsFor: Facets | undefined;
  /** The entity picker's option per entity name. */
  private readonly entityOptions = new Map<string, HTMLOptionElement>();
  private readonly typeButtons = new Map<EntityType, HTMLButtonElement>();

  constructor(private readonly callbacks: ToolbarCallbacks) {
    this.text = h('input', {
      class: 'filter-text',
      attrs: { type: 'search', placeholder: 'Filter events  ( / )', 'aria-label': 'Filter events by text', spellcheck: 'false' },
    });
    this.text.addEventListener('input', () => this.change({ text: this.text.value }));
    this.text.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.text.value) {
        e.stopPropagation();
        this.text.value = '';
        this.change({ text: '' });
      }
    });

    this.entityPicker = h('select', { class: 'entity-picker', attrs: { 'aria-label': 'Filter by entity' } });
    for (const type of ['pointerdown', 'mousedown', 'focus', 'keydown']) this.entityPicker.addEventListener(type, () => this.buildEntityOptions());
    this.entityPicker.addEventListener('change', () => {
      const name = this.entityPicker.value;
      this.entityPicker.value = '';
      if (name && !this.filters.entities.includes(name)) this.change({ entities: [...this.filters.entities, name] });
    });

    this.section = h('select', { class: 'section-picker', attrs: { 'aria-label': 'Filter by section' } });
    this.section.addEventListener('change', () => this.change({ section: this.section.value === '' ? null : this.section.value }));

    this.types = h('div', { class: 'types', attrs: { role: 'group', 'aria-label': 'Filter by entity type' } });
    this.active = h('div', { class: 'active-filters', attrs: { 'aria-live': 'polite' } });

    this.count = h('span', { class: 'count', attrs: { role: 'status' } });
    this.clear = h('button', { class: 'link-button', text: 'Clear filters', attrs: { type: 'button' } });
    this.clear.addEventListener('click', () => this.change({ entities: [], types: [], section: null, text: '' }));

    this.grouping = h(
      'select',
      { class: 'grouping', attrs: { 'aria-label': 'Group events by' } },
      h('option', { text: 'By decade', attrs: { value: 'decade' } }),
      h('option', { text: 'By year', attrs: { value: 'year' } }),
      h('option', { text: 'Ungrouped', attrs: { value: 'none' } }),
    );
    this.grouping.addEventListener('change', () => this.changeSettings({ grouping: this.grouping.value as Grouping }));

    this.zoomOut = h('button', { class: 'icon-button', title: 'Zoom out the time axis (-)', attrs: { type: 'button', 'aria-label': 'Zoom out' } }, icon(ICONS.zoomOut));
    this.zoomIn = h('button', { class: 'icon-button', title: 'Zoom in the time axis (+)', attrs: { type: 'button', 'aria-label': 'Zoom in' } }, icon(ICONS.zoomIn));
    this.zoomLabel = h('span', { class: 'zoom-label', attrs: { 'aria-live': 'polite' } });
    this.zoomOut.addEventListener('click', () => this.zoomBy(0.5));
    this.zoomIn.addEventListener('click', () => this.zoomBy(2));

    this.element = h(
      'header',
      { class: 'toolbar' },
      h('div', { class: 'toolbar-row search-row' }, h('span', { class: 'search-icon' }, icon(ICONS.search)), this.text),
      h('div', { class: 'toolbar-row facet-row' }, this.entityPicker, this.section),
      this.types,
      this.active,
      h(
        'div',
        { class: 'toolbar-row view-row' },
        this.count,
        this.clear,
        h('span', { class: 'spacer' }),
        this.grouping,
        h('span', { class: 'zoom', attrs: { role: 'group', 'aria-label': 'Time axis zoom' } }, this.zoomOut, this.zoomLabel, this.zoomIn),
      ),
    );
  }

  zoomBy(factor: number): void {
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.settings.zoom * factor));
    if (zoom !== this.settings.zoom) this.changeSettings({ zoom });
  }

  /**
   * Shows the filters, facets and counts. Runs on every filter change, so it touches only what
   * changed: the entity picker holds an option per entity (thousands in a long article), built
   * once per document, then only the options of added or removed filters change.
   */
  update(filters: Filters, facets: Facets, settings: ViewSettings, shown: number, total: number): void {
    const previous = this.filters;
    const facetsChanged = facets !== this.facets || !this.pickersBuilt;
    this.filters = filters;
    this.facets = facets;
    this.settings = settings;
    if (this.text.value !== filters.text) this.text.value = filters.text;
    if (facetsChanged) {
      this.renderPickers();
      this.renderTypes();
    } else {
      if (!sameList(previous.entities, filters.entities)) this.updateEntityOptions(previous.entities, filters.entities);
      if (previous.section !== filters.section) this.updateSection();
      if (!sameList(previous.types, filters.types)) this.updateTypes();
    }
    this.renderActive(facetsChanged || !sameList(previous.entities, filters.entities));
    setText(this.zoomLabel, `${settings.zoom}×`);
    this.grouping.value = settings.grouping;
    this.zoomOut.disabled = settings.zoom <= MIN_ZOOM;
    this.zoomIn.disabled = settings.zoom >= MAX_ZOOM;
    const noun = total === 1 ? 'event' : 'events';
    setText(this.count, hasFilters(filters) ? `${shown} of ${total} ${noun}` : `${total} ${noun}`);
    if (this.clear.hidden !== !hasFilters(filters)) this.clear.hidden = !hasFilters(filters);
  }

  private renderPickers(): void {
    this.pickersBuilt = true;
    this.entityOptions.clear();
    this.entityPicker.replaceChildren(h('option', { text: 'Entity…', attrs: { value: '' } }));
    this.entityPicker.value = '';
    this.entityPicker.disabled = this.facets.entities.length === 0;
    this.entityOptionsFor = undefined;
    // An option per entity: thousands in a long article, which cost the frame after them ~50 ms of
    // style and layout even in the closed picker. A short list is built now, a long one when the
    // picker is first used (pointer, focus or key), so that neither the document's first paint
    // nor the next filter change pays for it.
    if (this.facets.entities.length <= ENTITY_OPTIONS_NOW) this.buildEntityOptions();
    this.updateSection();
  }

  /** The entity picker's options, once per facets. */
  private buildEntityOptions(): void {
    if (this.entityOptionsFor === this.facets) return;
    this.entityOptionsFor = this.facets;
    this.entityOptions.clear();
    const fragment = document.createDocumentFragment();
    fragment.append(h('option', { text: 'Entity…', attrs: { value: '' } }));
    for (const type of this.facets.types) {
      const group = h('optgroup', { attrs: { label: TYPE_LABEL[type] } });
      for (const e of this.facets.entities) {
        if (e.type !== type) continue;
        const option = h('option', { text: `${e.name} (${e.count})`, attrs: { value: e.name } });
        if (this.filters.entities.includes(e.name)) option.disabled = true;
        this.entityOptions.set(e.name, option);
        group.append(option);
      }
      fragment.append(group);
    }
    this.entityPicker.replaceChildren(fragment);
    this.entityPicker.value = '';
  }

  /** A chosen entity is disabled in the picker; a removed one enabled again. */
  private updateEntityOptions(before: readonly string[], after: readonly string[]): void {
    for (const name of before) if (!after.includes(name)) this.entityOptions.get(name)?.toggleAttribute('disabled', false);
    for (const name of after) if (!before.includes(name)) this.entityOptions.get(name)?.toggleAttribute('disabled', true);
  }

  private updateSection(): void {
    const sections = [...this.facets.sections];
    if (this.filters.section !== null && !sections.includes(this.filters.section)) sections.push(this.filters.section);
    const have = [...this.section.options].slice(1).map((o) => o.value);
    if (!sameList(have, sections)) {
      this.section.replaceChildren(h('option', { text: 'All sections', attrs: { value: '' } }));
      for (const s of sections) this.section.append(h('option', { text: s, attrs: { value: s } }));
    }
    this.section.value = this.filters.section ?? '';
    this.section.disabled = sections.length === 0;
  }

  private renderTypes(): void {
    this.typeButtons.clear();
    this.types.replaceChildren();
    for (const type of this.facets.types) {
      const button = h(
        'button',
        { class: `toggle type-${type}`, title: `Only events with ${TYPE_LABEL[type].toLowerCase()}`, attrs: { type: 'button', 'aria-pressed': 'false' } },
        h('span', { class: 'dot', attrs: { 'aria-hidden': 'true' } }),
        h('span', { text: TYPE_LABEL[type] }),
      );
      button.addEventListener('click', () => {
        const on = this.filters.types.includes(type);
        this.change({ types: on ? this.filters.types.filter((t) => t !== type) : [...this.filters.types, type] });
      });
      this.typeButtons.set(type, button);
      this.types.append(button);
    }
    this.updateTypes();
  }

  private updateTypes(): void {
    for (const [type, button] of this.typeButtons) {
      const on = String(this.filters.types.includes(type));
      if (button.getAttribute('aria-pressed') !== on) button.setAttribute('aria-pressed', on);
    }
  }

  /** The chips of the chosen entities (rebuilt only when they change) and the filters' description. */
  private renderActive(chips: boolean): void {
    if (chips) {
      this.active.replaceChildren();
      for (const name of this.filters.entities) {
        const type = this.facets.entities.find((e) => e.name === name)?.type ?? 'other';
        const remove = h('button', { class: 'chip-remove', title: `Remove filter ${name}`, attrs: { type: 'button', 'aria-label': `Remove filter ${name}` } }, icon(ICONS.close));
        remove.addEventListener('click', () => this.change({ entities: this.filters.entities.filter((n) => n !== name) }));
        this.active.append(h('span', { class: `chip filter-chip type-${type}` }, h('span', { text: name }), remove));
      }
      this.active.hidden = this.filters.entities.length === 0;
    }
    const label = hasFilters(this.filters) ? `Filtered: ${describeFilters(this.filters)}` : 'No filters';
    if (this.active.getAttribute('aria-label') !== label) this.active.setAttribute('aria-label', label);
  }

  private change(patch: Partial<Filters>): void {
    this.callbacks.filters({ ...this.filters, ...patch });
  }

  private changeSettings(patch: Partial<ViewSettings>): void {
    this.callbacks.settings({ ...this.settings, ...patch });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Sets an element's text only when it differs: an unchanged text costs no style or layout work. */
function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
