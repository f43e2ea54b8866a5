// The index worker's job loop, shared by the Node (worker_threads) and the browser (Web Worker)
// entry points: one job at a time, only the newest version of each document, abandoned between
// stages when a newer version arrives or the document is dropped. No `vscode`, no Node API.
//
// A job runs stage by stage (IncrementalIndexer.steps). With `poll` (Node: receiveMessageOnPort)
// the stages run back to back and poll takes the messages that came in meanwhile. Without it (a
// Web Worker, which gets its messages only between tasks) each stage is a task of its own: a
// macrotask between stages lets the messages that arrived during a stage in, so a newer version
// stops the running one when its next stage would begin.
import { IndexCancelled } from '../core/articleIndex';
import { IncrementalIndexer } from '../core/incremental';
import type { FromIndexWorker, ToIndexWorker } from './indexWorkerProtocol';
import { replyOf, type HeldIndex } from './indexTransfer';
import { WARM_UP_MIN_CHARS } from './indexWorkerWarmUp';
import { nextTask } from './nextTask';

type IndexJob = Extract<ToIndexWorker, { type: 'index' }>;

/** Indexes kept per document that a request may name as its base. */
const KEPT_SENT = 2;

export interface IndexWorkerOptions {
  /**
   * Delivers messages that arrived while a job runs (synchronously, where the platform can: Node's
   * receiveMessageOnPort); without it, a job yields to the event loop between its stages so they arrive.
   */
  poll?: () => void;
  /** Runs when the worker has nothing to do: work that would otherwise fall inside the next job (Node: collecting the young generation). */
  idle?: () => void;
  /** The steps of a warm-up on a long document (warmUpSteps), run once when the worker is idle. */
  warmUp?: (document: string) => Generator<unknown, void, void>;
}

export class IndexWorkerLoop {
  private readonly pending = new Map<string, IndexJob>();
  private readonly indexers = new Map<string, IncrementalIndexer>();
  /**
   * Per document, the last indexes sent, newest last: a request names the one the host holds
   * (`base`), which is often not the newest sent (the host drops replies to superseded requests).
   */
  private readonly sent = new Map<string, HeldIndex[]>();
  private scheduled = false;
  /** A job is between two of its stages: the next job waits for it. */
  private running = false;

  /** The first long document indexed, to warm up on once the worker is idle (see indexWorkerWarmUp.ts). */
  private warmUpFrom: string | undefined;
  private warmedUp = false;

  /** @param post sends a reply to the host */
  constructor(
    private readonly post: (message: FromIndexWorker) => void,
    private readonly options: IndexWorkerOptions = {},
  ) {}

  receive(message: ToIndexWorker): void {
    if (message.type === 'drop') {
      const job = this.pending.get(message.key);
      if (job) this.post({ type: 'cancelled', id: job.id });
      this.pending.delete(message.key);
      this.indexers.delete(message.key);
      this.sent.delete(message.key);
      return;
    }
    const older = this.pending.get(message.key);
    if (older) this.post({ type: 'cancelled', id: older.id });
    this.pending.set(message.key, message);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    // A macrotask, so messages already queued arrive (and supersede) before the job starts.
    setTimeout(() => {
      this.scheduled = false;
      void this.runOne();
    }, 0);
  }

  private async runOne(): Promise<void> {
    const next = this.pending.entries().next();
    if (next.done) return;
    const [key, job] = next.value;
    this.pending.delete(key);
    let indexer = this.indexers.get(key);
    if (!indexer) this.indexers.set(key, (indexer = new IncrementalIndexer()));
    this.post({ type: 'started', id: job.id });
    this.running = true;
    const t0 = performance.now();
    try {
      const steps = indexer.steps(job.text, {
        ...job.options,
        // A newer version waits, or the document was closed ('drop').
        isCancelled: () => {
          this.options.poll?.();
          return this.pending.has(key) || this.indexers.get(key) !== indexer;
        },
      });
      let step = steps.next();
      while (!step.done) {
        if (!this.options.poll) await nextTask();
        step = steps.next();
      }
      const sent = this.sent.get(key) ?? [];
      const base = sent.find((s) => s.id === job.base);
      this.post({ type: 'done', id: job.id, ...replyOf(step.value, job.text, base), ms: performance.now() - t0 });
      this.sent.set(key, [...sent.slice(1 - KEPT_SENT), { id: job.id, text: job.text, data: step.value }]);
      if (!this.warmedUp && job.text.length >= WARM_UP_MIN_CHARS) {
        this.warmedUp = true;
        this.warmUpFrom = job.text;
      }
    } catch (error) {
      if (error instanceof IndexCancelled) this.post({ type: 'cancelled', id: job.id });
      else this.post({ type: 'error', id: job.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    } finally {
      this.running = false;
    }
    this.options.poll?.();
    if (this.pending.size) this.schedule();
    else void this.whenIdle();
  }

  private async whenIdle(): Promise<void> {
    const document = this.warmUpFrom;
    this.warmUpFrom = undefined;
    const steps = document && this.options.warmUp?.(document);
    try {
      // A job that comes in stops the warm-up for good: it is not worth a wait.
      while (steps) {
        if (!this.options.poll) await nextTask();
        this.options.poll?.();
        if (this.pending.size || this.running) return;
        if (steps.next().done) break;
      }
    } catch {
      // Best effort: the same code runs on the user's edits, where an error is reported.
    }
    this.options.idle?.();
  }
}
