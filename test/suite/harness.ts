// Small helpers for the in-VS-Code tests (test/suite/*.test.ts).
// The workspace folder the runners open contains samples/egypt-north-korea.txt. test/e2e/run.mjs
// opens it as the first folder of a two-folder workspace (test/suite/workspace.test.ts); tests
// write the files they need under edge/ in it.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
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

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `condition()` is truthy (polling), or fails with `what`. Returns its value. */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
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

/** Every "[error]" line of the ChronoLens output channel's log file, if the file can be found. */
export function chronoLensErrors(): string[] | undefined {
  const files = logFiles(/ChronoLens\.log$/);
  if (files.length === 0) return undefined;
  return files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.includes('[error]')));
}

/** The files of this window's logs (under the user data folder) whose name matches. */
function logFiles(name: RegExp): string[] {
  // code-server's extension host knows its user data folder only through paths in its environment.
  const userData = Object.values(process.env).flatMap((v) => /^(\/.*\/user-data)\//.exec(v ?? '')?.[1] ?? []);
  const roots = [process.env.VSCODE_LOGS, ...new Set(userData.map((d) => `${d}/logs`))].filter((r): r is string => !!r);
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < 6) walk(full, depth + 1);
      else if (name.test(e.name)) files.push(full);
    }
  };
  roots.forEach((r) => walk(r, 0));
  return files;
}

/** The text of every hover VS Code gets at `position` (all providers), joined. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Waits for a hover inside the first `text` of the document that contains `want`; returns it. */
export async function waitForHover(document: vscode.TextDocument, text: string, want: string, timeoutMs = 15_000): Promise<string> {
  const found = await waitFor(
    async () => {
      const at = document.getText().indexOf(text);
      if (at < 0) return undefined;
      const value = await hoverText(document, document.positionAt(at + 1));
      return value.includes(want) ? value : undefined;
    },
    `a hover on "${text}" with ${want} in ${document.uri.toString(true)}`,
    timeoutMs,
  );
  return found ?? '';
}

/** The items Go to Event would list for the active editor. */
export async function goToEventItems(): Promise<{ eventId: string; label: string; description?: string; detail?: string }[]> {
  return (await vscode.commands.executeCommand<{ eventId: string; label: string }[]>('chronolens.goToEvent', { listOnly: true })) ?? [];
}

/**
 * A new untitled document with this text, as `openTextDocument({ language, content })` gives, but
 * never with another text. A new untitled document takes the first free name ('Untitled-1' again
 * once an earlier one is closed), and VS Code (1.100) fills it from a backup of that name if it
 * finds one, in place of `content`; and a closed untitled document's backup can outlive it (one
 * dirty for a second is backed up; a backup being written as it was reverted and closed was seen
 * to stay behind). A test's new document then held the previous test's text. Such a document is
 * reverted and closed, which discards that backup, and another one opened.
 */
export async function openUntitled(options: { language?: string; content: string }): Promise<vscode.TextDocument> {
  const lines = (text: string) => text.replace(/\r\n?/g, '\n'); // VS Code's line breaks, whichever the content had
  for (let attempt = 1; ; attempt++) {
    const document = await vscode.workspace.openTextDocument(options);
    if (lines(document.getText()) === lines(options.content)) return document;
    assert.ok(attempt < 10, `VS Code keeps opening ${document.uri.toString(true)} with an earlier document's text`);
    console.log(`      (VS Code opened ${document.uri.toString(true)} with an earlier document's text: closing it, opening another)`);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await sleep(100);
  }
}

/** Closes every editor, reverting unsaved changes. */
export async function closeAllEditors(): Promise<void> {
  while (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A minimal in-memory file system, as an extension providing a virtual file system would have. */
export class MemFs implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  writes = 0;
  /** Modification times: always later than the last one. */
  private clock = Date.now();

  /** Puts a file there (as another program would), reporting the change when `notify`. */
  set(uri: vscode.Uri, text: string, notify = false): void {
    this.files.set(uri.path, { data: new TextEncoder().encode(text), mtime: ++this.clock });
    if (notify) this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: file.mtime, size: file.data.length };
    if (uri.path === '/' || [...this.files.keys()].some((p) => p.startsWith(uri.path.replace(/\/?$/, '/')))) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.replace(/\/?$/, '/');
    const names = new Map<string, vscode.FileType>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const [name, ...rest] = p.slice(prefix.length).split('/');
      names.set(name, rest.length ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...names];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.writes++;
    this.files.set(uri.path, { data: content, mtime: ++this.clock });
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  createDirectory(): void {}

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }

  rename(from: vscode.Uri, to: vscode.Uri): void {
    const file = this.files.get(from.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(from);
    this.files.delete(from.path);
    this.files.set(to.path, file);
  }
}
