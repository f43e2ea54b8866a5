// How an edit moved positions, read from the text before and after it: what the passes that
// reuse earlier work (and the worker's transfer of an index against the last one sent) need to
// know to carry old positions over. Pure; no Node API.
import type { Span, TextSpan } from './types';

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

/** Whether old span `a`, moved by the edit, is where `b` is. */
export function movedOnto(a: Span, b: Span, edit: TextEdit): boolean {
  return movedStart(a.start, edit) === b.start && movedEnd(a.end, edit) === b.end;
}

/** The span where the edit moved it (the same object when it did not move), or undefined inside the edit. */
export function movedSpan(s: TextSpan, edit: TextEdit): TextSpan | undefined {
  const start = movedStart(s.start, edit);
  const end = movedEnd(s.end, edit);
  if (start < 0 || end < 0) return undefined;
  return start === s.start && end === s.end ? s : { start, end, text: s.text };
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
