// The binary search every sorted lookup of the project shares. Imports nothing: the webview's
// bundle has it too.

/**
 * The first index in [lo, hi) at which `before` is false, `before` being true up to some index and
 * false from there on (a list in order, asked "does the answer come after this one?"); `hi` when
 * it is true throughout.
 */
export function partitionPoint(lo: number, hi: number, before: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
