// Bundles every entry point with esbuild. `node scripts/build.mjs [--watch] [--production]`
import * as esbuild from 'esbuild';
import { nodeTarget } from './nodeTarget.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {import('esbuild').BuildOptions[]} */
// remark's character-reference decoder has a DOM variant that needs `document`, which no worker
// has: the 'worker' condition picks the plain one for every browser build that indexes.
const worker = { platform: 'browser', conditions: ['worker'] };

const builds = [
  // The extension, for VS Code's Node extension host.
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', ...nodeTarget, format: 'cjs', external: ['vscode'], define: { CHRONOLENS_WEB: 'false' } },
  // The same extension for VS Code for the Web's worker extension host (no Node API is used).
  { ...common, entryPoints: { 'web/extension': 'src/extension/extension.ts' }, outdir: 'dist', ...worker, format: 'cjs', target: 'es2022', external: ['vscode'], define: { CHRONOLENS_WEB: 'true' } },
  // The index worker the extension starts on first use: a worker_threads Worker (Node), a Web Worker (web).
  { ...common, entryPoints: { indexWorker: 'src/extension/indexWorker.node.ts' }, outdir: 'dist', ...nodeTarget, format: 'cjs' },
  { ...common, entryPoints: { 'web/indexWorker': 'src/extension/indexWorker.web.ts' }, outdir: 'dist', ...worker, format: 'iife', target: 'es2022' },
  // The command-line tool over the same core.
  { ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', ...nodeTarget, format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // The core alone, for the browser (webview, web worker, VS Code for the Web): proves it has no Node-only import.
  { ...common, entryPoints: { 'core.browser': 'src/core/index.ts' }, outdir: 'dist', ...worker, format: 'esm', target: 'es2022' },
  // The timeline view's front end, loaded in its webview (CSS stays in media/).
  { ...common, entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist', platform: 'browser', format: 'iife', target: 'es2022' },
  // The in-VS-Code test suite: mocha runs inside the extension host.
  { ...common, sourcemap: true, minify: false, entryPoints: { 'suite/index': 'test/suite/index.ts' }, outdir: 'out/test', ...nodeTarget, format: 'cjs', external: ['vscode', 'mocha'] },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[build] watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
