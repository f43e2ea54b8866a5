#!/usr/bin/env node
// `npm run test:electron` — the standard runner, for contributors with internet access and a
// display: @vscode/test-electron downloads VS Code desktop (cached in test/e2e/.cache/vscode-test/) and runs the
// same in-VS-Code suite as `npm run test:vscode` (out/test/suite/index.js, from test/suite/) in it.
//   CHRONOLENS_VSCODE_VERSION=1.100.3 npm run test:electron   a given VS Code ('stable' by default)
//   VSCODE_EXECUTABLE=/path/to/code npm run test:electron     an installed VS Code, no download
//   xvfb-run -a npm run test:electron                         Linux without a display
// Offline (or on a machine where VS Code cannot be downloaded), use `npm run test:vscode`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const fail = (msg) => {
  console.error(`[electron] ${msg}`);
  process.exit(1);
};

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
if (build.status !== 0) fail('the build (node scripts/build.mjs) failed');

// 1. VS Code desktop: an installed one, or a download (bounded in time, with a clear message).
let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
if (!vscodeExecutablePath) {
  const version = process.env.CHRONOLENS_VSCODE_VERSION ?? 'stable';
  console.log(`[electron] getting VS Code ${version} (cached in test/e2e/.cache/vscode-test/)…`);
  let timer;
  try {
    vscodeExecutablePath = await Promise.race([
      downloadAndUnzipVSCode({ version, cachePath: path.join(REPO, 'test/e2e/.cache/vscode-test'), timeout: 60_000 }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no download after ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes`)), DOWNLOAD_TIMEOUT_MS))),
    ]);
  } catch (err) {
    fail(
      `cannot download VS Code (${err?.code ?? err?.message ?? err}). This runner needs internet access to fetch VS Code desktop, ` +
        'or VSCODE_EXECUTABLE=/path/to/code. Without them, run the same suite in code-server: npm run test:vscode',
    );
  } finally {
    clearTimeout(timer);
  }
}

// 2. Electron needs a display on Linux.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('no display (DISPLAY is not set): run it as `xvfb-run -a npm run test:electron`, or use npm run test:vscode');
}

// 3. The suite, in a throwaway workspace folder holding a copy of samples/.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chronolens-electron-'));
const workspace = path.join(scratch, 'workspace');
fs.cpSync(path.join(REPO, 'samples'), path.join(workspace, 'samples'), { recursive: true });
let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out/test/suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(scratch, 'user-data')}`],
  });
} catch (err) {
  console.error(`[electron] ${err?.message ?? err}`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
console.log(`[electron] ${code === 0 ? 'passed' : `FAILED (exit code ${code})`}`);
process.exit(code === 0 ? 0 : 1);
