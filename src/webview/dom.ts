// Tiny DOM helpers. Article text only ever goes in through `text` (textContent), never as HTML.

export interface Props {
  class?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Node | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.title !== undefined) el.title = props.title;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) el.setAttribute(k, v);
  for (const child of children) if (child) el.append(child);
  return el;
}

/** A DOM id made only of safe characters. */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** A small inline SVG icon from path data (no external resources, themed with currentColor). */
export function icon(pathData: string, label?: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('class', 'icon');
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', pathData);
  svg.append(path);
  return svg;
}

export const ICONS = {
  zoomIn: 'M7 3h2v4h4v2H9v4H7V9H3V7h4z',
  zoomOut: 'M3 7h10v2H3z',
  close: 'M4.3 3.6 8 7.3l3.7-3.7.7.7L8.7 8l3.7 3.7-.7.7L8 8.7l-3.7 3.7-.7-.7L7.3 8 3.6 4.3z',
  search: 'M10.3 9.6a4.5 4.5 0 1 0-.7.7l3.7 3.7.7-.7zM6.8 10.3a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z',
};
