// The hover card, the status bar item and the alt+] keybinding as a person meets them: the mouse
// over "3 November 1956" in the sample article, the status bar, a key press in the editor.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, SAMPLE, SELECTORS } from './helpers.mjs';

/** VS Code 1.100's peek view (not in helpers.mjs's SELECTORS yet). */
const PEEK = '.peekview-widget';

/** Keyboard only: Go to Line `line`, column `column` (1-based), until the status bar says so (retried: a loaded machine can drop the first try). */
async function goTo(wb, line, column) {
  const status = wb.page.locator(`${SELECTORS.statusbar} .statusbar-item`, { hasText: `Ln ${line}, Col ${column}` }).first();
  for (let attempt = 1; ; attempt++) {
    await wb.page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden' });
    await wb.page.locator(`${SELECTORS.activeEditor} textarea`).first().focus();
    await wb.page.keyboard.press('Control+G');
    await wb.page.locator(SELECTORS.quickInputBox).fill(`:${line}:${column}`);
    await wb.page.waitForTimeout(300);
    await wb.page.keyboard.press('Enter');
    try {
      await status.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await wb.page.keyboard.press('Escape');
    }
  }
}

describe('hover card and navigation in the workbench', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench({ file: SAMPLE });
    await wb.waitForEditorText('Egypt–North Korea relations');
  });
  after(() => wb?.close());

  it('hovering "3 November 1956" shows the day, its EDTF value, its neighbours in time and links', async () => {
    const text = await wb.hoverWord('3 November 1956');
    await wb.screenshot('hover-3-november-1956');
    assert.match(text, /3 November 1956 — a day/);
    assert.match(text, /EDTF 1956-11-03/);
    assert.match(text, /After: 1957 and 1958/);
    assert.match(text, /In 1957 and 1958, the two governments/);
    assert.match(text, /Next in time →/);
    assert.match(text, /Show in timeline/);
    assert.match(text, /Related passages/);
    // Rendered as text: no stray Markdown escapes or markup.
    assert.doesNotMatch(text, /\\[-.(\[]|\*\*|`/);
    // The links are real links (anchors) to ChronoLens commands only.
    const hrefs = await wb.page.locator(`${SELECTORS.hover} a`).evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    assert.ok(hrefs.length >= 4, JSON.stringify(hrefs));
    assert.ok(hrefs.every((h) => h.startsWith('command:chronolens.')), JSON.stringify(hrefs));
  });

  it('hovering "Shazly" shows Saad el-Shazly and his 1973 events', async () => {
    // Either mention ("Saad el-Shazly" or "Shazly visited") names him; line 19 is the Military paragraph.
    await goTo(wb, 19, 1);
    const text = await wb.hoverWord('Shazly');
    await wb.screenshot('hover-shazly');
    assert.match(text, /Saad el-Shazly — person/);
    assert.match(text, /1-7 March 1973/);
    assert.match(text, /April 6–13/);
  });

  it('the status bar counts the article’s events and names its years', async () => {
    const item = wb.page.locator(`${SELECTORS.statusbar} .statusbar-item`, { hasText: /\d+ events · 195\d–2017/ });
    await item.first().waitFor({ state: 'visible', timeout: 20_000 });
  });

  it('the status bar item stays away from a Markdown file without dates (samples/ATTRIBUTION.md)', async () => {
    const item = wb.page.locator(`${SELECTORS.statusbar} .statusbar-item`, { hasText: /\d+ events? · |no dated events/ });
    await item.first().waitFor({ state: 'visible' });
    await wb.openFromExplorer('samples/ATTRIBUTION.md');
    await item.first().waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.page.waitForTimeout(1_000); // the index of the Markdown file is built by now: still hidden
    assert.equal(await item.count(), 0);
    await wb.openFromExplorer(SAMPLE);
    await item.first().waitFor({ state: 'visible' });
  });

  it('alt+] in the 1956 passage selects "1957 and 1958" (the next event in time)', async () => {
    await wb.page.keyboard.press('Escape');
    // Keyboard only: Go to Line 10, column 240 ("During the Suez Crisis, on 3 November 1956, the DPRK| issued …").
    const line = (await import('node:fs')).readFileSync(new URL('../../samples/egypt-north-korea.txt', import.meta.url), 'utf8').split('\n')[9];
    const column = line.indexOf('the DPRK issued') + 5;
    await goTo(wb, 10, column);
    await wb.page.keyboard.press('Alt+BracketRight');
    // VS Code's status bar says how much is selected: "1957 and 1958" is 13 characters.
    const selection = wb.page.locator(`${SELECTORS.statusbar} .statusbar-item`, { hasText: /\(13 selected\)/ });
    await selection.first().waitFor({ state: 'visible', timeout: 10_000 });
    await wb.screenshot('alt-bracket-next-event');
  });

  it('Go to Event… lists the events in time order and filters by a name in the passage', async () => {
    await wb.runCommand('ChronoLens: Go to Event…');
    const rows = wb.page.locator(SELECTORS.quickInputRow);
    await rows.first().waitFor({ state: 'visible' });
    await wb.screenshot('go-to-event');
    await wb.page.locator(SELECTORS.quickInputBox).fill('Shazly');
    // Saad el-Shazly takes part in two dated events: the March 1973 visit and his April 6–13 visit.
    await wb.page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, SELECTORS.quickInputRow, { timeout: 10_000 });
    // Each row's first label is the item's label (the detail line has one too).
    const labels = [];
    for (let i = 0; i < 2; i++) labels.push(await rows.nth(i).locator(SELECTORS.quickInputRowLabel).first().innerText());
    assert.deepEqual(labels, ['1973-03-01/1973-03-07 · 1-7 March 1973', '1973-04-06/1973-04-13 · April 6–13']);
    await wb.screenshot('go-to-event-shazly');
    await wb.page.keyboard.press('Escape');
  });

  it('Show Related Passages opens a peek view over the related passages', async () => {
    // In the 1-7 March 1973 passage ("… to train Egyptian pilots.").
    await goTo(wb, 19, 200);
    await wb.runCommand('ChronoLens: Show Related Passages');
    const peek = wb.page.locator(PEEK).first();
    await peek.waitFor({ state: 'visible', timeout: 10_000 });
    await wb.screenshot('related-passages');
    assert.match(await peek.innerText(), /egypt-north-korea\.txt/);
    await wb.page.keyboard.press('Escape');
  });

  it('the Outline view shows the four sections with their events labelled by date', async () => {
    // Give the Outline the side bar: collapse the folder tree, expand the Outline.
    const folders = wb.page.locator('.pane-header', { hasText: /^workspace/i }).first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const header = wb.page.locator('.pane-header', { hasText: /^outline$/i }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const outline = wb.page.locator('.pane', { has: header });
    for (const section of ['History', 'Military', 'Economic relations', 'See also']) {
      await outline.getByRole('treeitem', { name: new RegExp(`^${section}`) }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
    await outline.getByRole('treeitem', { name: /1956-11-03 — 3 November 1956/ }).first().waitFor({ state: 'visible' });
    await wb.screenshot('outline');
  });

  it('the status bar item and the article commands go away when the document stops being an article (language changed to JSON)', async () => {
    const item = wb.page.locator(`${SELECTORS.statusbar} .statusbar-item`, { hasText: /\d+ events · / });
    await item.first().waitFor({ state: 'visible' });
    await wb.runCommand('Change Language Mode');
    await wb.page.locator(SELECTORS.quickInputBox).fill('JSON');
    await wb.page.locator(SELECTORS.quickInputRow).first().waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    await item.first().waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.screenshot('not-an-article');
    // Commands that need an article leave the command palette (chronolens.isArticle is false).
    await assert.rejects(wb.runCommand('ChronoLens: Go to Event…'), /not in the command palette/);
    await wb.page.keyboard.press('Escape');
  });
});

describe('hover card over hostile article text', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
    // The workspace folder is a scratch copy: put an article with Markdown, HTML and a command link in it.
    const folder = new URL(wb.page.url()).searchParams.get('folder');
    fs.writeFileSync(
      path.join(folder, 'hostile-article.txt'),
      '= Hostile article =\n\n==History==\nOn 3 November 1956, Egypt asked for help.\n' +
        'In 1957, [x](command:workbench.action.quit) <img src=x onerror=alert(1)> `t` *s*|b happened in Cairo.\n',
    );
    await wb.quickOpen('hostile-article.txt');
    await wb.waitForEditorText('Hostile article');
  });
  after(() => wb?.close());

  it('shows the next event’s Markdown, HTML and command link as the text they are', async () => {
    const text = await wb.hoverWord('3 November 1956');
    await wb.page.waitForTimeout(400); // let the card finish fading in for the screenshot
    await wb.screenshot('hover-hostile-text');
    assert.ok(text.includes('[x](command:workbench.action.quit) <img src=x onerror=alert(1)> `t` *s*|b'), text);
    const hover = wb.page.locator(SELECTORS.hover).first();
    assert.equal(await hover.locator('img').count(), 0, 'no image element');
    // The card's own formatting only: the date in bold, its EDTF value as code, "nothing earlier" in italics.
    const formatted = await hover.locator('code, em, strong, table').allInnerTexts();
    assert.deepEqual(formatted.sort(), ['1956-11-03', '3 November 1956', 'nothing earlier in the article']);
    const hrefs = await hover.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    assert.ok(hrefs.every((h) => h.startsWith('command:chronolens.')), JSON.stringify(hrefs));
  });
});
