// Whether the user is typing into a document. Some features cost VS Code work in the window in
// proportion to the article each time they update: a set of diagnostics (VS Code redraws the
// squiggles and sends the whole set to any other extension host, a browser's or a remote's:
// 50–70 ms for the 1,360 of a 1 MB article) and the outline (a 1 MB article's is some 800 KB that
// the breadcrumbs and sticky scroll read again). While the user types they wait for a pause; the
// colours and inlay hints follow every index.
import * as vscode from 'vscode';

/** Edits closer together than this are typing; while it goes on, those features wait until the document has been still this long. */
const TYPING_PAUSE_MS = 1000;

export class TypingWatch implements vscode.Disposable {
  /** Per document, when its last two edits came. */
  private readonly edits = new Map<string, { previous: number; last: number }>();
  private readonly listeners = [
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const key = e.document.uri.toString();
      this.edits.set(key, { previous: this.edits.get(key)?.last ?? -Infinity, last: Date.now() });
    }),
    vscode.workspace.onDidCloseTextDocument((document) => this.edits.delete(document.uri.toString())),
  ];

  /**
   * Waits until typing into the document, if it goes on, has paused (at once after a lone edit: a
   * quick fix, a paste), and tells whether the document is still at `version`. When it is not, an
   * edit came meanwhile, and its own update is coming.
   */
  async pause(document: vscode.TextDocument, version: number): Promise<boolean> {
    const edit = this.edits.get(document.uri.toString());
    const wait = edit && edit.last - edit.previous < TYPING_PAUSE_MS ? edit.last + TYPING_PAUSE_MS - Date.now() : 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return document.version === version;
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
  }
}
