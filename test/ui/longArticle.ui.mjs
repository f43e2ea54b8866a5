// What a reader sees while a long article is first indexed (the worker's first index of 1.4 million
// characters takes seconds): the status bar and the timeline say the index is coming, the timeline
// no longer shows the article it showed before, and then both show the long article.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openWorkbench, SAMPLE, SELECTORS } from './helpers.mjs';

/**
 * The sample over and over, to some 1.4 million characters (under chronolens.maxArticleSize), its
 * years moved back by one more in each copy, so that no two copies read the same.
 */
function longArticle(sample) {
  const copies = [];
  for (let k = 0; copies.length * sample.length < 1_400_000; k++) {
    copies.push(sample.replace(/\b(?:19|20)\d\d\b/g, (year) => String(Number(year) - k)));
  }
  return copies.join('\n\n');
}

describe('a long article opened', function () {
  this.timeout(180_000);
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(() => wb?.close());

  it('is said to be indexing in the status bar and the timeline, in place of the article before, then shown', async () => {
    fs.writeFileSync(path.join(wb.folder, 'long.txt'), longArticle(fs.readFileSync(path.join(wb.folder, SAMPLE), 'utf8')));
    await wb.openFromExplorer(SAMPLE);
    await wb.waitForIndexed();
    await wb.runCommand('ChronoLens: Open Timeline');
    const timeline = await wb.timelineView();
    const events = timeline.locator('[role=option]');
    await events.first().waitFor({ state: 'visible', timeout: 30_000 });

    await wb.focusEditor(); // Quick Open's keys go to the workbench, not to the timeline's webview
    await wb.quickOpen('long.txt');
    const statusNotice = wb.page.locator(`${SELECTORS.statusbar} .statusbar-item`, { hasText: 'Indexing article…' });
    const timelineNotice = timeline.getByRole('status').filter({ hasText: 'Indexing long.txt…' });
    await statusNotice.waitFor({ state: 'visible', timeout: 30_000 });
    await timelineNotice.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await events.filter({ visible: true }).count(), 0, "the sample's events are no longer shown");
    await wb.screenshot('long-article-indexing');

    await wb.waitForIndexed(120_000);
    await timelineNotice.waitFor({ state: 'hidden', timeout: 30_000 });
    await events.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await statusNotice.count(), 0, 'the status bar notice gives way to the summary');
  });
});
