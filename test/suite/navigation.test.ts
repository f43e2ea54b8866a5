// Navigation on the sample article through the real API: Go to Event (items, preview, Esc, accept),
// Next/Previous Event in Time, Reveal Event, definitions/references/highlights of entities,
// related passages and the outline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, openUntitled, positionOf, sleep, waitFor } from './harness';

interface EventPickItem extends vscode.QuickPickItem {
  eventId: string;
}

const selectedText = (editor: vscode.TextEditor) => editor.document.getText(editor.selection);
const textAt = (document: vscode.TextDocument, range: vscode.Range) => document.getText(range);

/** Opens the sample with the cursor at `text` (+delta) and waits until ChronoLens has indexed it. */
async function cursorAt(text: string, delta = 0): Promise<vscode.TextEditor> {
  const editor = await openInEditor();
  const at = positionOf(editor.document, text, 0, delta);
  editor.selection = new vscode.Selection(at, at);
  await waitFor(
    async () => ((await vscode.commands.executeCommand<EventPickItem[]>('chronolens.goToEvent', { listOnly: true })) ?? []).length > 0,
    'ChronoLens to index the sample',
  );
  return editor;
}

function assertInOrder(actual: string[], expected: string[]): void {
  const positions = expected.map((e) => actual.indexOf(e));
  expected.forEach((e, i) => assert.ok(positions[i] >= 0, `"${e}" is not in ${JSON.stringify(actual)}`));
  for (let i = 1; i < positions.length; i++) {
    assert.ok(positions[i - 1] < positions[i], `"${expected[i - 1]}" should come before "${expected[i]}" in ${JSON.stringify(actual)}`);
  }
}

describe('Go to Event…', () => {
  it('lists the events in time order, labelled with value and date, searchable by words and names', async () => {
    await cursorAt('Relations have remained');
    const items = await vscode.commands.executeCommand<EventPickItem[]>('chronolens.goToEvent', { listOnly: true });
    const dates = items.map((item) => item.label.split(' · ').pop()!);
    // The Military section's 1973 (March … October) falls between the 1960s and the 1976–1981 missile sale,
    // though it is written after the 2015 passage; the economic 2008 and 2010 come before 2015–2017.
    assertInOrder(dates, [
      '3 November 1956',
      '1957 and 1958',
      '1961',
      '11 December 1962',
      '24 August 1963',
      '1-7 March 1973',
      'April 6–13',
      'June',
      'October 18',
      'July 1977',
      '1979 or 1980',
      '2008',
      '2010',
      '2015',
      '2016',
      '2017',
    ]);
    const suez = items.find((item) => item.label.endsWith('3 November 1956'))!;
    assert.equal(suez.label, '1956-11-03 · 3 November 1956');
    assert.match(suez.description!, /^During the Suez Crisis, on 3 November 1956/);
    assert.match(suez.detail!, /^History · .*Suez Crisis/);
    const june = items.find((item) => item.label.endsWith(' · June'))!;
    assert.equal(june.label, '1973-06 · June');
    assert.match(june.detail!, /^Military/);
    const orascom = items.find((item) => item.label.endsWith('2008'))!;
    assert.match(orascom.detail!, /^Economic relations · .*Orascom/);
  });

  it('previews each event as the list moves, Esc restores the cursor; Enter goes to the event', async () => {
    const editor = await cursorAt('the DPRK issued a declaration', 4);
    const original = editor.selection;
    const picking = vscode.commands.executeCommand<string | undefined>('chronolens.goToEvent');
    // It opens on the cursor's own event and previews it: its date is selected.
    await waitFor(() => selectedText(editor) === '3 November 1956', 'the preview of the cursor’s event');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await waitFor(() => selectedText(editor) === '1957 and 1958', 'the preview of the next event in time');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await picking, undefined);
    assert.ok(editor.selection.isEqual(original), 'Esc puts the cursor back');

    const picking2 = vscode.commands.executeCommand<string | undefined>('chronolens.goToEvent');
    await waitFor(() => selectedText(editor) === '3 November 1956', 'the preview of the cursor’s event');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await waitFor(() => selectedText(editor) === '1961', 'the preview two events later');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(typeof (await picking2), 'string');
    assert.equal(selectedText(editor), '1961');
  });

  it('Esc also scrolls back: previewing 2017 far down, then Esc, shows the top of the article again', async () => {
    const editor = await cursorAt('= Egypt–North Korea relations =');
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await waitFor(() => editor.visibleRanges[0]?.start.line === 0, 'the top of the article on screen');
    const picking = vscode.commands.executeCommand<string | undefined>('chronolens.goToEvent');
    await waitFor(() => selectedText(editor) === '3 November 1956', 'the first preview');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectPrevious'); // wraps round to the last: 2017
    await waitFor(() => selectedText(editor) === '2017', 'the preview of 2017');
    const line2017 = editor.selection.start.line;
    await waitFor(() => editor.visibleRanges.some((r) => r.contains(new vscode.Position(line2017, 0))), 'the 2017 passage on screen');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await picking, undefined);
    await waitFor(() => editor.visibleRanges[0]?.start.line === 0, 'the top of the article on screen again');
    assert.ok(editor.selection.isEmpty && editor.selection.active.line === 0);
  });
});

