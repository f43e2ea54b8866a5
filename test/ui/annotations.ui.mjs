// What a reader sees of the annotations in the editor: the inferred year shown after "June",
// dates and names coloured apart from the prose by the colour theme.
import assert from 'node:assert/strict';
import { openWorkbench, SAMPLE, SELECTORS } from './helpers.mjs';

/** The computed text colour of the on-screen text `word` (the innermost span holding its first character). */
async function colourOf(wb, word) {
  return wb.page.evaluate(
    ({ sel, word }) => {
      const lines = document.querySelector(`${sel.activeEditor} ${sel.viewLines}`);
      if (!lines) return null; // the editor is not rendered yet
      const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.data.replace(/\u00a0/g, ' ');
        if (text.includes(word)) return getComputedStyle(n.parentElement).color;
      }
      return null;
    },
    { sel: SELECTORS, word },
  );
}

/** Picks a colour theme in its picker and waits for the workbench to show it. */
async function setColorTheme(wb, label, workbenchSelector) {
  await wb.runCommand('Preferences: Color Theme');
  await wb.page.locator(SELECTORS.quickInputBox).fill(label);
  await wb.page.locator(SELECTORS.quickInputRow).first().waitFor();
  await wb.page.keyboard.press('Enter');
  await wb.page.locator(workbenchSelector).waitFor({ timeout: 10_000 });
}

/** Waits until `word` and `other` (both on screen) have different colours, or fails. */
async function colouredApart(wb, word, other) {
  let a, b;
  for (let i = 0; i < 60; i++) {
    a = await colourOf(wb, word);
    b = await colourOf(wb, other);
    if (a && b && a !== b) return;
    await wb.page.waitForTimeout(250);
  }
  assert.fail(`"${word}" (${a}) is not coloured unlike "${other}" (${b})`);
}

/**
 * A workbench with the sample open and indexed. The first workbench of a run may take its extension
 * host many seconds to start on a loaded machine (a CI run failed here, colours polled for 10 s,
 * ChronoLens not yet active): the status bar item says the article is indexed, then colours are checked.
 */
async function openIndexedSample() {
  const wb = await openWorkbench({ file: SAMPLE });
  await wb.waitForIndexed();
  return wb;
}

describe('annotations in the editor', function () {
  let wb;
  before(async function () {
    this.timeout(90_000);
    wb = await openIndexedSample();
  });
  after(() => wb?.close());

  it('colours dates and people unlike the prose, and shows ⟨1973⟩ after "June"', async () => {
    // Semantic tokens arrive after the index: poll until the date is its own coloured span.
    let prose, date;
    for (let i = 0; i < 40; i++) {
      prose = await colourOf(wb, 'issued a declaration of solidarity');
      date = await colourOf(wb, '3 November 1956');
      if (prose && date && prose !== date) break;
      await wb.page.waitForTimeout(250);
    }
    assert.ok(prose && date, 'the History paragraph is on screen');
    assert.notEqual(date, prose, 'the date is coloured unlike the prose around it');
    const person = await colourOf(wb, 'Anwar Sadat');
    assert.notEqual(person, await colourOf(wb, 'broke with the'), 'the person is coloured unlike the prose');
    assert.notEqual(person, date, 'people and dates have different colours');
    await wb.screenshot('annotations-history');

    // The Military paragraph: the inlay hint is rendered inside the line, right after the word.
    await wb.goToLine(19);
    const juneLine = wb.page.locator(`${SELECTORS.activeEditor} ${SELECTORS.viewLine}`, { hasText: 'arrived in June' }).first();
    await juneLine.filter({ hasText: '1973' }).waitFor({ state: 'visible', timeout: 20_000 });
    assert.match((await juneLine.innerText()).replace(/\u00a0/g, ' '), /arrived in June\s*⟨1973⟩/);
    await wb.screenshot('annotations-military');
  });

  it('colours them apart in a dark theme too (Dark Modern)', async () => {
    // The theme is a user setting shared by the later UI tests: put Light Modern back in any case.
    await setColorTheme(wb, 'Dark Modern', '.monaco-workbench.vs-dark');
    try {
      await colouredApart(wb, 'June', 'arrived in');
      await colouredApart(wb, 'Kim Il Sung', 'gained the consent of');
      await colouredApart(wb, 'Yom Kippur War', 'after the outbreak the');
      await wb.screenshot('annotations-dark');
    } finally {
      await setColorTheme(wb, 'Light Modern', '.monaco-workbench.vs:not(.vs-dark)');
    }
  });
});

describe('a name typed anew in the settings', function () {
  let wb;
  before(async function () {
    this.timeout(90_000);
    wb = await openIndexedSample();
  });
  after(() => wb?.close());

  it('is coloured as its new type at once, with no edit of the article', async () => {
    await colouredApart(wb, 'Gamal Abdel Nasser', 'have remained');
    const asPerson = await colourOf(wb, 'Gamal Abdel Nasser');
    // The index is made again for the same text; only ChronoLens can tell VS Code the colours changed.
    wb.writeWorkspaceSettings({ 'chronolens.entities.types': { 'Gamal Abdel Nasser': 'event' } });
    let now = asPerson;
    for (let i = 0; i < 60 && now === asPerson; i++) {
      await wb.page.waitForTimeout(250);
      now = await colourOf(wb, 'Gamal Abdel Nasser');
    }
    assert.notEqual(now, asPerson, '"Gamal Abdel Nasser" is still coloured as a person');
    assert.notEqual(now, await colourOf(wb, 'have remained'), 'the event is coloured unlike the prose');
    await wb.screenshot('annotations-retyped');
  });
});

describe('the article language in the editor', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench({ file: SAMPLE });
  });
  after(() => wb?.close());

  it('switched to Article, colours headings, the infobox key and list items by the grammar', async () => {
    // ChronoLens is up (the plain-text sample is coloured) before the language is switched.
    await colouredApart(wb, '3 November 1956', 'issued a declaration of solidarity');
    // The language indicator in the status bar opens the language picker.
    await wb.page.locator(`${SELECTORS.statusbar} [aria-label="Plain Text"], ${SELECTORS.statusbar} a`, { hasText: 'Plain Text' }).first().click();
    const box = wb.page.locator(SELECTORS.quickInputBox);
    await box.waitFor({ state: 'visible' });
    await box.fill('article');
    await wb.page.locator(SELECTORS.quickInputRow, { hasText: 'Article' }).first().click();
    await wb.page.locator(SELECTORS.statusbar, { hasText: 'Article' }).waitFor({ state: 'visible', timeout: 10_000 });
    // The grammar: the ==History== heading and the infobox key, unlike the prose.
    await colouredApart(wb, 'History', 'Relations have remained');
    await colouredApart(wb, 'Map', 'Relations have remained');
    // Dates and names are still coloured by ChronoLens in the article language (re-indexed after the switch).
    await colouredApart(wb, '3 November 1956', 'issued a declaration of solidarity');
    await wb.screenshot('annotations-article-language');
  });
});
