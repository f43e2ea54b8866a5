// Article text → structure: title, sections, passages (sentences, list items, headings,
// infobox fields), infobox fields and wiki links, all with exact UTF-16 offsets into the
// text as given (CRLF kept). Pure TypeScript over unified + remark-parse with ChronoLens'
// own micromark/mdast extensions (MediaWiki headings, [[wiki links]]); prose, which remark would
// read as nothing but paragraphs, is read without it (readMarkdown). No `vscode`, no Node-only API.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { InfoboxField, ParsedArticle, Passage, PassageKind, Section, Span, WikiLink } from '../types';
import remarkChronolens from './remarkChronolens';
import type { MediawikiHeadingData } from './mediawikiHeading';
import type { WikiLinkNode } from './wikiLink';
import { isSpaceCode, splitSentences, trimSpan } from './sentences';
import { proseParagraphs } from './prose';
import { simpleBlocksTree } from './simpleBlocks';
import { planSegmentsFrom, type Segment, type SegmentPlan } from './segments';
import { detached, passageOrSame, type SegmentSpan } from '../workCache';
import { partitionPoint } from '../partitionPoint';

export { splitSentences } from './sentences';

/** `parseArticle`'s result plus how the text was cut into segments. */
export interface ParseResult {
  article: ParsedArticle;
  /** The independently parsed segments (segments.ts): consecutive, covering the text, with their texts. */
  segments: SegmentSpan[];
}

export function parseArticle(text: string): ParsedArticle {
  return parseArticleInSegments(text).article;
}

/** Optional timing hook: how long the Markdown parse and the passage split took (ms). */
export type ParseStageHook = (stage: 'parse' | 'passages', ms: number) => void;

/**
 * Optional memory for incremental re-parsing (src/core/incremental.ts): what the last parse with it
 * planned and read. The next text is planned from that plan (segments.ts), and a segment with the
 * same text and flags as one of the last text reuses what was read from it, offsets relative to
 * the segment: exactly what reading the segment again would give.
 */
export interface SegmentParseCache {
  /** The plan, and each segment's reading and text (a string of its own: see detached). */
  last?: { plan: SegmentPlan; flats: FlatSegment[]; texts: string[] };
  /** The last article's passages, which the next one takes again where they are the same (passageOrSame). */
  passages?: readonly Passage[];
}

export function parseArticleInSegments(text: string, onStage?: ParseStageHook, cache?: SegmentParseCache): ParseResult {
  if (typeof text !== 'string') text = String(text ?? '');
  try {
    return parseStructured(text, onStage, cache);
  } catch {
    try {
      return parsePlain(text);
    } catch {
      return { article: emptyArticle(), segments: [{ start: 0, end: text.length }] };
    }
  }
}

function emptyArticle(): ParsedArticle {
  return { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };
}

// ---------------------------------------------------------------------------------------
// Markdown parsing, in segments (see segments.ts).

type Proc = ReturnType<typeof makeProcessor>;
const processors = new Map<string, Proc>();

function makeProcessor(disable: readonly string[]) {
  const p = unified().use(remarkParse).use(remarkChronolens);
  if (disable.length) {
    p.use(function disableConstructs(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push({ disable: { null: [...disable] } });
    });
  }
  return p.freeze();
}

function processorFor(disable: readonly string[]): Proc {
  const key = disable.join(',');
  let p = processors.get(key);
  if (!p) processors.set(key, (p = makeProcessor(disable)));
  return p;
}

/** What is read from one segment: its items and links, offsets relative to the segment. */
export interface FlatSegment {
  items: Item[];
  wikiLinks: WikiLink[];
}

/** The text's segments, each read (parsed and flattened) or taken from the last parse. */
function readSegments(text: string, cache?: SegmentParseCache): { start: number; end: number; flat: FlatSegment; text?: string }[] {
  const last = cache?.last;
  const plan = planSegmentsFrom(text, last?.plan);
  // The last parse's segments by length: a candidate's text is compared (at memory speed, no hashing).
  const byLength = new Map<number, number[]>();
  last?.plan.segments.forEach((s, i) => {
    const list = byLength.get(s.end - s.start);
    if (list) list.push(i);
    else byLength.set(s.end - s.start, [i]);
  });
  const texts: string[] = [];
  const flats = plan.segments.map((seg, k) => {
    const slice = plan.segments.length === 1 ? text : text.slice(seg.start, seg.end);
    if (last) {
      for (const i of byLength.get(slice.length) ?? []) {
        const old = last.plan.segments[i];
        if (old.plain === seg.plain && old.disable.join() === seg.disable.join() && last.texts[i] === slice) {
          texts[k] = last.texts[i];
          return last.flats[i];
        }
      }
    }
    // Read from a copy when what is read is kept: it must not keep this version of the text alive.
    texts[k] = cache ? detached(slice) : slice;
    return readSegment(texts[k], seg);
  });
  if (cache) cache.last = { plan, flats, texts };
  return plan.segments.map((seg, i) => ({ start: seg.start, end: seg.end, flat: flats[i], text: cache ? texts[i] : undefined }));
}

