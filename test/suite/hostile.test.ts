// Issue 7, in the extension host: the payload article (test/fixtures/payloads.ts) opened as an
// untitled plaintext and Markdown document, and every surface that shows article text driven
// through VS Code's own API: hovers at every date and entity mention, Go to Event's items, the
// outline, diagnostics and inlay hints. Nothing may run (a canary command records any call),
// nothing may throw, hover Markdown must render the article's text literally, and the plain-string
// surfaces (never interpreted) must not add escapes.
import * as assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import * as vscode from 'vscode';
import { PAYLOADS, type PayloadArticle, payloadArticle, payloadMarkdownArticle } from '../fixtures/payloads';
import { chronoLensErrors, openUntitled, sleep, waitFor } from './harness';

const CANARY = 'chronolensTest.canary';

/** Markdown as the reader sees the text: backslash escapes removed. */
function plain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Article text as escapeMarkdown shows it (whitespace runs folded), and as CommonMark reads NUL. */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ');
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

/** The text a reader sees in rendered Markdown (text and code), and every link/image/html node. */
function rendered(markdown: string): { text: string; links: string[]; html: string[] } {
  const texts: string[] = [];
  const links: string[] = [];
  const html: string[] = [];
  const walk = (node: MdNode) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') texts.push(node.value ?? '');
    if (node.type === 'html') html.push(node.value ?? '');
    if (node.url !== undefined) links.push(node.url);
    if (node.type === 'break' || node.type === 'paragraph') texts.push('\n');
    node.children?.forEach(walk);
  };
  walk(fromMarkdown(markdown) as MdNode);
  return { text: texts.join(''), links, html };
}

/** Every `command:` link target in the Markdown (escaped ones are text, not links). */
function commandLinks(markdown: string): { id: string; args?: string }[] {
  return [...markdown.matchAll(/(?<!\\)\]\(command:([^?)\s]+)(?:\?([^)\s]+))?/g)].map((m) => ({ id: m[1], args: m[2] }));
}

/** The positions of ChronoLens's semantic tokens (every date and entity mention), decoded. */
async function mentionRanges(document: vscode.TextDocument): Promise<vscode.Range[]> {
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
  if (!tokens) return [];
  const d = tokens.data;
  const ranges: vscode.Range[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < d.length; i += 5) {
    line += d[i];
    char = d[i] === 0 ? char + d[i + 1] : d[i + 1];
    ranges.push(new vscode.Range(line, char, line, char + d[i + 2]));
  }
  return ranges;
}

function checkMarkdownString(md: vscode.MarkdownString, where: string, problems: string[]): void {
  if (md.supportHtml) problems.push(`${where}: supportHtml is on`);
  if (typeof md.isTrusted === 'object') {
    const others = md.isTrusted.enabledCommands.filter((c) => !c.startsWith('chronolens.'));
    if (others.length) problems.push(`${where}: enables ${others.join(', ')}`);
  } else if (md.isTrusted) {
    problems.push(`${where}: isTrusted is true`);
  }
}

/** The payloads (by name) whose text, as `fold` gives it, is found in `haystack`. */
function payloadsIn(haystack: string, values: readonly { name: string; folded: string }[]): Set<string> {
  return new Set(values.filter((p) => haystack.includes(p.folded)).map((p) => p.name));
}

/**
 * The whole corpus, the 60,000- and 50,000-character strings included: before escapeMarkdown
 * clipped long text, a hover holding one blocked the extension host for ~26 s.
 */
const HOSTILE = PAYLOADS;

