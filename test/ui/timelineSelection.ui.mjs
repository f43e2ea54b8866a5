// The timeline's front end (dist/webview.js) in a bare Chromium page, spoken to as the extension
// speaks to it (src/webview/protocol.ts): a model the extension sent before it heard of the user's
// latest selection must not move the selection back.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blankPage } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = fs.readFileSync(path.join(REPO, 'dist/webview.js'), 'utf8');
const CSS = fs.readFileSync(path.join(REPO, 'media/timeline.css'), 'utf8');

/** Three events of the sample article, as the extension sends them (WireEvent: id, written, edtf, precision, from, to, flags, text, entities, section). */
function event(id, written, year, words) {
  return [id, written, String(year), 'year', year, year + 1, 0, words, [], -1];
}
const MODEL = {
  uri: 'untitled:egypt-north-korea', title: 'Egypt–North Korea relations', version: 1,
  events: [
    event('v1', '1956', 1956, 'Diplomatic relations began in 1956.'),
    event('v2', '1973', 1973, 'North Korean pilots flew for Egypt in 1973.'),
    event('v3', '1981', 1981, 'Between 1976 and 1981 Egypt bought Scud missiles.'),
  ],
  facets: { entities: [], types: [], sections: [] },
  chips: [],
};
// The model goes as its JSON text here; send() makes it the UTF-8 bytes the extension sends (src/webview/protocol.ts, JsonBytes).
let pushes = 0;
const modelMessage = (selectedId, selectedSeq) => ({
  type: 'model', model: JSON.stringify(MODEL), push: ++pushes, parts: 0, filters: { entities: [], types: [], section: null, text: '' }, filtersSeq: 0,
  settings: { grouping: 'none', zoom: 1 }, selectedId, selectedSeq,
});

describe('timeline view: the selection and the extension’s models', function () {
  let tab;
  before(async () => {
    tab = await blankPage();
    await tab.page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body></body></html>`);
    await tab.page.evaluate(() => {
      window.posted = [];
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => {} });
    });
    await tab.page.addScriptTag({ content: SCRIPT });
  });
  after(() => tab?.close());

  const selected = () => tab.page.locator('[role=option][aria-selected=true]');
  // JSON texts made bytes in the page, as the extension sends them.
  const send = (message) =>
    tab.page.evaluate((m) => {
      const bytes = (json) => new TextEncoder().encode(json);
      window.postMessage(m.type === 'model' ? { ...m, model: bytes(m.model), kept: m.kept && { ...m.kept, ids: bytes(m.kept.ids) } } : m, '*');
    }, message);

  it('keeps the user’s latest selection against a model sent before the extension heard of it, and follows one sent after', async function () {
    this.timeout(30_000);
    await send(modelMessage('v1', 0));
    await selected().filter({ hasText: 'Diplomatic relations' }).waitFor();
    // The user goes to the last event: the webview tells the extension (selection 1)…
    await tab.page.locator('.list[role=listbox]').press('End');
    await selected().filter({ hasText: 'Scud missiles' }).waitFor();
    const told = await tab.page.evaluate(() => window.posted.filter((m) => m.type === 'select'));
    assert.deepEqual(told.at(-1), { type: 'select', eventId: 'v3', seq: 1 });
    // …while a re-index the extension sent before that arrived still names the first one.
    await send(modelMessage('v1', 0));
    await tab.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    assert.equal(await selected().textContent().then((t) => t?.includes('Scud missiles')), true, 'a stale model moved the selection back');
    // Once the extension has heard (selection 1), its model's selection counts again.
    await send(modelMessage('v2', 1));
    await selected().filter({ hasText: 'North Korean pilots' }).waitFor();
  });

  it('after an edit, keeps the events it has and takes only those that changed, renumbered; asks for a whole model when it lacks the one named', async function () {
    this.timeout(30_000);
    const whole = modelMessage(null, 9);
    await send(whole);
    const cards = () => tab.page.locator('[role=option]').evaluateAll((els) => els.map((el) => `${el.dataset.id} ${el.textContent}`));
    await tab.page.locator('[role=option]').filter({ hasText: 'flew for Egypt in 1973' }).waitFor();
    // An edit: the middle event's year changed, and an event came before the last one in the text.
    const edited = event('v2', '1974', 1974, 'North Korean pilots flew for Egypt in 1974.');
    const ids = JSON.stringify(['v1', 'v4']);
    await send({ ...modelMessage(null, 9), model: JSON.stringify({ ...MODEL, version: 2, events: [edited] }), kept: { base: whole.push, head: 1, tail: 1, ids } });
    await tab.page.locator('[role=option]').filter({ hasText: 'flew for Egypt in 1974' }).waitFor();
    const shown = await cards();
    assert.equal(shown.length, 3);
    assert.match(shown[0], /^v1 .*Diplomatic relations began in 1956/);
    assert.match(shown[1], /^v2 .*flew for Egypt in 1974/);
    assert.match(shown[2], /^v4 .*Scud missiles/, 'the last event kept, with its new id');
    // Kept against a model the page never had: it shows nothing new and asks for everything again.
    const before = await tab.page.evaluate(() => window.posted.length);
    await send({ ...modelMessage(null, 9), model: JSON.stringify({ ...MODEL, version: 3, events: [] }), kept: { base: 999, head: 1, tail: 1, ids } });
    await tab.page.waitForFunction((n) => window.posted.slice(n).some((m) => m.type === 'ready'), before);
    assert.deepEqual(await cards(), shown);
  });
});
