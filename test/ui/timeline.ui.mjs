// The Timeline view (issue 5) in a real workbench: opened from the command palette, read and
// driven inside its webview (iframe.webview → #active-frame) the way a person would.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbench, SAMPLE } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE_TEXT = fs.readFileSync(path.join(REPO, SAMPLE), 'utf8');

/** 1-based line and column of the `occurrence`-th `text` in the sample, at its start or end. */
function lineCol(text, { end = false } = {}) {
  const at = SAMPLE_TEXT.indexOf(text) + (end ? text.length : 0);
  const before = SAMPLE_TEXT.slice(0, at).split('\n');
  return { line: before.length, col: before.at(-1).length + 1 };
}

const selectedOption = (frame) => frame.locator('[role=option][aria-selected=true]');
const options = (frame) => frame.locator('[role=option]');

/** The status bar's cursor position ("Ln 22, Col 25 (10 selected)"). */
async function cursorStatus(wb) {
  return wb.page.locator('.part.statusbar').getByText(/^Ln \d+, Col \d+/).first().innerText();
}

/** Runs a command; retries while the workbench is still registering the extension's contributions. */
async function runCommandWhenReady(wb, title, tries = 8) {
  for (let i = 1; ; i++) {
    try {
      return await wb.runCommand(title);
    } catch (error) {
      if (i >= tries || !/not in the command palette/.test(String(error))) throw error;
      await wb.page.keyboard.press('Escape');
      await wb.page.waitForTimeout(1000);
    }
  }
}

/** Waits until the editor's selection is exactly the first `date` of the sample (read from the status bar). */
async function expectSelectedInEditor(wb, date) {
  const start = lineCol(date);
  const end = lineCol(date, { end: true });
  assert.equal(start.line, end.line);
  const want = new RegExp(`^Ln ${end.line}, Col ${end.col} \\(${date.length} selected\\)`);
  const deadline = Date.now() + 10_000;
  let status = '';
  while (Date.now() < deadline && !want.test(status)) {
    status = await cursorStatus(wb).catch(() => '');
    if (!want.test(status)) await wb.page.waitForTimeout(200);
  }
  assert.match(status, want);
}

async function openTimeline(wb) {
  await runCommandWhenReady(wb, 'ChronoLens: Open Timeline');
  const frame = await wb.timelineView();
  await options(frame).first().waitFor({ state: 'visible', timeout: 20_000 });
  return frame;
}

/** Switches the colour theme through its picker (which writes `workbench.colorTheme`) and waits for the webview to follow. */
async function setColorTheme(wb, frame, label, bodyClass) {
  await runCommandWhenReady(wb, 'Preferences: Color Theme');
  await wb.page.locator('.quick-input-widget .quick-input-box input').fill(label);
  await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor();
  await wb.page.keyboard.press('Enter');
  await frame.locator(`body.${bodyClass}`).waitFor({ timeout: 10_000 });
  await wb.page.waitForTimeout(300);
}

/** Screenshots of the whole workbench and of the side bar alone (the panel). */
async function screenshots(wb, name) {
  const full = await wb.screenshot(name);
  await wb.page.locator('.part.sidebar').screenshot({ path: path.join(path.dirname(full), `${name} (panel).png`) });
}

