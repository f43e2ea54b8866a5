// Inlay hints after dates whose year came from context: "arrived in June ⟨1973⟩". The hint's
// tooltip says where the year comes from (Ctrl/Cmd+click goes there); double-clicking the hint
// writes the year into the text, the same edit as the quick fix. Off with
// `chronolens.inlayHints.inferredDates`.
import * as vscode from 'vscode';
import type { ArticleIndex, DateMention } from '../core';
import { edtfInWords } from './dateWords';
import { type FeatureContext, guard, indexFor, isReadonly, registerForArticles, toRange } from './editorContext';
import { escapeMarkdown } from './markdown';
import { explicitYearEdit, yearSource, yearsOf } from './quickFixes';
import { flagSetting } from './settings';

const SETTING = 'inlayHints.inferredDates';

/** What the hint shows: the inferred year(s) when that is all that is missing, the value in words otherwise. */
export function hintLabel(date: DateMention, index?: ArticleIndex): string | undefined {
  if (date.edtf === null) return undefined;
  const edit = explicitYearEdit(date, index);
  if (edit) return `⟨${edit.year}⟩`;
  const years = yearsOf(date.edtf);
  if (years.length === 0) return undefined;
  return `⟨${edtfInWords(date.edtf)}⟩`;
}

function lineOf(document: vscode.TextDocument, date: DateMention): number {
  return document.positionAt(date.start).line + 1;
}

function tooltip(document: vscode.TextDocument, index: ArticleIndex, date: DateMention, canWrite: boolean): vscode.MarkdownString {
  const lines = [`**${escapeMarkdown(date.text)}** — inferred as \`${date.edtf}\` (${escapeMarkdown(edtfInWords(date.edtf!))})`];
  const source = yearSource(index, date);
  const anchor = date.anchor && index.date(date.anchor.dateId);
  if (source) {
    let from = `The year comes from *${escapeMarkdown(source.text)}* (line ${lineOf(document, source)})`;
    if (anchor && anchor !== source) from += `, carried through *${escapeMarkdown(anchor.text)}* (line ${lineOf(document, anchor)})`;
    lines.push(`${from}. Ctrl/Cmd+click the hint to go there.`);
  } else if (date.anchor) {
    lines.push(`The year comes from *${escapeMarkdown(date.anchor.text)}*.`);
  } else {
    lines.push('The year comes from the context.');
  }
  if (canWrite) lines.push('Double-click the hint to write the year into the text.');
  const md = new vscode.MarkdownString(lines.join('\n\n'), false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

export function inlayHintsFor(document: vscode.TextDocument, index: ArticleIndex, range: vscode.Range): vscode.InlayHint[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const hints: vscode.InlayHint[] = [];
  const writable = !isReadonly(document); // no double-click edit in a read-only document
  for (const date of index.data.dates) {
    if (!date.inferred || date.problem || date.end < from || date.end > to) continue;
    const label = hintLabel(date, index);
    if (!label) continue;
    const edit = writable ? explicitYearEdit(date, index) : undefined;
    const part = new vscode.InlayHintLabelPart(label);
    part.tooltip = tooltip(document, index, date, !!edit);
    const source = yearSource(index, date);
    if (source) part.location = new vscode.Location(document.uri, toRange(document, source));
    const hint = new vscode.InlayHint(document.positionAt(date.end), [part]);
    hint.paddingLeft = true;
    if (edit) hint.textEdits = [vscode.TextEdit.replace(toRange(document, edit.span), edit.text)];
    hints.push(hint);
  }
  return hints;
}

export function registerInlayHints(ctx: FeatureContext): void {
  const changed = new vscode.EventEmitter<void>();
  const provideInlayHints = guard(ctx.log, 'inlay hints', async (document: vscode.TextDocument, range: vscode.Range) => {
    if (!flagSetting(document, SETTING, true)) return [];
    const index = await indexFor(ctx.indexes, document);
    return index ? inlayHintsFor(document, index, range) : [];
  });
  registerForArticles(ctx, (selector) =>
    vscode.languages.registerInlayHintsProvider(selector, { onDidChangeInlayHints: changed.event, provideInlayHints }),
  );
  ctx.extension.subscriptions.push(
    changed,
    ctx.indexes.onDidUpdate(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`chronolens.${SETTING}`)) changed.fire();
    }),
  );
}
