import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yauzl from 'yauzl';

/** The names of the files inside a .vsix (a zip), without the `extension/` folder prefix. */
function vsixEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length))));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the .vsix package', function () {
  this.timeout(120_000);
  let files: string[];

  before(async () => {
    if (!existsSync('dist/extension.js')) execFileSync(process.execPath, ['scripts/build.mjs']);
    const out = join(mkdtempSync(join(tmpdir(), 'chronolens-vsix-')), 'chronolens.vsix');
    execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--out', out], { stdio: 'pipe' });
    files = await vsixEntries(out);
  });

  it('holds the bundles, grammar, media, docs and the sample', () => {
    for (const expected of [
      'package.json',
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      'dist/extension.js',
      'dist/web/extension.js',
      'dist/indexWorker.js',
      'dist/web/indexWorker.js',
      'dist/indexWorker.js',
      'dist/web/indexWorker.js',
      'dist/webview.js',
      'syntaxes/article.tmLanguage.json',
      'language-configuration.json',
      'media/icon.png',
      'samples/egypt-north-korea.txt',
      'samples/ATTRIBUTION.md',
    ]) {
      assert.ok(files.includes(expected), `${expected} is packaged (have: ${files.join(', ')})`);
    }
  });

  it('leaves out sources, tests, the test harness, maps and dependencies', () => {
    const unwanted = files.filter((f) => /^(src|test|scripts|out|node_modules|bench|\.ci)\/|\.map$|\.ts$|^tsconfig|\.vsix$/.test(f));
    assert.deepEqual(unwanted, []);
  });
});
