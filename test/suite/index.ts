// The in-VS-Code test suite: VS Code's extension host loads out/test/suite/index.js (bundled from
// this file by scripts/build.mjs, `vscode` and `mocha` external) and calls run().
// Run it with `npm run test:vscode` (code-server + headless Chromium, test/e2e/run.mjs) or
// `npm run test:electron` (VS Code desktop, test/electron/run.mjs).
//
// To add tests: create test/suite/<topic>.test.ts (mocha BDD: describe/it, see activation.test.ts
// and harness.ts) and add ONE line for it to TEST_FILES below — the test files are bundled into
// this module, so they are imported here; run() fails if a *.test.ts file is missing from the list.
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import Mocha from 'mocha';

const TEST_FILES: Record<string, () => Promise<unknown>> = {
  'annotations.test.ts': () => import('./annotations.test'),
  'activation.test.ts': () => import('./activation.test'),
  'documents.test.ts': () => import('./documents.test'),
  // Not a test: the bench's scenario, registered only when bench/run.ts runs it.
  'editorStalls.bench.ts': () => import('./editorStalls.bench'),
  'hover.test.ts': () => import('./hover.test'),
  'hostile.test.ts': () => import('./hostile.test'),
  'navigation.test.ts': () => import('./navigation.test'),
  'settings.test.ts': () => import('./settings.test'),
  'size.test.ts': () => import('./size.test'),
  'timeline.test.ts': () => import('./timeline.test'),
  'trust.test.ts': () => import('./trust.test'),
  'worker.test.ts': () => import('./worker.test'),
  'workspace.test.ts': () => import('./workspace.test'),
};

// test/e2e/run.mjs sets CHRONOLENS_SUITE_MARKERS=1: mocha's lines are then marked (so the runner
// can tell them from the workbench's own log) and the counts are printed on a RESULT_MARKER line.
// Keep both markers in sync with test/e2e/run.mjs.
const MARKED = process.env.CHRONOLENS_SUITE_MARKERS === '1';
const RESULT_MARKER = '[chronolens-suite-result] ';
const OUTPUT_MARKER = MARKED ? '[chronolens-suite] ' : '';

/** Prints through the extension host's console, formatted here: VS Code's forwarding loses printf-style arguments. */
function report(...args: unknown[]): void {
  for (const line of toSource(format(...args)).split('\n')) console.log(OUTPUT_MARKER + line);
}

let sourceMap: SourceMap | null | undefined;

/**
 * Stack traces point into this bundle, and the extension host applies no source maps: rewrite
 * `out/test/suite/index.js:77:17` as `test/suite/activation.test.ts:11:12` with index.js.map.
 */
function toSource(text: string): string {
  if (sourceMap === undefined) {
    try {
      sourceMap = new SourceMap(JSON.parse(fs.readFileSync(`${__filename}.map`, 'utf8')));
    } catch {
      sourceMap = null;
    }
  }
  const map = sourceMap;
  if (!map) return text;
  const repo = path.resolve(__dirname, '../../..');
  return text.replace(/(?:[^\s()]*\/)?out\/test\/suite\/index\.js:(\d+):(\d+)/g, (whole, line: string, column: string) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!('originalSource' in entry)) return whole;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : path.resolve(__dirname, entry.originalSource);
    return `${path.relative(repo, source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function reportResult(result: { passed: number; failed: number; pending: number }): void {
  if (MARKED) console.log(RESULT_MARKER + JSON.stringify(result));
}

/** Fails loudly if a test file exists in test/suite/ but is not listed above. */
function checkTestList(): void {
  const sourceDir = path.resolve(__dirname, '../../../test/suite'); // __dirname = <repo>/out/test/suite
  if (!fs.existsSync(sourceDir)) return; // running from a packaged copy: nothing to compare
  const onDisk = fs.readdirSync(sourceDir).filter((f) => f.endsWith('.test.ts'));
  const unlisted = onDisk.filter((f) => !(f in TEST_FILES));
  if (unlisted.length > 0) {
    throw new Error(`test/suite/index.ts: add ${unlisted.join(', ')} to TEST_FILES (test files are bundled, so they must be imported there)`);
  }
}

export async function run(): Promise<void> {
  // mocha's reporters print through Base.consoleLog. (console.log itself cannot be replaced in the
  // extension host; what tests and the extension print arrives unmarked, and the runner shows it too.)
  (Mocha.reporters.Base as unknown as { consoleLog: typeof report }).consoleLog = report;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000 });
  // `npm run test:vscode -- --grep <regexp>` reaches the extension host as an environment variable.
  const grep = process.env.CHRONOLENS_TEST_GREP;
  if (grep) mocha.grep(grep);

  try {
    checkTestList();
    for (const [file, load] of Object.entries(TEST_FILES)) {
      // What mocha.addFile()+loadFiles() do, for a module that is already in this bundle.
      mocha.suite.emit('pre-require', globalThis, file, mocha);
      const mod = await load();
      mocha.suite.emit('require', mod, file, mocha);
      mocha.suite.emit('post-require', globalThis, file, mocha);
    }
  } catch (err) {
    report(`Could not load the test files: ${err instanceof Error ? err.stack : String(err)}`);
    reportResult({ passed: 0, failed: 1, pending: 0 });
    throw err;
  }

  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  const result = { passed: stats.passes, failed: stats.failures, pending: stats.pending };
  reportResult(result);
  if (result.failed > 0) throw new Error(`${result.failed} in-VS-Code test(s) failed`);
}
