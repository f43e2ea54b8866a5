// Article text → structure: title, sections, passages (sentences, list items, headings,
// infobox fields), infobox fields and wiki links, all with exact UTF-16 offsets into the
// text as given (CRLF kept). Pure TypeScript over unified + remark-parse with ChronoLens'
// own micromark/mdast extensions (MediaWiki headings, [[wiki links]]); no `vscode`, no
// Node-only API.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { InfoboxField, ParsedArticle, Passage, PassageKind, Section, Span, WikiLink } from '../types';
import remarkChronolens from './remarkChronolens';
import type { MediawikiHeadingData } from './mediawikiHeading';
import type { WikiLinkNode } from './wikiLink';
import { isSpaceCode, splitSentences, trimSpan } from './sentences';

export { splitSentences } from './sentences';

/** `parseArticle`'s result plus what an incremental re-parse needs: every top-level block's span. */
export interface ParseResultWithBlocks {
  article: ParsedArticle;
  /** Top-level blocks (paragraphs, headings, lists, …) in document order. */
  blocks: Span[];
}

export function parseArticle(text: string): ParsedArticle {
  return parseArticleWithBlocks(text).article;
}

export function parseArticleWithBlocks(text: string): ParseResultWithBlocks {
  if (typeof text !== 'string') text = String(text ?? '');
  try {
    return parseStructured(text);
  } catch {
    try {
      return parsePlain(text);
    } catch {
      return { article: emptyArticle(), blocks: [] };
    }
  }
}

function emptyArticle(): ParsedArticle {
  return { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };
}

// ---------------------------------------------------------------------------------------
// Markdown parsing, in segments for speed on large inputs.

let processor: ReturnType<typeof makeProcessor> | undefined;
function makeProcessor() {
  return unified().use(remarkParse).use(remarkChronolens).freeze();
}

/** Below this size the whole text is parsed at once. */
const SEGMENT_MIN = 64 * 1024;
/** Rough size of a segment when splitting. */
const SEGMENT_TARGET = 24 * 1024;

/**
 * Where a large text can be cut into independently parsed segments without changing the
 * block structure: at a line that follows a blank line, starts in column 0 with a letter,
 * digit or `=`/`#`, and is not inside fenced code or a multi-line HTML block. Texts with
 * link reference definitions (which act across the document) are not cut.
 */
