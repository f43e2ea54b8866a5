import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openInEditor, waitFor } from './harness';

describe('activation', () => {
  it('activates ChronoLens when the sample article is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);

    const editor = await openInEditor();
    assert.equal(editor.document.lineAt(0).text, '= Egypt–North Korea relations =');
    // The article opens in a language the manifest activates on: any language ("onLanguage":
    // chronolens.languages may name any), or this one.
    const events: string[] = extension.packageJSON.activationEvents ?? [];
    assert.ok(events.includes('onLanguage') || events.includes(`onLanguage:${editor.document.languageId}`), `opened as "${editor.document.languageId}", activation events: ${events.join(', ')}`);

    // Not extension.activate(): the point is that opening the article activates it.
    await waitFor(() => extension.isActive, `${EXTENSION_ID} to activate`);
  });
});
