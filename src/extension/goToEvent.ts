// Go to Event…: every event of the article in time order, searchable by date as written, EDTF
// value, entity names and words; moving through the list previews the passage, Esc goes back.
import * as vscode from 'vscode';
import type { ArticleIndex, TimelineEvent } from '../core';
import { Commands } from './commandIds';
import { activeArticleEditor, type FeatureContext, firstDateOf, guard, indexFor, statusMessage } from './editorContext';
import { revealEventIn } from './eventNavigation';
import { firstWords } from '../webview/viewModel';

export interface EventPickItem extends vscode.QuickPickItem {
  eventId: string;
}

export interface GoToEventOptions {
  /** Return the items the picker would show, in order, without showing it (for tests and scripts). */
  listOnly?: boolean;
}

/** "1956-11-03 · 3 November 1956", "During the Suez Crisis, …", "History · Suez Crisis, Egypt". */
export function eventPickItems(index: ArticleIndex): EventPickItem[] {
  return index.timeline.map((event) => {
    const date = firstDateOf(index, event);
    const value = date.edtf && date.edtf !== date.text ? `${date.edtf} · ` : '';
    const entities = index.entitiesOf(event).map((e) => e.name);
    const detail = [event.section ?? 'Introduction', entities.join(', ')].filter(Boolean).join(' · ');
    return {
      eventId: event.id,
      label: `${value}${date.text}`,
      description: firstWords(event.text, 10),
      detail,
    };
  });
}

export function registerGoToEvent(ctx: FeatureContext): void {
  const goToEvent = guard(ctx.log, 'go to event', async (options?: GoToEventOptions) => {
    const editor = activeArticleEditor(ctx.indexes);
    const index = editor && (await indexFor(ctx.indexes, editor.document));
    if (!editor || !index) {
      statusMessage('Go to Event needs an article in the active editor');
      return undefined;
    }
    const items = eventPickItems(index);
    if (options?.listOnly) return items;
    if (items.length === 0) {
      statusMessage('No dated event in this article');
      return undefined;
    }
    return pick(editor, index, items);
  });
  ctx.extension.subscriptions.push(vscode.commands.registerCommand(Commands.goToEvent, goToEvent));
}

/** Shows the picker; resolves with the chosen event's id, or undefined after Esc (view restored). */
function pick(editor: vscode.TextEditor, index: ArticleIndex, items: EventPickItem[]): Promise<string | undefined> {
  const before = { selections: editor.selections, visible: editor.visibleRanges[0] };
  const byId = new Map<string, TimelineEvent>(index.timeline.map((e) => [e.id, e]));
  const quickPick = vscode.window.createQuickPick<EventPickItem>();
  quickPick.title = 'Go to Event (in time order)';
  quickPick.placeholder = 'Type a date, an EDTF value, a name or words of the passage';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = items;
  // Start on the event the cursor is in, so opening and closing the picker moves nothing.
  const current = index.eventNear(editor.document.offsetAt(editor.selection.active));
  const start = current && items.find((item) => item.eventId === current.id);
  if (start) quickPick.activeItems = [start];

  return new Promise((resolve) => {
    let accepted: string | undefined;
    const previewing = quickPick.onDidChangeActive(([item]) => {
      const event = item && byId.get(item.eventId);
      if (event && !editor.document.isClosed) revealEventIn(editor, index, event);
    });
    const accepting = quickPick.onDidAccept(() => {
      const [item] = quickPick.selectedItems.length ? quickPick.selectedItems : quickPick.activeItems;
      const event = item && byId.get(item.eventId);
      if (event) {
        accepted = event.id;
        revealEventIn(editor, index, event);
      }
      quickPick.hide();
    });
    const hiding = quickPick.onDidHide(() => {
      if (accepted === undefined && !editor.document.isClosed) {
        editor.selections = before.selections;
        if (before.visible) editor.revealRange(before.visible, vscode.TextEditorRevealType.AtTop);
      }
      previewing.dispose();
      accepting.dispose();
      hiding.dispose();
      quickPick.dispose();
      resolve(accepted);
    });
    quickPick.show();
    // Programmatic active items are not always reported back: preview the starting one here.
    const first = start ?? items[0];
    const firstEvent = first && byId.get(first.eventId);
    if (firstEvent) revealEventIn(editor, index, firstEvent);
  });
}
