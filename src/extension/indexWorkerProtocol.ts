// Messages between the extension host and the index worker (src/extension/indexWorker.*.ts).
// Types only: no `vscode`, no Node API.
import type { IndexLookups } from '../core/articleIndex';
import type { IndexOptions } from '../core/types';
import type { PackedIndexData } from './indexTransfer';

export type ToIndexWorker =
  /**
   * Index this version of a document; a newer request for the same key supersedes it. `id` names
   * the request in every reply, unique per request: key and version cannot, as the same ones are
   * often asked for again right after a drop (a language change closes and reopens a document at
   * the same version, a settings change rebuilds every document, a new 'Untitled-1' reuses a
   * closed one's URI), and the dropped job's reply must not answer the new request.
   */
  | {
      type: 'index'; id: number; key: string; version: number; text: string; options: IndexOptions;
      /** The request whose reply the host holds for this document: the reply may be packed against it. */
      base?: number;
    }
  /** The document closed: forget what was kept for incremental updates. */
  | { type: 'drop'; key: string };

/** Replies to an 'index' request, named by its `id`. */
export type FromIndexWorker =
  /** This request is being indexed now (one job at a time): if the worker stops before it replies, this job stopped it. */
  | { type: 'started'; id: number }
  /**
   * `data` packed: spans in typed arrays, slice texts left out (see indexTransfer.ts); what the
   * host's lookups derive from it; and the job's time in the worker, from its start to this reply.
   */
  | { type: 'done'; id: number; data: PackedIndexData; lookups: IndexLookups; ms: number }
  /** Superseded by a newer version, or its document dropped, before or while it was indexed. */
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
