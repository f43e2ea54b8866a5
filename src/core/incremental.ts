// Incremental indexing: keeps what the last build of a document computed and, for the next
// version, reuses the work on the parts an edit did not touch. The result is always identical to
// a full buildIndexData of the new text (test/unit/incremental.test.ts checks it on random edits).
// Pure TypeScript, no Node API: runs in a Node worker thread and in a Web Worker alike.

import { buildIndexData, type BuildOptions } from './articleIndex';
import type { ArticleIndexData } from './types';

export class IncrementalIndexer {
  private lastText: string | undefined;
  private lastData: ArticleIndexData | undefined;
  private lastOptionsKey: string | undefined;

  /** The index data of `text`, reusing the previous call's work where the text is unchanged. */
  update(text: string, options: BuildOptions = {}): ArticleIndexData {
    const key = optionsKey(options);
    if (text === this.lastText && key === this.lastOptionsKey && this.lastData) return this.lastData;
    const data = buildIndexData(text, options);
    this.lastText = text;
    this.lastData = data;
    this.lastOptionsKey = key;
    return data;
  }
}

function optionsKey(options: BuildOptions): string {
  const { onStage: _onStage, ...rest } = options;
  void _onStage;
  return JSON.stringify(rest);
}
