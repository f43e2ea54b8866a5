// The time axis beside the list, drawn on a canvas: distances proportional to time, long gaps
// compressed behind a break marker, one mark per event (a dot for a day, a bar for a range, a
// dashed bar for "1979 or 1980"), the list's visible stretch as a band, the selection highlighted.

import { type TimeAxis, buildAxis, fromUnit, gapLabel, ticks, toUnit } from './axis';
import { h } from './dom';
import type { EventView } from './protocol';

export interface AxisCallbacks {
  activate(event: EventView): void;
}

const PAD = 14;
const PRECISIONS: readonly string[] = ['day', 'month', 'season', 'year', 'decade', 'century', 'interval', 'set'];
const LANE = 7;

interface Colors {
  fg: string;
  muted: string;
  line: string;
  mark: string;
  faded: string;
  selected: string;
  band: string;
  font: string;
}

export class AxisView {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly spacer: HTMLDivElement;
  private axis: TimeAxis = buildAxis([]);
  private events: readonly EventView[] = [];
  /** Per event (by position in `events`): 1 when the filters show it. */
  private shown = new Uint8Array(0);
  /** Position in `events` by event id: built when first asked for (selection), not with every document. */
  private positionOf: Map<string, number> | undefined;
  private selectedId: string | null = null;
  private band: [number, number] | null = null;
  private zoom = 1;
  private colors: Colors | undefined;
  private colorsVersion = 0;
  /** Bumped when the events or the shown ones change: the layer is painted again. */
  private version = 0;
  private readonly layer = document.createElement('canvas');
  private layerKey = '';
  /** Where each event's mark went on the layer (CSS pixels of the viewport; NaN when not drawn), by position in `events`. */
  private markX = new Float32Array(0);
  private markTop = new Float32Array(0);
  private markBottom = new Float32Array(0);
  private unitFrom = new Float64Array(0);
  private unitTo = new Float64Array(0);
  private frame = 0;
  /**
   * The element's size and scroll position, kept here (from the resize observer and scroll
   * events, and as written) so that drawing and following the list never read layout: a read
   * after the list's rows changed would force a layout in the middle of every render.
   */
  private width = 0;
  private height = 0;
  private scroll = 0;
  /** A scroll position to write at the next draw (writes force a layout too). */
  private pendingScroll: number | undefined;

  constructor(private readonly callbacks: AxisCallbacks) {
    this.canvas = h('canvas', { class: 'axis-canvas', attrs: { 'aria-hidden': 'true' } });
    this.spacer = h('div', { class: 'axis-spacer' });
    this.element = h('div', { class: 'axis', attrs: { role: 'img', 'aria-label': 'Time axis' } }, this.canvas, this.spacer);
    this.element.addEventListener('scroll', () => {
      if (this.pendingScroll === undefined) this.scroll = this.element.scrollTop;
      this.schedule();
    });
    this.element.addEventListener('click', (e) => this.onClick(e));
    // Called after layout, before paint: drawing here puts a resized axis in the same frame.
    new ResizeObserver(() => {
      const width = this.element.clientWidth;
      const height = this.element.clientHeight;
      if (width === this.width && height === this.height) return;
      this.width = width;
      this.height = height;
      this.spacer.style.height = `${this.contentHeight() + 2 * PAD}px`;
      this.revealBand();
      this.draw();
    }).observe(this.element);
    // Theme switches change the body's class: re-read the colours.
    new MutationObserver(() => {
      this.colors = undefined;
      this.colorsVersion++;
      this.schedule();
    }).observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
  }

