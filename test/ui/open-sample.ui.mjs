import assert from 'node:assert/strict';
import { openWorkbench, SAMPLE } from './helpers.mjs';

describe('opening the sample article', function () {
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(() => wb?.close());

  it('opens samples/egypt-north-korea.txt from the Explorer and shows the article', async () => {
    await wb.openFromExplorer(SAMPLE);
    await wb.waitForEditorText('Egypt–North Korea relations');
    assert.match(await wb.editorText(), /^= Egypt–North Korea relations =$/m);
    await wb.screenshot('open-sample');
  });
});
