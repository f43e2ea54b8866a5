// Show Related Passages: the passages sharing the most entities and overlapping in time with the
// cursor's (or the given) event, in a peek view.
import * as vscode from 'vscode';
import { Commands, type RevealEventArgs } from './commandIds';
import { type FeatureContext, guard, statusMessage, toRange } from './editorContext';
import { targetEvent } from './eventNavigation';

export function registerRelatedPassages(ctx: FeatureContext): void {
  const showRelated = guard(ctx.log, 'related passages', async (args?: RevealEventArgs): Promise<vscode.Location[] | undefined> => {
    const target = await targetEvent(ctx, args);
    if (!target) return undefined;
    const { editor, index, event } = target;
    const document = editor.document;
    const related = index.related(event);
    if (related.length === 0) {
      statusMessage('No related passage: no shared entity or overlapping period');
      return [];
    }
    // Ranked order; the peek view lists them by position, the ranking decides which are shown.
    const locations = related.map((r) => new vscode.Location(document.uri, toRange(document, r.event)));
    // Peek where the cursor is when it is in the event, else at the event's start.
    const cursor = editor.selection.active;
    const range = toRange(document, event);
    const at = range.contains(cursor) ? cursor : range.start;
    await vscode.commands.executeCommand('editor.action.peekLocations', document.uri, at, locations, 'peek');
    return locations;
  });
  ctx.extension.subscriptions.push(vscode.commands.registerCommand(Commands.showRelatedPassages, showRelated));
}