const FOLDED = HOSTILE.map((p) => ({ name: p.name, folded: fold(p.value), escaped: fold(p.value).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`) }));

describe('hostile article text in every surface (issue 7)', function () {
  this.timeout(240_000);
  const canaryCalls: unknown[][] = [];
  let canary: vscode.Disposable;
  before(() => {
    canary = vscode.commands.registerCommand(CANARY, (...args: unknown[]) => {
      canaryCalls.push(args);
    });
  });
  after(() => canary.dispose());

  it('the payload corpus carries canaries', () => {
    assert.ok(PAYLOADS.some((p) => p.value === `[x](command:${CANARY})`));
    assert.ok(PAYLOADS.some((p) => p.value === `command:${CANARY}`));
  });

  const formats: [string, string, (payloads?: typeof PAYLOADS) => PayloadArticle][] = [
    ['plaintext', 'plaintext', payloadArticle],
    ['Markdown', 'markdown', payloadMarkdownArticle],
  ];
  for (const [name, language, make] of formats) {
    it(`${name}: hovers, Go to Event, outline, diagnostics and inlay hints show the payloads as text and run nothing`, async () => {
      const base = make(HOSTILE);
      // Dates whose year is inferred (for diagnostics and inlay hints), next to each payload.
      const heading = language === 'markdown' ? (t: string) => `\n## ${t}\n\n` : (t: string) => `\n==${t}==\n\n`;
      const article = {
        placements: base.placements,
        text: base.text + HOSTILE.map((p, i) => `${heading(`Later ${i}`)}On 5 May ${1800 + i}, ${p.value} left Cairo. In June, ${p.value} returned.\n`).join(''),
      };
      const t0 = Date.now();
      const stage = (what: string) => console.log(`      [${name}] ${what} at ${Date.now() - t0} ms`);
      const document = await openUntitled({ language, content: article.text });
      await vscode.window.showTextDocument(document);
      const problems: string[] = [];
      const counts: Record<string, number> = {};
      const found: Record<string, Set<string>> = {};

      // Wait for the index: ChronoLens's semantic tokens cover every date and entity mention.
      const ranges = await waitFor(async () => {
        const r = await mentionRanges(document);
        return r.length > 0 ? r : undefined;
      }, 'the payload article to be indexed', 90_000);
      assert.ok(ranges);
      counts.mentions = ranges.length;
      stage(`indexed, ${ranges.length} mentions`);

      // Hovers at every mention.
      const links = new Map<string, { id: string; args?: string }>();
      let hoverCount = 0;
      const hoverFound = new Set<string>();
      for (const range of ranges) {
        const at = range.start.translate(0, Math.floor((range.end.character - range.start.character) / 2));
        let hovers: vscode.Hover[];
        try {
          hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
        } catch (err) {
          problems.push(`hover at ${at.line}:${at.character} threw ${String(err)}`);
          continue;
        }
        for (const hover of hovers) {
          for (const content of hover.contents) {
            if (typeof content === 'string' || !('value' in content)) continue;
            if (!(content instanceof vscode.MarkdownString) && !('isTrusted' in content)) continue;
            const md = content as vscode.MarkdownString;
            if (!md.value.includes('**')) continue; // not ours
            hoverCount++;
            const where = `hover at ${at.line}:${at.character}`;
            checkMarkdownString(md, where, problems);
            for (const link of commandLinks(md.value)) {
              if (!link.id.startsWith('chronolens.')) problems.push(`${where}: links to ${link.id}`);
              links.set(`${link.id}?${link.args ?? ''}`, link);
            }
            const view = rendered(md.value);
            if (view.html.length) problems.push(`${where}: raw HTML ${JSON.stringify(view.html.slice(0, 2))}`);
            for (const url of view.links) if (!url.startsWith('command:chronolens.')) problems.push(`${where}: link to ${url.slice(0, 80)}`);
            // Every payload the hover spells (escapes removed) must be in the rendered text, literally.
            const shown = plain(md.value);
            const text = view.text.replace(/\uFFFD/g, '\u0000');
            for (const p of FOLDED) {
              if (!shown.includes(p.folded)) continue;
              if (text.includes(p.folded)) hoverFound.add(p.name);
              else problems.push(`${where}: payload "${p.name}" is in the Markdown but not rendered as text`);
            }
            // A date hover names the date as written.
            if (/^\*\*/.test(md.value) && /EDTF/.test(md.value.split('\n\n')[1] ?? '')) {
              const written = fold(document.getText(hover.range ?? range));
              if (!text.includes(written)) problems.push(`${where}: date "${written.slice(0, 60)}" not shown as text`);
            }
          }
        }
      }
      counts.hovers = hoverCount;
      stage('hovers done');
      found.hover = hoverFound;

      // Run every ChronoLens command link the hovers offer, with its arguments.
      // (Every distinct link would take minutes; an even sample of up to 25 per command keeps the suite in budget.)
      const byCommand = new Map<string, { id: string; args?: string }[]>();
      for (const link of links.values()) byCommand.set(link.id, [...(byCommand.get(link.id) ?? []), link]);
      const sample = [...byCommand.values()].flatMap((all) => all.filter((_, i) => i % Math.ceil(all.length / 25) === 0));
      counts.commandLinks = links.size;
      let ran = 0;
      for (const { id, args } of sample) {
        try {
          await vscode.commands.executeCommand(id, ...(args ? (JSON.parse(decodeURIComponent(args)) as unknown[]) : []));
          ran++;
        } catch (err) {
          problems.push(`${id} threw ${String(err)}`);
        }
      }
      counts.commandLinksRun = ran;
      stage('command links run');
      await vscode.window.showTextDocument(document);

      // Plain-string surfaces: never interpreted, so never escaped.
      const plainStrings = (surface: string, strings: string[]) => {
        counts[surface] = strings.length;
        const all = strings.join('\n');
        found[surface] = payloadsIn(all, FOLDED);
        for (const p of FOLDED) {
          if (p.escaped !== p.folded && all.includes(p.escaped) && !article.text.includes(p.escaped)) problems.push(`${surface}: payload "${p.name}" shown escaped`);
        }
      };
      const items = await vscode.commands.executeCommand<{ label: string; description?: string; detail?: string }[]>('chronolens.goToEvent', { listOnly: true });
      assert.ok(Array.isArray(items) && items.length > 0, 'Go to Event lists the events');
      plainStrings('goToEvent', items.flatMap((i) => [i.label, i.description ?? '', i.detail ?? '']));

      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      const flat: vscode.DocumentSymbol[] = [];
      const walk = (s: vscode.DocumentSymbol) => {
        flat.push(s);
        s.children.forEach(walk);
      };
      symbols.forEach(walk);
      plainStrings('symbols', flat.flatMap((s) => [s.name, s.detail]));

      const diagnostics = vscode.languages.getDiagnostics(document.uri);
      plainStrings('diagnostics', diagnostics.flatMap((d) => [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)]));

      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
      const labels: string[] = [];
      const tooltipFound = new Set<string>();
      hints.forEach((hint, i) => {
        const parts = typeof hint.label === 'string' ? [{ value: hint.label, tooltip: hint.tooltip }] : hint.label;
        for (const part of parts) {
          labels.push(part.value);
          const tooltip = part.tooltip ?? hint.tooltip;
          if (tooltip && typeof tooltip !== 'string') {
            checkMarkdownString(tooltip, `inlay hint ${i} tooltip`, problems);
            const view = rendered(tooltip.value);
            if (view.html.length || view.links.some((u) => !u.startsWith('command:chronolens.'))) problems.push(`inlay hint ${i} tooltip: HTML or foreign link`);
            const text = view.text.replace(/\uFFFD/g, '\u0000');
            for (const p of FOLDED) {
              if (!plain(tooltip.value).includes(p.folded)) continue;
              if (text.includes(p.folded)) tooltipFound.add(p.name);
              else problems.push(`inlay hint ${i} tooltip: payload "${p.name}" not rendered as text`);
            }
          }
        }
      });
      plainStrings('inlayHints', labels);
      found.inlayHintTooltips = tooltipFound;
      if (hints.length === 0) problems.push('no inlay hint: the inferred dates were not exercised');
      if (diagnostics.length === 0) problems.push('no diagnostic: the inferred dates were not exercised');

      // Go to Event and the outline show each event's first words: a payload with no space in it,
      // put in the first sentence of its passage, is there verbatim.
      for (const p of FOLDED) {
        const place = article.placements.find((pl) => pl.payload.name === p.name && pl.where === 'entity');
        if (!place || /\s/.test(p.folded) || p.folded.length > 1000) continue;
        if (!found.goToEvent.has(p.name)) problems.push(`goToEvent: payload "${p.name}" not verbatim`);
        if (!found.symbols.has(p.name)) problems.push(`symbols: payload "${p.name}" not verbatim`);
      }

      assert.deepEqual(canaryCalls, [], 'the canary command ran');
      const summary = Object.entries(found).map(([s, set]) => `${s} ${set.size}`).join(', ');
      console.log(
        `      ${name}: ${HOSTILE.length} payloads; ${counts.mentions} mentions, ${counts.hovers} hovers, ${counts.commandLinksRun} of ${counts.commandLinks} command links run, ` +
          `${counts.goToEvent} Go to Event strings, ${counts.symbols} symbol strings, ${counts.diagnostics} diagnostic messages, ${counts.inlayHints} inlay hints; payloads found verbatim: ${summary}`,
      );
      assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problem(s)`);
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  }
});

async function dateHover(document: vscode.TextDocument, text: string, want: string): Promise<string> {
  const at = document.positionAt(document.getText().indexOf(text) + 2);
  const found = await waitFor(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const value = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    return value.includes(want) ? value : undefined;
  }, `a hover on "${text}" with ${want}`);
  return found ?? '';
}

describe('editor edge cases', function () {
  this.timeout(60_000);
  afterEach(async () => {
    while (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the same article in two editors (split) gives the same events, and an edit in one shows in the other', async () => {
    const document = await openUntitled({ language: 'plaintext', content: '= Split =\n\n==History==\nOn 3 November 1956, Egypt asked for help.\nIn 1957 and 1958, the two governments signed a trade agreement.\n' });
    const left = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const right = await vscode.window.showTextDocument(document, vscode.ViewColumn.Two);
    assert.notEqual(left, right);
    await dateHover(document, '3 November 1956', '1956-11-03');
    type Item = { eventId: string; label: string };
    const list = () => vscode.commands.executeCommand<Item[]>('chronolens.goToEvent', { listOnly: true });
    const fromRight = await list();
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const fromLeft = await list();
    assert.deepEqual(fromLeft, fromRight);
    assert.equal(fromLeft.length, 2);
    await right.edit((e) => e.insert(document.positionAt(document.getText().length), 'On 9 April 1960, Nasser spoke.\n'));
    const after = await waitFor(async () => {
      const items = await list(); // the left editor is active
      return items.length === 3 ? items : undefined;
    }, 'the left editor to list the event typed in the right one');
    assert.ok(after?.some((i) => i.label.includes('9 April 1960')));
  });

  it('a burst of 200 edits leaves the index current: the hover shows the last edit', async () => {
    const document = await openUntitled({ language: 'plaintext', content: '= Burst =\n\n==History==\nOn 3 November 1956, Egypt asked for help.\n' });
    const editor = await vscode.window.showTextDocument(document);
    await dateHover(document, '3 November', '1956-11-03');
    for (let i = 0; i < 200; i++) {
      const at = document.getText().indexOf('November ') + 'November '.length;
      const ok = await editor.edit((e) => e.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 4)), String(1800 + i)), { undoStopBefore: false, undoStopAfter: false });
      assert.ok(ok, `edit ${i}`);
    }
    assert.ok(document.getText().includes('3 November 1999'));
    const value = await dateHover(document, '3 November', '1999-11-03');
    assert.ok(!/1998-11-03/.test(value), value);
    const at = document.positionAt(document.getText().indexOf('3 November') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const ours = hovers.find((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes('1999-11-03')));
    assert.equal(document.getText(ours?.range), '3 November 1999');
  });

  it('closing a document while it is being indexed: no error logged, the other article keeps working', async () => {
    const errorsBefore = chronoLensErrors();
    const other = await openUntitled({ language: 'plaintext', content: '= Other =\n\n==History==\nOn 3 November 1956, Egypt asked for help.\n' });
    await vscode.window.showTextDocument(other);
    await dateHover(other, '3 November', '1956-11-03');
    const big = Array.from({ length: 3000 }, (_, i) => `On ${1 + (i % 28)} March ${1800 + (i % 200)}, Gamal Abdel Nasser met Kim Il Sung in Cairo.`).join('\n');
    const doomed = await openUntitled({ language: 'plaintext', content: `= Doomed =\n\n==History==\n${big}\n` });
    await vscode.window.showTextDocument(doomed);
    void vscode.commands.executeCommand('vscode.executeHoverProvider', doomed.uri, new vscode.Position(3, 4)); // asks for the index
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(other);
    await sleep(1500);
    await dateHover(other, '3 November', '1956-11-03');
    const items = await vscode.commands.executeCommand<unknown[]>('chronolens.goToEvent', { listOnly: true });
    assert.equal(items.length, 1);
    const errorsAfter = chronoLensErrors();
    // The log file appears with the first line written since this window opened: none yet is none.
    if (errorsAfter) assert.deepEqual(errorsAfter.slice((errorsBefore ?? []).length), [], 'errors in the ChronoLens output');
    else console.log('      (the ChronoLens output log file was not found: its errors were not checked)');
  });
});
