// Incremental indexing: keeps what the last build of a document computed and, for the next
// version, reuses the work on the parts an edit did not touch. So far: the Markdown parse of every
// text segment the edit left alone (parse/segments.ts cuts texts over 64 KB into segments of ~24 KB
// that parse independently). Date tagging and entity extraction still run over the whole text. The result is always identical to
// a full buildIndexData of the new text (test/unit/incremental.test.ts checks it on random edits).
// Pure TypeScript, no Node API: runs in a Node worker thread and in a Web Worker alike.

import type { Root } from 'mdast';
import { buildIndexData, type BuildOptions } from './articleIndex';
import type { ArticleIndexData } from './types';

export class IncrementalIndexer {
  private lastText: string | undefined;
  private lastData: ArticleIndexData | undefined;
  private lastOptionsKey: string | undefined;
  /** Parse trees of the last version's segments, by segment text: an edit re-parses only its segment. */
  private trees = new Map<string, Root>();

  /** The index data of `text`, reusing the previous call's work where the text is unchanged. */
  update(text: string, options: BuildOptions = {}): ArticleIndexData {
    const key = optionsKey(options);
    if (text === this.lastText && key === this.lastOptionsKey && this.lastData) return this.lastData;
    // Trees used by this version are kept for the next; the others are let go.
    const kept = new Map<string, Root>();
    const previous = this.trees;
    const trees = {
      get: (key: string) => {
        const tree = previous.get(key) ?? kept.get(key);
        if (tree) kept.set(key, tree);
        return tree;
      },
      set: (key: string, tree: Root) => void kept.set(key, tree),
    };
    let data: ArticleIndexData;
    try {
      data = buildIndexData(text, options, { trees });
    } finally {
      // Even when cancelled after parsing: the next version is most likely close to this one.
      if (kept.size) this.trees = kept;
    }
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
