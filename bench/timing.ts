// Timing shared by the bench (run.ts) and the fresh process it starts (freshProcess.ts).

export function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Baseline and index interleaved with no collection between runs, `reps` times each; medians of
 * the second half. remark-parse makes its tokenizer's functions anew for each parse, and V8 drops
 * the code it optimised for them at each garbage collection: after one (as in run.ts's
 * measureFull) it takes longer than back to back, about 1.3 times on 1 MB and several times on the
 * sample. This is remark-parse at its fastest.
 */
export function measureBackToBack(text: string, reps: number, baseline: (text: string) => unknown, index: (text: string) => unknown): { baseMs: number; ms: number } {
  const bases: number[] = [];
  const runs: number[] = [];
  for (let r = 0; r < reps; r++) {
    bases.push(time(() => baseline(text)).ms);
    runs.push(time(() => index(text)).ms);
  }
  return { baseMs: median(bases.slice(reps >> 1)), ms: median(runs.slice(reps >> 1)) };
}
