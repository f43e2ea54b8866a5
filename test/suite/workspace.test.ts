// Issue 7: multi-root workspaces. test/e2e/run.mjs opens a .code-workspace of two folders: the
// samples copy, and a second folder whose .vscode/settings.json adds the `ini` language to
// chronolens.languages and the alias "the Rais" → Gamal Abdel Nasser. Settings are per folder:
// the same text is annotated (and aliased) in the second folder only. A third folder, with
// settings of its own, is added while the extension runs.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { MemFs, closeAllEditors, goToEventItems, hoverText, waitFor, waitForHover } from './harness';

const TEXT = '= Folders =\n\n==History==\nOn 3 November 1956, Gamal Abdel Nasser asked for help.\nIn 1957, the Rais spoke in Damascus.\n';

function write(folder: vscode.WorkspaceFolder | vscode.Uri, relativePath: string, text: string): vscode.Uri {
  const base = 'uri' in folder ? folder.uri : folder;
  const uri = vscode.Uri.joinPath(base, ...relativePath.split('/'));
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  return uri;
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** The hover at the first `text`, after giving ChronoLens time to index (the date hover of the document is the signal). */
async function hoverAt(document: vscode.TextDocument, text: string): Promise<string> {
  return hoverText(document, document.positionAt(document.getText().indexOf(text) + 1));
}

describe('multi-root workspaces (issue 7)', function () {
  this.timeout(60_000);
  let folders: readonly vscode.WorkspaceFolder[] = [];
  before(function () {
    folders = vscode.workspace.workspaceFolders ?? [];
    // test/e2e/run.mjs opens two folders; a runner that opens one folder skips these tests.
    if (folders.length < 2) this.skip();
  });
  afterEach(closeAllEditors);

  it('every language a folder adds to chronolens.languages activates ChronoLens', () => {
    const extension = vscode.extensions.getExtension('chronolens.chronolens');
    const events: string[] = extension?.packageJSON.activationEvents ?? [];
    for (const folder of folders) {
      for (const language of vscode.workspace.getConfiguration('chronolens', folder).get<string[]>('languages', [])) {
        // Opening an .ini file of the second folder first must activate the extension.
        assert.ok(events.includes('onLanguage') || events.includes(`onLanguage:${language}`), `${language} (${folder.name}) does not activate ChronoLens: ${events.join(', ')}`);
      }
    }
  });

  it('each folder has its own chronolens.languages and entity aliases', async () => {
    const [first, second] = folders;
    // In the second folder, an .ini file is an article and "the Rais" is Nasser.
    const there = await open(write(second, 'notes/article.ini', TEXT));
    assert.equal(there.languageId, 'ini');
    await waitForHover(there, '3 November 1956', '1956-11-03');
    assert.ok((await goToEventItems()).length > 0, 'Go to Event lists the events of the .ini article');
    const rais = await hoverAt(there, 'the Rais');
    assert.ok(rais.includes('Gamal Abdel Nasser'), `"the Rais" hover in the second folder: ${rais}`);

    // The same text as a plaintext file in the second folder: aliased too (the setting is the folder's).
    const plainThere = await open(write(second, 'notes/article.txt', TEXT));
    await waitForHover(plainThere, '3 November 1956', '1956-11-03');
    assert.ok((await hoverAt(plainThere, 'the Rais')).includes('Gamal Abdel Nasser'));

    // In the first folder: the .ini file is not an article, and "the Rais" is nobody.
    const here = await open(write(first, 'edge/folders/article.ini', TEXT));
    const plainHere = await open(write(first, 'edge/folders/article.txt', TEXT));
    await waitForHover(plainHere, '3 November 1956', '1956-11-03');
    assert.ok(!(await hoverAt(plainHere, 'the Rais')).includes('Gamal Abdel Nasser'), 'the second folder\'s alias leaked into the first');
    await vscode.window.showTextDocument(here);
    assert.ok(!(await hoverAt(here, '3 November 1956')).includes('1956-11-03'), 'an .ini file of the first folder was annotated');
    assert.deepEqual(await goToEventItems(), []);
  });

  it('a folder of a virtual file system (as in a virtual workspace), with its own settings, is annotated', async () => {
    const memfs = new MemFs();
    const registration = vscode.workspace.registerFileSystemProvider('chronolens-test-vfs', memfs, { isCaseSensitive: true });
    const root = vscode.Uri.parse('chronolens-test-vfs:/repo');
    memfs.set(vscode.Uri.joinPath(root, '.vscode/settings.json'), JSON.stringify({ 'chronolens.languages': ['plaintext', 'ini'] }));
    const file = vscode.Uri.joinPath(root, 'notes/article.ini');
    memfs.set(file, TEXT);
    try {
      await withFolder(root, async () => {
        await waitFor(() => vscode.workspace.getConfiguration('chronolens', root).get<string[]>('languages')?.includes('ini'), "the virtual folder's settings");
        const document = await open(file);
        assert.equal(document.languageId, 'ini');
        await waitForHover(document, '3 November 1956', '1956-11-03');
        assert.ok((await goToEventItems()).length > 0);
        assert.equal(memfs.writes, 0, 'ChronoLens wrote to the virtual file system');
      });
    } finally {
      registration.dispose();
    }
  });

  it('a folder added while ChronoLens runs brings its own settings: its articles are annotated', async () => {
    const [first] = folders;
    // A sibling of the first folder, with `properties` added to chronolens.languages.
    const third = vscode.Uri.joinPath(first.uri, '..', `third-folder-${Date.now()}`);
    write(third, '.vscode/settings.json', JSON.stringify({ 'chronolens.languages': ['plaintext', 'properties'] }));
    const file = write(third, 'article.properties', TEXT);
    await withFolder(third, async () => {
      await waitFor(
        () => vscode.workspace.getConfiguration('chronolens', third).get<string[]>('languages')?.includes('properties'),
        "the third folder's settings",
      );
      const document = await open(file);
      assert.equal(document.languageId, 'properties');
      await waitForHover(document, '3 November 1956', '1956-11-03');
      assert.ok((await goToEventItems()).length > 0);
    });
  });
});

/** The next change of the workspace folders. */
function foldersChanged(): Promise<void> {
  return new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      listener.dispose();
      resolve();
    });
  });
}

/**
 * Runs `body` with `uri` added as the last workspace folder, then removes it. (Adding or removing
 * a folder after the first does not restart the extension host; changing the first would.)
 */
async function withFolder(uri: vscode.Uri, body: () => Promise<void>): Promise<void> {
  const count = vscode.workspace.workspaceFolders?.length ?? 0;
  const added = foldersChanged();
  assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri }), `the folder ${uri.toString()} could not be added`);
  await added;
  try {
    await body();
  } finally {
    await closeAllEditors();
    const index = vscode.workspace.workspaceFolders?.findIndex((f) => f.uri.toString() === uri.toString()) ?? -1;
    if (index > 0) {
      const removed = foldersChanged();
      vscode.workspace.updateWorkspaceFolders(index, 1);
      await removed;
    }
  }
}