describe('timeline view', function () {
  let wb;
  let frame;
  const cspViolations = [];
  before(async () => {
    wb = await openWorkbench({ file: SAMPLE });
    wb.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text()) && /webview\.js|timeline\.css|nonce|inline/i.test(m.text())) cspViolations.push(m.text());
    });
    await wb.waitForEditorText('Egypt–North Korea relations');
    frame = await openTimeline(wb);
  });
  after(() => wb?.close());

  it('loads under its Content Security Policy without violations', async () => {
    assert.equal(await frame.locator('link[rel=stylesheet]').count(), 1);
    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[\w-]+'/);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), csp);
    assert.deepEqual(cspViolations, []);
  });

  it('lists the events in time order: first 3 November 1956, last 2017', async () => {
    const list = frame.locator('.list[role=listbox]');
    await list.focus();
    await list.press('Home');
    const first = selectedOption(frame);
    await assert.doesNotReject(first.waitFor({ state: 'visible' }));
    assert.match((await first.getAttribute('aria-label')) ?? '', /^3 November 1956\b/);
    assert.equal(await first.getAttribute('aria-posinset'), '1');
    // The cards in view are in time order: their years never go down.
    const years = (await options(frame).allInnerTexts()).map((t) => Number(/\b(1[89]\d\d|20\d\d)\b/.exec(t)?.[1] ?? NaN));
    const known = years.filter((y) => !Number.isNaN(y));
    assert.ok(known.length >= 3, `years on the cards: ${years}`);
    assert.deepEqual(known, [...known].sort((a, b) => a - b), `cards in time order: ${known}`);

    await list.press('End');
    const last = selectedOption(frame);
    assert.match((await last.getAttribute('aria-label')) ?? '', /^2017\b/);
    assert.equal(await last.getAttribute('aria-posinset'), await last.getAttribute('aria-setsize'));
    assert.match(await last.innerText(), /Sedki Sobhi|severed/);
    await list.press('Home');
    await setColorTheme(wb, frame, 'Dark Modern', 'vscode-dark');
    await screenshots(wb, 'timeline dark');
  });

  it('filtering by "Sadat" leaves only his events', async () => {
    const input = frame.locator('input.filter-text');
    await input.fill('Sadat');
    await frame.locator('.count', { hasText: /^\d+ of \d+ events?$/ }).waitFor();
    const texts = await options(frame).evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
    assert.ok(texts.length >= 2, `Sadat appears in dated passages of History and Military: ${texts.length}`);
    for (const t of texts) assert.match(t, /Sadat/);
    const count = await frame.locator('.count').innerText();
    assert.equal(Number(/^(\d+) of/.exec(count)[1]), texts.length);
    await screenshots(wb, 'timeline filtered Sadat');

    // The view's "Copy Timeline as Markdown" button copies what is shown: Sadat's events only.
    await wb.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await wb.page.waitForTimeout(400); // the filter reaches the extension once typing pauses
    await wb.page.locator('.part.sidebar .title-actions [aria-label="Copy Timeline as Markdown"]').click();
    let copied = '';
    for (let i = 0; i < 30 && !copied.includes('| Date |'); i++) {
      await wb.page.waitForTimeout(200);
      copied = await wb.page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
    }
    const rows = copied.trim().split('\n').slice(2);
    assert.equal(rows.length, texts.length, copied);
    for (const row of rows) assert.match(row, /Sadat/);
    await input.fill('');
    await frame.locator('.count', { hasText: /^\d+ events$/ }).waitFor();
  });

  it('clicking the April 6–13 event (Shazly in the DPRK) selects that date in the editor', async () => {
    // Walk there with the keyboard, then click it.
    const list = frame.locator('.list[role=listbox]');
    await list.focus();
    await list.press('Home');
    for (let i = 0; i < 40; i++) {
      if (/^April 6–13\b/.test((await selectedOption(frame).getAttribute('aria-label')) ?? '')) break;
      await list.press('ArrowDown');
    }
    const card = frame.locator('[role=option]', { hasText: 'April 6–13' });
    await card.click();
    await expectSelectedInEditor(wb, 'April 6–13');
  });

  it('Enter on the event selected with the arrow keys jumps to its date (October 18)', async () => {
    const list = frame.locator('.list[role=listbox]');
    await list.focus();
    for (let i = 0; i < 10; i++) {
      if (/^October 18\b/.test((await selectedOption(frame).getAttribute('aria-label')) ?? '')) break;
      await list.press('ArrowDown');
    }
    assert.match((await selectedOption(frame).getAttribute('aria-label')) ?? '', /^October 18\b/);
    await list.press('Enter');
    await expectSelectedInEditor(wb, 'October 18');
  });

  it('moving the editor cursor highlights the event there', async () => {
    // Cursor to the start of the 2015 paragraph (Sisi invites Kim Jong Un), then of the Military section's first passage.
    for (const [passage, date] of [
      ['In 2015, Egyptian President', '2015'],
      ['During the visit of a North Korean government delegation', '1-7 March 1973'],
    ]) {
      await wb.goToLine(lineCol(passage).line);
      await frame.locator('[role=option][aria-selected=true]', { hasText: passage.slice(0, 20) }).waitFor({ timeout: 10_000 });
      assert.ok(((await selectedOption(frame).getAttribute('aria-label')) ?? '').startsWith(date));
    }
  });

  it('zooms the time axis with its buttons and the + and - keys', async () => {
    const label = frame.locator('.zoom-label');
    assert.equal(await label.innerText(), '1×');
    await frame.getByRole('button', { name: 'Zoom in' }).click();
    await frame.locator('.zoom-label', { hasText: '2×' }).waitFor();
    const list = frame.locator('.list[role=listbox]');
    await list.focus();
    await list.press('+');
    await frame.locator('.zoom-label', { hasText: '4×' }).waitFor();
    const tall = await frame.locator('.axis').evaluate((el) => el.scrollHeight / el.clientHeight);
    assert.ok(tall > 3, `zoomed 4×, the axis is ${tall.toFixed(1)} views tall`);
    await screenshots(wb, 'timeline zoomed');
    await list.press('-');
    await list.press('-');
    await frame.locator('.zoom-label', { hasText: '1×' }).waitFor();
    assert.equal(await frame.getByRole('button', { name: 'Zoom out' }).isDisabled(), true);
  });

  it('looks right in light and high-contrast themes too', async () => {
    await setColorTheme(wb, frame, 'Light Modern', 'vscode-light');
    const list = frame.locator('.list[role=listbox]');
    await list.focus();
    await list.press('Home');
    await wb.page.waitForTimeout(300);
    await screenshots(wb, 'timeline light');
    await setColorTheme(wb, frame, 'Dark High Contrast', 'vscode-high-contrast');
    await screenshots(wb, 'timeline high contrast');
    await setColorTheme(wb, frame, 'Light Modern', 'vscode-light');
  });

  it('works wide: grouped by year, with room for the normalised dates', async () => {
    const sidebar = wb.page.locator('.part.sidebar');
    const before = (await sidebar.boundingBox()).width;
    // Drag the side bar's edge to the right.
    const sash = wb.page.locator('.monaco-sash.vertical').filter({ has: wb.page.locator('xpath=.') });
    let dragged = false;
    for (const box of await sash.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
      if (Math.abs(box.x + box.width / 2 - (before + 48)) < 12 && box.height > 300) {
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        await wb.page.mouse.move(x, y);
        await wb.page.mouse.down();
        await wb.page.mouse.move(x + 420, y, { steps: 8 });
        await wb.page.mouse.up();
        dragged = true;
        break;
      }
    }
    assert.ok(dragged, 'found the side bar sash');
    await wb.page.waitForTimeout(500);
    assert.ok((await sidebar.boundingBox()).width > before + 300);
    await frame.locator('select.grouping').selectOption('year');
    await frame.locator('.row.group', { hasText: '1973' }).first().waitFor();
    const list = frame.locator('.list[role=listbox]');
    await list.focus();
    await list.press('Home');
    assert.ok(await frame.locator('.edtf', { hasText: '1956-11-03' }).isVisible(), 'the normalised date beside the written one');
    await screenshots(wb, 'timeline wide');
    await frame.locator('select.grouping').selectOption('decade');
  });

  it('keeps its filter when hidden and shown again, and across a window reload', async () => {
    await frame.locator('input.filter-text').fill('Shazly');
    await frame.locator('.count', { hasText: /^\d+ of \d+ events?$/ }).waitFor();
    const filtered = await frame.locator('.count').innerText();
    await wb.page.waitForTimeout(500); // the view reports the filter to the extension once typing pauses
    await wb.page.keyboard.press('Control+Shift+E'); // the Explorer replaces the view…
    await wb.page.locator('.explorer-folders-view').waitFor({ state: 'visible' });
    frame = await openTimeline(wb); // …and it comes back
    assert.equal(await frame.locator('input.filter-text').inputValue(), 'Shazly');
    assert.equal(await frame.locator('.count').innerText(), filtered);

    await runCommandWhenReady(wb, 'Developer: Reload Window');
    await wb.page.waitForTimeout(1000);
    await wb.page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 30_000 });
    await wb.waitForEditorText('North Korea'); // the editor comes back where it was
    frame = await openTimeline(wb);
    await frame.locator('.count', { hasText: filtered }).waitFor({ timeout: 10_000 });
    assert.equal(await frame.locator('input.filter-text').inputValue(), 'Shazly');
    for (const title of await options(frame).evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''))) {
      assert.match(title, /Shazly/);
    }
  });
});

