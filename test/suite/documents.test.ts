// Issue 7, editor edge cases: documents that are not plain workspace files open for editing —
// read-only files, documents of a TextDocumentContentProvider scheme and of a FileSystemProvider
// scheme (both registered here, as another extension would), and a file that changes on disk
// while it is open. ChronoLens must annotate them all, follow their changes, and never write
// the user's file itself.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { MemFs, closeAllEditors, goToEventItems, hoverText, openUntitled, waitFor, waitForHover, workspaceUri } from './harness';

const ARTICLE = '= Edge =\n\n==History==\nOn 3 November 1956, Gamal Abdel Nasser asked for help.\nIn June, Nasser returned to Cairo.\n';

/** Writes a file of the workspace folder with fs (as another program would) and returns its path. */
function writeWorkspaceFile(relativePath: string, text: string): string {
  const file = workspaceUri(relativePath).fsPath;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

async function outlineNames(document: vscode.TextDocument): Promise<string[]> {
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
  const names: string[] = [];
  const walk = (s: vscode.DocumentSymbol) => {
    names.push(s.name);
    s.children.forEach(walk);
  };
  symbols.forEach(walk);
  return names;
}

/** ChronoLens's semantic tokens of the document: more than none once it is indexed. */
async function tokenCount(document: vscode.TextDocument): Promise<number> {
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
  return tokens ? tokens.data.length / 5 : 0;
}

/**
 * The year-writing features on the inferred "June" of ARTICLE in a document ChronoLens must not
 * edit: no quick fix, no double-click edit on the inlay hint, and the command leaves the text as
 * it is (VS Code's workspace.applyEdit would write into it all the same).
 */
async function checkNotEdited(editor: vscode.TextEditor): Promise<void> {
  const { document } = editor;
  const june = document.positionAt(document.getText().indexOf('June') + 1);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(june, june));
  const ours = actions.filter((a) => /year explicit/i.test(a.title));
  assert.deepEqual(ours.map((a) => a.title), [], 'quick fixes that would edit a read-only document');
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
  assert.ok(hints.length > 0);
  assert.deepEqual(hints.flatMap((h) => h.textEdits ?? []), [], 'inlay hint edits in a read-only document');
  const text = document.getText();
  editor.selection = new vscode.Selection(june, june);
  await vscode.commands.executeCommand('chronolens.makeYearExplicit');
  assert.equal(document.getText(), text, 'Make the Year Explicit edited a read-only document');
}

/** Checks what every read-only surface shows for ARTICLE. */
async function checkAnnotated(document: vscode.TextDocument): Promise<void> {
  await waitForHover(document, '3 November 1956', '1956-11-03');
  const items = await goToEventItems();
  assert.ok(
    items.some((i) => i.label.includes('1956-11-03')),
    `Go to Event in ${document.uri.scheme}: ${JSON.stringify(items.map((i) => i.label))}`,
  );
  assert.ok((await outlineNames(document)).includes('History'), 'the outline has the section');
  assert.ok((await tokenCount(document)) > 0, 'semantic tokens');
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
  assert.ok(hints.length > 0, 'an inlay hint for the inferred year of "June"');
}