  /** All events of the document (the axis does not jump when filters change) and the shown ones. */
  setEvents(events: readonly EventView[], shown: readonly EventView[]): void {
    if (events !== this.events) {
      this.events = events;
      this.axis = buildAxis(events);
      this.positionOf = undefined;
      this.markX = new Float32Array(events.length);
      this.markTop = new Float32Array(events.length);
      this.markBottom = new Float32Array(events.length);
      // Every event's place on the axis (display units), computed once per document, not per draw.
      this.unitFrom = new Float64Array(events.length);
      this.unitTo = new Float64Array(events.length);
      for (let i = 0; i < events.length; i++) {
        this.unitFrom[i] = toUnit(this.axis, events[i].from);
        this.unitTo[i] = events[i].to === events[i].from ? this.unitFrom[i] : toUnit(this.axis, events[i].to);
      }
      const a = this.axis;
      const label = a.segments.length
        ? `Time axis from ${Math.floor(a.from)} to ${Math.floor(a.to)}${a.breaks.length ? `, ${a.breaks.length} long gap${a.breaks.length > 1 ? 's' : ''} compressed` : ''}`
        : 'Time axis (empty)';
      this.element.setAttribute('aria-label', label);
    }
    // `shown` is a subsequence of `events` (same objects, same order): one walk marks it.
    this.shown = new Uint8Array(events.length);
    let j = 0;
    for (let i = 0; i < events.length && j < shown.length; i++) {
      if (events[i] === shown[j]) {
        this.shown[i] = 1;
        j++;
      }
    }
    if (j < shown.length) {
      // Not a subsequence of the same objects (never so from main.ts): look the ids up.
      for (const e of shown) {
        const i = this.indexOf(e.id);
        if (i !== undefined) this.shown[i] = 1;
      }
    }
    this.version++;
    this.layout();
  }

  private indexOf(id: string): number | undefined {
    if (!this.positionOf) {
      this.positionOf = new Map();
      for (let i = 0; i < this.events.length; i++) this.positionOf.set(this.events[i].id, i);
    }
    return this.positionOf.get(id);
  }

  get timeAxis(): TimeAxis {
    return this.axis;
  }

  setZoom(zoom: number): void {
    const h0 = this.height;
    const center = (this.scrollPosition() + h0 / 2) / Math.max(1, this.contentHeight());
    this.zoom = zoom;
    this.layout();
    this.scrollTo(center * this.contentHeight() - h0 / 2);
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.followSelection();
    this.schedule();
  }

  /** The list shows events from `first` to `last`: draw the band and keep it in view. */
  setBand(first: EventView | undefined, last: EventView | undefined): void {
    this.band = first && last ? [first.from, Math.max(first.to, last.from)] : null;
    this.revealBand();
    this.schedule();
  }

  private revealBand(): void {
    if (this.band) {
      const y0 = this.unitY(toUnit(this.axis, this.band[0]));
      const y1 = this.unitY(toUnit(this.axis, this.band[1]));
      const view = this.height;
      const top = this.scrollPosition();
      if (y0 < top || y1 > top + view) this.scrollTo((y0 + y1) / 2 - view / 2);
    }
  }

  private followSelection(): void {
    const i = this.selectedId === null ? undefined : this.indexOf(this.selectedId);
    if (i === undefined) return;
    const y = this.unitY(toUnit(this.axis, this.events[i].from));
    const top = this.scrollPosition();
    const view = this.height;
    if (y < top + PAD || y > top + view - PAD) this.scrollTo(y - view / 2);
  }

  private scrollPosition(): number {
    return this.pendingScroll ?? this.scroll;
  }

  /** Scrolls (at the next draw), clamped as the browser would. */
  private scrollTo(top: number): void {
    const max = Math.max(0, this.contentHeight() + 2 * PAD - this.height);
    this.pendingScroll = Math.round(Math.min(max, Math.max(0, top)));
    this.schedule();
  }

  private contentHeight(): number {
    return Math.max(1, (this.height - 2 * PAD) * this.zoom);
  }

  private pxPerUnit(): number {
    return this.axis.length > 0 ? this.contentHeight() / this.axis.length : 0;
  }

