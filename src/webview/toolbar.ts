// The controls above the timeline: free-text filter, entity / type / section filters, grouping and zoom.

import { ICONS, h, icon } from './dom';
import type { EntityType, Facets, Filters, Grouping, ViewSettings } from './protocol';
import { MAX_ZOOM, MIN_ZOOM } from './protocol';
import { describeFilters, hasFilters } from './viewModel';

export interface ToolbarCallbacks {
  filters(filters: Filters): void;
  settings(settings: ViewSettings): void;
}

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

  update(filters: Filters, facets: Facets, settings: ViewSettings, shown: number, total: number): void {
    const pickersChanged =
      facets !== this.facets || filters.entities.join('\n') !== this.filters.entities.join('\n') || filters.section !== this.filters.section;
    this.filters = filters;
    this.facets = facets;
    this.settings = settings;
    if (this.text.value !== filters.text) this.text.value = filters.text;
    if (pickersChanged || !this.pickersBuilt) this.renderPickers();
    this.renderTypes();
    this.renderActive();
    this.grouping.value = settings.grouping;
    this.zoomLabel.textContent = `${settings.zoom}×`;
    this.zoomOut.disabled = settings.zoom <= MIN_ZOOM;
    this.zoomIn.disabled = settings.zoom >= MAX_ZOOM;
    const noun = total === 1 ? 'event' : 'events';
    this.count.textContent = hasFilters(filters) ? `${shown} of ${total} ${noun}` : `${total} ${noun}`;
    this.clear.hidden = !hasFilters(filters);
  }

  private renderPickers(): void {
    this.pickersBuilt = true;
    this.entityPicker.replaceChildren(h('option', { text: 'Entity…', attrs: { value: '' } }));
    for (const type of this.facets.types) {
      const group = h('optgroup', { attrs: { label: TYPE_LABEL[type] } });
      for (const e of this.facets.entities) {
        if (e.type !== type) continue;
        const option = h('option', { text: `${e.name} (${e.count})`, attrs: { value: e.name } });
        if (this.filters.entities.includes(e.name)) option.disabled = true;
        group.append(option);
      }
      this.entityPicker.append(group);
    }
    this.entityPicker.value = '';
    this.entityPicker.disabled = this.facets.entities.length === 0;

    this.section.replaceChildren(h('option', { text: 'All sections', attrs: { value: '' } }));
    const sections = [...this.facets.sections];
    if (this.filters.section !== null && !sections.includes(this.filters.section)) sections.push(this.filters.section);
    for (const s of sections) this.section.append(h('option', { text: s, attrs: { value: s } }));
    this.section.value = this.filters.section ?? '';
    this.section.disabled = sections.length === 0;
  }

  private renderTypes(): void {
    this.types.replaceChildren();
    for (const type of this.facets.types) {
      const on = this.filters.types.includes(type);
      const button = h(
        'button',
        { class: `toggle type-${type}`, title: `Only events with ${TYPE_LABEL[type].toLowerCase()}`, attrs: { type: 'button', 'aria-pressed': String(on) } },
        h('span', { class: 'dot', attrs: { 'aria-hidden': 'true' } }),
        h('span', { text: TYPE_LABEL[type] }),
      );
      button.addEventListener('click', () =>
        this.change({ types: on ? this.filters.types.filter((t) => t !== type) : [...this.filters.types, type] }),
      );
      this.types.append(button);
    }
  }

  private renderActive(): void {
    this.active.replaceChildren();
    for (const name of this.filters.entities) {
      const type = this.facets.entities.find((e) => e.name === name)?.type ?? 'other';
      const remove = h('button', { class: 'chip-remove', title: `Remove filter ${name}`, attrs: { type: 'button', 'aria-label': `Remove filter ${name}` } }, icon(ICONS.close));
      remove.addEventListener('click', () => this.change({ entities: this.filters.entities.filter((n) => n !== name) }));
      this.active.append(h('span', { class: `chip filter-chip type-${type}` }, h('span', { text: name }), remove));
    }
    this.active.hidden = this.filters.entities.length === 0;
    this.active.setAttribute('aria-label', hasFilters(this.filters) ? `Filtered: ${describeFilters(this.filters)}` : 'No filters');
  }

  private change(patch: Partial<Filters>): void {
    this.callbacks.filters({ ...this.filters, ...patch });
  }

  private changeSettings(patch: Partial<ViewSettings>): void {
    this.callbacks.settings({ ...this.settings, ...patch });
  }
}
