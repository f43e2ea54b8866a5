// The index worker's warm-up: a few edits to a copy of the start of a long document, indexed as a
// user's are, once, while the worker has nothing else to do. The code of the incremental path
// (segments kept, entities grouped again, dates and events moved, the reply packed against the
// last) first runs on an edit; run for the first time on the user's first letter in a 1 MB
// article, it made that letter's index wait 90-100 ms, against 15-25 once warm. After this warm-up
// (some 0.4 s of the worker's time, at a low priority), the first letters took 30-40 ms.
// No `vscode`, no Node API.
import { IncrementalIndexer } from '../core/incremental';
import { SEGMENT_MIN } from '../core/parse/segments';
import { replyOf, type HeldIndex } from './indexTransfer';

/** A document shorter than this is indexed whole at each edit: nothing to warm. */
export const WARM_UP_MIN_CHARS = SEGMENT_MIN;
/** The copy edited: long enough to be cut into segments, as the document is. */
const WARM_UP_CHARS = 100_000;
const WARM_UP_EDITS = 10;

/**
 * The warm-up, a step at a time: the driver stops it when a job comes in. Letters are typed into
 * the copy in turn at the start of a name and at the start of a word in prose, the two ways an
 * edit takes through the entity stage.
 */
export function* warmUpSteps(document: string): Generator<unknown, void, void> {
  const cut = document.indexOf('\n\n', WARM_UP_CHARS);
  let text = cut < 0 ? document : document.slice(0, cut);
  const indexer = new IncrementalIndexer();
  let last: HeldIndex = { id: 0, text, data: yield* indexer.steps(text) };
  const nameStarts = last.data.entities.flatMap((e) => e.mentions.map((m) => m.start)).sort((a, b) => a - b);
  for (let k = 1; k <= WARM_UP_EDITS; k++) {
    // Spread over the copy (golden-ratio steps): each edit in another segment, mostly.
    const spread = (k * 0.618) % 1;
    const at = k % 2 && nameStarts.length ? nameStarts[Math.floor(spread * nameStarts.length)] : text.indexOf(' ', Math.floor(spread * text.length)) + 1;
    text = text.slice(0, at) + 'x' + text.slice(at);
    const data = yield* indexer.steps(text);
    yield;
    replyOf(data, text, last);
    last = { id: k, text, data };
  }
}
