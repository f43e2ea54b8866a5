import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// The browser build of the core runs in web workers (VS Code for the Web, the web index
// worker), where there is no `document`; Node has none either, so loading it here proves it.
describe('the core built for browsers and workers', () => {
  const bundle = resolve('dist/core.browser.js');
  before(() => {
    if (!existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs']);
  });

  it('loads without a DOM and indexes the sample article', async () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    const core = (await import(pathToFileURL(bundle).href)) as typeof import('../../src/core');
    // A named character reference is what the DOM variant of remark's decoder would need `document` for.
    const index = core.buildIndex(readFileSync('samples/egypt-north-korea.txt', 'utf8') + '\nIn 1990, Egypt &amp; Israel met.\n');
    assert.equal(index.data.title, 'Egypt–North Korea relations');
    assert.ok(index.data.dates.some((d) => d.edtf === '1956-11-03'));
  });
});
