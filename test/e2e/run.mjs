#!/usr/bin/env node
// `npm run test:vscode` — ChronoLens's tests inside a real VS Code, with no VS Code download:
//   1. builds (scripts/build.mjs), installs on first use what is missing (Debian chromium,
//      libkrb5-dev, ripgrep as root; code-server into test/e2e/.cache/code-server/);
//   2. starts code-server on 127.0.0.1 (HOME/XDG and profile in a scratch folder) and opens its
//      workbench in headless Chromium with the extension under development and the test payload:
//      the extension host runs out/test/suite/index.js (test/suite/*.test.ts, mocha);
//      the workspace is a .code-workspace of two folders (multi-root); then the tests of
//      test/suite/trust.test.ts run again in a second code-server where that workspace is
//      untrusted (restricted mode);
//   3. runs the UI tests test/ui/*.ui.mjs (mocha, here in Node) against fresh workbenches (and
//      test/ui/*.bench.mjs, the bench's scenarios, which register nothing unless it runs them);
//   4. stops code-server and Chromium on every way out and prints, as its LAST line,
//      `vscode: N passed, N failed` (extension-host and UI tests together); exit code 1 on failure.
// Options: --grep <regexp>   only tests whose full title matches (both kinds; e.g. 'hover|timeline')
//          --only host|ui    only the in-host suite or only the UI tests
//          --no-build        skip the build (the caller has just built)
//          --keep            keep the scratch folder (test/e2e/.cache/runs/…) for debugging
// Environment: CHRONOLENS_VSCODE_TIMEOUT_S  seconds the in-host suite may take (default 300);
//              CHRONOLENS_DEBUG=1  stack traces of harness errors; CHRONOLENS_CHROMIUM  another browser.
// Logs of the last run: test-results/vscode/ ; screenshots: test-results/screenshots/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import { REPO, CACHE, ensureSystemPackages, ensureCodeServer, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { onCleanup, onInterrupt, runCleanups } from './lib/cleanup.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
if (opts.only && !['host', 'ui'].includes(opts.only)) {
  console.error('--only must be "host" or "ui"');
  process.exit(2);
}

/** The tests that run a second time, in an untrusted workspace (a describe title in test/suite/trust.test.ts). */
const RESTRICTED_SUITE = 'workspace trust';
const HOST_TIMEOUT_MS = Number(process.env.CHRONOLENS_VSCODE_TIMEOUT_S ?? 300) * 1000;
const WATCHDOG_MS = HOST_TIMEOUT_MS + 20 * 60_000; // installs + UI tests: the whole run never hangs
// Printed by test/suite/index.ts: the counts, and a mark on every extension-host console line.
const RESULT_MARKER = '[chronolens-suite-result] ';
const OUTPUT_MARKER = '[chronolens-suite] ';
const TESTS_MODULE = path.join(REPO, 'out/test/suite/index.js');
const RESULTS = path.join(REPO, 'test-results');
const LOGS = path.join(RESULTS, 'vscode');
const SCREENSHOTS = path.join(RESULTS, 'screenshots');
const VIEWPORT = { width: 1400, height: 900 };

