// The index worker in VS Code for the Web: a Web Worker (dist/web/indexWorker.js) started by the
// worker extension host.
import type { FromIndexWorker, ToIndexWorker } from './indexWorkerProtocol';
import { IndexWorkerLoop } from './indexWorkerLoop';
import { warmUpSteps } from './indexWorkerWarmUp';

interface WorkerScope {
  postMessage(message: FromIndexWorker): void;
  onmessage: ((e: { data: ToIndexWorker }) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;
const loop = new IndexWorkerLoop((message) => scope.postMessage(message), { warmUp: warmUpSteps });
scope.onmessage = (e) => loop.receive(e.data);
