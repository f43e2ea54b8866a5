// The tree remark-parse (with ChronoLens' extensions) gives a text made only of simple blocks,
// built without it: headings (`== Title ==`, `# Title`, a paragraph underlined with `=` or `-`),
// paragraphs and `- item` lists whose text holds no inline construct. The Markdown a long article
// keeps after its prose is read apart (readMarkdown) is mostly such headings, an infobox and a
// "See also" list, and remark-parse costs more per character on it than on prose (a quarter of
// the sample's whole index). Any other line, or a line ending but \n and \r\n, and remark-parse
// reads the text (test/unit/parse.test.ts holds the two trees equal).

import type { Heading, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';
import type { Point, Position } from 'unist';
import type { MediawikiHeadingData } from './mediawikiHeading';
import { isMarkdownSpace, isMediawikiHeadingLine, proseLineEnd, setextUnderline, startsProseLine } from './prose';

/** The tree of `text` when all of it is simple blocks, else null. */
export function simpleBlocksTree(text: string): Root | null {
  const n = text.length;
  const children: RootContent[] = [];
  // The paragraph the next line may go on, the list the next item may go on (after blank lines too).
  let paragraph: Paragraph | null = null;
  let list: List | null = null;
  let blankAfterItem = false;
  let line = 1;
  let lineStart = 0;
  const at = (offset: number): Point => ({ line, column: offset - lineStart + 1, offset });
  const span = (start: number, end: number): Position => ({ start: at(start), end: at(end) });
  const textNode = (start: number, end: number): Text => ({ type: 'text', value: text.slice(start, end), position: span(start, end) });
  while (lineStart <= n) {
    let next = text.indexOf('\n', lineStart);
    if (next < 0) next = n;
    // The line's end: before its \n or \r\n (a lone \r is in no simple line).
    const end = next < n && next > lineStart && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
    const first = text.charCodeAt(lineStart);
    // Under a paragraph, a line of "=" or "-" makes it a heading ("Title" over "=====").
    const underline = paragraph ? setextUnderline(text, lineStart, end) : 0;
    if (isBlank(text, lineStart, end)) {
      paragraph = null;
      if (list) blankAfterItem = true;
    } else if (paragraph && underline) {
      children[children.length - 1] = {
        type: 'heading', depth: underline === 0x3d ? 1 : 2, children: paragraph.children, position: { start: paragraph.position!.start, end: at(end) },
      };
      paragraph = null;
    } else if (first === 0x2d /* - */) {
      // "- item": a list item (it may interrupt a paragraph); its text must be a paragraph's
      const from = lineStart + 2;
      if (text.charCodeAt(lineStart + 1) !== 0x20 || !isProseLine(text, from, end)) return null;
      const para: Paragraph = { type: 'paragraph', children: [textNode(from, end)], position: span(from, end) };
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [para], position: span(lineStart, end) };
      if (list) {
        list.children.push(item);
        list.spread ||= blankAfterItem;
        list.position!.end = at(end);
      } else {
        list = { type: 'list', ordered: false, start: null, spread: false, children: [item], position: span(lineStart, end) };
        children.push(list);
      }
      paragraph = null;
      blankAfterItem = false;
    } else {
      // a line right under an item would go on the item's paragraph: not simple
      if (list && !blankAfterItem) return null;
      list = null;
      const heading = first === 0x3d /* = */ || first === 0x23 /* # */ ? headingOf(text, lineStart, end, textNode, span) : null;
      if (heading) {
        children.push(heading);
        paragraph = null;
      } else if (isProseLine(text, lineStart, end) || isEqualsLine(text, lineStart, end)) {
        if (paragraph) {
          // the paragraph's one text node runs on, its line break included
          const node = paragraph.children[0] as Text;
          const from = node.position!.start.offset!;
          node.value = text.slice(from, end);
          node.position!.end = at(end);
          paragraph.position!.end = at(end);
        } else {
          paragraph = { type: 'paragraph', children: [textNode(lineStart, end)], position: span(lineStart, end) };
          children.push(paragraph);
        }
      } else {
        return null;
      }
    }
    if (next === n) break;
    line++;
    lineStart = next + 1;
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: at(n) } };
}

/**
 * A heading line as remark reads it, or null when the line is not a simple one: `==Title==` with
 * runs of the same length, or `# Title` with no closing run; the title plain text.
 */
function headingOf(text: string, start: number, end: number, textNode: (start: number, end: number) => Text, span: (start: number, end: number) => Position): Heading | null {
  const mark = text.charCodeAt(start);
  let open = start;
  while (open < end && text.charCodeAt(open) === mark) open++;
  const depth = open - start;
  if (depth > 6) return null;
  let from = open;
  let to = end;
  if (mark === 0x3d /* = */) {
    while (to > from && text.charCodeAt(to - 1) === mark) to--;
    if (end - to !== depth) return null;
    while (from < to && text.charCodeAt(from) === 0x20) from++;
    while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
  } else if (text.charCodeAt(from++) !== 0x20) {
    return null;
  }
  // no inline construct in the title, no run of the mark inside it, no tab around it
  if (from === to || end - start > MAX_HEADING_LINE || proseLineEnd(text, from) !== end || text.slice(from, to).includes(mark === 0x3d ? '=' : '#')) return null;
  if (isMarkdownSpace(text.charCodeAt(from)) || isMarkdownSpace(text.charCodeAt(to - 1))) return null;
  const heading: Heading = { type: 'heading', depth: depth as Heading['depth'], children: [textNode(from, to)], position: span(start, end) };
  if (mark === 0x3d) heading.data = { mediawiki: true, open: depth, close: depth } satisfies MediawikiHeadingData;
  return heading;
}

/** A paragraph's line from `start` to `end` (a line ending or the text's end): prose, with no space or tab at its end. */
function isProseLine(text: string, start: number, end: number): boolean {
  return start < end && startsProseLine(text, start) && proseLineEnd(text, start) === end && !isMarkdownSpace(text.charCodeAt(end - 1));
}

/**
 * A line of "=" signs, maybe with spaces or tabs between them ("==  =="), not at either end: no
 * MediaWiki heading (remark-parse's need a title) and no underline here, so a paragraph's line,
 * and the text of a heading when a line of "=" underlines it ("==" over "==").
 */
function isEqualsLine(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start) === 0x3d && text.charCodeAt(end - 1) === 0x3d && !isMediawikiHeadingLine(text, start, end);
}

/** Longer heading lines are left to remark-parse (mediawikiHeading.ts bounds the lines it reads). */
const MAX_HEADING_LINE = 1000;

/** Empty, or spaces and tabs only. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isMarkdownSpace(text.charCodeAt(k))) return false;
  return true;
}
