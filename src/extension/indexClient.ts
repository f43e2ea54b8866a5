// The extension host's side of the index worker: sends each document version to the worker
// (a worker_threads Worker in the Node extension host, a Web Worker in VS Code for the Web), gets
// the index data and its lookups back, makes the ArticleIndex of them and never hands out a
// superseded version's result. The worker starts on the first request, not on activation, and
// again after it stopped: the job it was running then fails, the documents that only waited
// behind it are sent to the new worker. Where no worker can be started at all, indexing happens
// in-process.
import { ArticleIndex } from '../core/articleIndex';
import type { IncrementalIndexer } from '../core/incremental';
import type { IndexOptions } from '../core/types';
import { unpackInSlices, type HeldReply } from './indexTransfer';
import { runInSlices } from './nextTask';
import type { FromIndexWorker, ToIndexWorker } from './indexWorkerProtocol';

/** Set by scripts/build.mjs: true in dist/web/extension.js, false in dist/extension.js. */
declare const CHRONOLENS_WEB: boolean | undefined;

interface WorkerLike {
  postMessage(message: ToIndexWorker): void;
  terminate(): unknown;
}

interface Waiting {
  /** The request's id as last sent to a worker: only replies naming it answer it. */
  id: number;
  version: number;
  text: string;
  options: IndexOptions;
  /** Sent again to a new worker once already, after a worker stopped while it waited. */
  resent?: boolean;
  resolve(index: ArticleIndex | undefined): void;
  reject(error: Error): void;
}

