// The index worker in VS Code's Node extension host: a worker_threads Worker (dist/indexWorker.js).
// Loaded with require() on the main thread instead (no parentPort), it only exports the indexer:
// the extension host's fallback when no worker can run, so the host bundle carries no indexing code.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import type { ToIndexWorker } from './indexWorkerProtocol';
import { IndexWorkerLoop } from './indexWorkerLoop';
import { warmUpSteps } from './indexWorkerWarmUp';

export { IncrementalIndexer } from '../core/incremental';

/** The worker thread's nice value: below the editor's (0), as for any background job. */
const BACKGROUND_NICE = 10;

/**
 * This thread yields the CPU to the extension host's when both want it. On a 2-core machine a
 * worker indexing (and collecting its garbage on helper threads) held both cores, and the host's
 * event loop, with nothing to do, waited 10-20 ms for a core. Linux gives each thread its own
 * nice value; "/proc/thread-self" links to "<pid>/task/<thread id>".
 */
function runBehindTheEditor(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), BACKGROUND_NICE);
  } catch {
    // No /proc (macOS, Windows) or not allowed: the thread keeps the process's priority.
  }
}

/**
 * A collection of the young generation, for when the worker has nothing to do. Node, unlike a
 * browser, collects no garbage in idle time: what one job left in the young generation (a letter
 * typed into a 1 MB article allocates several MB, much of it still alive) was scavenged in the
 * middle of a later job, 10-20 ms at a time. V8's `gc` is only exposed under --expose-gc, a flag
 * of the whole process: it is set while the one context `gc` is taken from is made, then unset.
 */
function youngGenerationCollector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
    return () => gc({ type: 'minor' });
  } catch {
    return undefined; // the runtime does not allow it: V8 collects when it must, as before
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

const port = parentPort;
if (port) {
  runBehindTheEditor();
  const loop = new IndexWorkerLoop((message) => port.postMessage(message), {
    poll: () => {
      // Messages that came in during a job: taken now, so a newer version cancels it between stages.
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) loop.receive(m.message as ToIndexWorker);
    },
    idle: youngGenerationCollector(),
    warmUp: warmUpSteps,
  });
  port.on('message', (message: ToIndexWorker) => loop.receive(message));
}
