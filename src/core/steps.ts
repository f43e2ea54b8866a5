// Work written as a generator that yields between its parts (an index build, an editor feature on
// a long article), run at once; runInSlices (src/extension/nextTask.ts) runs it in slices instead.
// Imports nothing: the webview's bundle has it too.

/** Runs steps back to back (a build's, say): the result, or what they throw (IndexCancelled). */
export function runSteps<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