describe('timeline view: empty, hostile and edited articles', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(() => wb?.close());

  it('without an article: says so, with a button to open one', async () => {
    // The workbench may restore editors another run left open (hot exit): close them, unsaved.
    for (let i = 0; i < 6 && (await wb.page.locator('.editor-group-container .tab').count()) > 0; i++) {
      await runCommandWhenReady(wb, 'View: Revert and Close Editor');
      await wb.page.waitForTimeout(300);
    }
    assert.equal(await wb.page.locator('.editor-group-container .tab').count(), 0, 'no editor open');
    await runCommandWhenReady(wb, 'ChronoLens: Open Timeline');
    const frame = await wb.timelineView();
    const empty = frame.locator('.empty');
    await empty.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await empty.innerText(), /No article open/);
    await screenshots(wb, 'timeline empty');
    // The button asks which file to open.
    await empty.getByRole('button', { name: 'Open an article…' }).click();
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10_000 });
    await wb.page.keyboard.press('Escape');
  });

  it('shows <script> and <img onerror> as text and runs nothing', async () => {
    await runCommandWhenReady(wb, 'File: New Untitled Text File');
    await wb.page.locator('.editor-group-container.active .monaco-editor textarea').first().waitFor();
    const hostile =
      '= Hostile =\n\n==History==\nOn 3 May 1950 the <script>window.pwned = 1</script> crowd met.\n\n' +
      'In 1960 an <img src=x onerror="window.pwned = 2"> appeared.\n';
    await wb.page.keyboard.insertText(hostile);
    await wb.waitForEditorText('crowd met');
    const frame = await openTimeline(wb);
    await options(frame).nth(1).waitFor({ timeout: 20_000 });
    const texts = await options(frame).allInnerTexts();
    assert.ok(texts.some((t) => t.includes('<script>window.pwned = 1</script>')), texts.join('\n'));
    assert.ok(texts.some((t) => t.includes('<img src=x onerror="window.pwned = 2">')), texts.join('\n'));
    assert.equal(await frame.locator('img').count(), 0, 'no <img> element');
    const scripts = await frame.locator('script').evaluateAll((els) => els.map((el) => el.outerHTML));
    assert.ok(!scripts.some((html) => html.includes('pwned')), `no script from the article: ${scripts.join('\n')}`);
    assert.equal(await frame.locator('body').evaluate(() => window.pwned), undefined);
    await screenshots(wb, 'timeline hostile text');
  });

  it('keeps its filter while the article is edited, and shows new events', async () => {
    const frame = await wb.timelineView();
    await frame.locator('body').press('/'); // the shortcut to the filter box
    assert.equal(await frame.locator('input.filter-text').evaluate((el) => el === document.activeElement), true);
    await wb.page.keyboard.type('crowd');
    await frame.locator('.count', { hasText: /^1 of 2 events$/ }).waitFor();
    await wb.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.insertText('\nIn 1970 the crowd returned.\n');
    await frame.locator('.count', { hasText: /^2 of 3 events$/ }).waitFor({ timeout: 10_000 });
    assert.equal(await frame.locator('input.filter-text').inputValue(), 'crowd');
  });

  it('notes when an article has no dates', async () => {
    await runCommandWhenReady(wb, 'File: New Untitled Text File');
    await wb.page.locator('.editor-group-container.active .monaco-editor textarea').first().waitFor();
    await wb.page.keyboard.insertText('= Undated =\n\nNothing here says when.\n');
    await wb.waitForEditorText('Nothing here');
    const frame = await wb.timelineView();
    await frame.locator('.notice', { hasText: 'No dates found' }).waitFor({ timeout: 20_000 });
  });
});