const say = (msg) => console.log(`[vscode] ${msg}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const host = { passed: 0, failed: 0, ran: false };
const ui = { passed: 0, failed: 0, ran: false };
let harnessErrors = 0;
let finished = false;

function finish() {
  if (finished) return;
  finished = true;
  const parts = [];
  if (host.ran) parts.push(`extension host ${host.passed} of ${host.passed + host.failed} passed`);
  if (ui.ran) parts.push(`UI ${ui.passed} of ${ui.passed + ui.failed} passed`);
  if (harnessErrors) parts.push(`${harnessErrors} harness error(s)`);
  console.log(`[vscode] (${parts.join('; ') || 'nothing ran'})`);
  const passed = host.passed + ui.passed;
  const failed = host.failed + ui.failed + harnessErrors;
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

function build() {
  const t = Date.now();
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the build (node scripts/build.mjs) failed');
  say(`built in ${seconds(t)}`);
}

/**
 * A throwaway workspace folder: a copy of samples/ (the tests open samples/egypt-north-korea.txt).
 * The in-host suite opens it as the first folder of a multi-root workspace (a .code-workspace
 * file) whose second folder has folder settings of its own (test/suite/workspace.test.ts); the UI
 * tests open the folder alone.
 */
function makeWorkspace(scratch) {
  const ws = path.join(scratch, 'workspace');
  fs.cpSync(path.join(REPO, 'samples'), path.join(ws, 'samples'), { recursive: true });
  const second = path.join(scratch, 'second-folder');
  fs.mkdirSync(path.join(second, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(second, '.vscode/settings.json'),
    JSON.stringify({ 'chronolens.languages': ['article', 'markdown', 'plaintext', 'ini'], 'chronolens.entities.aliases': { 'the Rais': 'Gamal Abdel Nasser' } }, null, 2),
  );
  const workspaceFile = path.join(scratch, 'chronolens-tests.code-workspace');
  fs.writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: ws }, { path: second }], settings: {} }, null, 2));
  return { folder: ws, workspaceFile };
}

function argText(a) {
  if (typeof a === 'string') return a;
  try {
    return JSON.stringify(a);
  } catch {
    return String(a);
  }
}

/**
 * Runs test/suite (bundled to out/test/suite/index.js) in VS Code's extension host; `name` tells
 * the runs apart (logs, screenshots). Counts add up over runs.
 */
async function runHostSuite({ browser, server, workspaceFile, name = 'extension host' }) {
  host.ran = true;
  const t = Date.now();
  const suffix = name === 'extension host' ? '' : ` (${name})`;
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const consoleLog = fs.createWriteStream(path.join(LOGS, `workbench-console${suffix}.log`));
  let result = null;
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));

  // The workbench hands its log and the extension host's console (mocha's reporter included) to
  // codeAutomationLog, and run()'s outcome to codeAutomationExit (0: resolved, 1: rejected).
  // From the first line marked by test/suite/index.ts to the result line, everything is printed
  // (mocha's report, and what tests and the extension print); before and after, the workbench's
  // own log goes only to the log file (its errors are shown when the suite does not report).
  const workbenchErrors = [];
  let inSuite = false;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map(argText).join(' ');
    consoleLog.write(`[automation ${type}] ${text}\n`);
    for (const line of text.split('\n')) {
      const at = line.indexOf(OUTPUT_MARKER);
      if (line.includes(RESULT_MARKER)) {
        try {
          result = JSON.parse(line.slice(line.indexOf(RESULT_MARKER) + RESULT_MARKER.length));
        } catch { /* malformed: treated as missing */ }
        inSuite = false;
      } else if (at >= 0) {
        inSuite = true;
        console.log(`  ${line.slice(at + OUTPUT_MARKER.length)}`);
      } else if (inSuite) {
        (type === 'error' ? console.error : console.log)(`  ${line}`);
      } else if (type === 'error') {
        workbenchErrors.push(line);
      }
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit({ code }));
  page.on('crash', () => resolveExit({ error: 'the workbench page crashed' }));
  page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.stack ?? e}\n`));
  page.on('console', (m) => consoleLog.write(`[console ${m.type()}] ${m.text()}\n`));

  const url = workbenchUrl({ port: server.port, workspace: workspaceFile, extensionDevelopmentPath: REPO, extensionTestsPath: TESTS_MODULE });
  say('running test/suite inside VS Code (extension host)…');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  let timer;
  const outcome = await Promise.race([
    exited,
    new Promise((r) => (timer = setTimeout(() => r({ error: `VS Code did not report back within ${HOST_TIMEOUT_MS / 1000} s` }), HOST_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  // The last log lines can arrive just after the exit call.
  for (let i = 0; i < 20 && !result && !outcome.error; i++) await new Promise((r) => setTimeout(r, 100));

  if (outcome.error || outcome.code !== 0 || !result) {
    if (workbenchErrors.length && (outcome.error || !result)) console.error(`[vscode] the workbench's errors (all in test-results/vscode/workbench-console.log):\n${workbenchErrors.slice(-30).map((l) => `  ${l}`).join('\n')}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `FAILED extension-host suite${suffix}.png`), fullPage: true }).catch(() => {});
  }
  await context.close().catch(() => {});
  consoleLog.end();

  const before = { passed: host.passed, failed: host.failed };
  if (result) {
    host.passed += result.passed;
    host.failed += result.failed;
  }
  if (outcome.error) {
    console.error(`[vscode] ERROR: ${outcome.error}. See test-results/vscode/ (workbench-console.log, code-server.log) and test-results/screenshots/.`);
    if (!result || result.failed === 0) host.failed += 1;
  } else if (!result) {
    console.error(`[vscode] ERROR: the extension host exited (code ${outcome.code}) without reporting test counts. See test-results/vscode/workbench-console.log.`);
    host.failed += 1;
  } else if (outcome.code !== 0 && result.failed === 0) {
    console.error(`[vscode] ERROR: run() rejected (exit code ${outcome.code}) although no test failed.`);
    host.failed += 1;
  }
  say(`${name}: ${host.passed - before.passed} passed, ${host.failed - before.failed} failed (${seconds(t)})`);
}

/** Runs test/ui/*.ui.mjs with mocha in this process, driving fresh workbenches in the same browser. */
async function runUiTests({ browser, server, workspace }) {
  const dir = path.join(REPO, 'test/ui');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ui.mjs') || f.endsWith('.bench.mjs')).sort() : [];
  if (files.length === 0) return;
  ui.ran = true;
  const t = Date.now();
  const helpers = await import(path.join(dir, 'helpers.mjs'));
  helpers.configure({
    browser,
    port: server.port,
    folder: workspace,
    extensionDevelopmentPath: REPO,
    screenshotDir: SCREENSHOTS,
    workbenchUrl: (o) => workbenchUrl({ port: server.port, ...o }),
  });
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: process.stdout.isTTY,
    timeout: 60_000,
    rootHooks: {
      async afterEach() {
        if (this.currentTest?.state === 'failed') await helpers.screenshotAll(`FAILED ${this.currentTest.fullTitle()}`);
      },
    },
  });
  if (opts.grep) mocha.grep(opts.grep);
  for (const f of files) mocha.addFile(path.join(dir, f));
  say(`running ${files.length} UI test file(s) (test/ui)…`);
  await mocha.loadFilesAsync();
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  await helpers.closeAll();
  ui.passed = stats.passes;
  ui.failed = stats.failures;
  say(`UI: ${ui.passed} passed, ${ui.failed} failed (${seconds(t)})`);
}

async function main() {
  const t = Date.now();
  fs.mkdirSync(LOGS, { recursive: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const scratch = path.join(CACHE, 'runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  // Registered first, so it runs last: after code-server and Chromium are stopped.
  onCleanup(() => (opts.keep ? say(`kept ${path.relative(REPO, scratch)}`) : fs.rmSync(scratch, { recursive: true, force: true })));
  onInterrupt((signal) => {
    console.error(`[vscode] ERROR: interrupted (${signal})`);
    harnessErrors += 1;
    finish();
  });
  try {
    if (!opts['no-build']) build();
    for (const f of [TESTS_MODULE, path.join(REPO, 'dist/extension.js')]) {
      if (!fs.existsSync(f)) throw new Error(`${path.relative(REPO, f)} is missing: run npm run build`);
    }
    ensureSystemPackages({ browser: true });
    ensureCodeServer();
    const { folder: workspace, workspaceFile } = makeWorkspace(scratch);
    const tServer = Date.now();
    const env = {
      EXTENSIONS_GALLERY: '{}', // no extension marketplace: nothing to fetch (or fail to fetch) during tests
      // The extension host inherits code-server's environment: test/suite/index.ts reads these.
      CHRONOLENS_SUITE_MARKERS: '1',
      ...(opts.grep ? { CHRONOLENS_TEST_GREP: opts.grep } : {}),
    };
    const server = await startCodeServer({ scratch, logFile: path.join(LOGS, 'code-server.log'), env });
    say(`code-server (VS Code 1.100.3) up at ${server.origin} in ${seconds(tServer)}`);
    const browser = await launchBrowser({ scratch });
    if (opts.only !== 'ui') await runHostSuite({ browser, server, workspaceFile });
    // The same workspace untrusted (restricted mode), for the tests of what ChronoLens does there:
    // another code-server, its profile with workspace trust on (test/suite/trust.test.ts).
    if (opts.only !== 'ui' && (!opts.grep || new RegExp(opts.grep).test(RESTRICTED_SUITE))) {
      const tRestricted = Date.now();
      const restricted = await startCodeServer({
        scratch: path.join(scratch, 'restricted'),
        logFile: path.join(LOGS, 'code-server (restricted mode).log'),
        env: { ...env, CHRONOLENS_TEST_GREP: RESTRICTED_SUITE },
        restricted: true,
      });
      say(`code-server in restricted mode up in ${seconds(tRestricted)}`);
      await runHostSuite({ browser, server: restricted, workspaceFile, name: 'extension host, restricted mode' });
      await restricted.stop();
    }
    if (opts.only !== 'host') await runUiTests({ browser, server, workspace });
  } catch (err) {
    harnessErrors += 1;
    console.error(`[vscode] ERROR: ${(process.env.CHRONOLENS_DEBUG ? err?.stack : err?.message) ?? err}`);
  } finally {
    await runCleanups(); // Chromium, code-server, then the scratch folder
  }
  say(`total ${seconds(t)}`);
  finish();
}

const watchdog = setTimeout(() => {
  console.error(`[vscode] ERROR: the run took longer than ${WATCHDOG_MS / 60_000} minutes; stopping everything.`);
  harnessErrors += 1;
  runCleanups().finally(() => {
    finish();
    process.exit(1);
  });
}, WATCHDOG_MS);
watchdog.unref();

await main();
clearTimeout(watchdog);
