// The event list: a listbox of cards, windowed (only the rows in view exist in the DOM), keyboard
// driven through aria-activedescendant so focus never sits on a row that scrolls away.

import { domId, h } from './dom';
import type { EventView } from './protocol';
import { ROW_HEIGHT, type Row, rowOffsets, visibleRows } from './rows';
import { firstWords } from './viewModel';

export interface ListCallbacks {
  /** Selection moved (keyboard or click). */
  select(event: EventView): void;
  /** Click or Enter: jump to the event in the editor. */
  activate(event: EventView): void;
  /** An entity chip was clicked: filter by it. */
  filterEntity(name: string): void;
  /** The viewport moved: which events are in view (for the axis band). */
  scrolled(first: EventView | undefined, last: EventView | undefined): void;
}

const PRECISION_LABEL: Record<string, string> = {
  day: 'day',
  month: 'month',
  season: 'season',
  year: 'year',
  decade: 'decade',
  century: 'century',
  interval: 'range',
  set: 'one of several dates',
};

export class ListView {
  readonly element: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private rows: Row[] = [];
  private offsets: Float64Array = new Float64Array(1);
  /** Row index of every shown event, by position among the shown events. */
  private eventRows: number[] = [];
  /** Row index by event id: built when first asked for after new rows (not on every keystroke). */
  private rowIndex: Map<string, number> | undefined;
  private readonly rendered = new Map<number, HTMLElement>();
  private selectedId: string | null = null;
  private frame = 0;
  /**
   * The viewport's height and scroll position, kept here (from the resize observer and scroll
   * events, and as written) so that rendering never reads layout: reading either after the rows
   * changed forces a layout in the middle of every filter change.
   */
  private height = 0;
  private top = 0;
  /** A scroll position written while the list was hidden, to write again when it shows. */
  private restore: number | undefined;

  constructor(private readonly callbacks: ListCallbacks) {
    this.spacer = h('div', { class: 'list-spacer' });
    this.element = h(
      'div',
      { class: 'list', attrs: { role: 'listbox', tabindex: '0', 'aria-label': 'Events in time order' } },
      this.spacer,
    );
    this.element.addEventListener('scroll', () => {
      this.top = this.element.scrollTop;
      this.schedule();
    });
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('click', (e) => this.onClick(e));
    // Called after layout, before paint: rows rendered here appear in the same frame.
    new ResizeObserver(() => {
      const height = this.element.clientHeight;
      if (height === this.height) return;
      this.height = height;
      if (height > 0) {
        if (this.restore !== undefined) this.element.scrollTop = this.restore;
        this.restore = undefined;
        this.top = this.element.scrollTop;
        this.render();
      }
    }).observe(this.element);
  }

  get events(): EventView[] {
    return this.eventRows.map((r) => (this.rows[r] as Extract<Row, { kind: 'event' }>).event);
  }

  /** New rows; the scroll position stays unless `scrollTop` is given. */
  setRows(rows: Row[], scrollTop?: number): void {
    this.rows = rows;
    this.offsets = rowOffsets(rows);
    this.eventRows = [];
    this.rowIndex = undefined;
    for (let i = 0; i < rows.length; i++) if (rows[i].kind === 'event') this.eventRows.push(i);
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
    this.spacer.style.height = `${this.offsets[rows.length]}px`;
    // Where the browser will put the scroll position: the one asked for or kept, within the new height.
    this.scrollTo(scrollTop ?? this.top);
    this.render();
  }

  get scrollTop(): number {
    return this.top;
  }

  /** The height of the viewport: as last observed, or (before the first observation) read once. */
  private viewHeight(): number {
    if (this.height === 0 && !this.element.hidden) this.height = this.element.clientHeight;
    return this.height || 600;
  }

  /**
   * Scrolls to `top`, writing the element only when the position moves (a write forces a layout);
   * the browser clamps it to the content, and so does the position kept here.
   */
  private scrollTo(top: number): void {
    const want = Math.max(0, Math.round(top));
    if (want !== this.top) {
      this.element.scrollTop = want;
      // A hidden list (before the first model) ignores the write: it is made again once shown.
      this.restore = this.height === 0 || this.element.hidden ? want : undefined;
    }
    this.top = Math.min(want, Math.max(0, this.offsets[this.rows.length] - this.viewHeight()));
  }

