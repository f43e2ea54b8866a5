// What a reader sees while a long article is first indexed (the worker's first index of 1.9 million
// characters takes seconds): the status bar and the timeline say the index is coming, the timeline
// no longer shows the article it showed before, and then both show the long article; a reader who
// goes back to the article before meanwhile gets its timeline back, with no progress bar over it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, SAMPLE, SELECTORS } from './helpers.mjs';

/**
 * The sample over and over, to some 1.9 million characters (under chronolens.maxArticleSize), its
 * years moved back by one more in each copy, so that no two copies read the same.
 */
function longArticle(sample) {
  const copies = [];
  for (let k = 0; copies.length * sample.length < 1_900_000; k++) {
    copies.push(sample.replace(/\b(?:19|20)\d\d\b/g, (year) => String(Number(year) - k)));
  }
  return copies.join('\n\n');
}

/** Opens the sample with the timeline showing its events, then long.txt (1.9 million characters) while the timeline is open. */
async function openLongAfterSample(wb) {
  fs.writeFileSync(path.join(wb.folder, 'long.txt'), longArticle(fs.readFileSync(path.join(wb.folder, SAMPLE), 'utf8')));
  await wb.openFromExplorer(SAMPLE);
  await wb.waitForIndexed();
  await wb.runCommand('ChronoLens: Open Timeline');
  const timeline = await wb.timelineView();
  const events = timeline.locator('[role=option]');
  await events.first().waitFor({ state: 'visible', timeout: 30_000 });
  await wb.focusEditor(); // Quick Open's keys go to the workbench, not to the timeline's webview
  await wb.quickOpen('long.txt');
  const notice = timeline.getByRole('status').filter({ hasText: 'Indexing long.txt…' });
  await notice.waitFor({ state: 'visible', timeout: 30_000 });
  return { timeline, events, notice };
}

/** The side bar's progress bar (the timeline view's), while it runs. */
const progressIn = (wb) => wb.page.locator(`${SELECTORS.sideBar} ${SELECTORS.progressRunning}`);

describe('a long article opened', function () {
  this.timeout(180_000);
  let wb;
  beforeEach(async () => {
    wb = await openWorkbench();
  });
  afterEach(() => wb?.close());

  it('is said to be indexing in the status bar and the timeline, in place of the article before, then shown', async () => {
    const { events, notice } = await openLongAfterSample(wb);
    const statusNotice = wb.page.locator(`${SELECTORS.statusbar} .statusbar-item`, { hasText: 'Indexing article…' });
    await statusNotice.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await events.filter({ visible: true }).count(), 0, "the sample's events are no longer shown");
    assert.ok((await progressIn(wb).count()) > 0, "the timeline view's progress bar runs");
    await wb.screenshot('long-article-indexing');

    await wb.waitForIndexed(120_000);
    await notice.waitFor({ state: 'hidden', timeout: 30_000 });
    await events.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await statusNotice.count(), 0, 'the status bar notice gives way to the summary');
    await progressIn(wb).waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('gives the timeline back to the article the reader returns to while it is indexed, its progress bar stopped', async () => {
    const { events, notice } = await openLongAfterSample(wb);
    await wb.page.locator(SELECTORS.tab, { hasText: 'egypt-north-korea.txt' }).click();
    await events.first().waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await notice.isVisible(), false);
    await progressIn(wb).waitFor({ state: 'detached', timeout: 1_000 }); // while long.txt is still being indexed (seconds)
  });
});
