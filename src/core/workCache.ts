// Work that an incremental build can reuse: each stage keeps the results of its per-segment work
// in a cache keyed by what that work depends on (the segment's text, mostly). A cached result
// holds offsets relative to its segment and is never modified, so reusing it gives exactly what
// recomputing would: an incremental build equals a full build by construction.
import type { Passage, PassageKind, Span } from './types';

export interface WorkCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

/** How a stage sees the text: in segments (parse/segments.ts), with its cache when incremental. */
export interface SegmentWork {
  /** Consecutive spans covering the whole text, cut at paragraph starts. */
  segments: readonly SegmentSpan[];
  cache?: WorkCache<unknown>;
}

/** A segment of the text, with its text when the parser gives it (parse/index.ts). */
export interface SegmentSpan extends Span {
  /**
   * The segment's text as a string of its own (see detached): for a segment the last build had,
   * the same string object, so caches keyed by it find their entry without reading it again.
   */
  text?: string;
}

/**
 * A cache that keeps, from one build to the next, only the entries the last build used: what an
 * edit made obsolete is let go, so memory stays proportional to the document.
 */
export class GenerationalCache<T> implements WorkCache<T> {
  private previous = new Map<string, T>();
  private current = new Map<string, T>();

  get(key: string): T | undefined {
    let value = this.current.get(key);
    if (value === undefined) {
      value = this.previous.get(key);
      if (value !== undefined) this.current.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.current.set(key, value);
  }

  /** Starts a new build: entries not used since the last call are dropped. */
  nextGeneration(): void {
    // A build cancelled before any stage used the cache keeps the older entries.
    if (this.current.size === 0) return;
    this.previous = this.current;
    this.current = new Map();
  }
}

/**
 * A function of a string, made once per string for the life of the module: the same words and
 * names come back through an article and from one article to the next. Bounded: cleared when
 * full, so that a huge input cannot grow it without limit. Each string it keeps is a copy of its
 * own (see detached), and `compute` is given that copy, so what it makes keeps no text alive.
 */
export class BoundedMemo<T> {
  private readonly values = new Map<string, T>();

  constructor(
    private readonly limit: number,
    private readonly compute: (key: string) => T,
  ) {}

  of(key: string): T {
    let value = this.values.get(key);
    if (value === undefined) {
      if (this.values.size >= this.limit) this.values.clear();
      const own = detached(key);
      value = this.compute(own);
      this.values.set(own, value);
    }
    return value;
  }
}

/**
 * `text` as a string of its own. V8 keeps a substring of 13 or more characters as a view into the
 * string it was cut from: work cached across builds that kept views into the document would keep
 * every version of the document it was read from alive (60 one-character edits of 1 MB grew the
 * heap by 100 MB). A segment is read from a copy; what is cut from it keeps only that copy.
 */
export function detached(text: string): string {
  // Slicing a concatenation makes V8 flatten it into a new string first: a copy.
  return (' ' + text).slice(1);
}

/**
 * The passage [start, end) of `kind` in section number `section`: `was` (the last version's
 * passage at the same place in the list) when it is that one. After an edit the passages before it
 * stay the objects they were: the garbage collector copies only the new ones, and there are
 * thousands in a long article. Passages hold no text, so none keeps a version of the document.
 */
export function passageOrSame(was: Passage | undefined, start: number, end: number, kind: PassageKind, section: number): Passage {
  return was !== undefined && was.start === start && was.end === end && was.kind === kind && was.section === section ? was : { start, end, kind, section };
}
