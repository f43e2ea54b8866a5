// How an edit moved positions, read from the text before and after it: what the passes that
// reuse earlier work (and the worker's transfer of an index against the last one sent) need to
// know to carry old positions over. Pure; no Node API.

/** Old [from, to) became new text of `to + shift - from` code units. */
export interface TextEdit {
  from: number;
  to: number;
  shift: number;
}

/** The edit as the common prefix and suffix of the two texts leave it. */
export function editBetween(before: string, after: string): TextEdit {
  const prefix = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - prefix);
  return { from: prefix, to: before.length - suffix, shift: after.length - before.length };
}

/**
 * The new place of an old start or end, or -1 where the edit leaves it unclear. Where the edit
 * only inserts, a start there comes after the insertion and an end before it.
 */
export function movedStart(at: number, edit: TextEdit): number {
  return at < edit.from ? at : at >= edit.to ? at + edit.shift : -1;
}

export function movedEnd(at: number, edit: TextEdit): number {
  return at <= edit.from ? at : at >= edit.to ? at + edit.shift : -1;
}

/** Compared in slices first: string equality runs at memory speed, a charCodeAt loop does not. */
const COMPARE_SLICE = 4096;

export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + COMPARE_SLICE <= max && a.slice(i, i + COMPARE_SLICE) === b.slice(i, i + COMPARE_SLICE)) i += COMPARE_SLICE;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common suffix of `a` and `b`, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + COMPARE_SLICE <= max && a.slice(a.length - i - COMPARE_SLICE, a.length - i) === b.slice(b.length - i - COMPARE_SLICE, b.length - i)) i += COMPARE_SLICE;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
