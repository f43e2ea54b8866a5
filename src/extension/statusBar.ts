// The status bar item of the active article: "$(history) 14 events · 1956–2017", opening the
// timeline panel; hidden for every other editor.
import * as vscode from 'vscode';
import type { ArticleIndex } from '../core';
import { Commands } from './commandIds';
import { yearRange } from './dateWords';
import { type FeatureContext, guard } from './editorContext';

/** The item's text and tooltip for an index (exported for tests). */
export function statusBarText(index: ArticleIndex): { text: string; tooltip: string } {
  const count = index.timeline.length;
  const span = index.span();
  if (!span || count === 0) {
    return { text: '$(history) no dated events', tooltip: 'ChronoLens found no dated event in this article. Click to open the timeline.' };
  }
  const years = yearRange(span.from.date.earliest!, span.to.date.latest!);
  const events = `${count} event${count === 1 ? '' : 's'}`;
  return {
    text: `$(history) ${events} · ${years}`,
    tooltip: `ChronoLens: ${events} in time order, ${years}, with ${index.data.entities.length} entities and ${index.data.dates.length} dates. Click to open the timeline.`,
  };
}

export function registerStatusBar(ctx: FeatureContext): void {
  const item = vscode.window.createStatusBarItem('chronolens.summary', vscode.StatusBarAlignment.Right, 100);
  item.name = 'ChronoLens';
  item.command = Commands.openTimeline;
  ctx.extension.subscriptions.push(item);

  let generation = 0;
  const update = guard(ctx.log, 'status bar', async () => {
    const mine = ++generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !ctx.indexes.isArticle(document)) {
      item.hide();
      return;
    }
    const saySlow = guard(ctx.log, 'status bar', () => {
      if (mine !== generation) return;
      item.text = '$(loading~spin) Indexing article…';
      item.tooltip = `ChronoLens is reading this article (${document.getText().length.toLocaleString('en')} characters): its dates, entities and events come when it is done.`;
      item.show();
    });
    const index = await ctx.indexes.latestOrNext(document, saySlow);
    // A later update (another editor, a newer index) has taken over meanwhile.
    if (mine !== generation) return;
    // A Markdown or plain-text file without a single dated event is most likely no article
    // (a README, notes): say nothing there rather than "no dated events" on every such file.
    if (!index || (index.timeline.length === 0 && document.languageId !== 'article')) {
      item.hide();
      return;
    }
    const { text, tooltip } = statusBarText(index);
    item.text = text;
    item.tooltip = tooltip;
    item.show();
  });

  void update();
  ctx.extension.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    ctx.indexes.onDidUpdate((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) void update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chronolens.languages')) void update();
    }),
    // A language change reopens the document under its new language id.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) void update();
    }),
  );
}