describe('Next / Previous Event in Time', () => {
  it('goes from the 1956 passage to the 1957 one, and back', async () => {
    const editor = await cursorAt('the DPRK issued a declaration');
    await vscode.commands.executeCommand('chronolens.nextEventInTime');
    assert.equal(selectedText(editor), '1957 and 1958');
    assert.ok(textAt(editor.document, editor.document.lineAt(editor.selection.start.line).range).includes('In 1957 and 1958, the two governments'));
    await vscode.commands.executeCommand('chronolens.previousEventInTime');
    assert.equal(selectedText(editor), '3 November 1956');
  });

  it('follows time, not the text: from the 2015 passage back to the 1970s, from 1973 in Military to later years', async () => {
    const editor = await cursorAt('the visit of a North Korean government delegation');
    await vscode.commands.executeCommand('chronolens.nextEventInTime');
    assert.equal(selectedText(editor), 'April 6–13');
    await vscode.commands.executeCommand('chronolens.nextEventInTime');
    assert.equal(selectedText(editor), 'June');
    // The Economic relations section's 2008 comes after 1979–1990s and before 2010.
    const economic = await cursorAt('critical to the establishment of Koryolink');
    await vscode.commands.executeCommand('chronolens.nextEventInTime');
    assert.equal(selectedText(economic), '2010');
  });

  it('stays put after the last event in time (2017) and before the first (1956)', async () => {
    const editor = await cursorAt('severed all military ties');
    const before = editor.selection;
    await vscode.commands.executeCommand('chronolens.nextEventInTime');
    assert.ok(editor.selection.isEqual(before), `moved to "${selectedText(editor)}"`);
    const first = await cursorAt('3 November 1956');
    await vscode.commands.executeCommand('chronolens.previousEventInTime');
    // Only Nasser's era (optional, 1954–1970) could come before the Suez Crisis day.
    assert.match(selectedText(first), /^(|the time of Gamal Abdel Nasser)$/);
  });
});

describe('entities: definition, references, highlights', () => {
  it('references of "Sadat" include "Anwar el-Sadat" and "Anwar Sadat"', async () => {
    const editor = await cursorAt('Sadat\'s visit');
    const document = editor.document;
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, "Sadat's visit", 0, 1));
    const texts = locations.map((l) => textAt(document, l.range));
    for (const form of ['Anwar el-Sadat', 'Anwar Sadat', 'Sadat']) assert.ok(texts.includes(form), `${form} missing from ${JSON.stringify(texts)}`);
    assert.ok(texts.every((t) => /Sadat$/.test(t)), JSON.stringify(texts));
  });

  it('Go to Definition from "Shazly" lands on "Saad el-Shazly"; from "Nasser\'s" on "Gamal Abdel Nasser"', async () => {
    const editor = await cursorAt('Shazly visited');
    const document = editor.document;
    const shazly = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'Shazly visited', 0, 1));
    const range = (l: vscode.Location | vscode.LocationLink) => ('targetRange' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range);
    assert.deepEqual(shazly.map((l) => textAt(document, range(l))), ['Saad el-Shazly']);
    const nasser = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, "Nasser's growing", 0, 1));
    assert.deepEqual(nasser.map((l) => textAt(document, range(l))), ['Gamal Abdel Nasser']);
  });

  it('highlights every mention of Nasser', async () => {
    const editor = await cursorAt('Nasser\'s successor');
    const document = editor.document;
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, positionOf(document, "Nasser's successor", 0, 1));
    const texts = highlights.map((h) => textAt(document, h.range));
    // "Gamal Abdel Nasser", then "Nasser's decision", "Nasser's growing", "Nasser's successor".
    assert.deepEqual(texts, ['Gamal Abdel Nasser', 'Nasser', 'Nasser', 'Nasser']);
  });
});

