// No `vscode`, no Node API: used by the extension host and by the index workers alike.

/**
 * Resolves in a later task of the event loop, after the messages that came in before it: long
 * work split there lets the editor (or a newer request) in between. Callers take turns, one per
 * task: when an index arrives, the diagnostics, the colours, the outline and the timeline each
 * work in slices at once, and a timer for each made the event loop run a slice of every one of
 * them before it let the editor in (four slices of 5 ms: the loop held 20 to 30 ms).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    scheduleTurn();
  });
}

/** The callers of nextTask waiting for their turn, first come first served. */
const waiting: Array<() => void> = [];
let turnScheduled = false;

function scheduleTurn(): void {
  if (turnScheduled || !waiting.length) return;
  turnScheduled = true;
  setTimeout(() => {
    turnScheduled = false;
    // The caller runs once this task's callback returns (a promise's reaction): the next turn, set
    // now, comes in a later task, after the editor's messages.
    waiting.shift()!();
    scheduleTurn();
  }, 0);
}

/** The longest a slice of runInSlices runs before it lets the editor in. */
const SLICE_MS = 5;

/**
 * Runs steps (a generator's) in tasks of about SLICE_MS each, the first in a later task than the
 * caller's: work of tens of milliseconds never holds the event loop (the editor) that long. A step
 * is never cut, so steps are kept well under a millisecond when the code is warm: run cold, or
 * just after V8 threw its optimised code away, the same step takes ten times as long or more (a
 * step of 1,000 events of the timeline's model took 28 ms after the first edit, and held a real
 * extension host 211 ms).
 */
export async function runInSlices<T>(steps: Generator<unknown, T, void>): Promise<T> {
  for (;;) {
    await nextTask();
    const sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart >= SLICE_MS) break;
    }
  }
}
