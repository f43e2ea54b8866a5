// The outline: sections (nested by heading level) and, inside each, its events labelled with
// their dates. Breadcrumbs and Go to Symbol follow from it. Sections also fold.
import * as vscode from 'vscode';
import type { ArticleIndex, Section } from '../core';
import { type FeatureContext, firstDateOf, guard, indexFor, registerForArticles, toRange } from './editorContext';
import { firstWords } from '../webview/viewModel';
import { runInSlices } from './nextTask';

/** "1956-11-03 — 3 November 1956", or just the date when its value reads the same. */
export function eventSymbolName(index: ArticleIndex, event: ArticleIndex['timeline'][number]): string {
  const date = firstDateOf(index, event);
  return date.edtf && date.edtf !== date.text ? `${date.edtf} — ${date.text}` : date.text;
}

/** Index of the innermost section containing `offset` (the last one starting at or before it), or -1. */
function sectionAt(sections: Section[], offset: number, from = sections.length - 1): number {
  for (let i = Math.min(from, sections.length - 1); i >= 0; i--) {
    if (sections[i].start <= offset && offset < Math.max(sections[i].end, sections[i].start + 1)) return i;
  }
  return -1;
}

/** Events put in the outline between two yields of documentSymbolSteps (see runInSlices on how many). */
const EVENTS_PER_STEP = 250;

/** The outline, a part at a time (a 5 MB article has some 13,000 events). */
export function* documentSymbolSteps(document: vscode.TextDocument, index: ArticleIndex): Generator<void, vscode.DocumentSymbol[], void> {
  const sections = index.data.sections;
  const sectionSymbols = sections.map((section) => {
    const heading = toRange(document, section.heading);
    return new vscode.DocumentSymbol(
      section.title || '(untitled section)',
      '',
      section.level <= 2 ? vscode.SymbolKind.Namespace : vscode.SymbolKind.Module,
      toRange(document, section).union(heading),
      heading,
    );
  });
  const topLevel: vscode.DocumentSymbol[] = [];
  // Nest sections by level: each under the nearest earlier section with a lower level.
  const stack: { level: number; symbol: vscode.DocumentSymbol }[] = [];
  sections.forEach((section, i) => {
    while (stack.length && stack[stack.length - 1].level >= section.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children.push(sectionSymbols[i]);
    else topLevel.push(sectionSymbols[i]);
    stack.push({ level: section.level, symbol: sectionSymbols[i] });
  });
  // Events, in text order, inside their sections.
  const events = [...index.data.events].sort((a, b) => a.start - b.start);
  let next = 0; // sections starting at or before the current event: [0, next)
  for (let i = 0; i < events.length; i++) {
    if (i % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield;
    const event = events[i];
    while (next < sections.length && sections[next].start <= event.start) next++;
    const range = toRange(document, event);
    const date = firstDateOf(index, event);
    const symbol = new vscode.DocumentSymbol(
      eventSymbolName(index, event),
      firstWords(event.text, 8),
      vscode.SymbolKind.Event,
      range,
      toRange(document, date).intersection(range) ?? range.with(range.start, range.start),
    );
    const s = sectionAt(sections, event.start, next - 1);
    (s >= 0 ? sectionSymbols[s].children : topLevel).push(symbol);
  }
  // A parent's range must contain its children's: the sections from the last, so that a
  // section's subsections contain theirs before it takes them in.
  for (let s = sectionSymbols.length - 1, done = 0; s >= 0; s--, done++) {
    if (done % SECTIONS_PER_STEP === 0) yield;
    containChildren(sectionSymbols[s]);
  }
  return topLevel.sort(byStart);
}

/** Sections whose ranges are made to contain their children's between two yields of documentSymbolSteps. */
const SECTIONS_PER_STEP = 125;

const byStart = (a: vscode.DocumentSymbol, b: vscode.DocumentSymbol) => a.range.start.compareTo(b.range.start);

/** Puts `symbol`'s children in text order and widens its range to theirs, in one new Range at most. */
function containChildren(symbol: vscode.DocumentSymbol): void {
  if (symbol.children.length === 0) return;
  symbol.children.sort(byStart);
  let { start, end } = symbol.range;
  for (const child of symbol.children) {
    if (child.range.start.compareTo(start) < 0) start = child.range.start;
    if (child.range.end.compareTo(end) > 0) end = child.range.end;
  }
  if (start !== symbol.range.start || end !== symbol.range.end) symbol.range = new vscode.Range(start, end);
}

/** One fold per section: from its heading to the last line before the next section at its level or above. */
export function sectionFoldingRanges(document: vscode.TextDocument, index: ArticleIndex): vscode.FoldingRange[] {
  const sections = index.data.sections;
  // For each section, the next one at its level or above, in one pass: a section stays open (on
  // the stack, levels rising) until one at its level or above comes.
  const nextAtOrAbove: (Section | undefined)[] = new Array(sections.length);
  const open: number[] = [];
  sections.forEach((section, i) => {
    while (open.length > 0 && sections[open[open.length - 1]].level >= section.level) nextAtOrAbove[open.pop()!] = section;
    open.push(i);
  });
  const ranges: vscode.FoldingRange[] = [];
  sections.forEach((section, i) => {
    const startLine = document.positionAt(section.heading.start).line;
    const next = nextAtOrAbove[i];
    let endLine = next ? document.positionAt(next.heading.start).line - 1 : document.lineCount - 1;
    // Leave trailing blank lines outside the fold.
    while (endLine > startLine && document.lineAt(endLine).isEmptyOrWhitespace) endLine--;
    if (endLine > startLine) ranges.push(new vscode.FoldingRange(startLine, endLine, vscode.FoldingRangeKind.Region));
  });
  return ranges;
}

export function registerSymbols(ctx: FeatureContext): void {
  const provideDocumentSymbols = guard(ctx.log, 'outline', async (document: vscode.TextDocument, token: vscode.CancellationToken) => {
    // Asked for after every edit; VS Code asks again for the version the user stops at.
    if (!(await ctx.typing.pause(document, document.version)) || token.isCancellationRequested) return undefined;
    const index = await indexFor(ctx.indexes, document);
    return index ? runInSlices(documentSymbolSteps(document, index)) : undefined;
  });
  const provideFoldingRanges = guard(ctx.log, 'folding', async (document: vscode.TextDocument) => {
    const index = await indexFor(ctx.indexes, document);
    return index ? sectionFoldingRanges(document, index) : undefined;
  });
  registerForArticles(ctx, (selector) =>
    vscode.Disposable.from(
      vscode.languages.registerDocumentSymbolProvider(selector, { provideDocumentSymbols }, { label: 'ChronoLens' }),
      vscode.languages.registerFoldingRangeProvider(selector, { provideFoldingRanges }),
    ),
  );
}