export function segmentStarts(text: string): number[] {
  const starts = [0];
  if (text.length < SEGMENT_MIN) return starts;
  let lastSplit = 0;
  let prevBlank = true;
  let fenceChar = 0;
  let fenceLen = 0;
  let htmlEnd: string | null = null;
  let ls = 0;
  const n = text.length;
  while (ls < n) {
    let le = ls;
    while (le < n) {
      const c = text.charCodeAt(le);
      if (c === 10 || c === 13) break;
      le++;
    }
    const first = ls < le ? text.charCodeAt(ls) : -1;
    if (prevBlank && !fenceChar && htmlEnd === null && ls - lastSplit >= SEGMENT_TARGET && isSegmentStart(first)) {
      starts.push(ls);
      lastSplit = ls;
    }
    // Blank?
    let k = ls;
    while (k < le && isSpaceCode(text.charCodeAt(k))) k++;
    const blank = k === le;
    if (!blank) {
      // Strip container prefixes (block quote markers, list markers), bounded.
      let s = ls;
      const limit = Math.min(le, ls + 200);
      for (;;) {
        while (s < limit && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
        const c = text.charCodeAt(s);
        if (s < limit && c === 62 /* > */) {
          s++;
          continue;
        }
        if (s + 1 < limit && (c === 45 || c === 42 || c === 43) && (text.charCodeAt(s + 1) === 32 || text.charCodeAt(s + 1) === 9)) {
          s += 2;
          continue;
        }
        let d = s;
        while (d < limit && d - s < 9 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
        if (d > s && d + 1 < limit && (text.charCodeAt(d) === 46 || text.charCodeAt(d) === 41) && text.charCodeAt(d + 1) === 32) {
          s = d + 2;
          continue;
        }
        break;
      }
      const c = s < le ? text.charCodeAt(s) : -1;
      if (htmlEnd !== null) {
        if (text.slice(ls, le).toLowerCase().includes(htmlEnd)) htmlEnd = null;
      } else if (c === 96 || c === 126) {
        let r = s;
        while (r < le && text.charCodeAt(r) === c) r++;
        const len = r - s;
        if (len >= 3) {
          if (!fenceChar) {
            fenceChar = c;
            fenceLen = len;
          } else if (c === fenceChar && len >= fenceLen && trimSpan(text, r, le) === null) {
            fenceChar = 0;
          }
        }
      } else if (!fenceChar && c === 60 /* < */) {
        const head = text.slice(s, Math.min(le, s + 12)).toLowerCase();
        let end: string | null = null;
        const m = /^<(script|pre|style|textarea)(?=[\s>]|$)/.exec(head);
        if (m) end = '</' + m[1];
        else if (head.startsWith('<!--')) end = '-->';
        else if (head.startsWith('<![cdata[')) end = ']]>';
        else if (head.startsWith('<?')) end = '?>';
        else if (/^<![a-z]/.test(head)) end = '>';
        if (end !== null && !text.slice(s + 2, le).toLowerCase().includes(end)) htmlEnd = end;
      } else if (!fenceChar && c === 91 /* [ */ && s - ls <= 3) {
        // A possible link reference definition: do not segment at all.
        if (text.slice(s, le).includes(']:')) return [0];
      }
    }
    prevBlank = blank;
    // Next line.
    if (le < n && text.charCodeAt(le) === 13 && le + 1 < n && text.charCodeAt(le + 1) === 10) le++;
    ls = le + 1;
  }
  return starts;
}

function isSegmentStart(c: number): boolean {
  if (c < 0) return false;
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 61 || c === 35 || c === 40 || c === 34) return true;
  return c >= 0xc0 && !isSpaceCode(c) && !(c >= 0xd800 && c <= 0xdfff);
}

interface ParsedSegment {
  tree: Root;
  base: number;
}

function parseSegments(text: string): ParsedSegment[] {
  processor ??= makeProcessor();
  const starts = segmentStarts(text);
  const out: ParsedSegment[] = [];
  for (let i = 0; i < starts.length; i++) {
    const base = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    let slice = starts.length === 1 ? text : text.slice(base, end);
    // micromark drops a leading BOM without counting it; keep offsets by parsing a space instead.
    if (slice.charCodeAt(0) === 0xfeff) slice = ' ' + slice.slice(1);
    out.push({ tree: processor.parse(slice) as Root, base });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Flattening the trees into document-order items.

interface HeadingItem {
  type: 'heading';
  depth: number;
  /** The heading's line(s), trimmed. */
  line: Span;
  /** The title text's span (without markers), or null when empty. */
  content: Span | null;
  title: string;
  topLevel: boolean;
}

interface ParagraphItem {
  type: 'paragraph';
  span: Span;
  kind: PassageKind;
  protect: Span[];
  topLevel: boolean;
}

interface InfoboxItem {
  type: 'infobox';
  fields: InfoboxField[];
}

type Item = HeadingItem | ParagraphItem | InfoboxItem;

function offsets(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, base: number): Span | null {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return null;
  return { start: p.start.offset + base, end: p.end.offset + base };
}

/** Plain text of phrasing content (wiki links give their label), whitespace collapsed. */
function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'wikiLink') parts.push((n as unknown as WikiLinkNode).label);
    else if ('value' in n && typeof n.value === 'string' && n.type !== 'html') parts.push(n.value);
    else if (n.type === 'break') parts.push(' ');
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const INFOBOX_LINE = /^infobox(?:[ \t]+[^\r\n]{0,200})?$/i;

class Flattener {
  items: Item[] = [];
  wikiLinks: WikiLink[] = [];
  blocks: Span[] = [];

  constructor(private readonly text: string) {}

  addTree(tree: Root, base: number): void {
    for (const child of tree.children) {
      const span = offsets(child, base);
      if (span) this.blocks.push(span);
    }
    // Iterative walk over block containers: (parent, index, inList, topLevel).
    const stack: { parent: Parent; index: number; inList: boolean; top: boolean; infoboxList?: boolean }[] = [{ parent: tree, index: 0, inList: false, top: true }];
    while (stack.length) {
      const frame = stack[stack.length - 1];
      if (frame.index >= frame.parent.children.length) {
        stack.pop();
        continue;
      }
      const i = frame.index++;
      const node = frame.parent.children[i] as RootContent;
      switch (node.type) {
        case 'heading':
          this.heading(node, base, frame.top);
          break;
        case 'paragraph': {
          const next = frame.parent.children[i + 1] as RootContent | undefined;
          if (next && next.type === 'list' && this.isInfoboxIntro(node, base)) {
            const fields = this.infobox(next, base);
            if (fields) {
              frame.index++; // the list is consumed
              continue;
            }
          }
          this.paragraph(node, base, frame.inList ? 'list-item' : 'prose', frame.top && !frame.inList);
          break;
        }
        case 'list':
        case 'listItem':
        case 'blockquote':
          stack.push({ parent: node, index: 0, inList: frame.inList || node.type !== 'blockquote', top: false });
          break;
        default:
          // code, html, thematic breaks, definitions: no passages.
          break;
      }
    }
  }

  private heading(node: Heading, base: number, topLevel: boolean): void {
    const line = offsets(node, base);
    if (!line) return;
    const trimmed = trimSpan(this.text, line.start, line.end) ?? line;
    let content: Span | null = null;
    if (node.children.length) {
      const a = offsets(node.children[0], base);
      const b = offsets(node.children[node.children.length - 1], base);
      if (a && b) content = trimSpan(this.text, a.start, b.end);
    }
    let title = plainText(node);
    const data = node.data as Partial<MediawikiHeadingData> | undefined;
    if (data?.mediawiki && data.open !== undefined && data.close !== undefined) {
      title = '='.repeat(Math.max(0, data.open - node.depth)) + title + '='.repeat(Math.max(0, data.close - node.depth));
    }
    this.collectLinks(node, base);
    if (!title) return;
    this.items.push({ type: 'heading', depth: node.depth, line: trimmed, content, title, topLevel });
  }

  private paragraph(node: Paragraph, base: number, kind: PassageKind, topLevel: boolean): void {
    const span = offsets(node, base);
    if (!span) return;
    const protect = this.collectLinks(node, base);
    this.items.push({ type: 'paragraph', span, kind, protect, topLevel });
  }

  /** Collects wiki links under `node`; returns the spans where sentences may not end. */
  private collectLinks(node: Parent, base: number): Span[] {
    const protect: Span[] = [];
    const stack: Nodes[] = [];
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    while (stack.length) {
      const n = stack.pop()!;
      const t = n.type as string;
      if (t === 'wikiLink') {
        const w = n as unknown as WikiLinkNode;
        const span = offsets(w, base);
        if (span) {
          this.wikiLinks.push({ start: span.start, end: span.end, target: w.target, label: w.label, labelSpan: { start: w.labelStart + base, end: w.labelEnd + base } });
          protect.push(span);
        }
        continue;
      }
      if (t === 'inlineCode' || t === 'link' || t === 'linkReference' || t === 'image' || t === 'imageReference' || t === 'html') {
        const span = offsets(n, base);
        if (span) protect.push(span);
      }
      if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
    }
    return protect;
  }

  private isInfoboxIntro(node: Paragraph, base: number): boolean {
    const span = offsets(node, base);
    if (!span || span.end - span.start > 220) return false;
    return INFOBOX_LINE.test(this.text.slice(span.start, span.end).trim());
  }

  /** Reads `- key: value` items; returns null (not an infobox) when no item has a key. */
  private infobox(list: Parent, base: number): InfoboxField[] | null {
    const fields: InfoboxField[] = [];
    const rest: Paragraph[] = [];
    for (const item of list.children) {
      if (item.type !== 'listItem') continue;
      const para = item.children[0];
      if (!para || para.type !== 'paragraph') continue;
      const field = this.field(para, base);
      if (field) fields.push(field);
      else rest.push(para);
    }
    if (!fields.length) return null;
    this.items.push({ type: 'infobox', fields });
    for (const para of rest) this.paragraph(para, base, 'list-item', false);
    // Wiki links in field values count too.
    for (const item of list.children) if ('children' in item) this.collectLinks(item as Parent, base);
    return fields;
  }

  private field(para: Paragraph, base: number): InfoboxField | null {
    const span = offsets(para, base);
    if (!span) return null;
    const text = this.text;
    let colon = -1;
    for (let k = span.start; k < span.end && k - span.start <= 80; k++) {
      const c = text.charCodeAt(k);
      if (c === 58 /* : */) {
        colon = k;
        break;
      }
      if (c === 10 || c === 13) break;
    }
    if (colon < 0) return null;
    const keySpan = trimSpan(text, span.start, colon);
    if (!keySpan) return null;
    const valueSpan = trimSpan(text, colon + 1, span.end) ?? { start: colon + 1, end: colon + 1 };
    return { key: text.slice(keySpan.start, keySpan.end), value: text.slice(valueSpan.start, valueSpan.end), keySpan, valueSpan };
  }
}

// ---------------------------------------------------------------------------------------
// Items → article.

/** A short stand-alone line with no final punctuation, taken as a heading in plain text. */
function looksLikePlainHeading(text: string, span: Span): boolean {
  const t = trimSpan(text, span.start, span.end);
  if (!t || t.end - t.start > 100) return false;
  let words = 1;
  for (let k = t.start; k < t.end; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return false;
    if (c === 32 && text.charCodeAt(k - 1) !== 32) words++;
  }
  if (words > 14) return false;
  const first = text.charCodeAt(t.start);
  const firstCh = text.slice(t.start, t.start + 2);
  if (!(first >= 48 && first <= 57) && !/^\p{Lu}|^\p{Lt}/u.test(firstCh)) return false;
  const last = text.charCodeAt(t.end - 1);
  // . , ; : ! ? … " ” '
  if (last === 46 || last === 44 || last === 59 || last === 58 || last === 33 || last === 63 || last === 0x2026 || last === 34 || last === 0x201d || last === 39) return false;
  return true;
}

function buildArticle(text: string, items: Item[], wikiLinks: WikiLink[]): ParsedArticle {
  const article = emptyArticle();
  article.wikiLinks = wikiLinks;
  const explicit = items.some((it) => it.type === 'heading' && it.topLevel);

  // Plain-text mode: stand-alone short lines become level-2 headings (not the last block).
  if (!explicit) {
    for (let k = 0; k < items.length - 1; k++) {
      const it = items[k];
      if (it.type === 'paragraph' && it.topLevel && it.kind === 'prose' && looksLikePlainHeading(text, it.span)) {
        const span = trimSpan(text, it.span.start, it.span.end)!;
        items[k] = { type: 'heading', depth: 2, line: span, content: span, title: text.slice(span.start, span.end).replace(/\s+/g, ' '), topLevel: true };
      }
    }
  }

  const passages: Passage[] = article.passages;
  const sections: Section[] = article.sections;
  const open: number[] = []; // stack of section indexes without an end yet
  let current = -1;
  let sawHeading = false;
  for (const it of items) {
    if (it.type === 'heading') {
      if (it.topLevel) {
        if (!sawHeading && it.depth === 1 && article.title === null) {
          article.title = it.title;
          article.titleSpan = it.content ?? it.line;
        } else {
          while (open.length && sections[open[open.length - 1]].level >= it.depth) sections[open.pop()!].end = it.line.start;
          current = sections.length;
          sections.push({ title: it.title, level: it.depth, start: it.line.start, end: text.length, heading: it.line });
          open.push(current);
        }
        sawHeading = true;
      }
      const span = it.content ?? it.line;
      passages.push({ start: span.start, end: span.end, kind: 'heading', section: current });
    } else if (it.type === 'paragraph') {
      for (const s of splitSentences(text, it.span.start, it.span.end, it.protect)) passages.push({ start: s.start, end: s.end, kind: it.kind, section: current });
    } else {
      for (const f of it.fields) {
        article.infobox.push(f);
        passages.push({ start: f.keySpan.start, end: Math.max(f.keySpan.end, f.valueSpan.end), kind: 'infobox', section: current });
      }
    }
  }
  return article;
}

function parseStructured(text: string): ParseResultWithBlocks {
  const flat = new Flattener(text);
  for (const seg of parseSegments(text)) flat.addTree(seg.tree, seg.base);
  return { article: buildArticle(text, flat.items, flat.wikiLinks), blocks: flat.blocks };
}

/** Fallback when the Markdown parse fails: paragraphs at blank lines, then sentences. */
function parsePlain(text: string): ParseResultWithBlocks {
  const items: Item[] = [];
  const blocks: Span[] = [];
  const re = /(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)/g;
  let start = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    const span = trimSpan(text, start, end);
    if (span) {
      blocks.push(span);
      items.push({ type: 'paragraph', span, kind: 'prose', protect: [], topLevel: true });
    }
    if (!m) break;
    start = m.index + m[0].length;
  }
  return { article: buildArticle(text, items, []), blocks };
}
