// Whatever the harness starts (code-server, Chromium) is registered here and stopped on every
// way out: normal end (call runCleanups()), an error, Ctrl-C / SIGTERM / SIGHUP, or process exit.
const entries = []; // { stop: async fn, kill: sync fn used at 'exit' }
const interruptHandlers = [];
let running = null;

/** Registers `stop` (async, graceful) and `kill` (sync, last resort at process exit). */
export function onCleanup(stop, kill = () => {}) {
  entries.push({ stop, kill });
}

/** Registers `fn(signal)`, called on Ctrl-C/SIGTERM/SIGHUP after everything is stopped, before exiting. */
export function onInterrupt(fn) {
  interruptHandlers.push(fn);
}

/** True once stopping has begun (e.g. after Ctrl-C): exits seen from then on are expected. */
export function isStopping() {
  return running !== null;
}

/** Stops everything registered, newest first; each stop gets at most 10 s. Idempotent. */
export function runCleanups() {
  running ??= (async () => {
    for (const { stop } of entries.slice().reverse()) {
      await Promise.race([
        Promise.resolve().then(stop).catch((e) => console.error(`[vscode] cleanup: ${e?.message ?? e}`)),
        new Promise((r) => setTimeout(r, 10_000).unref()),
      ]);
    }
  })();
  return running;
}

process.on('exit', () => {
  for (const { kill } of entries) {
    try { kill(); } catch { /* best effort */ }
  }
});

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    console.error(`\n[vscode] ${signal}: stopping what was started…`);
    runCleanups()
      .then(() => interruptHandlers.forEach((fn) => fn(signal)))
      .finally(() => process.exit(code));
  });
}
