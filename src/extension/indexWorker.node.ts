// The index worker in VS Code's Node extension host: a worker_threads Worker (dist/indexWorker.js).
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import type { ToIndexWorker } from './indexWorkerProtocol';
import { IndexWorkerLoop } from './indexWorkerLoop';

const port = parentPort!;
const loop = new IndexWorkerLoop(
  (message) => port.postMessage(message),
  () => {
    // Messages that came in during a job: taken now, so a newer version cancels it between stages.
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) loop.receive(m.message as ToIndexWorker);
  },
);
port.on('message', (message: ToIndexWorker) => loop.receive(message));
