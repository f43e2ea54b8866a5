// Moving through the article in time rather than in text: Next / Previous Event in Time from
// the cursor's event, and Reveal Event (what hover links and the timeline panel call).
import * as vscode from 'vscode';
import type { ArticleIndex, TimelineEvent } from '../core';
import { Commands, type RevealEventArgs } from './commandIds';
import {
  activeArticleEditor,
  eventById,
  type FeatureContext,
  firstDateOf,
  guard,
  indexFor,
  selectSpan,
  statusMessage,
} from './editorContext';

/** Selects the event's first date in `editor` and reveals it. */
export function revealEventIn(editor: vscode.TextEditor, index: ArticleIndex, event: TimelineEvent): void {
  selectSpan(editor, firstDateOf(index, event));
}

function isRevealEventArgs(value: unknown): value is RevealEventArgs {
  const v = value as Partial<RevealEventArgs> | undefined;
  return typeof v?.uri === 'string' && typeof v.eventId === 'string';
}

/** Where a command acting on "an event" acts: the one its arguments name, else the cursor's. */
export async function targetEvent(
  ctx: FeatureContext,
  args: unknown,
): Promise<{ editor: vscode.TextEditor; index: ArticleIndex; event: TimelineEvent } | undefined> {
  if (isRevealEventArgs(args)) {
    const editor = await showDocument(vscode.Uri.parse(args.uri));
    const index = await indexFor(ctx.indexes, editor.document);
    const event = index && eventById(index, args.eventId);
    if (!index || !event) {
      statusMessage('That event is no longer in the article');
      return undefined;
    }
    return { editor, index, event };
  }
  const editor = activeArticleEditor(ctx.indexes);
  const index = editor && (await indexFor(ctx.indexes, editor.document));
  if (!editor || !index) {
    statusMessage('Not an article ChronoLens annotates');
    return undefined;
  }
  const event = index.eventNear(editor.document.offsetAt(editor.selection.active));
  if (!event) {
    statusMessage('No dated event in this article');
    return undefined;
  }
  return { editor, index, event };
}

/** The editor showing `uri`: a visible one if there is one, else the document opened in the active column. */
async function showDocument(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  return vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
}

export function registerEventNavigation(ctx: FeatureContext): void {
  const step = (direction: 'next' | 'previous') =>
    guard(ctx.log, `${direction} event in time`, async (): Promise<string | undefined> => {
      const target = await targetEvent(ctx, undefined);
      if (!target) return undefined;
      const { editor, index, event } = target;
      const other = direction === 'next' ? index.nextInTime(event) : index.previousInTime(event);
      if (!other) {
        statusMessage(direction === 'next' ? 'No later event in this article' : 'No earlier event in this article');
        return undefined;
      }
      revealEventIn(editor, index, other);
      return other.id;
    });

  const revealEvent = guard(ctx.log, 'reveal event', async (args?: RevealEventArgs): Promise<boolean> => {
    if (!isRevealEventArgs(args)) return false;
    const target = await targetEvent(ctx, args);
    if (!target) return false;
    revealEventIn(target.editor, target.index, target.event);
    return true;
  });

  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Commands.nextEventInTime, step('next')),
    vscode.commands.registerCommand(Commands.previousEventInTime, step('previous')),
    vscode.commands.registerCommand(Commands.revealEvent, revealEvent),
  );
}