function readSegment(slice: string, seg: Segment): FlatSegment {
  if (!seg.plain) return readMarkdown(slice, seg.disable);
  const flat = new Flattener(slice);
  flat.addParagraphs(plainParagraphs(slice, 0, slice.length));
  return { items: flat.items, wikiLinks: flat.wikiLinks };
}

/**
 * What remark reads in `text`, its prose read without it (proseParagraphs): all of the text when
 * it is all prose, else each run of prose blocks (lines between blank lines) goes to remark as a
 * one-letter paragraph, and the tree's offsets are put back. When a placeholder is not a paragraph
 * of its own (the prose was inside a fence or an HTML comment, say), remark reads the whole text
 * again. What remark is given is read without it too when it is simple blocks (simpleBlocks.ts).
 * `remarkOnly`: remark reads all of it (the tests compare the two readings).
 */
export function readMarkdown(text: string, disable: readonly string[] = [], remarkOnly = false): FlatSegment {
  const flat = new Flattener(text);
  const paragraphs = remarkOnly ? null : proseParagraphs(text);
  if (paragraphs) {
    flat.addParagraphs(paragraphs);
    return { items: flat.items, wikiLinks: flat.wikiLinks };
  }
  const runs = remarkOnly ? [] : proseRuns(text);
  let tree = parseMarkdown(runs.length ? withPlaceholders(text, runs) : text, disable, remarkOnly);
  if (runs.length && !putProseBack(tree, runs)) tree = parseMarkdown(text, disable, false);
  flat.addTree(tree, 0);
  return { items: flat.items, wikiLinks: flat.wikiLinks };
}

/** remark-parse's tree of `text`, built without it when the text is simple blocks (unless `remarkOnly`). */
function parseMarkdown(text: string, disable: readonly string[], remarkOnly: boolean): Root {
  // micromark drops a leading BOM without counting it; keep offsets by parsing a space instead.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  return (remarkOnly || disable.length ? null : simpleBlocksTree(source)) ?? (processorFor(disable).parse(source) as Root);
}

/** What stands in for a run of prose in the text remark reads: a paragraph read at once. */
const PLACEHOLDER = 'p';

/** Blocks of prose one after the other, blank lines between them: their lines and paragraphs in the text. */
interface ProseRun {
  lines: Span;
  paragraphs: Span[];
}

/**
 * The runs of blocks (lines between blank lines) of `text` that are prose, or prose under a heading
 * line. Brackets count as prose only where no link reference definition may be ("]:" nowhere),
 * which could make "[sic]" a link.
 */
function proseRuns(text: string): ProseRun[] {
  const runs: ProseRun[] = [];
  const bracketsAreText = !text.includes(']:');
  let last: ProseRun | undefined; // the run the last block ended, if it was prose
  for (const trimmed of plainParagraphs(text, 0, text.length)) {
    let start = trimmed.start;
    while (start > 0 && !isLineEndCode(text.charCodeAt(start - 1))) start--;
    let end = trimmed.end;
    while (end < text.length && !isLineEndCode(text.charCodeAt(end))) end++;
    let lines = text.slice(start, end);
    let paragraphs = proseParagraphs(lines);
    if (paragraphs === null && opensWithHeading(lines)) {
      // "==Section==" or "## Section" with prose on the next lines (no blank line between): the
      // heading line stays for remark, the lines after it may be a run.
      const next = afterFirstLine(lines);
      start += next;
      lines = lines.slice(next);
      paragraphs = lines ? proseParagraphs(lines) : null;
    }
    if (paragraphs?.length !== 1 || (!bracketsAreText && /[[\]]/.test(lines))) {
      last = undefined;
      continue;
    }
    const paragraph = { start: start + paragraphs[0].start, end: start + paragraphs[0].end };
    // Lines of spaces and tabs only are blank to remark (plainParagraphs also takes other spaces for blank).
    if (last && /^[ \t\r\n]*$/.test(text.slice(last.lines.end, start))) {
      last.lines.end = end;
      last.paragraphs.push(paragraph);
      continue;
    }
    last = { lines: { start, end }, paragraphs: [paragraph] };
    runs.push(last);
  }
  return runs;
}

