// The benchmark's scenario in the workbench page, not a test: `npm run bench` (bench/run.ts) runs
// it with CHRONOLENS_BENCH_ARTICLE (a long article's text, in a file) and CHRONOLENS_BENCH_OUT
// (where to write the figures); without them nothing here is registered.
//
// What a person typing sees: how long each keystroke takes to show in the window, from the key
// event to the next paint (the browser's Event Timing, as web pages' responsiveness is measured),
// and the main thread's long tasks meanwhile. Everything the editor does for the extension lands
// here: decorations, semantic tokens, diagnostics, the outline and breadcrumbs, the panel's
// webview. The same plain-text file is typed into twice, in fresh workbenches taking turns: with
// ChronoLens switched off for it (`chronolens.languages` empty in the workspace: VS Code's own
// cost of a long file), and as an article, with the timeline open.
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, SELECTORS } from './helpers.mjs';

const article = process.env.CHRONOLENS_BENCH_ARTICLE;
const out = process.env.CHRONOLENS_BENCH_OUT;

const ROUNDS = 2;
const KEYSTROKES = 40;
/** Between keystrokes: a brisk typist. */
const KEY_DELAY_MS = 150;
/** After typing, for the work that waits on a pause (the outline, the panel's model). */
const SETTLE_MS = 3000;

/** Opens the article's text in a fresh workbench, ready to type into at `line`: indexed and painted when ChronoLens reads it. */
async function openReady(asArticle, line) {
  const wb = await openWorkbench();
  if (!asArticle) wb.writeWorkspaceSettings({ 'chronolens.languages': [] });
  fs.copyFileSync(article, path.join(wb.folder, 'long.txt'));
  await wb.quickOpen('long.txt');
  if (asArticle) {
    await wb.waitForIndexed(120_000);
    await wb.runCommand('ChronoLens: Open Timeline');
    await wb.page.locator(SELECTORS.webviewOuter).first().waitFor({ state: 'attached', timeout: 30_000 });
  }
  await wb.page.waitForTimeout(SETTLE_MS);
  await wb.goToLine(line);
  await wb.focusEditor();
  return wb;
}

/** Types the keystrokes and returns what the page saw: each key's time to paint, and the long tasks. */
async function typeAndWatch(wb) {
  await wb.page.evaluate(() => {
    const seen = (globalThis.__chronolensBench = { keys: [], longTasks: [] });
    // Only events of 16 ms or more are reported (the API's least threshold): a key not reported took less.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') seen.keys.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await wb.page.keyboard.type('x'.repeat(KEYSTROKES), { delay: KEY_DELAY_MS });
  await wb.page.waitForTimeout(SETTLE_MS);
  return wb.page.evaluate(() => globalThis.__chronolensBench);
}

if (article && out) {
  describe('bench: keystrokes in the window', function () {
    this.timeout(900_000);
    it('types into a long text without ChronoLens and as an article with the timeline open, in turns', async () => {
      const seen = { plain: { keys: [], longTasks: [] }, article: { keys: [], longTasks: [] } };
      const middleLine = Math.round(fs.readFileSync(article, 'utf8').split('\n').length / 2);
      for (let round = 0; round < ROUNDS; round++) {
        for (const kind of ['plain', 'article']) {
          const wb = await openReady(kind === 'article', middleLine);
          try {
            const { keys, longTasks } = await typeAndWatch(wb);
            seen[kind].keys.push(...keys);
            seen[kind].longTasks.push(...longTasks);
          } finally {
            await wb.close();
          }
        }
      }
      fs.writeFileSync(out, JSON.stringify({ keystrokes: ROUNDS * KEYSTROKES, ...seen }));
    });
  });
}
