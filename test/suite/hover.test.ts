// Hover cards, through VS Code's own hover API (vscode.executeHoverProvider) on the sample article
// and on an untitled article full of Markdown/HTML that must show as text.
import * as assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../src/extension/markdown';
import { openInEditor, openUntitled, positionOf, waitFor } from './harness';

/** The Markdown of every hover VS Code gets at `position` (waits for the extension's index). */
async function hoverMarkdown(document: vscode.TextDocument, position: vscode.Position): Promise<{ value: string; strings: vscode.MarkdownString[] }> {
  const found = await waitFor(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const strings = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && c.value.includes('**'));
    const value = strings.map((s) => s.value).join('\n\n');
    return value ? { value, strings } : undefined;
  }, `a ChronoLens hover at ${position.line}:${position.character}`);
  return found!;
}

/** Markdown as the reader sees the text: backslash escapes removed. */
function plain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The ids of every live `command:` link in the Markdown (escaped ones are text, not links). */
function linkedCommands(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\(command:([^?)\s]+)/g)].map((m) => m[1]);
}

/** Every Markdown line that starts with `prefix` (after the reader's view of the text). */
function lineStarting(markdown: string, prefix: string): string {
  const line = plain(markdown)
    .split('\n')
    .find((l) => l.trim().startsWith(prefix));
  assert.ok(line, `no line starting with "${prefix}" in:\n${markdown}`);
  return line;
}

