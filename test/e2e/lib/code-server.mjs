// A real VS Code for machines that cannot download VS Code desktop: code-server (VS Code
// 1.100.3's server and web workbench, with a real Node extension host) from npm, installed on
// first use into test/e2e/.cache/code-server/, plus the Debian packages it and the tests need.
// Used by test/e2e/run.mjs (the tests) and scripts/start.mjs (`npm start`).
// Background and every pitfall: ../shared/e2e/NOTES.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CACHE = path.join(REPO, 'test/e2e/.cache');
export const CODE_SERVER_VERSION = '4.100.3'; // newest that runs on Node 20; ships VS Code 1.100.3
const INSTALL_DIR = path.join(CACHE, 'code-server');
const INSTALL_LOG = path.join(CACHE, 'code-server-install.log');
const ENTRY = path.join(INSTALL_DIR, 'node_modules/code-server/out/node/entry.js');
const MARKER = path.join(INSTALL_DIR, `.installed-${CODE_SERVER_VERSION}`);
/** Debian's Chromium; CHRONOLENS_CHROMIUM=/path/to/chrome to use another Chromium-based browser. */
export const CHROMIUM = process.env.CHRONOLENS_CHROMIUM || '/usr/bin/chromium';

const log = (msg) => console.log(`[vscode] ${msg}`);
const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Where `command` is on PATH, or null. */
function which(command) {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Is a Debian package installed? null when there is no dpkg (not Debian): unknown. */
function isDebianPackageInstalled(name) {
  if (!which('dpkg-query')) return null;
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs a command with its output going to a log file; throws with the log's tail on failure. */
function runLogged(cmd, args, { cwd, env, logFile, what }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `\n$ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  if (r.status !== 0) {
    throw new Error(`${what} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}); last lines of ${path.relative(REPO, logFile)}:\n${tail(logFile)}`);
  }
}

/**
 * Runs `fn` holding the lock folder test/e2e/.cache/<name>.lock, so that two runs (the tests and
 * `npm start`, say) never install at the same time. A lock whose process is gone is taken over.
 */
function withLock(name, fn) {
  const lock = path.join(CACHE, `${name}.lock`);
  const pidFile = path.join(lock, 'pid');
  fs.mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (let waiting = false; ; waiting = true) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(pidFile, String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const pid = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8') : 0);
    let alive = true;
    try {
      if (pid) process.kill(pid, 0);
    } catch (e) {
      alive = e.code === 'EPERM';
    }
    if (!alive) {
      fs.rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`waited 15 minutes for ${lock} (held by process ${pid}); remove it if that process is gone`);
    if (!waiting) log(`another process (${pid || '?'}) is installing (${name}); waiting for it…`);
    sleepSync(2000);
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Makes sure the machine has what is needed: Chromium (when `browser`), and, while code-server is
 * not yet installed, what its install needs (libkrb5-dev, ripgrep). As root with apt-get it
 * installs the missing Debian packages; otherwise it says what to install.
 */
export function ensureSystemPackages({ browser }) {
  const missing = [];
  if (browser && !fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!isCodeServerInstalled()) {
    if (isDebianPackageInstalled('libkrb5-dev') === false) missing.push('libkrb5-dev');
    if (!which('rg')) missing.push('ripgrep');
  }
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    throw new Error(
      `missing: ${missing.join(' ')}. Install them (Debian/Ubuntu: sudo apt-get install ${missing.join(' ')}) and run again` +
        (missing.includes('chromium') ? ', or point CHRONOLENS_CHROMIUM at a Chromium or Chrome binary.' : '.'),
    );
  }
  withLock('apt', () => {
    const started = Date.now();
    log(`installing Debian packages: ${missing.join(' ')} (once; log in test/e2e/.cache/apt.log)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const logFile = path.join(CACHE, 'apt.log');
    const wait = ['-o', 'DPkg::Lock::Timeout=600']; // another apt/dpkg at work: wait for it
    runLogged('apt-get', [...wait, 'update'], { env, logFile, what: 'apt-get update' });
    runLogged('apt-get', [...wait, 'install', '-y', ...missing], { env, logFile, what: `apt-get install ${missing.join(' ')}` });
    log(`Debian packages installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
}

export function isCodeServerInstalled() {
  return fs.existsSync(MARKER) && fs.existsSync(ENTRY);
}

/** Installs code-server into test/e2e/.cache/code-server/ unless already there; returns its entry script. */
export function ensureCodeServer() {
  if (!isCodeServerInstalled()) {
    withLock('code-server-install', () => {
      if (!isCodeServerInstalled()) installCodeServer(); // else another process has just installed it
    });
  }
  return ENTRY;
}

function installCodeServer() {
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into test/e2e/.cache/code-server (once, 1-4 minutes; log in test/e2e/.cache/code-server-install.log)`);
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) log(`warning: code-server ${CODE_SERVER_VERSION} wants Node 20, this is Node ${process.versions.node}: its native modules may not build`);
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(INSTALL_DIR, 'package.json'),
    JSON.stringify({ name: 'chronolens-e2e-code-server', private: true, description: 'Written by test/e2e/lib/code-server.mjs', dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2) + '\n',
  );
  // @vscode/ripgrep's postinstall downloads rg from the internet, unless it finds this archive
  // in its cache under $TMPDIR: build it from the system's ripgrep.
  const tmp = path.join(CACHE, 'tmp');
  const rgCache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(rgCache, { recursive: true });
  const rgArchive = path.join(rgCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!fs.existsSync(rgArchive)) {
    const rg = which('rg');
    if (!rg) throw new Error('ripgrep (rg) is needed to install code-server: apt-get install ripgrep');
    const rgDir = fs.mkdtempSync(path.join(tmp, 'rg-'));
    fs.copyFileSync(fs.realpathSync(rg), path.join(rgDir, 'rg'));
    fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
    runLogged('tar', ['-czf', rgArchive, '-C', rgDir, 'rg'], { logFile: INSTALL_LOG, what: 'packing rg' });
    fs.rmSync(rgDir, { recursive: true, force: true });
  }
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which would wait for a "yes"
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  runLogged('npm', ['install', '--no-package-lock', '--omit=dev'], { cwd: INSTALL_DIR, env, logFile: INSTALL_LOG, what: `npm install code-server@${CODE_SERVER_VERSION}` });
  if (!fs.existsSync(ENTRY)) throw new Error(`code-server installed but ${ENTRY} is missing`);
  fs.writeFileSync(MARKER, new Date().toISOString() + '\n');
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Settings for the throwaway profile: nothing that pops up over the editor or phones home. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.editor.enablePreview': false,
  'editor.wordWrap': 'on', // long article lines wrap, so every word can be hovered on screen
};

