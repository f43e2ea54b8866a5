// What a reader sees while a long article is first indexed: the status bar says the index is
// coming (the worker's first index of 1.4 million characters takes seconds), then gives way to the
// article's summary.
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

  it('says in the status bar that it is being indexed, then shows its summary there', async () => {
    fs.writeFileSync(path.join(wb.folder, 'long.txt'), longArticle(fs.readFileSync(path.join(wb.folder, SAMPLE), 'utf8')));
    await wb.quickOpen('long.txt');
    const indexing = wb.page.locator(`${SELECTORS.statusbar} .statusbar-item`, { hasText: 'Indexing article…' });
    await indexing.waitFor({ state: 'visible', timeout: 30_000 });
    await wb.screenshot('long-article-indexing');
    await wb.waitForIndexed(120_000);
    assert.equal(await indexing.count(), 0, 'the notice gives way to the summary');
  });
});