describe('hover cards', () => {
  let document: vscode.TextDocument;
  before(async () => {
    document = (await openInEditor()).document;
  });

  it('on "3 November 1956": the day, its EDTF value, its place in time and its neighbours', async () => {
    const { value, strings } = await hoverMarkdown(document, positionOf(document, '3 November 1956', 0, 3));
    const text = plain(value);
    assert.match(text, /\*\*3 November 1956\*\* — a day/);
    assert.match(value, /`1956-11-03`/);
    // Nothing in the article is dated before the Suez Crisis day except (optionally) Nasser's era.
    assert.match(lineStarting(value, 'Before:'), /nothing earlier|Gamal Abdel Nasser|Relations have remained/);
    // Next in time: "In 1957 and 1958, the two governments signed a trade agreement …".
    assert.match(lineStarting(value, 'After:'), /1957 and 1958.*In 1957 and 1958, the two governments/);
    // Its place: the article's timeline runs from the 1950s to 2017 ("In 2017, following a visit …").
    assert.match(text, /Event \d+ of \d+ in time · the article's timeline runs 195\d–2017/);
    // The passage names the Suez Crisis, the DPRK (North Korea) and Egypt.
    const entities = lineStarting(value, 'In this passage:');
    for (const name of ['Suez Crisis', 'North Korea', 'Egypt']) assert.ok(entities.includes(name), `${name} missing from "${entities}"`);
    // Links: neighbours in time, the timeline panel and related passages — ChronoLens commands only.
    const commands = linkedCommands(value);
    assert.ok(commands.includes('chronolens.revealEvent'), value);
    assert.ok(commands.includes('chronolens.showInTimeline'), value);
    assert.ok(commands.includes('chronolens.showRelatedPassages'), value);
    assert.ok(commands.every((c) => c.startsWith('chronolens.')), commands.join(', '));
    for (const md of strings) {
      assert.ok(md.supportHtml !== true, 'HTML must stay off');
      if (typeof md.isTrusted === 'object') {
        assert.ok(md.isTrusted.enabledCommands.every((c) => c.startsWith('chronolens.')), JSON.stringify(md.isTrusted));
      } else {
        assert.notEqual(md.isTrusted, true, 'a hover must not trust every command');
      }
    }
  });

  it('"Next in time" runs chronolens.revealEvent with its URL-encoded JSON arguments: reopens the article, selects 1957 and 1958', async () => {
    const { value } = await hoverMarkdown(document, positionOf(document, '3 November 1956', 0, 3));
    const link = /\[Next in time →\]\(command:chronolens\.revealEvent\?([^)\s]+)\)/.exec(value);
    assert.ok(link, value);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    assert.deepEqual(Object.keys(args[0] as object).sort(), ['eventId', 'uri']);
    // It opens the document again if it was closed meanwhile.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await vscode.commands.executeCommand('chronolens.revealEvent', ...args), true);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection), '1957 and 1958');
  });

  it('on "June": the month, with its year inferred from the March 1973 visit above', async () => {
    const { value } = await hoverMarkdown(document, positionOf(document, 'arrived in June', 0, 'arrived in '.length + 1));
    const first = plain(value).split('\n')[0];
    assert.match(first, /^\*\*June\*\* — June 1973, a month; year inferred from ‘[^’]*1973’ above/);
    assert.match(value, /`1973-06`/);
  });

  it('on "Shazly": Saad el-Shazly, a person, and his 1973 events in time order as links', async () => {
    const { value } = await hoverMarkdown(document, positionOf(document, 'Shazly visited', 0, 2));
    const text = plain(value);
    assert.match(text, /^\*\*Saad el-Shazly\*\* — person/);
    assert.match(text, /Also written: .*\bShazly\b/);
    assert.match(text, /Mentioned 2 times/);
    // He asks for pilots during the 1-7 March 1973 visit, then visits the DPRK on April 6–13.
    const items = text.split('\n').filter((l) => l.startsWith('- ['));
    assert.equal(items.length, 2, text);
    assert.match(items[0], /^- \[1-7 March 1973[^\]]*\]\(command:chronolens\.revealEvent\?.*During the visit of a North Korean/);
    assert.match(items[1], /^- \[April 6–13[^\]]*\]\(command:chronolens\.revealEvent\?.*On April 6–13, Shazly visited/);
  });

  it('shows Markdown, HTML and command links written in the article as text', async () => {
    // Its first eight words are what the hover on the 1956 date shows of this next event.
    const evil = 'In 1957, [x](command:workbench.action.quit) <img src=x onerror=alert(1)> `t` *s*|b happened in Cairo.';
    const untitled = await openUntitled({
      language: 'plaintext',
      content: `= Test article =\n\n==History==\nOn 3 November 1956, Egypt asked for help.\n${evil}\n`,
    });
    await vscode.window.showTextDocument(untitled);
    const { value, strings } = await hoverMarkdown(untitled, positionOf(untitled, '3 November 1956', 0, 3));
    // The next event's first words are the hostile text, escaped: shown, not interpreted.
    assert.ok(value.includes('\\[x\\]\\(command\\:workbench\\.action\\.quit\\)'), value);
    assert.ok(value.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), value);
    assert.ok(value.includes('\\`t\\` \\*s\\*\\|b'), value);
    assert.ok(plain(value).includes('[x](command:workbench.action.quit) <img src=x onerror=alert(1)> `t` *s*|b'), value);
    // No live link to anything but ChronoLens's own commands, and none of them is enabled for others.
    assert.deepEqual(
      linkedCommands(value).filter((c) => !c.startsWith('chronolens.')),
      [],
    );
    for (const md of strings) {
      const enabled = typeof md.isTrusted === 'object' ? md.isTrusted.enabledCommands : [];
      assert.ok(!enabled.includes('workbench.action.quit'));
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('right after an edit, the hover covers the date where it now is', async () => {
    const untitled = await openUntitled({
      language: 'plaintext',
      content: '= Test article =\n\n==History==\nOn 3 November 1956, Egypt asked for help.\n',
    });
    const editor = await vscode.window.showTextDocument(untitled);
    await hoverMarkdown(untitled, positionOf(untitled, '3 November 1956', 0, 3)); // indexed once
    await editor.edit((edit) => edit.insert(positionOf(untitled, 'On 3 November'), 'Long before, in the summer of 1955, nothing happened. '));
    const at = positionOf(untitled, '3 November 1956', 0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', untitled.uri, at);
    const ours = hovers.find((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes('1956-11-03')));
    assert.ok(ours?.range, 'a ChronoLens hover with a range');
    assert.equal(untitled.getText(ours.range), '3 November 1956');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('escapeMarkdown: a CommonMark parser reads any article text back as one plain text node', () => {
    const samples = [
      '[x](command:workbench.action.quit)',
      '<img src=x onerror=alert(1)>',
      '`code` ``more`` *em* **strong** _u_ __uu__ ~~s~~',
      '| a | b |\n|---|---|',
      '# heading',
      '> quote',
      '1. item',
      '- item',
      '&amp; &lt; &#x41; \\ \\\\',
      'https://example.com www.example.com <https://example.com> mail@example.com',
      '![img](x.png) [ref]: /url "t"',
      '$(zap) ---',
    ];
    for (const sample of samples) {
      const tree = fromMarkdown(escapeMarkdown(sample));
      assert.equal(tree.children.length, 1, sample);
      const paragraph = tree.children[0];
      assert.equal(paragraph.type, 'paragraph', sample);
      assert.ok('children' in paragraph);
      assert.deepEqual(
        paragraph.children.map((c) => c.type),
        ['text'],
        sample,
      );
      assert.equal((paragraph.children[0] as { value: string }).value, sample.replace(/\s+/g, ' '), sample);
    }
  });
});
