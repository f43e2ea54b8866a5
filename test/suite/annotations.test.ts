// The annotations of the source text, through VS Code's own APIs: inlay hints after dates whose
// year was inferred, date diagnostics, the "Make the year explicit" quick fix, semantic tokens of
// dates and entities, and the `article` language. Edits are applied only to untitled copies; the
// sample on disk is checked to be unchanged.
import * as assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { buildIndex } from '../../src/core';
import type { DateMention } from '../../src/core';
import { explicitYearEdit } from '../../src/extension/quickFixes';
import { type Mark, RunMaker } from '../../src/extension/semanticTokens';
import { SAMPLE, openInEditor, openUntitled, positionOf, sleep, waitFor, workspaceUri } from './harness';

const SETTINGS = vscode.workspace.getConfiguration('chronolens');

/** Waits until `condition()` gives a value (see harness.waitFor) and returns it. */
async function until<T>(condition: () => T | undefined | Thenable<T | undefined>, what: string): Promise<T> {
  return (await waitFor(async () => await condition(), what))!;
}

/** The runs RunMaker makes of marks in text order, clipped to [from, to). */
function flatten(marks: Mark[], from: number, to: number): Mark[] {
  const runs: Mark[] = [];
  const maker = new RunMaker(from, to, (start, end, type, modifiers) => runs.push({ start, end, type, modifiers }));
  for (const m of marks) maker.add(m.start, m.end, m.type, m.modifiers);
  maker.flush();
  return runs;
}

function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  const start = positionOf(document, text, occurrence);
  return new vscode.Range(start, document.positionAt(document.offsetAt(start) + text.length));
}

function labelText(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

function tooltipText(hint: vscode.InlayHint): string {
  const tips = [hint.tooltip, ...(typeof hint.label === 'string' ? [] : hint.label.map((part) => part.tooltip))];
  // Markdown as the reader sees it: backslash escapes removed.
  const text = tips.map((t) => (t === undefined ? '' : typeof t === 'string' ? t : t.value)).join('\n');
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

async function inlayHints(document: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const all = new vscode.Range(0, 0, document.lineCount, 0);
  return vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, all);
}

function chronolensDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'ChronoLens');
}

/** Waits for a ChronoLens diagnostic exactly on `text`. */
async function diagnosticOn(document: vscode.TextDocument, text: string, occurrence = 0): Promise<vscode.Diagnostic> {
  const range = rangeOf(document, text, occurrence);
  return until(() => chronolensDiagnostics(document).find((d) => d.range.isEqual(range)), `a ChronoLens diagnostic on "${text}"`);
}

interface Token {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** The document's semantic tokens, decoded with the provider's legend. */
async function semanticTokens(document: vscode.TextDocument): Promise<Token[]> {
  const legend = await until(
    () => vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', document.uri),
    'a semantic tokens legend',
  );
  const tokens = await until(async () => {
    const result = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
    return result && result.data.length > 0 ? result : undefined;
  }, 'semantic tokens');
  const out: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, bits] = tokens.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const modifiers = legend.tokenModifiers.filter((_, bit) => bits & (1 << bit));
    out.push({ line, character, length, type: legend.tokenTypes[type], modifiers });
  }
  return out;
}