/**
 * Workspace trust on, and no prompt: every folder opens untrusted, in restricted mode (what a
 * user gets who opens a downloaded folder and does not trust it).
 */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * Starts code-server on 127.0.0.1 with HOME/XDG and its profile inside `scratch` (created fresh).
 * `restricted`: workspace trust on, folders opened untrusted (restricted mode); otherwise trust is off.
 * Returns { port, origin, stop(), exited (a promise), logFile }. It is stopped at process exit/Ctrl-C in any case.
 */
export async function startCodeServer({ scratch, port, env: extraEnv = {}, logFile = path.join(scratch, 'code-server.log'), restricted = false }) {
  const entry = ensureCodeServer();
  port ??= await freePort();
  const dirs = Object.fromEntries(['home', 'config', 'data', 'cache', 'user-data', 'extensions'].map((d) => [d, path.join(scratch, d)]));
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...(restricted ? RESTRICTED_SETTINGS : {}) }, null, 2));
  const config = path.join(scratch, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const args = [
    entry,
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    ...(restricted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    ...extraEnv,
  };
  // Its own process group, so stop() takes the extension host and other children with it.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = false;
  const exitP = new Promise((resolve) => child.on('exit', (code, signal) => { exited = true; resolve(code ?? signal); }));
  const killGroup = (sig) => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
  const stop = async () => {
    if (exited) return;
    killGroup('SIGTERM');
    const t = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exitP;
    clearTimeout(t);
    killGroup('SIGKILL'); // stragglers in the group
  };
  onCleanup(stop, () => killGroup('SIGKILL'));

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start (${await exitP}); log:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${origin}/healthz within 60 s; log:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, origin, stop, exited: exitP, logFile };
}

/**
 * The workbench URL. `extensionDevelopmentPath`, `extensionTestsPath` and `openFile` are local
 * absolute paths; the web workbench wants them as vscode-remote://127.0.0.1:PORT/... URIs.
 */
/** `folder`: a folder to open; or `workspace`: a .code-workspace file (a multi-root workspace). */
export function workbenchUrl({ port, folder, workspace, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  const open = workspace ? `workspace=${encodeURIComponent(workspace)}` : `folder=${encodeURIComponent(folder)}`;
  return `http://127.0.0.1:${port}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
