// The local half of extraction: what one segment of the text yields by itself (tokens, name
// units, candidates with offsets relative to the segment, the segment's evidence), cached by
// what it depends on so that an unchanged segment is not read again, wherever it has moved.
import type { Passage, Span } from '../types';
import type { SegmentWork } from '../workCache';
import { findCandidates, type Candidate } from './candidates';
import { summarizeEvidence, type EvidenceSummary } from './evidence';
import { findPositions, type PassageSpan } from './positions';
import * as tokensModule from './tokens';
import { type Tokens } from './tokens';
import { toRunUnits } from './units';
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
  /** The entity it must belong to (a wiki link target or a user alias). */
  canonical?: string;
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
  return { text, tokens, candidates, evidence: summarizeEvidence(text, tokens, candidates) };
}

/** Bumped when what a segment yields changes shape, so that no older entry is reused. */
const CACHE_VERSION = 'entities/1';

/**
 * The work of every segment (the whole text as one when `work` is absent), from the cache where
 * the same segment text with the same passages was seen before.
 */
export function placeSegments(text: string, passages: readonly Passage[], work: SegmentWork | undefined): PlacedSegment[] {
  const spans = work?.segments.length ? work.segments : [{ start: 0, end: text.length }];
  const byStart = isSortedByStart(passages) ? passages : [...passages].sort((a, b) => a.start - b.start);
  const placed: PlacedSegment[] = [];
  let p = 0;
  for (const span of spans) {
    // Passages mark sentence starts and headings: the segment's own, relative to it.
    const local: PassageSpan[] = [];
    for (; p < byStart.length && byStart[p].start < span.end; p++) {
      const q = byStart[p];
      if (q.start >= span.start) local.push({ start: q.start - span.start, end: Math.min(q.end, span.end) - span.start, kind: q.kind });
    }
    const segmentText = text.slice(span.start, span.end);
    let segment: SegmentEntities | undefined;
    if (work?.cache) {
      const key = `${CACHE_VERSION}\u0000${passageSignature(local)}\u0000${segmentText}`;
      segment = work.cache.get(key) as SegmentEntities | undefined;
      if (!segment) work.cache.set(key, (segment = extractSegment(segmentText, local)));
    } else segment = extractSegment(segmentText, local);
    placed.push({ start: span.start, end: span.end, work: segment });
  }
  return placed;
}

function isSortedByStart(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}

/** What of the passages the segment's work depends on: where they start and end, and which are headings. */
function passageSignature(passages: readonly PassageSpan[]): string {
  return passages.map((q) => `${q.start},${q.end}${q.kind === 'heading' ? 'h' : ''}`).join(';');
}

/** The index of the segment holding `at` (segments sorted, covering the text). */
export function segmentAt(segments: readonly PlacedSegment[], at: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