  /** Renders the rows in view; returns how many exist in the DOM. Timed by the caller. */
  render(): number {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const height = this.viewHeight();
    const top = this.top;
    const [first, last] = visibleRows(this.offsets, top, height);
    for (const [i, el] of this.rendered) {
      if (i < first || i >= last) {
        el.remove();
        this.rendered.delete(i);
      }
    }
    for (let i = first; i < last; i++) {
      let el = this.rendered.get(i);
      if (!el) {
        el = this.renderRow(this.rows[i]);
        el.style.transform = `translateY(${this.offsets[i]}px)`;
        el.style.height = `${ROW_HEIGHT[this.rows[i].kind]}px`;
        this.rendered.set(i, el);
        this.element.append(el);
      }
    }
    this.applySelection();
    let firstEvent: EventView | undefined;
    let lastEvent: EventView | undefined;
    for (let i = first; i < last; i++) {
      const row = this.rows[i];
      // An event counts as in view when at least half of its card is.
      const middle = (this.offsets[i] + this.offsets[i + 1]) / 2;
      if (row.kind !== 'event' || middle < top || middle > top + height) continue;
      firstEvent ??= row.event;
      lastEvent = row.event;
    }
    this.callbacks.scrolled(firstEvent, lastEvent);
    return this.rendered.size;
  }

  select(id: string | null, reveal: 'nearest' | 'center' | false = false): void {
    this.selectedId = id;
    if (id !== null && reveal) this.scrollIntoView(id, reveal);
    this.applySelection();
  }

  get selected(): string | null {
    return this.selectedId;
  }

  isShown(id: string): boolean {
    return this.rowOfEvent.has(id);
  }

  private get rowOfEvent(): Map<string, number> {
    if (!this.rowIndex) {
      this.rowIndex = new Map();
      for (const r of this.eventRows) this.rowIndex.set((this.rows[r] as Extract<Row, { kind: 'event' }>).event.id, r);
    }
    return this.rowIndex;
  }

  focus(): void {
    this.element.focus();
  }

