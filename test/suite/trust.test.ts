// Issue 7: workspace trust, declared and honoured. ChronoLens runs nothing from a workspace and
// reads no file but the open documents, so it works in restricted mode, with one limit: an
// untrusted workspace cannot raise (or lower) chronolens.maxArticleSize, the guard that keeps a
// huge file from being indexed unasked; VS Code ignores the workspace's value there
// (package.json: untrustedWorkspaces.restrictedConfigurations). test/e2e/run.mjs runs this file
// twice: with workspace trust off (trusted), and again in an untrusted workspace.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, SAMPLE, closeAllEditors, hoverText, positionOf, sleep, waitFor, waitForHover, workspaceUri } from './harness';

describe('workspace trust (issue 7)', function () {
  this.timeout(60_000);
  afterEach(closeAllEditors);

  it('the manifest declares restricted-mode support, limited to the size setting', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    const untrusted = manifest?.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.deepEqual(untrusted?.restrictedConfigurations, ['chronolens.maxArticleSize']);
    assert.ok(typeof untrusted?.description === 'string' && untrusted.description.includes('chronolens.maxArticleSize'));
    assert.equal(manifest?.capabilities?.virtualWorkspaces?.supported, true);
  });

  it(`ChronoLens works in ${vscode.workspace.isTrusted ? 'a trusted' : 'an untrusted'} workspace, and the workspace's chronolens.maxArticleSize counts only if it is trusted`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    // A copy of the sample: the sample itself may have been let through by Index Anyway (size.test.ts).
    const sample = await vscode.workspace.fs.readFile(workspaceUri(SAMPLE));
    const copy = workspaceUri(`edge/trust-${Date.now()}.txt`);
    await vscode.workspace.fs.writeFile(copy, sample);
    const document = await vscode.workspace.openTextDocument(copy);
    await vscode.window.showTextDocument(document);
    await waitFor(() => extension?.isActive, 'ChronoLens to activate');
    await waitForHover(document, '3 November 1956', '1956-11-03');
    const config = () => vscode.workspace.getConfiguration('chronolens', document);
    // The sample has about 4,800 characters: 1,000 would pause it.
    const changed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chronolens')) {
          listener.dispose();
          resolve();
        }
      });
    });
    await config().update('maxArticleSize', 1000, vscode.ConfigurationTarget.Workspace);
    try {
      // Written where the workspace keeps its settings (restricted mode hides it from inspect()).
      const file = vscode.workspace.workspaceFile;
      if (file?.scheme === 'file') assert.match(fs.readFileSync(file.fsPath, 'utf8'), /"chronolens\.maxArticleSize": 1000/, 'the workspace setting was written');
      else assert.equal(config().inspect<number>('maxArticleSize')?.workspaceValue, 1000, 'the workspace setting was written');
      await Promise.race([changed, sleep(5000)]);
      const hover = () => hoverText(document, positionOf(document, '3 November 1956', 0, 1));
      if (vscode.workspace.isTrusted) {
        assert.equal(config().get('maxArticleSize'), 1000);
        await waitFor(async () => !(await hover()).includes('1956-11-03'), 'the trusted workspace setting to pause the article');
      } else {
        assert.equal(config().get('maxArticleSize'), 2_000_000, 'restricted mode ignores the workspace value');
        assert.ok((await hover()).includes('1956-11-03'), 'the untrusted workspace setting paused the article');
        assert.ok((await vscode.commands.executeCommand<unknown[]>('chronolens.goToEvent', { listOnly: true }))?.length, 'Go to Event in restricted mode');
      }
    } finally {
      await config().update('maxArticleSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForHover(document, '3 November 1956', '1956-11-03');
  });
});