describe('entities from inside a [[wiki link]]', () => {
  it('the brackets of [[Anwar Sadat|the new president]] lead to every mention of Sadat, and back', async () => {
    const document = await openUntitled({
      language: 'plaintext',
      content: '= Test =\n\n==History==\nIn 1970, [[Anwar Sadat|the new president]] met the cabinet in Cairo. In 1971, Sadat spoke.\n',
    });
    await vscode.window.showTextDocument(document);
    const onBrackets = positionOf(document, '[[Anwar', 0, 1);
    const references = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, onBrackets);
      return found.length ? found : undefined;
    }, 'references from the wiki link');
    const texts = references!.map((l) => textAt(document, l.range));
    assert.ok(texts.some((t) => t.includes('Anwar Sadat')), JSON.stringify(texts));
    assert.ok(texts.includes('Sadat'), JSON.stringify(texts));
    const definition = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'Sadat spoke', 0, 1));
    // The definition is the first, fullest mention: inside the wiki link, whichever of its two forms the index picks.
    assert.equal(definition.length, 1);
    const link = new vscode.Range(positionOf(document, '[[Anwar'), positionOf(document, ']] met', 0, 2));
    assert.ok(link.contains(definition[0].targetSelectionRange ?? definition[0].targetRange), textAt(document, definition[0].targetRange));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('Show Related Passages', () => {
  it('from Shazly’s April visit: the March 1973 visit (same people, same year) is among them', async () => {
    const editor = await cursorAt('Shazly visited');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('chronolens.showRelatedPassages');
    const texts = locations.map((l) => textAt(editor.document, l.range));
    assert.ok(texts.some((t) => t.startsWith('During the visit of a North Korean government delegation')), JSON.stringify(texts));
    assert.ok(!texts.some((t) => t.startsWith('On April 6–13')), 'not itself');
    await vscode.commands.executeCommand('closeReferenceSearch');
  });
});