  /** Content y (before scrolling) of a display unit. */
  private unitY(unit: number): number {
    return PAD + unit * this.pxPerUnit();
  }

  private layout(): void {
    this.spacer.style.height = `${this.contentHeight() + 2 * PAD}px`;
    this.schedule();
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private readColors(): Colors {
    const style = getComputedStyle(document.body);
    const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const fg = v('--vscode-foreground', '#888');
    return {
      fg,
      muted: v('--vscode-descriptionForeground', fg),
      line: v('--vscode-editorWidget-border', v('--vscode-panel-border', fg)),
      mark: v('--vscode-charts-blue', v('--vscode-focusBorder', fg)),
      faded: v('--vscode-disabledForeground', v('--vscode-descriptionForeground', fg)),
      selected: v('--vscode-charts-orange', v('--vscode-focusBorder', fg)),
      band: v('--vscode-scrollbarSlider-background', 'rgba(128,128,128,0.2)'),
      font: `${v('--vscode-font-size', '12px').replace(/^(\d+(?:\.\d+)?)px$/, (_, n) => `${Math.max(9, Number(n) - 2)}px`)} ${v('--vscode-font-family', 'sans-serif')}`,
    };
  }

  /** How long the last draw took (ms): for benchmarks. */
  lastDrawMs = 0;

  /** Forgets the painted layer: the next draw paints everything (for benchmarks). */
  invalidate(): void {
    this.layerKey = '';
  }

  /** Draws what is in view. */
  draw(): void {
    const t0 = performance.now();
    this.drawAxis();
    this.lastDrawMs = performance.now() - t0;
  }

  private drawAxis(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.pendingScroll !== undefined) {
      if (this.pendingScroll !== this.scroll) this.element.scrollTop = this.pendingScroll;
      this.scroll = this.pendingScroll;
      this.pendingScroll = undefined;
    }
    const width = this.width;
    const height = this.height;
    if (width === 0 || height === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const pw = Math.round(width * dpr);
    const ph = Math.round(height * dpr);
    if (this.canvas.width !== pw || this.canvas.height !== ph) {
      this.canvas.width = pw;
      this.canvas.height = ph;
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const c = (this.colors ??= this.readColors());
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, pw, ph);
    if (this.axis.segments.length === 0) return;

    const scroll = this.scroll;
    // The canvas covers the viewport: it moves with the scroll position and draws what is in view.
    this.canvas.style.transform = `translateY(${scroll}px)`;
    // Scale read once per draw: the element's size is a layout read, far too slow per event.
    const ppu = this.pxPerUnit();
    const y = (unit: number) => PAD + unit * ppu - scroll;
    const labelW = Math.min(64, Math.max(40, width * 0.45));
    const lineX = labelW + 6;

    // The axis, ticks and marks change with the events, filters, zoom and size, not while the list
    // scrolls: they are painted on a layer once and copied; the band and the selection go on top.
    const key = [pw, ph, dpr, scroll, ppu, this.version, this.colorsVersion].join('|');
    if (key !== this.layerKey) {
      this.layerKey = key;
      if (this.layer.width !== pw || this.layer.height !== ph) {
        this.layer.width = pw;
        this.layer.height = ph;
      }
      const lctx = this.layer.getContext('2d');
      if (!lctx) return;
      lctx.setTransform(1, 0, 0, 1, 0, 0);
      lctx.clearRect(0, 0, pw, ph);
      lctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      this.paintLayer(lctx, c, width, height, lineX, labelW, ppu, y);
    }

    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // The band: what the list shows.
    if (this.band) {
      const y0 = y(toUnit(this.axis, this.band[0]));
      const y1 = y(toUnit(this.axis, this.band[1]));
      ctx.fillStyle = c.band;
      ctx.globalAlpha = 0.6;
      ctx.fillRect(lineX - 3, y0 - 4, width - lineX + 3, Math.max(8, y1 - y0 + 8));
      ctx.globalAlpha = 1;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.layer, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

    const k = this.selectedId === null ? undefined : this.indexOf(this.selectedId);
    const selected = k === undefined || !this.shown[k] || Number.isNaN(this.markX[k]) ? undefined : { x: this.markX[k], y0: this.markTop[k], y1: this.markBottom[k] };
    if (selected) {
      ctx.strokeStyle = c.selected;
      ctx.lineWidth = 2;
      ctx.strokeRect(selected.x - 4, selected.y0 - 2, 8, selected.y1 - selected.y0 + 4);
      ctx.beginPath();
      ctx.moveTo(selected.x + 4, (selected.y0 + selected.y1) / 2);
      ctx.lineTo(width, (selected.y0 + selected.y1) / 2);
      ctx.stroke();
      ctx.lineWidth = 1;
    }
  }

  /** The axis line with its breaks, the ticks and one mark per event (remembering where each went). */
  private paintLayer(
    ctx: CanvasRenderingContext2D,
    c: Colors,
    width: number,
    height: number,
    lineX: number,
    labelW: number,
    ppu: number,
    y: (unit: number) => number,
  ): void {
    ctx.font = c.font;
    ctx.textBaseline = 'middle';
    // The axis line, to scale in segments, interrupted by a zigzag at every break.
    ctx.strokeStyle = c.line;
    ctx.lineWidth = 1;
    for (const s of this.axis.segments) {
      ctx.beginPath();
      ctx.moveTo(lineX + 0.5, y(s.start) - 3);
      ctx.lineTo(lineX + 0.5, y(s.start + (s.to - s.from)) + 3);
      ctx.stroke();
    }
    for (const b of this.axis.breaks) {
      const y0 = y(b.start) + 3;
      const y1 = y(b.start + b.length) - 3;
      const mid = (y0 + y1) / 2;
      ctx.strokeStyle = c.muted;
      ctx.beginPath();
      ctx.moveTo(lineX + 0.5, y0);
      ctx.lineTo(lineX + 0.5, mid - 5);
      ctx.lineTo(lineX - 3.5, mid - 2);
      ctx.lineTo(lineX + 4.5, mid + 2);
      ctx.lineTo(lineX + 0.5, mid + 5);
      ctx.lineTo(lineX + 0.5, y1);
      ctx.setLineDash([2, 2]);
      ctx.stroke();
      ctx.setLineDash([]);
      // How much time the break hides, beside it.
      if (y1 - y0 >= 10) {
        ctx.fillStyle = c.muted;
        ctx.textAlign = 'left';
        ctx.fillText(`${gapLabel(b.to - b.from)}`.replace(' years', ' yrs'), lineX + 8, mid, width - lineX - 10);
      }
    }

    // Ticks and labels.
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'right';
    const tickGap = 22 / Math.max(ppu, 1e-9);
    let lastLabelY = -Infinity;
    for (const t of ticks(this.axis, tickGap)) {
      const ty = y(t.unit);
      if (ty < -10 || ty > height + 10) continue;
      ctx.strokeStyle = c.line;
      ctx.beginPath();
      ctx.moveTo(lineX - 4, Math.round(ty) + 0.5);
      ctx.lineTo(lineX, Math.round(ty) + 0.5);
      ctx.stroke();
      if (ty - lastLabelY >= 14) {
        ctx.fillText(t.label, lineX - 7, ty, labelW - 4);
        lastLabelY = ty;
      }
    }

    // Event marks, in lanes so that overlapping ones sit side by side.
    const laneX0 = lineX + 6;
    const lanes = Math.max(1, Math.floor((width - laneX0 - 2) / LANE));
    const laneEnd = new Float64Array(lanes).fill(-Infinity);
    this.markX.fill(NaN);
    const drawn = new Set<number>();
    const events = this.events;
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      const y0 = y(this.unitFrom[i]);
      const y1 = Math.max(y(this.unitTo[i]), y0);
      if (y1 < -8 || y0 > height + 8) continue;
      const isBar = e.precision !== 'day' && y1 - y0 >= 3;
      const top = isBar ? y0 : (y0 + y1) / 2 - 3;
      const bottom = isBar ? Math.max(y1, y0 + 5) : top + 6;
      let lane = 0;
      while (lane < lanes && laneEnd[lane] >= top) lane++;
      if (lane === lanes) {
        lane = 0;
        for (let l = 1; l < lanes; l++) if (laneEnd[l] < laneEnd[lane]) lane = l;
      }
      laneEnd[lane] = bottom + 1;
      const x = laneX0 + lane * LANE + LANE / 2;
      const shown = this.shown[i] === 1;
      this.markX[i] = x;
      this.markTop[i] = top;
      this.markBottom[i] = bottom;
      // Thousands of events share pixels: draw each distinct mark once. The key packs the lane,
      // the rounded ends (the layer is the viewport, ± a few pixels, so < 2^15 pixels) and the style.
      const style = (PRECISIONS.indexOf(e.precision) + 1) * 8 + (e.uncertain ? 4 : 0) + (e.approximate ? 2 : 0) + (shown ? 1 : 0);
      const keyTop = Math.min(32000, Math.max(-64, Math.round(top))) + 64;
      const keyBottom = Math.min(32000, Math.max(-64, Math.round(bottom))) + 64;
      const key = ((lane * 32768 + keyTop) * 32768 + keyBottom) * 128 + style;
      if (drawn.has(key)) continue;
      drawn.add(key);
      ctx.globalAlpha = shown ? 1 : 0.35;
      drawMark(ctx, e, x, top, bottom, isBar, shown ? c.mark : c.faded);
    }
    ctx.globalAlpha = 1;
  }

  private onClick(e: MouseEvent): void {
    if (this.axis.segments.length === 0) return;
    const rect = this.element.getBoundingClientRect();
    const unit = (e.clientY - rect.top + this.scrollPosition() - PAD) / Math.max(this.pxPerUnit(), 1e-9);
    const year = fromUnit(this.axis, unit);
    let best: EventView | undefined;
    let bestDistance = Infinity;
    for (let i = 0; i < this.events.length; i++) {
      const ev = this.events[i];
      if (!this.shown[i]) continue;
      const d = year < ev.from ? ev.from - year : year > ev.to ? year - ev.to : 0;
      if (d < bestDistance) {
        best = ev;
        bestDistance = d;
      }
    }
    if (best) this.callbacks.activate(best);
  }
}

function drawMark(ctx: CanvasRenderingContext2D, e: EventView, x: number, top: number, bottom: number, isBar: boolean, color: string): void {
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  if (!isBar) {
    ctx.beginPath();
    ctx.arc(x, (top + bottom) / 2, 3, 0, Math.PI * 2);
    if (e.uncertain) ctx.stroke();
    else ctx.fill();
    return;
  }
  const w = e.precision === 'decade' || e.precision === 'century' ? 6 : 4;
  if (e.uncertain) {
    ctx.setLineDash([3, 2]);
    ctx.strokeRect(x - w / 2 + 0.5, top + 0.5, w - 1, bottom - top - 1);
    ctx.setLineDash([]);
    return;
  }
  if (e.precision === 'decade' || e.precision === 'century' || e.approximate) {
    ctx.globalAlpha *= 0.5;
    ctx.fillRect(x - w / 2, top, w, bottom - top);
    ctx.globalAlpha /= 0.5;
    return;
  }
  ctx.fillRect(x - w / 2, top, w, bottom - top);
  if (e.precision === 'interval') {
    // End caps: a range is drawn as a bar with both ends marked.
    ctx.fillRect(x - 3, top, 6, 1.5);
    ctx.fillRect(x - 3, bottom - 1.5, 6, 1.5);
  }
}