const isLineEndCode = (c: number): boolean => c === 10 || c === 13;

/** A MediaWiki heading line ("==Section==") or an ATX one ("## Section") may open `lines` (putProseBack checks that it did). */
function opensWithHeading(lines: string): boolean {
  if (lines.charCodeAt(0) === 61) return true; // '='
  let hashes = 0;
  while (hashes < 7 && lines.charCodeAt(hashes) === 35) hashes++; // '#'
  const after = lines.charCodeAt(hashes);
  return hashes >= 1 && hashes <= 6 && (after === 32 || after === 9 || isLineEndCode(after));
}

/** Offset in `lines` of its second line, or its length when it has one line. */
function afterFirstLine(lines: string): number {
  let i = 0;
  while (i < lines.length && !isLineEndCode(lines.charCodeAt(i))) i++;
  if (lines.charCodeAt(i) === 13 && lines.charCodeAt(i + 1) === 10) i++;
  return Math.min(i + 1, lines.length);
}

/** `text` with each run's lines replaced by the placeholder. */
function withPlaceholders(text: string, runs: readonly ProseRun[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const { lines } of runs) {
    parts.push(text.slice(from, lines.start), PLACEHOLDER);
    from = lines.end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Puts a tree read from withPlaceholders' text back into the text's offsets: each placeholder
 * becomes its run's paragraphs, every other offset moves by what the placeholders before it took
 * out (lines and columns are left as they are: nothing reads them). False when a placeholder is
 * not a paragraph of its own at the top level: the prose was inside something else (a fence, an
 * HTML comment), and the tree is not the text's.
 */
function putProseBack(tree: Root, runs: readonly ProseRun[]): boolean {
  // What the placeholders up to each took out, and so where each stands in the text remark read.
  const removedUpTo: number[] = [];
  for (const run of runs) removedUpTo.push((removedUpTo.at(-1) ?? 0) + run.lines.end - run.lines.start - PLACEHOLDER.length);
  const placeholderAt = (i: number): number => runs[i].lines.start - (i ? removedUpTo[i - 1] : 0);
  const prose = new Set<Nodes>();
  const children: RootContent[] = [];
  let placed = 0;
  for (const node of tree.children) {
    const run = runs[placed];
    const p = node.position;
    const at = run && placeholderAt(placed);
    if (!run || node.type !== 'paragraph' || p?.start.offset !== at || p.end.offset !== at + PLACEHOLDER.length) {
      children.push(node);
      continue;
    }
    for (const span of run.paragraphs) {
      const paragraph: Paragraph = { type: 'paragraph', children: [], position: { start: { ...p.start, offset: span.start }, end: { ...p.end, offset: span.end } } };
      prose.add(paragraph);
      children.push(paragraph);
    }
    placed++;
  }
  if (placed !== runs.length) return false;
  tree.children = children;
  /** What the placeholders ending at or before `offset` took out. */
  const removedBefore = (offset: number): number => {
    const ended = partitionPoint(0, runs.length, (i) => placeholderAt(i) + PLACEHOLDER.length <= offset);
    return ended ? removedUpTo[ended - 1] : 0;
  };
  const move = (n: Nodes) => {
    if (prose.has(n)) return;
    const p = n.position;
    if (p?.start.offset !== undefined && p.end.offset !== undefined) {
      n.position = { start: { ...p.start, offset: p.start.offset + removedBefore(p.start.offset) }, end: { ...p.end, offset: p.end.offset + removedBefore(p.end.offset) } };
    }
    if (n.type === ('wikiLink' as string)) {
      const w = n as unknown as WikiLinkNode;
      w.targetStart += removedBefore(w.targetStart);
      w.targetEnd += removedBefore(w.targetEnd);
      w.labelStart += removedBefore(w.labelStart);
      w.labelEnd += removedBefore(w.labelEnd);
    }
    if ('children' in n) for (const c of n.children) move(c as Nodes);
  };
  for (const node of tree.children) move(node);
  return true;
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
  topLevel: boolean;
  /** Its sentences (splitSentences: not ending inside a link or code). */
  sentences: Span[];
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

  constructor(private readonly text: string) {}

  /** Paragraphs of prose at top level (a segment read without the Markdown parser). */
  addParagraphs(spans: Span[]): void {
    for (const span of spans) {
      this.items.push({ type: 'paragraph', span, kind: 'prose', topLevel: true, sentences: splitSentences(this.text, span.start, span.end) });
    }
  }

  addTree(tree: Root, base: number): void {
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
          if (this.templateInfobox(node, base)) break;
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
    this.items.push({ type: 'paragraph', span, kind, topLevel, sentences: splitSentences(this.text, span.start, span.end, protect) });
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
    const read: { item: Parent; para: Paragraph; field: InfoboxField | null }[] = [];
    const fields: InfoboxField[] = [];
    for (const item of list.children) {
      if (item.type !== 'listItem') continue;
      const para = item.children[0];
      if (!para || para.type !== 'paragraph') continue;
      const field = this.field(para, base);
      if (field) fields.push(field);
      read.push({ item, para, field });
    }
    if (!fields.length) return null;
    // In document order: fields (their wiki links count too), and items without a key as list items.
    for (const { item, para, field } of read) {
      if (field) {
        this.items.push({ type: 'infobox', fields: [field] });
        this.collectLinks(item, base);
      } else {
        this.paragraph(para, base, 'list-item', false);
        this.collectLinks({ type: 'listItem', children: item.children.slice(1) } as Parent, base);
      }
    }
    return fields;
  }

  /**
   * A MediaWiki template paragraph `{{Infobox …` with `| key = value` lines: its fields.
   * Returns false (not handled) for anything else.
   */
  private templateInfobox(para: Paragraph, base: number): boolean {
    const span = offsets(para, base);
    if (!span) return false;
    const text = this.text;
    if (span.end - span.start < 9 || text.slice(span.start, span.start + 9).toLowerCase() !== '{{infobox') return false;
    const fields: InfoboxField[] = [];
    let ls = span.start;
    while (ls < span.end) {
      let le = ls;
      while (le < span.end && text.charCodeAt(le) !== 10 && text.charCodeAt(le) !== 13) le++;
      let k = ls;
      while (k < le && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
      if (text.charCodeAt(k) === 124 /* | */) {
        let eq = k + 1;
        while (eq < le && eq - k <= 80 && text.charCodeAt(eq) !== 61 /* = */) eq++;
        const keySpan = eq < le && text.charCodeAt(eq) === 61 ? trimSpan(text, k + 1, eq) : null;
        if (keySpan) {
          let ve = le;
          if (ve === span.end && text.slice(ve - 2, ve) === '}}') ve -= 2;
          const valueSpan = trimSpan(text, eq + 1, ve) ?? { start: eq + 1, end: eq + 1 };
          fields.push({ key: text.slice(keySpan.start, keySpan.end), value: text.slice(valueSpan.start, valueSpan.end), keySpan, valueSpan });
        }
      }
      if (le < span.end && text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10) le++;
      ls = le + 1;
    }
    this.collectLinks(para, base);
    if (fields.length) this.items.push({ type: 'infobox', fields });
    return true;
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
function looksLikePlainHeading(text: string, start: number, end: number): boolean {
  const t = trimSpan(text, start, end);
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

/** What was read from a segment, and where the segment starts: the offsets to add to its own. */
interface PlacedSegment {
  start: number;
  flat: FlatSegment;
}

/**
 * The article from the segments' items, offsets made absolute in new objects (what was read stays
 * as it is), but for the passages of `previous` (the last version's) that are the same.
 */
function buildArticle(text: string, segments: PlacedSegment[], previous: readonly Passage[] = []): ParsedArticle {
  const article = emptyArticle();
  for (const { start, flat } of segments) {
    for (const w of flat.wikiLinks) article.wikiLinks.push({ ...w, start: w.start + start, end: w.end + start, labelSpan: shift(w.labelSpan, start) });
  }
  // Explicit section headings (a lone level-1 title does not count) turn the plain-text heuristic off.
  let level1 = 0;
  let explicit = false;
  for (const { flat } of segments) {
    for (const it of flat.items) {
      if (it.type !== 'heading' || !it.topLevel) continue;
      if (it.depth >= 2 || ++level1 > 1) explicit = true;
    }
  }
  // The last item is never a plain-text heading.
  let lastSegment = segments.length - 1;
  while (lastSegment > 0 && !segments[lastSegment].flat.items.length) lastSegment--;

  const passages: Passage[] = article.passages;
  const sections: Section[] = article.sections;
  const open: number[] = []; // stack of section indexes without an end yet
  let current = -1;
  let sawHeading = false;
  for (let si = 0; si < segments.length; si++) {
    const { start: base, flat } = segments[si];
    const items = flat.items;
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      let heading: HeadingItem;
      if (it.type === 'heading') {
        heading = { ...it, line: shift(it.line, base), content: it.content && shift(it.content, base) };
      } else if (it.type === 'paragraph') {
        const start = it.span.start + base;
        const end = it.span.end + base;
        // Plain-text mode: stand-alone short lines become level-2 headings (not the last block).
        if (!explicit && it.topLevel && it.kind === 'prose' && (si < lastSegment || k < items.length - 1) && looksLikePlainHeading(text, start, end) && !INFOBOX_LINE.test(text.slice(start, end))) {
          const span = trimSpan(text, start, end)!;
          heading = { type: 'heading', depth: 2, line: span, content: span, title: text.slice(span.start, span.end).replace(/\s+/g, ' '), topLevel: true };
        } else {
          // Indexed: a for-of here made an iterator result per sentence at every edit (heap sampling).
          const sentences = it.sentences;
          for (let i = 0; i < sentences.length; i++) {
            passages.push(passageOrSame(previous[passages.length], sentences[i].start + base, sentences[i].end + base, it.kind, current));
          }
          continue;
        }
      } else {
        for (const f of it.fields) {
          const field = { ...f, keySpan: shift(f.keySpan, base), valueSpan: shift(f.valueSpan, base) };
          article.infobox.push(field);
          passages.push(passageOrSame(previous[passages.length], field.keySpan.start, Math.max(field.keySpan.end, field.valueSpan.end), 'infobox', current));
        }
        continue;
      }
      if (heading.topLevel) {
        if (!sawHeading && heading.depth === 1 && article.title === null) {
          article.title = heading.title;
          article.titleSpan = heading.content ?? heading.line;
        } else {
          while (open.length && sections[open[open.length - 1]].level >= heading.depth) sections[open.pop()!].end = heading.line.start;
          current = sections.length;
          sections.push({ title: heading.title, level: heading.depth, start: heading.line.start, end: text.length, heading: heading.line });
          open.push(current);
        }
        sawHeading = true;
      }
      const span = heading.content ?? heading.line;
      passages.push(passageOrSame(previous[passages.length], span.start, span.end, 'heading', current));
    }
  }
  return article;
}

function parseStructured(text: string, onStage?: ParseStageHook, cache?: SegmentParseCache): ParseResult {
  const t0 = onStage ? performance.now() : 0;
  const segments = readSegments(text, cache);
  const t1 = onStage ? performance.now() : 0;
  const article = buildArticle(text, segments, cache?.passages);
  if (cache) cache.passages = article.passages;
  if (onStage) {
    onStage('parse', t1 - t0);
    onStage('passages', performance.now() - t1);
  }
  return { article, segments: segments.map(({ start, end, text }) => (text === undefined ? { start, end } : { start, end, text })) };
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** Paragraphs of text[start, end) at blank lines, trimmed. Linear. */
function plainParagraphs(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let paraStart = start;
  let ls = start;
  while (ls <= end) {
    let le = ls;
    let blank = true;
    while (le < end) {
      const c = text.charCodeAt(le);
      if (c === 10 || c === 13) break;
      if (blank && !isSpaceCode(c)) blank = false;
      le++;
    }
    if (blank) {
      const span = trimSpan(text, paraStart, ls);
      if (span) out.push(span);
      paraStart = le;
    }
    if (le >= end) break;
    if (text.charCodeAt(le) === 13 && le + 1 < end && text.charCodeAt(le + 1) === 10) le++;
    ls = le + 1;
  }
  const last = trimSpan(text, paraStart, end);
  if (last) out.push(last);
  return out;
}

/** Fallback when the Markdown parse fails: paragraphs at blank lines, then sentences. */
function parsePlain(text: string): ParseResult {
  const flat = new Flattener(text);
  flat.addParagraphs(plainParagraphs(text, 0, text.length));
  return { article: buildArticle(text, [{ start: 0, flat: { items: flat.items, wikiLinks: [] } }]), segments: [{ start: 0, end: text.length }] };
}