export interface IndexClientLog {
  info(message: string): void;
  /** What only someone looking into speed wants (the output channel's Trace level). */
  trace(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Workers in a row that may stop before saying anything before indexing moves into the host. */
const MAX_FAILED_STARTS = 3;

export class IndexClient {
  private worker: WorkerLike | undefined;
  private crashes = 0;
  /** Whether the current worker has said anything yet; workers that stop before that count in failedStarts. */
  private answered = false;
  /** Workers in a row that stopped before saying anything: their script cannot run here. */
  private failedStarts = 0;
  /** The request the worker said it is indexing now ('started'), until it replies for it. */
  private running: number | undefined;
  /** The id of the last request sent. */
  private lastId = 0;
  /** Requests the current worker has not answered yet, by id: the document each is for. */
  private readonly sent = new Map<number, string>();
  /** No worker can be started here (no Worker in this host): index in-process. */
  private unavailable = false;
  /** Per document, its newest request. */
  private readonly waiting = new Map<string, Waiting>();
  private readonly local = new Map<string, IncrementalIndexer>();
  /**
   * Per document, the last reply delivered: the next request names it as its base (see
   * indexTransfer.ts). Held from the moment it comes in; a reply packed against it is unpacked
   * once it is.
   */
  private readonly held = new Map<string, HeldReply>();

  /**
   * @param script the worker's script: a file path (Node) or URL (web); undefined: in-process only
   * @param makeIndexer makes an indexer for in-process indexing, used when no worker runs
   */
  constructor(
    private readonly script: string | undefined,
    private readonly log: IndexClientLog,
    private readonly makeIndexer: () => IncrementalIndexer,
  ) {}

  /**
   * The index of one version of a document; resolves undefined when a newer version of the same
   * document was requested meanwhile (its result is never delivered).
   */
  index(key: string, version: number, text: string, options: IndexOptions): Promise<ArticleIndex | undefined> {
    this.waiting.get(key)?.resolve(undefined);
    this.waiting.delete(key);
    const worker = this.start();
    if (!worker) return this.indexLocally(key, text, options);
    // Settings come as VS Code configuration proxies, which structured clone refuses: plain copies.
    const plain = JSON.parse(JSON.stringify(options)) as IndexOptions;
    return new Promise((resolve, reject) => {
      const w: Waiting = { id: 0, version, text, options: plain, resolve, reject };
      this.waiting.set(key, w);
      try {
        this.send(worker, key, w);
      } catch (error) {
        this.waiting.delete(key);
        this.log.error('Could not send a document to the index worker; indexing it here', error);
        resolve(this.indexLocally(key, text, plain));
      }
    });
  }

  drop(key: string): void {
    this.waiting.get(key)?.resolve(undefined);
    this.waiting.delete(key);
    this.local.delete(key);
    this.held.delete(key);
    this.worker?.postMessage({ type: 'drop', key });
  }

  dispose(): void {
    for (const w of this.waiting.values()) w.resolve(undefined);
    this.waiting.clear();
    void this.worker?.terminate();
    this.worker = undefined;
    this.sent.clear();
    this.held.clear();
  }

  /** Posts a request under a new id: a reply to an earlier request (for the same document and version, say) never answers it. */
  private send(worker: WorkerLike, key: string, w: Waiting): void {
    w.id = ++this.lastId;
    worker.postMessage({ type: 'index', id: w.id, key, version: w.version, text: w.text, options: w.options, base: this.held.get(key)?.id });
    this.sent.set(w.id, key);
  }

  /** Indexes in the extension host, its lookups in slices; a failure rejects (never throws to the caller). */
  private indexLocally(key: string, text: string, options: IndexOptions): Promise<ArticleIndex> {
    try {
      let indexer = this.local.get(key);
      if (!indexer) this.local.set(key, (indexer = this.makeIndexer()));
      return runInSlices(ArticleIndex.steps(text, indexer.update(text, options)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private start(): WorkerLike | undefined {
    if (this.worker || this.script === undefined || this.unavailable) return this.worker;
    try {
      if (typeof CHRONOLENS_WEB !== 'undefined' && CHRONOLENS_WEB) {
        const w = new Worker(this.script);
        w.onmessage = (e: MessageEvent<FromIndexWorker>) => this.onMessage(e.data);
        w.onerror = (e: ErrorEvent) => this.onCrash(w, e.message);
        this.worker = w as WorkerLike;
      } else {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { Worker: NodeWorker } = require('node:worker_threads') as typeof import('node:worker_threads');
        const w = new NodeWorker(this.script);
        w.on('message', (m: FromIndexWorker) => this.onMessage(m));
        w.on('error', (e) => this.onCrash(w, e));
        w.on('exit', (code) => {
          if (this.worker === w) this.onCrash(w, `exit code ${code}`);
        });
        w.unref();
        this.worker = w;
      }
      this.answered = false;
      this.log.info(`Index worker started (${this.script})`);
    } catch (error) {
      this.unavailable = true;
      this.log.error('Could not start the index worker; indexing in the extension host', error);
    }
    return this.worker;
  }

  private onMessage(m: FromIndexWorker): void {
    this.answered = true;
    this.failedStarts = 0;
    if (m.type === 'started') {
      this.running = m.id;
      return;
    }
    if (this.running === m.id) this.running = undefined;
    const key = this.sent.get(m.id);
    this.sent.delete(m.id);
    const w = key === undefined ? undefined : this.waiting.get(key);
    if (key === undefined || !w || w.id !== m.id) return; // superseded or dropped (or an earlier worker's): never delivered
    this.waiting.delete(key);
    if (m.type === 'done') {
      this.log.trace(`Indexed ${key} (version ${w.version}) in ${m.ms.toFixed(1)} ms in the worker`);
      const base = this.held.get(key);
      const held: HeldReply = { id: m.id, data: unpackInSlices(m.data, w.text, base) };
      this.held.set(key, held);
      const lookups = m.lookups;
      held.data.then((data) => w.resolve(new ArticleIndex(w.text, data, lookups)), (error: unknown) => {
        // Never a base again: the next request gets the whole index.
        if (this.held.get(key) === held) this.held.delete(key);
        w.reject(error instanceof Error ? error : new Error(String(error)));
      });
    }
    else if (m.type === 'cancelled') w.resolve(undefined);
    else w.reject(new Error(m.message));
  }

  private onCrash(worker: WorkerLike, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.crashes++;
    const runningKey = this.running === undefined ? undefined : this.sent.get(this.running);
    this.running = undefined;
    // Its requests die with it: the ones sent again get new ids. A new worker knows none of the held indexes.
    this.sent.clear();
    this.held.clear();
    void worker.terminate();
    const reason = error instanceof Error ? error.message : String(error);
    if (!this.answered && ++this.failedStarts >= MAX_FAILED_STARTS) {
      // Its script cannot run here (missing, or refused by the host): stop trying.
      this.unavailable = true;
      this.log.error(`The index worker stopped ${this.failedStarts} times before indexing anything; indexing in the extension host from now on`, error);
    }
    // A newer version of the document it was indexing, waiting, would most likely stop it again.
    const culprit = runningKey !== undefined && this.waiting.has(runningKey) ? runningKey : undefined;
    this.log.error(`Index worker stopped (${this.crashes} times so far)${culprit ? ` while indexing ${culprit}` : ''}; the next request starts another`, error);
    // The job that was running fails, and is not retried (nor indexed here: what stopped the
    // worker, an input that exhausts its memory say, would stop the extension host too). The
    // others only waited behind it: they go to a new worker, once.
    const waiting = [...this.waiting.entries()];
    const again: [string, Waiting][] = [];
    for (const [key, w] of waiting) {
      if (key === culprit || w.resent) {
        this.waiting.delete(key);
        w.reject(new Error(key === culprit ? `the index worker stopped while indexing it: ${reason}` : `the index worker stopped: ${reason}`));
      } else {
        again.push([key, w]);
      }
    }
    if (again.length === 0) return;
    const next = this.start();
    for (const [key, w] of again) {
      w.resent = true;
      if (!next && this.unavailable) {
        this.waiting.delete(key);
        this.indexLocally(key, w.text, w.options).then(w.resolve, w.reject);
        continue;
      }
      try {
        if (!next) throw new Error('no index worker');
        this.send(next, key, w);
      } catch (e) {
        this.waiting.delete(key);
        w.reject(new Error(`the index worker stopped and could not be started again: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
  }
}
