import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, positionOf, waitFor } from './harness';

/** The text of ChronoLens's hover at the first occurrence of `text`, or '' when it gives none. */
async function hoverText(document: vscode.TextDocument, text: string): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, text, 0, 1));
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('an article above chronolens.maxArticleSize', () => {
  const config = () => vscode.workspace.getConfiguration('chronolens');
  after(async () => {
    await config().update('maxArticleSize', undefined, vscode.ConfigurationTarget.Global);
  });

  it('is not indexed until the user chooses Index Anyway, and then is', async () => {
    const editor = await openInEditor();
    const { document } = editor;
    await waitFor(async () => (await hoverText(document, '3 November 1956')).includes('1956-11-03'), 'the sample indexed first');
    // The sample has about 4,800 characters: a limit of 1,000 pauses it.
    await config().update('maxArticleSize', 1000, vscode.ConfigurationTarget.Global);
    await waitFor(async () => !(await hoverText(document, '3 November 1956')).includes('1956-11-03'), 'indexing paused');
    const items = await vscode.commands.executeCommand<unknown[]>('chronolens.goToEvent', { listOnly: true });
    assert.equal(items?.length ?? 0, 0, 'no events while paused');
    await vscode.commands.executeCommand('chronolens.indexAnyway', document.uri.toString());
    await waitFor(async () => (await hoverText(document, '3 November 1956')).includes('1956-11-03'), 'indexed after Index Anyway');
    assert.equal(document.isDirty, false, 'the article itself is never touched');
  });
});