describe('documents of every kind (issue 7)', function () {
  this.timeout(60_000);
  afterEach(closeAllEditors);

  it('a read-only file (files.readonlyInclude) is annotated, and Make the Year Explicit leaves it as it is', async () => {
    const config = vscode.workspace.getConfiguration('files');
    const file = writeWorkspaceFile('edge/readonly/article.txt', ARTICLE);
    const before = fs.statSync(file).mtimeMs;
    await config.update('readonlyInclude', { '**/edge/readonly/**': true }, vscode.ConfigurationTarget.Global);
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const editor = await vscode.window.showTextDocument(document);
      await waitFor(() => vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('readonlyInclude')?.['**/edge/readonly/**'], 'the setting');
      await checkAnnotated(document);
      await checkNotEdited(editor);
      assert.equal(document.isDirty, false);
      assert.equal(fs.readFileSync(file, 'utf8'), ARTICLE);
      assert.equal(fs.statSync(file).mtimeMs, before);
    } finally {
      await config.update('readonlyInclude', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a virtual document (a TextDocumentContentProvider scheme) is annotated, never edited, and follows its provider', async () => {
    let text = ARTICLE;
    const changed = new vscode.EventEmitter<vscode.Uri>();
    const registration = vscode.workspace.registerTextDocumentContentProvider('chronolens-test-virtual', {
      onDidChange: changed.event,
      provideTextDocumentContent: () => text,
    });
    try {
      const uri = vscode.Uri.parse('chronolens-test-virtual:/archive/article.txt');
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.languageId, 'plaintext');
      const editor = await vscode.window.showTextDocument(document);
      await checkAnnotated(document);
      await checkNotEdited(editor);
      text = ARTICLE.replace('3 November 1956', '4 December 1957');
      changed.fire(uri);
      await waitFor(() => document.getText().includes('4 December 1957'), 'VS Code to take the new content');
      await waitForHover(document, '4 December 1957', '1957-12-04');
    } finally {
      registration.dispose();
      changed.dispose();
    }
  });

  it('a document of a FileSystemProvider scheme is annotated, and follows changes made through the provider', async () => {
    const memfs = new MemFs();
    const registration = vscode.workspace.registerFileSystemProvider('chronolens-test-memfs', memfs, { isCaseSensitive: true });
    try {
      const uri = vscode.Uri.parse('chronolens-test-memfs:/notes/article.txt');
      memfs.set(uri, ARTICLE);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await checkAnnotated(document);
      // Another program changes it (the provider reports the change): the index follows.
      memfs.set(uri, ARTICLE.replace('3 November 1956', '4 December 1957'), true);
      await waitFor(() => document.getText().includes('4 December 1957'), 'VS Code to reload the changed document');
      await waitForHover(document, '4 December 1957', '1957-12-04');
      assert.equal(memfs.writes, 0, 'ChronoLens wrote through the provider');
    } finally {
      registration.dispose();
    }
  });

  it('an untitled document whose language changes: annotated as plaintext, not as JSON, again as Markdown (diagnostics follow)', async () => {
    const text = ARTICLE + 'The treaty was signed on 31 February 1999.\n';
    let document = await openUntitled({ language: 'json', content: text });
    await vscode.window.showTextDocument(document);
    const ours = (d: vscode.TextDocument) => vscode.languages.getDiagnostics(d.uri).filter((x) => /31 February 1999/.test(d.getText(x.range)));
    assert.ok(!(await hoverText(document, document.positionAt(text.indexOf('3 November') + 1))).includes('1956-11-03'), 'JSON is no article');
    document = await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    await waitForHover(document, '3 November 1956', '1956-11-03');
    await waitFor(() => ours(document).length > 0, 'the impossible date reported');
    document = await vscode.languages.setTextDocumentLanguage(document, 'json');
    await waitFor(() => ours(document).length === 0, 'the diagnostics cleared once it is JSON');
    assert.ok(!(await hoverText(document, document.positionAt(text.indexOf('3 November') + 1))).includes('1956-11-03'));
    document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await waitForHover(document, '3 November 1956', '1956-11-03');
    await waitFor(() => ours(document).length > 0, 'the impossible date reported again');
  });

  it('a long untitled article whose language changes while it is indexed (plaintext to Markdown, as language detection does) is still indexed', async function () {
    this.timeout(60_000);
    // Long enough that the worker is still indexing the opened version when the language changes.
    const passages = Array.from({ length: 1000 }, (_, i) => `In ${1000 + i} the envoy Anna Weber travelled to the capital and signed treaty number ${i + 1}.`);
    const text = `= Long chronicle =\n\n${passages.join('\n\n')}\n`;
    let document = await openUntitled({ language: 'plaintext', content: text });
    const version = document.version;
    // VS Code closes and reopens the document under the new language, at the same version: the
    // index of that version is asked for again while the first request is still in the worker.
    document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.version, version, 'a language change is no edit');
    await vscode.window.showTextDocument(document);
    let last: unknown;
    const status = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<{ uri: string | null; events: number } | undefined>('chronolens.openTimeline');
      last = s;
      return s?.uri === document.uri.toString() && s.events === passages.length ? s : undefined;
    }, `the timeline to show the ${passages.length} events of ${document.uri.toString(true)}`, 20_000).catch((error: Error) => {
      throw new Error(`${error.message}; it shows ${JSON.stringify(last)}`);
    });
    assert.equal(status?.events, passages.length);
    await waitForHover(document, '1999 the envoy', '1999');
    assert.equal(document.version, version, 'indexed without an edit to wake it up');
  });

  it('an untitled article closed, and another opened under its name (Untitled-1 again, version 1 again): the hover and the timeline show the new one at once', async () => {
    type Status = { uri: string | null; title: string | null; events: number } | undefined;
    const timeline = () => vscode.commands.executeCommand<Status>('chronolens.openTimeline');
    const first = await openUntitled({ language: 'plaintext', content: ARTICLE });
    const version = first.version;
    await vscode.window.showTextDocument(first);
    await waitForHover(first, '3 November 1956', '1956-11-03');
    await waitFor(async () => (await timeline())?.title === 'Edge', 'the timeline to show the first article');
    await closeAllEditors();
    const text = '= Aftermath =\n\n==Later==\nOn 4 December 1957, the treaty was signed in Cairo.\nIn 1958, Syria joined the union.\nIn 1961, Syria left it.\n';
    const second = await openUntitled({ language: 'plaintext', content: text });
    assert.equal(second.uri.toString(), first.uri.toString(), 'the new document takes the closed one’s name');
    assert.equal(second.version, version);
    await vscode.window.showTextDocument(second);
    // The first answers, not eventually: the closed document's index must never stand in for the new one's.
    const hover = await hoverText(second, second.positionAt(text.indexOf('4 December') + 1));
    assert.ok(hover.includes('1957-12-04'), hover);
    const status = await timeline();
    assert.deepEqual([status?.uri, status?.title, status?.events], [second.uri.toString(), 'Aftermath', 3]);
  });

  it('a file changed on disk while open: the document reloads and the hover and outline follow the new text', async () => {
    const file = writeWorkspaceFile('edge/on-disk.txt', ARTICLE);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    await waitForHover(document, '3 November 1956', '1956-11-03');
    const changed = ARTICLE.replace('3 November 1956', '4 December 1957').replace('==History==', '==Aftermath==');
    fs.writeFileSync(file, changed);
    await waitFor(() => document.getText() === changed, 'VS Code to reload the file changed on disk', 30_000);
    await waitForHover(document, '4 December 1957', '1957-12-04');
    assert.ok(!(await hoverText(document, document.positionAt(changed.indexOf('4 December') + 1))).includes('1956-11-03'), 'the old date is gone');
    const names = await waitFor(async () => {
      const n = await outlineNames(document);
      return n.includes('Aftermath') ? n : undefined;
    }, 'the outline to show the new section');
    assert.ok(!names?.includes('History'), JSON.stringify(names));
    assert.equal(document.isDirty, false);
  });

  it("every feature run on a workspace file leaves the user's file as it was (content, mtime, not dirty)", async () => {
    const text = ARTICLE + 'In 1957 and 1958, Egypt and Syria signed a trade agreement. In March, Nasser visited Damascus.\n';
    const file = writeWorkspaceFile('edge/untouched.txt', text);
    const before = fs.statSync(file).mtimeMs;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    await waitForHover(document, '3 November 1956', '1956-11-03');
    const at = (s: string) => document.positionAt(text.indexOf(s) + 1);
    const run = async (what: string, command: string, ...args: unknown[]) => {
      try {
        return await vscode.commands.executeCommand<unknown>(command, ...args);
      } catch (error) {
        assert.fail(`${what} threw: ${String(error)}`);
      }
    };
    await checkAnnotated(document);
    await run('definition', 'vscode.executeDefinitionProvider', document.uri, at('Nasser returned'));
    await run('references', 'vscode.executeReferenceProvider', document.uri, at('Nasser returned'));
    const actions = (await run('code actions', 'vscode.executeCodeActionProvider', document.uri, new vscode.Range(at('June'), at('June')))) as vscode.CodeAction[];
    assert.ok(actions.some((a) => /year explicit/i.test(a.title)), 'a writable file is offered the quick fix (not applied here)');
    await run('folding', 'vscode.executeFoldingRangeProvider', document.uri);
    for (const [where, command] of [
      ['3 November', 'chronolens.nextEventInTime'],
      ['1957 and', 'chronolens.previousEventInTime'],
      ['3 November', 'chronolens.showRelatedPassages'],
    ] as const) {
      editor.selection = new vscode.Selection(at(where), at(where));
      await run(command, command);
      await vscode.window.showTextDocument(document);
    }
    await run('open timeline', 'chronolens.openTimeline');
    await run('copy timeline', 'chronolens.copyTimelineMarkdown');
    await run('copy timeline', 'chronolens.copyTimelineCsv');
    await vscode.window.showTextDocument(document);
    assert.equal(document.getText(), text);
    assert.equal(document.isDirty, false);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.equal(fs.statSync(file).mtimeMs, before, 'the file was written');
  });
});
