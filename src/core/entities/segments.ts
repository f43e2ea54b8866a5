// The local half of extraction: what one segment of the text yields by itself (tokens, name
// units, candidates with offsets relative to the segment, the segment's evidence), cached by
// what it depends on so that an unchanged segment is not read again, wherever it has moved.
import type { Passage, Span } from '../types';
import { detached, type SegmentWork } from '../workCache';
import { findCandidates, type Candidate } from './candidates';
import { contextVotesOf } from './features';
import { summarizeEvidence, type EvidenceSummary } from './evidence';
import { findPositions, type PassageSpan } from './positions';
import * as tokensModule from './tokens';
import { type Tokens } from './tokens';
import { toRunUnits } from './units';
import { partitionPoint } from '../partitionPoint';
// Read once (see lexicon.ts on why).
const { tokenize } = tokensModule;

/** Everything extraction needs from one segment. Never modified once made (candidate memos aside). */
export interface SegmentEntities {
  text: string;
  tokens: Tokens;
  /** Candidate names, before the document's evidence is applied. */
  candidates: Candidate[];
  evidence: EvidenceSummary;
}

/** A segment's work at its place in the text. */
export interface PlacedSegment {
  start: number;
  end: number;
  work: SegmentEntities;
}

/** A candidate at its place in the whole text. */
export interface Mention {
  start: number;
  end: number;
  /** The candidate, its offsets relative to its segment. */
  c: Candidate;
  /** Its segment (none for a canonical name, which is no text). */
  seg?: SegmentEntities;
  /** Where its segment stands among the segments: with c, fixes its order against any other mention. */
  segmentIndex?: number;
  /** Its candidate's place among those its segment's evidence kept (none for a link label or a user's form). */
  keptIndex?: number;
  /** The entity it must belong to (a wiki link target or a user alias). */
  canonical?: string;
}

/**
 * Whether [start, end) overlaps an infobox key ("Map", "Ambassador"): a candidate there labels a
 * value and makes no mention, in the full pass as after an edit.
 */
export function onKeySpan(keySpans: readonly Span[], start: number, end: number): boolean {
  return keySpans.some((k) => k.start < end && start < k.end);
}

/** Text order; at one start, the longer mention first. */
export function byPosition(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end;
}

export function extractSegment(text: string, passages: readonly PassageSpan[]): SegmentEntities {
  const tokens = tokenize(text);
  const units = toRunUnits(text, tokens);
  const positions = findPositions(text, tokens, passages);
  const candidates = findCandidates(text, tokens, units, positions);
  for (const c of candidates) contextVotesOf(c, text, tokens);
  return { text, tokens, candidates, evidence: summarizeEvidence(text, tokens, candidates) };
}

/** The cache entry of segment texts' work (see placeSegments); renamed when what a segment yields changes shape. */
const SEGMENTS_KEY = 'entities/segments/1';

/** A segment's work as cached: with the passages it was read with (start, end, heading or not; relative). */
interface CachedSegment {
  passages: Int32Array;
  work: SegmentEntities;
}

/**
 * The work of every segment (the whole text as one when `work` is absent), from the cache where
 * the same segment text with the same passages was seen in the last build. The cache is one entry,
 * a map by segment text: looking a segment up hashes its text, with no key string built.
 */
export function placeSegments(text: string, passages: readonly Passage[], work: SegmentWork | undefined): PlacedSegment[] {
  const spans = work?.segments.length ? work.segments : [{ start: 0, end: text.length }];
  const byStart = isSortedByStart(passages) ? passages : [...passages].sort((a, b) => a.start - b.start);
  const cache = work?.cache;
  const last = cache?.get(SEGMENTS_KEY) as Map<string, CachedSegment> | undefined;
  const used = new Map<string, CachedSegment>();
  const placed: PlacedSegment[] = [];
  let p = 0;
  for (const span of spans) {
    // Passages mark sentence starts and headings: the segment's own, relative to it.
    const from = p;
    while (p < byStart.length && byStart[p].start < span.end) p++;
    // The parser's copy of the segment text when it gives one: the same string as last time, found at once.
    const segmentText = span.text ?? text.slice(span.start, span.end);
    // Looked up only with a cache: without one `used` stays empty, and a look-up hashes the whole segment text.
    let cached = cache && (used.get(segmentText) ?? last?.get(segmentText));
    if (!cached || !samePassages(cached.passages, byStart, from, p, span)) {
      const local: PassageSpan[] = [];
      for (let k = from; k < p; k++) {
        const q = byStart[k];
        if (q.start >= span.start) local.push({ start: q.start - span.start, end: Math.min(q.end, span.end) - span.start, kind: q.kind });
      }
      // Read from a copy: what the cache keeps must not keep this version of the text alive.
      cached = { passages: passagesOf(local), work: extractSegment(cache && span.text === undefined ? detached(segmentText) : segmentText, local) };
    }
    if (cache) used.set(cached.work.text, cached);
    placed.push({ start: span.start, end: span.end, work: cached.work });
  }
  cache?.set(SEGMENTS_KEY, used);
  return placed;
}

/** What of the passages a segment's work depends on: where they start and end, and which are headings. */
function passagesOf(local: readonly PassageSpan[]): Int32Array {
  const out = new Int32Array(local.length * 3);
  local.forEach((q, i) => out.set([q.start, q.end, q.kind === 'heading' ? 1 : 0], i * 3));
  return out;
}

/** Whether byStart[from, to), those starting in `span`, made relative, are `cached`. */
function samePassages(cached: Int32Array, byStart: readonly Passage[], from: number, to: number, span: Span): boolean {
  let i = 0;
  for (let k = from; k < to; k++) {
    const q = byStart[k];
    if (q.start < span.start) continue;
    if (i >= cached.length) return false;
    if (cached[i] !== q.start - span.start || cached[i + 1] !== Math.min(q.end, span.end) - span.start || cached[i + 2] !== (q.kind === 'heading' ? 1 : 0)) return false;
    i += 3;
  }
  return i === cached.length;
}

function isSortedByStart(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}

/** The index of the segment holding `at` (segments sorted, covering the text). */
export function segmentAt(segments: readonly PlacedSegment[], at: number): number {
  return Math.max(0, partitionPoint(0, segments.length, (i) => segments[i].start <= at) - 1);
}
