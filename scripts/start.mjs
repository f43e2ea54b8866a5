#!/usr/bin/env node
// `npm start` — builds, then opens the sample article in VS Code with ChronoLens loaded from this
// checkout (extensionDevelopmentPath):
//   - with VS Code desktop when `code` is on PATH: code --extensionDevelopmentPath=<repo> samples/egypt-north-korea.txt
//   - otherwise in code-server (installed on first use into test/e2e/.cache/, like `npm run test:vscode`)
//     on 127.0.0.1, printing the URL to open in a browser. Ctrl-C stops it.
// Options: --port N (code-server's port; default a free one). Rebuild on edits with `npm run watch`
// in another terminal, then "Developer: Reload Window".
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, CACHE, ensureSystemPackages, ensureCodeServer, startCodeServer, workbenchUrl } from '../test/e2e/lib/code-server.mjs';
import { isStopping, runCleanups } from '../test/e2e/lib/cleanup.mjs';

const { values: opts } = parseArgs({ options: { port: { type: 'string' } } });
const SAMPLE = path.join(REPO, 'samples/egypt-north-korea.txt');

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('[start] the build (node scripts/build.mjs) failed');
  process.exit(1);
}

const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  console.log('[start] opening the sample article in VS Code (code --extensionDevelopmentPath=…)');
  const code = spawn('code', [`--extensionDevelopmentPath=${REPO}`, SAMPLE], { stdio: 'inherit' });
  code.on('exit', (status) => process.exit(status ?? 0));
} else {
  try {
    ensureSystemPackages({ browser: false });
    ensureCodeServer();
    // A profile kept between runs (settings, layout), under the git-ignored cache.
    const server = await startCodeServer({ scratch: path.join(CACHE, 'start'), port: opts.port ? Number(opts.port) : undefined });
    const url = workbenchUrl({ port: server.port, folder: REPO, extensionDevelopmentPath: REPO, openFile: SAMPLE });
    console.log(`[start] no desktop \`code\` on PATH: ChronoLens runs in code-server (VS Code 1.100.3, log: ${path.relative(REPO, server.logFile)}).`);
    console.log('[start] open this URL in a browser (Ctrl-C here stops code-server):\n');
    console.log(url);
    console.log('');
    const status = await server.exited;
    if (!isStopping()) {
      console.error(`[start] code-server exited (${status}); its log: ${server.logFile}`);
      process.exitCode = 1;
    }
  } catch (err) {
    console.error(`[start] ${err?.stack ?? err}`);
    process.exitCode = 1;
  } finally {
    await runCleanups();
  }
}
