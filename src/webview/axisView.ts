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
  private shown = new Set<string>();
  private selectedId: string | null = null;
  private band: [number, number] | null = null;
  private zoom = 1;
  private colors: Colors | undefined;
  private colorsVersion = 0;
  /** Bumped when the events or the shown ones change: the layer is painted again. */
  private version = 0;
  private readonly layer = document.createElement('canvas');
  private layerKey = '';
  /** Where each event's mark went on the layer (canvas pixels of the viewport). */
  private readonly positions = new Map<string, { x: number; y0: number; y1: number }>();
  private frame = 0;

  constructor(private readonly callbacks: AxisCallbacks) {
    this.canvas = h('canvas', { class: 'axis-canvas', attrs: { 'aria-hidden': 'true' } });
    this.spacer = h('div', { class: 'axis-spacer' });
    this.element = h('div', { class: 'axis', attrs: { role: 'img', 'aria-label': 'Time axis' } }, this.canvas, this.spacer);
    this.element.addEventListener('scroll', () => this.schedule());
    this.element.addEventListener('click', (e) => this.onClick(e));
    new ResizeObserver(() => this.layout()).observe(this.element);
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
      const a = this.axis;
      const label = a.segments.length
        ? `Time axis from ${Math.floor(a.from)} to ${Math.floor(a.to)}${a.breaks.length ? `, ${a.breaks.length} long gap${a.breaks.length > 1 ? 's' : ''} compressed` : ''}`
        : 'Time axis (empty)';
      this.element.setAttribute('aria-label', label);
    }
    this.shown = new Set(shown.map((e) => e.id));
    this.version++;
    this.layout();
  }

  get timeAxis(): TimeAxis {
    return this.axis;
  }

  setZoom(zoom: number): void {
    const h0 = this.element.clientHeight;
    const center = (this.element.scrollTop + h0 / 2) / Math.max(1, this.contentHeight());
    this.zoom = zoom;
    this.layout();
    this.element.scrollTop = center * this.contentHeight() - h0 / 2;
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.followSelection();
    this.schedule();
  }

  /** The list shows events from `first` to `last`: draw the band and keep it in view. */
  setBand(first: EventView | undefined, last: EventView | undefined): void {
    this.band = first && last ? [first.from, Math.max(first.to, last.from)] : null;
    if (this.band) {
      const y0 = this.unitY(toUnit(this.axis, this.band[0]));
      const y1 = this.unitY(toUnit(this.axis, this.band[1]));
      const view = this.element.clientHeight;
      const top = this.element.scrollTop;
      if (y0 < top || y1 > top + view) this.element.scrollTop = Math.max(0, (y0 + y1) / 2 - view / 2);
    }
    this.schedule();
  }

  private followSelection(): void {
    const event = this.events.find((e) => e.id === this.selectedId);
    if (!event) return;
    const y = this.unitY(toUnit(this.axis, event.from));
    const top = this.element.scrollTop;
    const view = this.element.clientHeight;
    if (y < top + PAD || y > top + view - PAD) this.element.scrollTop = Math.max(0, y - view / 2);
  }

  private contentHeight(): number {
    return Math.max(1, (this.element.clientHeight - 2 * PAD) * this.zoom);
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
    const width = this.element.clientWidth;
    const height = this.element.clientHeight;
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

    const scroll = this.element.scrollTop;
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

    const selected = this.selectedId === null || !this.shown.has(this.selectedId) ? undefined : this.positions.get(this.selectedId);
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
    const laneEnd = new Array<number>(lanes).fill(-Infinity);
    this.positions.clear();
    const drawn = new Set<string>();
    for (const e of this.events) {
      const y0 = y(toUnit(this.axis, e.from));
      const y1 = Math.max(y(toUnit(this.axis, e.to)), y0);
      if (y1 < -8 || y0 > height + 8) continue;
      const isBar = e.precision !== 'day' && y1 - y0 >= 3;
      const top = isBar ? y0 : (y0 + y1) / 2 - 3;
      const bottom = isBar ? Math.max(y1, y0 + 5) : top + 6;
      let lane = laneEnd.findIndex((end) => end < top);
      if (lane < 0) lane = laneEnd.indexOf(Math.min(...laneEnd));
      laneEnd[lane] = bottom + 1;
      const x = laneX0 + lane * LANE + LANE / 2;
      const shown = this.shown.has(e.id);
      this.positions.set(e.id, { x, y0: top, y1: bottom });
      // Thousands of events share pixels: draw each distinct mark once.
      const key = `${lane}|${Math.round(top)}|${Math.round(bottom)}|${e.precision}|${e.uncertain}|${e.approximate}|${shown}`;
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
    const unit = (e.clientY - rect.top + this.element.scrollTop - PAD) / Math.max(this.pxPerUnit(), 1e-9);
    const year = fromUnit(this.axis, unit);
    let best: EventView | undefined;
    let bestDistance = Infinity;
    for (const ev of this.events) {
      if (!this.shown.has(ev.id)) continue;
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
