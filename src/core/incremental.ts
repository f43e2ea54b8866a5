// Incremental indexing: keeps what the last build of a document computed and, for the next
// version, reuses the work on the parts an edit did not touch: every stage that works segment by
// segment (parse/segments.ts cuts texts over 64 KB into segments of ~8 KB) keeps its results for
// the segments the edit left alone (workCache.ts). The result is always identical to a full
// buildIndexData of the new text (test/unit/incremental.test.ts checks it on random edits).
// Pure TypeScript, no Node API: runs in a Node worker thread and in a Web Worker alike.

import { indexSteps, type BuildOptions, type IndexSteps } from './articleIndex';
import { runSteps } from './steps';
import type { SegmentParseCache } from './parse';
import type { ArticleIndexData } from './types';
import { GenerationalCache } from './workCache';

export class IncrementalIndexer {
  private lastText: string | undefined;
  private lastData: ArticleIndexData | undefined;
  private lastOptionsKey: string | undefined;
  /**
   * Each stage's per-segment work for the last version: what the parser planned and read, the later
   * stages' work by what it depends on (see workCache.ts).
   */
  private readonly reuse = {
    parse: {} as SegmentParseCache,
    dates: new GenerationalCache<unknown>(),
    entities: new GenerationalCache<unknown>(),
  };

  /** The index data of `text`, reusing the previous call's work where the text is unchanged. */
  update(text: string, options: BuildOptions = {}): ArticleIndexData {
    return runSteps(this.steps(text, options));
  }

  /**
   * update() a stage at a time (see indexSteps), for a driver that lets other work run between
   * stages. A build abandoned midway (IndexCancelled, or left unfinished) is as if it never ran,
   * but for the caches: they keep what its finished stages computed, all of it right for its key.
   */
  *steps(text: string, options: BuildOptions = {}): IndexSteps {
    const key = optionsKey(options);
    if (text === this.lastText && key === this.lastOptionsKey && this.lastData) return this.lastData;
    this.reuse.dates.nextGeneration();
    this.reuse.entities.nextGeneration();
    const data = yield* indexSteps(text, options, this.reuse);
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