describe('outline', () => {
  it('has the 4 sections, with each section’s events labelled by their dates', async () => {
    const editor = await cursorAt('Relations have remained');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const sections = symbols.filter((s) => s.kind === vscode.SymbolKind.Namespace || s.kind === vscode.SymbolKind.Module);
    assert.deepEqual(
      sections.map((s) => s.name),
      ['History', 'Military', 'Economic relations', 'See also'],
    );
    const events = (name: string) => sections.find((s) => s.name === name)!.children.filter((c) => c.kind === vscode.SymbolKind.Event);
    const history = events('History').map((e) => e.name);
    assert.equal(history[0], '1956-11-03 — 3 November 1956');
    assert.ok(history.includes('1961'), JSON.stringify(history));
    assert.ok(history.includes('2015'), JSON.stringify(history));
    const military = events('Military');
    assert.deepEqual(
      military.slice(0, 4).map((e) => e.name.split(' — ').pop()),
      ['1-7 March 1973', 'April 6–13', 'June', 'October 18'],
    );
    assert.match(military[1].detail, /^On April 6–13, Shazly visited/);
    assert.deepEqual(
      events('Economic relations').map((e) => e.name),
      ['2010', '2008'],
    );
    assert.deepEqual(events('See also'), []);
  });

  it('while letters are typed under a second apart, it is made only once typing pauses, for the text as it then is', async function () {
    this.timeout(30_000);
    const document = await openUntitled({ language: 'article', content: '= Company =\n\n==History==\nThe company was founded on 3 May 1990.\n' });
    const editor = await vscode.window.showTextDocument(document);
    const outline = async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
    await waitFor(async () => (await outline()).some((s) => s.name === 'History'), 'the outline');
    const type = () => editor.edit((edit) => edit.insert(positionOf(document, 'History'), 'x'));
    await type();
    await type();
    // Asked for between two letters (each indexed before the next: the index waits 250 ms).
    const midway = outline();
    for (let letter = 0; letter < 3; letter++) {
      await sleep(400);
      await type();
    }
    const names = (symbols: vscode.DocumentSymbol[]) => symbols.map((s) => s.name);
    assert.deepEqual(names(await midway), [], 'no outline of a text the typing went past');
    await waitFor(async () => names(await outline()).includes('xxxxxHistory'), 'the outline of the text typed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('folding', () => {
  it('folds each section from its heading to its last line', async () => {
    const editor = await cursorAt('Relations have remained');
    const document = editor.document;
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const lineOf = (text: string) => positionOf(document, text).line;
    const folds = ranges.map((r) => [r.start, r.end]);
    // ==History== down to the 2015 paragraph; ==Military== down to the 2017 paragraph; and so on.
    for (const [heading, last] of [
      ['==History==', 'In 2015, Egyptian President'],
      ['==Military==', 'In 2017, following a visit'],
      ['==Economic relations==', 'Egypt is one of North Korea'],
      ['==See also==', '- Foreign relations of North Korea'],
    ]) {
      assert.ok(
        folds.some(([start, end]) => start === lineOf(heading) && end === lineOf(last)),
        `${heading} … ${last}: ${JSON.stringify(folds)}`,
      );
    }
  });
});

describe('guarded handlers', () => {
  it('a failing handler returns undefined and is logged once, however often it fails', async () => {
    const { guard } = await import('../../src/extension/editorContext');
    const logged: string[] = [];
    const log = { error: (context: string) => logged.push(context) } as unknown as import('../../src/extension/logger').Logger;
    const failing = guard(log, 'test feature', (n: number) => {
      if (n > 0) throw new Error('broken index');
      return 'fine';
    });
    assert.equal(await failing(0), 'fine');
    assert.equal(await failing(1), undefined);
    assert.equal(await failing(2), undefined);
    const rejecting = guard(log, 'test feature', async () => Promise.reject(new Error('broken index')));
    assert.equal(await rejecting(), undefined);
    assert.deepEqual(logged, ['ChronoLens test feature failed']);
  });
});

describe('the chronolens.languages setting', () => {
  it('without plaintext the .txt sample gets no hover, no outline and no Go to Event; with it, all come back', async () => {
    const editor = await cursorAt('Relations have remained');
    const document = editor.document;
    const config = vscode.workspace.getConfiguration('chronolens');
    const at = positionOf(document, '3 November 1956', 0, 3);
    const ours = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      return hovers.flatMap((h) => h.contents).some((c) => typeof c !== 'string' && c.value.includes('1956-11-03'));
    };
    assert.ok(await ours());
    try {
      await config.update('languages', ['article', 'markdown'], vscode.ConfigurationTarget.Global);
      await waitFor(async () => !(await ours()), 'the hover to go away');
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
      assert.deepEqual(symbols ?? [], []);
      assert.equal(await vscode.commands.executeCommand('chronolens.goToEvent', { listOnly: true }), undefined);
    } finally {
      await config.update('languages', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(ours, 'the hover to come back');
  });
});

describe('a long article', () => {
  it('3,000 dated passages in 300 sections: outline, Go to Event, hover and next event stay quick', async function () {
    this.timeout(60_000);
    const paragraphs: string[] = ['= Long article =', ''];
    for (let s = 0; s < 300; s++) {
      paragraphs.push(`==Section ${s + 1}==`);
      for (let p = 0; p < 10; p++) {
        const year = 1000 + ((s * 10 + p) * 7919) % 1000; // scattered in time
        paragraphs.push(`In ${year}, the council of Lyon met again and the treaty was renewed.`, '');
      }
    }
    const document = await openUntitled({ language: 'plaintext', content: paragraphs.join('\n') });
    const editor = await vscode.window.showTextDocument(document);
    // The first call waits for the index; time the ones after it.
    await waitFor(
      async () => ((await vscode.commands.executeCommand<EventPickItem[]>('chronolens.goToEvent', { listOnly: true })) ?? []).length === 3000,
      'the long article to be indexed',
      30_000,
    );
    const time = async (what: string, run: () => Thenable<unknown>, budgetMs: number) => {
      const started = Date.now();
      await run();
      const took = Date.now() - started;
      assert.ok(took < budgetMs, `${what} took ${took} ms (budget ${budgetMs} ms)`);
    };
    await time('the outline', () => vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri), 3000);
    await time('Go to Event items', () => vscode.commands.executeCommand('chronolens.goToEvent', { listOnly: true }), 1500);
    const at = positionOf(document, 'In 1', 1500, 4);
    await time('a hover', () => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, at), 1500);
    editor.selection = new vscode.Selection(at, at);
    await time('next event in time', () => vscode.commands.executeCommand('chronolens.nextEventInTime'), 1500);
    assert.match(selectedText(editor), /^1\d{3}$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
