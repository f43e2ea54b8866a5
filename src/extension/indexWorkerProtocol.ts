// Messages between the extension host and the index worker (src/extension/indexWorker.*.ts).
// Types only: no `vscode`, no Node API.
import type { IndexOptions } from '../core/types';
import type { PackedIndexData } from './indexTransfer';

export type ToIndexWorker =
  /** Index this version of a document; a newer request for the same key supersedes it. */
  | { type: 'index'; key: string; version: number; text: string; options: IndexOptions }
  /** The document closed: forget what was kept for incremental updates. */
  | { type: 'drop'; key: string };

export type FromIndexWorker =
  /** This version is being indexed now (one job at a time): if the worker stops before it replies, this job stopped it. */
  | { type: 'started'; key: string; version: number }
  /** `data` packed: spans in typed arrays, slice texts left out (see indexTransfer.ts). */
  | { type: 'done'; key: string; version: number; data: PackedIndexData; ms: number }
  /** Superseded by a newer version before or while it was indexed. */
  | { type: 'cancelled'; key: string; version: number }
  | { type: 'error'; key: string; version: number; message: string };