function tokenOn(tokens: Token[], document: vscode.TextDocument, text: string, occurrence = 0): Token | undefined {
  const range = rangeOf(document, text, occurrence);
  return tokens.find((t) => t.line === range.start.line && t.character === range.start.character && t.length === text.length);
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** An untitled document with `content` in `language`, shown in an editor. */
async function untitled(content: string, language: string): Promise<vscode.TextDocument> {
  const document = await openUntitled({ language, content });
  await vscode.window.showTextDocument(document);
  return document;
}

/** Reverts and closes the active editor (an untitled document closes without a save prompt). */
async function discardActive(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('annotations: inlay hints', () => {
  afterEach(async () => {
    await SETTINGS.update('inlayHints.inferredDates', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows the inferred year after "June" (1973-06), with where it came from, and nothing after explicit dates', async () => {
    const document = (await openInEditor()).document;
    const juneEnd = rangeOf(document, 'June').end;
    const hints = await until(async () => {
      const all = await inlayHints(document);
      return all.some((h) => h.position.isEqual(juneEnd)) ? all : undefined;
    }, 'an inlay hint after "June"');
    const june = hints.find((h) => h.position.isEqual(juneEnd))!;
    assert.match(labelText(june), /1973/);
    const tip = tooltipText(june);
    assert.match(tip, /1973-06/);
    // The year 1973 is written in the delegation's visit, "1-7 March 1973", earlier in the paragraph.
    assert.match(tip, /1-7 March 1973/);
    // Only dates written without their year get a hint.
    for (const explicit of ['3 November 1956', 'July 1977', '24 August 1963']) {
      const end = rangeOf(document, explicit).end;
      assert.ok(!hints.some((h) => h.position.isEqual(end)), `unexpected hint after "${explicit}"`);
    }
    // "July" (assigned in July) and "October 18" are in 1973 as well.
    assert.ok(hints.some((h) => h.position.isEqual(rangeOf(document, 'October 18').end) && /1973/.test(labelText(h))));
  });

  it('can be switched off with chronolens.inlayHints.inferredDates', async () => {
    const document = (await openInEditor()).document;
    await waitFor(async () => (await inlayHints(document)).length > 0, 'inlay hints');
    await SETTINGS.update('inlayHints.inferredDates', false, vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await inlayHints(document)).length === 0, 'no inlay hints with the setting off');
  });
});

describe('annotations: diagnostics', () => {
  afterEach(async () => {
    await SETTINGS.update('diagnostics.inferredDates', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('hints that the year of "June" was inferred (1973), ChronoLens as source, and flags "1979 or 1980" as ambiguous', async () => {
    const document = (await openInEditor()).document;
    const june = await diagnosticOn(document, 'June');
    assert.match(june.message, /1973/);
    assert.match(june.message, /inferred/i);
    assert.match(june.message, /1-7 March 1973/, 'names the date the year is written in');
    assert.ok(
      june.severity === vscode.DiagnosticSeverity.Hint || june.severity === vscode.DiagnosticSeverity.Information,
      `severity ${june.severity}`,
    );
    assert.ok(june.code, 'the diagnostic has a code');
    const either = await diagnosticOn(document, '1979 or 1980');
    assert.equal(either.severity, vscode.DiagnosticSeverity.Information);
    assert.match(either.message, /1979/);
    assert.match(either.message, /1980/);
    // Nothing to say about dates written in full.
    for (const explicit of ['3 November 1956', '24 August 1963', 'July 1977']) {
      const range = rangeOf(document, explicit);
      assert.ok(!chronolensDiagnostics(document).some((d) => d.range.intersection(range)), `unexpected diagnostic on "${explicit}"`);
    }
    // Nothing is a warning in the sample: every date in it exists.
    assert.ok(!chronolensDiagnostics(document).some((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('warns about an impossible date ("31 February 1999") in an untitled article, and clears it when closed', async () => {
    const document = await untitled('= Treaty =\n\nThe treaty was signed in Cairo on 31 February 1999 and ratified in 2000.\n', 'article');
    const warning = await diagnosticOn(document, '31 February 1999');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(warning.message, /31 February 1999/);
    assert.equal(warning.source, 'ChronoLens');
    // "2000" is a real year: no diagnostic.
    assert.ok(!chronolensDiagnostics(document).some((d) => d.range.intersection(rangeOf(document, '2000'))));
    const uri = document.uri;
    await discardActive();
    await waitFor(() => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ChronoLens').length === 0, 'the diagnostics to clear on close');
  });

  it('reports a year carried over from another section as uncertain (information), still with its quick fix, and points at where the year is written', async () => {
    const document = await untitled(
      '= Company =\n\n==Early years==\nThe company was founded on 3 May 1990.\n\n==Later==\nIn June the company moved, and on 18 October it closed.\n',
      'article',
    );
    const june = await diagnosticOn(document, 'June');
    assert.equal(june.severity, vscode.DiagnosticSeverity.Information);
    assert.match(june.message, /1990/);
    assert.match(june.message, /uncertain/i);
    assert.ok(june.relatedInformation?.some((r) => r.location.range.isEqual(rangeOf(document, '3 May 1990'))), 'related information points at "3 May 1990"');
    // "18 October" takes its year from "June": carried over from the same other section, so uncertain too.
    const october = await diagnosticOn(document, '18 October');
    assert.equal(october.severity, vscode.DiagnosticSeverity.Information);
    // Day-month order here: the year follows without a comma.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, october.range);
    assert.ok(actions.some((a) => a.title.includes('18 October 1990')), JSON.stringify(actions.map((a) => a.title)));
    await discardActive();
  });

  it('follows edits: a diagnostic moves with a letter typed before it on its line, and says the new year when only the year changed', async () => {
    const document = await untitled('= Company =\n\n==History==\nThe company was founded on 3 May 1990. In June it moved.\n\nIt grew fast afterwards.\n', 'article');
    await diagnosticOn(document, 'June');
    const editor = await vscode.window.showTextDocument(document);
    // On another line: nothing of the diagnostics changes.
    await editor.edit((edit) => edit.insert(positionOf(document, 'grew'), 'x'));
    // Before "June" on its line: its diagnostic moves along.
    await editor.edit((edit) => edit.insert(positionOf(document, 'In June'), 'Then, '));
    await diagnosticOn(document, 'June');
    // The same places, another year: the message changes.
    await editor.edit((edit) => edit.replace(rangeOf(document, '1990'), '1991'));
    await until(() => chronolensDiagnostics(document).find((d) => d.range.isEqual(rangeOf(document, 'June')) && /1991/.test(d.message)), 'the "June" diagnostic to say 1991');
    await discardActive();
  });

  it('while letters are typed under a second apart, the diagnostics wait for the pause, then follow the text', async function () {
    this.timeout(30_000);
    const document = await untitled('= Company =\n\n==History==\nThe company was founded on 3 May 1990. In June it moved.\n', 'article');
    await diagnosticOn(document, 'June');
    const editor = await vscode.window.showTextDocument(document);
    let published = 0;
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((uri) => uri.toString() === document.uri.toString())) published++;
    });
    try {
      // Each letter moves the "June" diagnostic, and each is indexed before the next (the index
      // waits 250 ms after an edit). Only the first, a lone edit then, may be published at once.
      for (let letter = 0; letter < 5; letter++) {
        await editor.edit((edit) => edit.insert(positionOf(document, 'In June'), 'x'));
        await sleep(400);
      }
      assert.ok(published <= 1, `${published} sets published while typing`);
      await diagnosticOn(document, 'June');
      assert.ok(published >= 1, 'the set published once typing paused');
    } finally {
      listener.dispose();
    }
    await discardActive();
  });

  it('a year carried from a section into its own subsection is not uncertain (a hint)', async () => {
    const document = await untitled('= Company =\n\n==Early years==\nThe company was founded on 3 May 1990.\n\n===Growth===\nIn June it grew.\n', 'article');
    const june = await diagnosticOn(document, 'June');
    assert.equal(june.severity, vscode.DiagnosticSeverity.Hint);
    assert.match(june.message, /3 May 1990/);
    await discardActive();
  });

  it('hides inferred-year hints with chronolens.diagnostics.inferredDates, keeps the rest', async () => {
    const document = (await openInEditor()).document;
    await diagnosticOn(document, 'June');
    await SETTINGS.update('diagnostics.inferredDates', false, vscode.ConfigurationTarget.Global);
    const juneRange = rangeOf(document, 'June');
    await waitFor(() => !chronolensDiagnostics(document).some((d) => d.range.isEqual(juneRange)), 'the "June" diagnostic to go');
    await diagnosticOn(document, '1979 or 1980');
  });
});

describe('annotations: quick fix "Make the year explicit"', () => {
  afterEach(closeAllEditors);

  it('rewrites "June" as "June 1973" in an untitled copy, following the article\'s month-day order elsewhere; the sample on disk is untouched', async () => {
    const sampleUri = workspaceUri(SAMPLE);
    const onDiskBefore = Buffer.from(await vscode.workspace.fs.readFile(sampleUri)).toString('utf8');
    const copy = await untitled(onDiskBefore, 'plaintext');

    const june = await diagnosticOn(copy, 'June');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', copy.uri, june.range);
    const fix = actions.find((a) => /Make the year explicit/.test(a.title) && a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix, `no quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.match(fix.title, /June 1973/);
    assert.ok(fix.edit, 'the quick fix carries its edit (applied only when picked)');
    // Offering the fix changed nothing.
    assert.equal(copy.getText(), onDiskBefore);

    // The article writes month-day dates ("April 6–13", "October 18"): the year follows a comma.
    const april = await diagnosticOn(copy, 'April 6–13');
    const aprilActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', copy.uri, april.range);
    assert.ok(aprilActions.some((a) => a.title.includes('April 6–13, 1973')), JSON.stringify(aprilActions.map((a) => a.title)));
    const october = await diagnosticOn(copy, 'October 18');
    const octoberActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', copy.uri, october.range);
    assert.ok(octoberActions.some((a) => a.title.includes('October 18, 1973')), JSON.stringify(octoberActions.map((a) => a.title)));

    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(copy.getText(), /arrived in June 1973, and were assigned in July\./);
    assert.equal(copy.getText().length, onDiskBefore.length + ' 1973'.length, 'only the year was added');
    // Once written, the year is no longer inferred: the hint on "June 1973" goes.
    const written = rangeOf(copy, 'June 1973');
    await waitFor(() => !chronolensDiagnostics(copy).some((d) => d.range.intersection(written) && /inferred/i.test(d.message)), 'the inferred-year diagnostic to go');

    const onDiskAfter = Buffer.from(await vscode.workspace.fs.readFile(sampleUri)).toString('utf8');
    assert.equal(onDiskAfter, onDiskBefore, 'the sample file on disk is unchanged');
    const sampleDocument = vscode.workspace.textDocuments.find((d) => d.uri.toString() === sampleUri.toString());
    assert.ok(!sampleDocument?.isDirty, 'the sample document has no unsaved edits');
    await discardActive();
  });

  it('the command and the inlay hint offer the same edit: "July" → "July 1973" at the cursor', async () => {
    const text = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(SAMPLE))).toString('utf8');
    const copy = await untitled(text, 'plaintext');
    const editor = vscode.window.activeTextEditor!;
    await diagnosticOn(copy, 'July');
    // The hint after "July" carries the edit a double-click applies.
    const julyRange = rangeOf(copy, 'July');
    const hint = (await inlayHints(copy)).find((h) => h.position.isEqual(julyRange.end));
    assert.ok(hint?.textEdits?.some((e) => e.newText === 'July 1973' && e.range.isEqual(julyRange)), 'the hint writes "July 1973"');
    assert.equal(copy.getText(), text, 'showing the hint changed nothing');
    // The command acts on the date at the cursor.
    editor.selection = new vscode.Selection(positionOf(copy, 'July', 0, 2), positionOf(copy, 'July', 0, 2));
    await vscode.commands.executeCommand('chronolens.makeYearExplicit');
    assert.match(copy.getText(), /and were assigned in July 1973\. On October 18/);
    // "July 1977" further on was written in full: untouched.
    assert.match(copy.getText(), /War in July 1977, North Korea/);
    await discardActive();
  });

  it('"Make every inferred year explicit" writes in every year it counts, its edit made when picked', async () => {
    const text = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(SAMPLE))).toString('utf8');
    const copy = await untitled(text, 'plaintext');
    const june = await diagnosticOn(copy, 'June');
    // What the core says each inferred date becomes, applied from the end: the text expected.
    const index = buildIndex(copy.getText());
    const edits = index.data.dates.map((d) => explicitYearEdit(d, index)).filter((e) => e !== undefined);
    const expected = edits.reduceRight((t, e) => t.slice(0, e.span.start) + e.text + t.slice(e.span.end), copy.getText());
    // VS Code resolves the actions it lists (the fourth argument) as when one is picked.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', copy.uri, june.range, undefined, 10);
    const all = actions.find((a) => a.title.startsWith('Make every inferred year explicit'));
    assert.ok(all?.edit, `a "make every year explicit" action with its edit among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(all.title, `Make every inferred year explicit (${edits.length} dates)`);
    assert.equal(copy.getText(), text, 'offering it changed nothing');
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.equal(copy.getText(), expected);
    assert.match(copy.getText(), /arrived in June 1973, and were assigned in July 1973\. On October 18, 1973/);
    await discardActive();
  });
});

describe('annotations: semantic tokens', () => {
  afterEach(closeAllEditors);

  async function checkSample(document: vscode.TextDocument): Promise<void> {
    const tokens = await semanticTokens(document);
    assert.equal(tokenOn(tokens, document, '3 November 1956')?.type, 'chronolensDate');
    assert.equal(tokenOn(tokens, document, 'Anwar Sadat')?.type, 'chronolensPerson');
    const june = tokenOn(tokens, document, 'June');
    assert.equal(june?.type, 'chronolensDate');
    assert.ok(june!.modifiers.includes('inferred'), `"June" modifiers: ${june!.modifiers}`);
    assert.ok(!tokenOn(tokens, document, '24 August 1963')?.modifiers.includes('inferred'));
    // Tokens come in document order and never overlap.
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1], tokens[i]];
      assert.ok(b.line > a.line || (b.line === a.line && b.character >= a.character + a.length), `tokens ${i - 1} and ${i} overlap or are out of order`);
    }
  }

  it('colours "3 November 1956" as a date and "Anwar Sadat" as a person in the sample opened as .txt', async () => {
    const document = (await openInEditor()).document;
    assert.equal(document.languageId, 'plaintext');
    await checkSample(document);
  });

  it('colours the same in the article language', async () => {
    const text = Buffer.from(await vscode.workspace.fs.readFile(workspaceUri(SAMPLE))).toString('utf8');
    const document = await untitled(text, 'article');
    await checkSample(document);
    await discardActive();
  });

  it('legend types fall back to standard ones (contributed with super types)', async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'chronolens');
    assert.ok(extension);
    const types = extension.packageJSON.contributes.semanticTokenTypes as { id: string; superType: string }[];
    const superOf = Object.fromEntries(types.map((t) => [t.id, t.superType]));
    assert.equal(superOf.chronolensDate, 'number');
    for (const id of ['chronolensPerson', 'chronolensPlace', 'chronolensOrganization', 'chronolensEvent']) assert.ok(superOf[id], `${id} has no super type`);
  });
});

describe('annotations: the article language', () => {
  const made: vscode.Uri[] = [];
  after(async () => {
    await closeAllEditors();
    for (const uri of made) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  async function tempFile(name: string, content: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.file(path.join(os.tmpdir(), `chronolens-${process.pid}-${Date.now()}-${name}`));
    await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
    made.push(uri);
    return vscode.workspace.openTextDocument(uri);
  }

  it('opens a .article file in the article language, annotated like the sample', async () => {
    const document = await tempFile('treaty.article', '= Treaty =\n\n==Signing==\nOn 3 November 1956 the treaty was signed. It came into force in June.\n');
    assert.equal(document.languageId, 'article');
    await vscode.window.showTextDocument(document);
    const tokens = await semanticTokens(document);
    assert.equal(tokenOn(tokens, document, '3 November 1956')?.type, 'chronolensDate');
  });

  it('recognises an article without an extension by its "= Title =" first line', async () => {
    const document = await tempFile('treaty', '= Treaty of Friendship =\n\nSigned on 3 November 1956.\n');
    assert.equal(document.languageId, 'article');
  });
});

describe('annotations: writing the year in', () => {
  const date = (text: string, edtf: string, extra: Partial<DateMention> = {}): DateMention => ({
    id: 'd1', start: 100, end: 100 + text.length, text, edtf, precision: 'day', earliest: null, latest: null, inferred: true, type: 'DATE', ...extra,
  });

  it('keeps the mention\'s own order: month-day takes ", 1973", day-month and month alone take " 1973"', () => {
    const cases: [string, string, string | undefined][] = [
      ['June', '1973-06', 'June 1973'],
      ['April 6–13', '1973-04-06/1973-04-13', 'April 6–13, 1973'],
      ['October 18', '1973-10-18', 'October 18, 1973'],
      ['18 October', '1973-10-18', '18 October 1973'],
      ['6–13 April', '1973-04-06/1973-04-13', '6–13 April 1973'],
      ['early June', '1973-06', 'early June 1973'],
      ['summer', '1973-22', 'summer 1973'],
      // Not a missing year at the end: left alone.
      ['the next day', '1973-03-08', undefined],
      ['the following May', '1974-05', undefined],
      ['December 28 – January 3', '1973-12-28/1974-01-03', undefined],
    ];
    for (const [text, edtf, expected] of cases) assert.equal(explicitYearEdit(date(text, edtf))?.text, expected, text);
    assert.equal(explicitYearEdit(date('June', '1973-06', { inferred: false })), undefined, 'an explicit date needs no fix');
  });

  it('follows the article\'s own habit for the comma after a month and day', () => {
    const withoutComma = buildIndex('= T =\n\n==A==\nThe talks opened on October 3 1973 in Geneva. On October 18 they ended.\n');
    const october = withoutComma.data.dates.find((d) => d.text === 'October 18');
    assert.ok(october, JSON.stringify(withoutComma.data.dates.map((d) => d.text)));
    assert.equal(explicitYearEdit(october, withoutComma)?.text, 'October 18 1973');
    const withComma = buildIndex('= T =\n\n==A==\nThe talks opened on October 3, 1973 in Geneva. On October 18 they ended.\n');
    assert.equal(explicitYearEdit(withComma.data.dates.find((d) => d.text === 'October 18')!, withComma)?.text, 'October 18, 1973');
  });

  it('flattens nested mentions into ordered, disjoint runs: the inner name wins', () => {
    // "the time of Gamal Abdel Nasser" (a date) around "Gamal Abdel Nasser" (a person).
    const runs = flatten([{ start: 0, end: 30, type: 0, modifiers: 0 }, { start: 12, end: 30, type: 1, modifiers: 0 }], 0, 100);
    assert.deepEqual(runs.map((r) => [r.start, r.end, r.type]), [[0, 12, 0], [12, 30, 1]]);
    // Side by side, partly outside the range: untouched, clipped.
    const apart = flatten(
      [{ start: 5, end: 9, type: 1, modifiers: 0 }, { start: 9, end: 15, type: 0, modifiers: 1 }, { start: 40, end: 50, type: 2, modifiers: 0 }],
      7,
      45,
    );
    assert.deepEqual(apart.map((r) => [r.start, r.end, r.type, r.modifiers]), [[7, 9, 1, 0], [9, 15, 0, 1], [40, 45, 2, 0]]);
    // A name inside a name inside a date: each inner one cuts its outer one.
    const nested = flatten([{ start: 0, end: 20, type: 0, modifiers: 0 }, { start: 2, end: 12, type: 1, modifiers: 0 }, { start: 4, end: 6, type: 2, modifiers: 0 }], 0, 20);
    assert.deepEqual(nested.map((r) => [r.start, r.end, r.type]), [[0, 2, 0], [2, 4, 1], [4, 6, 2], [6, 12, 1], [12, 20, 0]]);
  });
});
