// The index worker in VS Code's Node extension host: a worker_threads Worker (dist/indexWorker.js).
// Loaded with require() on the main thread instead (no parentPort), it only exports the indexer:
// the extension host's fallback when no worker can run, so the host bundle carries no indexing code.
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import type { ToIndexWorker } from './indexWorkerProtocol';
import { IndexWorkerLoop } from './indexWorkerLoop';

export { IncrementalIndexer } from '../core/incremental';

const port = parentPort;
if (port) {
  const loop = new IndexWorkerLoop(
    (message) => port.postMessage(message),
    () => {
      // Messages that came in during a job: taken now, so a newer version cancels it between stages.
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) loop.receive(m.message as ToIndexWorker);
    },
  );
  port.on('message', (message: ToIndexWorker) => loop.receive(message));
}
