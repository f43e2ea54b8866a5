// The Timeline view's commands inside VS Code: open, show an event, follow the cursor, copy.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { buildIndex } from '../../src/core';
import type { TimelineStatus } from '../../src/extension/timelinePanel';
import { EVENTS_PER_MESSAGE } from '../../src/webview/viewModel';
import { wikiWarsTexts } from '../fixtures/corpus';
import { openInEditor, openUntitled, positionOf, waitFor } from './harness';

const OPEN = 'chronolens.openTimeline';
const SHOW = 'chronolens.showInTimeline';

async function openTimeline(): Promise<TimelineStatus> {
  const status = await vscode.commands.executeCommand<TimelineStatus | undefined>(OPEN);
  assert.ok(status, 'chronolens.openTimeline returns what the view shows');
  return status;
}

/** The id the index gives the event whose first date is written `written`. */
function eventIdDated(text: string, written: string): string {
  const index = buildIndex(text);
  const event = index.timeline.find((e) => index.placementOf(e).date.text === written);
  assert.ok(event, `an event dated "${written}"`);
  return event.id;
}

describe('timeline view', function () {
  this.timeout(30_000);

  it('opens on the active article and renders all its events', async () => {
    const editor = await openInEditor();
    const status = await openTimeline();
    assert.equal(status.uri, editor.document.uri.toString());
    assert.equal(status.title, 'Egypt–North Korea relations');
    assert.ok(status.events >= 12, `the sample dates at least a dozen passages (${status.events})`);
    assert.equal(status.shown, status.events, 'no filters at first');
    assert.equal(status.rendered, true, 'the webview rendered it');
    assert.ok(status.renderMs !== null && status.renderMs < 1000, `render took ${status.renderMs} ms`);
  });

  it('highlights the event under the editor cursor', async () => {
    const editor = await openInEditor();
    const shazly = eventIdDated(editor.document.getText(), 'April 6–13');
    const at = positionOf(editor.document, 'Shazly visited the DPRK');
    editor.selection = new vscode.Selection(at, at);
    await waitFor(async () => (await openTimeline()).selectedId === shazly, 'the April 6–13 event to be selected');
  });

  it('showInTimeline focuses the view on the event a hover link names', async () => {
    const editor = await openInEditor();
    const uri = editor.document.uri.toString();
    const yomKippur = eventIdDated(editor.document.getText(), 'October 18');
    const status = await vscode.commands.executeCommand<TimelineStatus | undefined>(SHOW, { uri, eventId: yomKippur });
    assert.ok(status);
    assert.equal(status.uri, uri);
    assert.equal(status.selectedId, yomKippur);
    assert.equal(status.rendered, true);
    // An id the article does not have changes nothing.
    assert.equal(await vscode.commands.executeCommand(SHOW, { uri, eventId: 'no-such-event' }), undefined);
  });

  it('copies the timeline as a Markdown table, in time order', async () => {
    await openInEditor();
    const status = await openTimeline();
    await vscode.env.clipboard.writeText('');
    const returned = await vscode.commands.executeCommand<string>('chronolens.copyTimelineMarkdown');
    const text = await vscode.env.clipboard.readText();
    assert.equal(text, returned);
    const lines = text.trim().split('\n');
    assert.match(lines[0], /^\| Date \| As written \| Section \|/);
    assert.match(lines[1], /^\|( --- \|)+$/);
    const rows = lines.slice(2);
    assert.equal(rows.length, status.shown, 'one row per event shown');
    // Markdown cells escape what Markdown would read as markup: 1956\-11\-03.
    assert.match(rows[0], /^\| 1956\\-11\\-03 \| 3 November 1956 \| History \|.*Suez Crisis/);
    assert.match(rows.at(-1)!, /^\| 2017 \| 2017 \| Military \|/);
    const april = rows.findIndex((r) => r.includes('April 6–13'));
    const october = rows.findIndex((r) => r.includes('October 18'));
    const sadatsVisit = rows.findIndex((r) => r.includes('19–21 November 1977') || r.includes('1973–1976'));
    assert.ok(april > 0 && april < october, 'the Shazly visit (April 1973) before the Yom Kippur War message (October 1973)');
    assert.ok(sadatsVisit > 0);
  });

  it('copies the timeline as CSV', async () => {
    await openInEditor();
    const status = await openTimeline();
    await vscode.commands.executeCommand('chronolens.copyTimelineCsv');
    const lines = (await vscode.env.clipboard.readText()).trim().split('\r\n');
    assert.equal(lines[0], 'Date,As written,Section,Who and where,Passage');
    assert.equal(lines.length - 1, status.shown);
    assert.match(lines[1], /^1956-11-03,3 November 1956,History,/);
  });

  it('follows the active editor to another article, and back', async () => {
    const untitled = await openUntitled({
      language: 'plaintext',
      content: '= Short =\n\n==Start==\nOn 3 May 1950 the first thing happened.\n\nIn 1960 the second.\n',
    });
    await vscode.window.showTextDocument(untitled);
    const other = await openTimeline();
    assert.equal(other.uri, untitled.uri.toString());
    assert.equal(other.events, 2);
    const sample = await openInEditor();
    assert.equal((await openTimeline()).uri, sample.document.uri.toString());
    await vscode.window.showTextDocument(untitled);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows every event of an article too long for one message (the WikiWars texts as one)', async function () {
    const { texts, missing } = wikiWarsTexts();
    if (missing) this.skip();
    this.timeout(120_000);
    const text = texts.join('\n\n');
    const expected = buildIndex(text).timeline.length;
    assert.ok(expected > EVENTS_PER_MESSAGE, `${expected} events: more than one message carries`);
    const untitled = await openUntitled({ language: 'plaintext', content: text });
    await vscode.window.showTextDocument(untitled);
    // Rendered means this model, every event of it, as the webview reports back (see status()).
    const status = await waitFor(
      async () => {
        const s = await openTimeline();
        return s.uri === untitled.uri.toString() && s.rendered ? s : undefined;
      },
      'the timeline of the long article, rendered',
      90_000,
    );
    assert.equal(status?.events, expected);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
