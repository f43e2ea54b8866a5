// Small helpers for the in-VS-Code tests (test/suite/*.test.ts).
// The workspace folder the runners open contains samples/egypt-north-korea.txt.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'chronolens.chronolens';
export const SAMPLE = 'samples/egypt-north-korea.txt';

/** A file of the workspace folder. */
export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens the sample article (or another workspace file) in an editor. */
export async function openInEditor(relativePath = SAMPLE): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(doc);
}

/** Waits until `condition()` is truthy (polling), or fails with `what`. Returns its value. */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The position of the `occurrence`-th (0-based) `text` in the document, offset by `delta` characters. */
export function positionOf(doc: vscode.TextDocument, text: string, occurrence = 0, delta = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = doc.getText().indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" (occurrence ${occurrence}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + delta);
}