  scrollIntoView(id: string, mode: 'nearest' | 'center'): void {
    const r = this.rowOfEvent.get(id);
    if (r === undefined) return;
    const top = this.offsets[r];
    const bottom = this.offsets[r + 1];
    const view = this.viewHeight();
    const scroll = this.top;
    // Keep the group heading above the first event of a group in view as well.
    const headingTop = r > 0 && this.rows[r - 1].kind !== 'event' ? this.offsets[r - 1] : top;
    if (mode === 'center') this.scrollTo(top - (view - (bottom - top)) / 2);
    else if (headingTop < scroll) this.scrollTo(headingTop);
    else if (bottom > scroll + view) this.scrollTo(bottom - view);
    this.render();
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  private applySelection(): void {
    let active = '';
    for (const [i, el] of this.rendered) {
      const row = this.rows[i];
      if (row.kind !== 'event') continue;
      const on = row.event.id === this.selectedId;
      el.classList.toggle('selected', on);
      el.setAttribute('aria-selected', String(on));
      if (on) active = el.id;
    }
    if (active) this.element.setAttribute('aria-activedescendant', active);
    else this.element.removeAttribute('aria-activedescendant');
  }

  private renderRow(row: Row): HTMLElement {
    if (row.kind === 'group') {
      return h(
        'div',
        { class: 'row group', attrs: { role: 'presentation' } },
        h('span', { class: 'group-label', text: row.label }),
        h('span', { class: 'group-count', text: row.count === 1 ? '1 event' : `${row.count} events` }),
      );
    }
    if (row.kind === 'gap') {
      return h(
        'div',
        { class: 'row gap', attrs: { role: 'presentation' } },
        h('span', { class: 'gap-mark', attrs: { 'aria-hidden': 'true' } }),
        h('span', { class: 'gap-label', text: row.label }),
      );
    }
    const e = row.event;
    const prec = h('span', {
      class: `prec prec-${e.precision}${e.uncertain ? ' uncertain' : ''}${e.approximate ? ' approximate' : ''}`,
      title: PRECISION_LABEL[e.precision] ?? e.precision,
      attrs: { 'aria-hidden': 'true' },
    });
    const when = h(
      'div',
      { class: 'when' },
      prec,
      h('span', { class: 'written', text: e.written }),
      e.edtf && e.edtf !== e.written ? h('span', { class: 'edtf', text: e.edtf }) : null,
      e.uncertain ? h('span', { class: 'flag uncertain-flag', text: 'uncertain', title: 'One of several possible dates' }) : null,
      e.inferred ? h('span', { class: 'flag inferred', text: 'inferred', title: 'Part of this date (usually the year) comes from the context' }) : null,
    );
    const chips = h('span', { class: 'chips' });
    for (const entity of e.entities) {
      chips.append(
        h('span', {
          class: `chip type-${entity.type}`,
          text: entity.name,
          title: `${entity.name} (${entity.type}) — click to filter`,
          attrs: { 'data-entity': entity.name },
        }),
      );
    }
    const meta = h('div', { class: 'meta' }, chips, e.section ? h('span', { class: 'section', text: e.section }) : null);
    const words = firstWords(e.text);
    const label = [
      e.written,
      e.edtf && e.edtf !== e.written ? `(${e.edtf})` : '',
      e.uncertain ? 'uncertain' : '',
      e.inferred ? 'inferred' : '',
      '—',
      words,
      e.section ? `— ${e.section}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return h(
      'div',
      {
        class: `row event${e.inferred ? ' is-inferred' : ''}`,
        title: e.text,
        attrs: {
          role: 'option',
          id: domId('ev', e.id),
          'data-id': e.id,
          'aria-selected': 'false',
          'aria-posinset': String(row.index + 1),
          'aria-setsize': String(this.eventRows.length),
          'aria-label': label,
        },
      },
      h('div', { class: 'card' }, when, h('div', { class: 'words', text: words }), meta),
    );
  }

  private eventAtRow(r: number): EventView {
    return (this.rows[r] as Extract<Row, { kind: 'event' }>).event;
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    const chip = target.closest<HTMLElement>('.chip');
    if (chip?.dataset.entity) {
      this.callbacks.filterEntity(chip.dataset.entity);
      return;
    }
    const rowEl = target.closest<HTMLElement>('.row.event');
    const id = rowEl?.dataset.id;
    const r = id === undefined ? undefined : this.rowOfEvent.get(id);
    if (r === undefined) return;
    const event = this.eventAtRow(r);
    this.select(event.id, 'nearest');
    this.callbacks.select(event);
    this.callbacks.activate(event);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const n = this.eventRows.length;
    if (n === 0) return;
    const current = this.selectedId === null ? -1 : this.eventRows.indexOf(this.rowOfEvent.get(this.selectedId) ?? -1);
    const page = Math.max(1, Math.floor(this.viewHeight() / ROW_HEIGHT.event) - 1);
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = current < 0 ? this.firstInView() : Math.min(n - 1, current + 1);
        break;
      case 'ArrowUp':
        next = current < 0 ? this.firstInView() : Math.max(0, current - 1);
        break;
      case 'PageDown':
        next = Math.min(n - 1, Math.max(current, 0) + page);
        break;
      case 'PageUp':
        next = Math.max(0, current - page);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case 'Enter':
      case ' ':
        if (current >= 0) {
          e.preventDefault();
          this.callbacks.activate(this.eventAtRow(this.eventRows[current]));
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    const event = this.eventAtRow(this.eventRows[next]);
    this.select(event.id, 'nearest');
    this.callbacks.select(event);
  }

  private firstInView(): number {
    const top = this.top;
    const k = this.eventRows.findIndex((r) => this.offsets[r] >= top);
    return k < 0 ? 0 : k;
  }
}
