// Issue 7: errors never surface as unhandled exceptions. settings.json is JSON anyone can write —
// a workspace's (possibly untrusted) too — and VS Code hands a value of the wrong type over as it
// is. ChronoLens must take such a value as not set (the default), keep working, and log nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { chronoLensErrors, closeAllEditors, hoverText, openInEditor, openUntitled, positionOf, waitFor, waitForHover } from './harness';

const KEYS = ['languages', 'maxArticleSize', 'inlayHints.inferredDates', 'diagnostics.inferredDates'];

describe('settings of the wrong type (issue 7)', function () {
  this.timeout(60_000);
  const config = () => vscode.workspace.getConfiguration('chronolens');
  after(async () => {
    for (const key of KEYS) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  /** Sets the values (user settings) and waits until VS Code reports them. */
  async function set(values: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(values)) await config().update(key, value, vscode.ConfigurationTarget.Global);
    await waitFor(() => Object.entries(values).every(([key, value]) => JSON.stringify(config().get(key)) === JSON.stringify(value)), 'the settings');
  }

  it('ill-typed chronolens.languages, maxArticleSize and flags count as not set: the sample keeps its hover, Go to Event and inlay hints; nothing logged', async () => {
    const errorsBefore = chronoLensErrors() ?? [];
    const { document } = await openInEditor();
    await waitForHover(document, '3 November 1956', '1956-11-03');
    const markdown = await openUntitled({ language: 'markdown', content: '# Md\n\nOn 5 May 1950, Egypt voted. In June, it voted again.\n' });
    await waitForHover(markdown, '5 May 1950', '1950-05-05');
    await vscode.window.showTextDocument(document);

    for (const values of [
      { languages: 42, maxArticleSize: 'big', 'inlayHints.inferredDates': 'yes', 'diagnostics.inferredDates': 0 },
      { languages: 'plaintext', maxArticleSize: -5, 'inlayHints.inferredDates': null, 'diagnostics.inferredDates': [] },
      { languages: { plaintext: true }, maxArticleSize: null },
    ]) {
      await set(values);
      const what = JSON.stringify(values);
      // The change was taken (the index is rebuilt on a chronolens change): hovers, in both languages.
      await waitForHover(document, '3 November 1956', '1956-11-03');
      await waitForHover(markdown, '5 May 1950', '1950-05-05');
      const items = await vscode.commands.executeCommand<unknown[]>('chronolens.goToEvent', { listOnly: true });
      assert.ok(items && items.length > 0, `Go to Event with ${what}`);
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', markdown.uri, new vscode.Range(0, 0, markdown.lineCount, 0));
      assert.ok(hints.length > 0, `inlay hints (on by default) with ${what}`);
    }

    // A list with a stray entry: its strings count.
    await set({ languages: ['markdown', 7, null], maxArticleSize: 2_000_000 });
    await waitFor(async () => !(await hoverText(document, positionOf(document, '3 November 1956', 0, 1))).includes('1956-11-03'), 'plaintext to be no article');
    await waitForHover(markdown, '5 May 1950', '1950-05-05');

    const errors = chronoLensErrors();
    if (errors) assert.deepEqual(errors.slice(errorsBefore.length), [], 'errors in the ChronoLens output');
  });
});