describe('timeline view: a long article', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(() => wb?.close());

  it('only the rows in view exist, End and Home reach the far events, the entity picker fills when used', async function () {
    this.timeout(120_000);
    // 300 dated passages (1700–1999), each with its own envoy: 256 people, more than the picker builds up front.
    const first = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Franz', 'Greta', 'Hugo', 'Ingrid', 'Jonas', 'Klara', 'Lukas', 'Marta', 'Nikolai', 'Olga', 'Pavel'];
    const last = ['Weber', 'Novak', 'Larsen', 'Moreau', 'Rossi', 'Costa', 'Keller', 'Brandt', 'Falk', 'Horvat', 'Jansen', 'Kovacs', 'Lindqvist', 'Marek', 'Nilsen', 'Ostrova'];
    const passages = Array.from({ length: 300 }, (_, i) => {
      const envoy = `${first[i % 16]} ${last[Math.floor(i / 16) % 16]}`;
      return `In ${1700 + i} the envoy ${envoy} travelled to the capital and signed treaty number ${i + 1}.`;
    });
    // Pasted into a new untitled document, as a reader would. The workbench has a workspace folder
    // of its own, so no untitled document of an earlier test is restored into it (hot exit); VS Code
    // may still switch the document's language (plaintext to Markdown) while it is indexed.
    await runCommandWhenReady(wb, 'File: New Untitled Text File');
    await wb.page.locator('.editor-group-container.active .monaco-editor textarea').first().waitFor();
    await wb.page.keyboard.insertText(`= Long chronicle =\n\n${passages.join('\n\n')}\n`);
    await wb.waitForEditorText('treaty number 300.');
    await wb.page.keyboard.press('Control+Home');
    await wb.waitForEditorText('= Long chronicle =');
    await runCommandWhenReady(wb, 'ChronoLens: Open Timeline');
    const frame = await wb.timelineView();
    // The count and the rows read in one evaluation: language detection may reopen the document
    // at any time, and the panel then shows no article until it is indexed again.
    const rowsWithAllEvents = () =>
      frame.locator('body').evaluate((body) => {
        const shown = body.querySelector('.count')?.textContent === '300 events' && !body.querySelector('.list').hidden;
        return shown ? body.querySelectorAll('.list [role=option]').length : -1;
      });
    let rendered = -1;
    for (const deadline = Date.now() + 30_000; rendered < 0 && Date.now() < deadline; ) {
      rendered = await rowsWithAllEvents();
      if (rendered < 0) await wb.page.waitForTimeout(100);
    }
    assert.ok(rendered > 0 && rendered < 60, `${rendered} of 300 event rows in the DOM`);

    // End: the last event, far below, is rendered, selected and in view; Home comes back.
    const list = frame.locator('.list[role=listbox]');
    // Presses `key` in the list until the event with `text` is selected. Language detection may
    // reopen the document right after the press, and the timeline of a reopened document starts
    // again at the editor's cursor: the key is pressed again then, as the user would.
    const pressUntilSelected = async (key, text) => {
      for (let press = 1; ; press++) {
        await list.focus();
        await list.press(key);
        try {
          return await frame.locator('[role=option][aria-selected=true]', { hasText: text }).waitFor({ timeout: 5_000 });
        } catch (error) {
          if (press === 3 || !String(error).includes('Timeout')) throw error;
        }
      }
    };
    await pressUntilSelected('End', 'treaty number 300');
    // Read in one evaluation: a new model (language detection may re-index the document at any
    // time) re-renders the rows, and a row found first could be gone by the time it is measured.
    const inView = async () =>
      list.evaluate((el) => {
        const row = el.querySelector('[role=option][aria-selected=true]')?.getBoundingClientRect();
        const view = el.getBoundingClientRect();
        return !!row && row.top >= view.top - 1 && row.bottom <= view.bottom + 1;
      });
    assert.equal(await inView(), true, 'the last event is scrolled into view');
    assert.ok((await list.evaluate((el) => el.scrollTop)) > 10_000, 'the list scrolled far down');
    assert.ok((await options(frame).count()) < 60);
    await pressUntilSelected('Home', 'treaty number 1.');
    assert.equal(await inView(), true, 'the first event is scrolled into view');

    // Scrolling by hand renders the rows that come into view.
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await frame.locator('[role=option]', { hasText: /treaty number 1[45]\d\./ }).first().waitFor({ timeout: 10_000 });

    // The entity picker: its options come when it is used (again after a new index of the
    // document, which VS Code's language detection may cause at any time), then filter as before.
    const picker = frame.locator('select.entity-picker');
    // Whether Pavel Ostrova's option is disabled. A new index replaces the options between a use of
    // the picker and the read: the picker is used again, as the user would.
    const pavelDisabled = async () => {
      for (let use = 1; ; use++) {
        await picker.dispatchEvent('pointerdown'); // as a click on it would, focused or not
        try {
          return await picker.locator('option[value="Pavel Ostrova"]').isDisabled({ timeout: 2_000 });
        } catch (error) {
          if (use === 10 || !String(error).includes('Timeout')) throw error;
        }
      }
    };
    await picker.focus();
    assert.ok((await picker.locator('option').count()) > 256, 'an option per person');
    await picker.selectOption('Pavel Ostrova');
    await frame.locator('.count', { hasText: /^1 of 300 events$/ }).waitFor({ timeout: 10_000 });
    await frame.locator('[role=option]', { hasText: 'treaty number 256.' }).waitFor();
    assert.equal(await pavelDisabled(), true, 'a chosen entity is disabled in the picker');
    await frame.locator('.chip-remove[aria-label="Remove filter Pavel Ostrova"]').click();
    await frame.locator('.count', { hasText: /^300 events$/ }).waitFor({ timeout: 10_000 });
    assert.equal(await pavelDisabled(), false);
  });
});
