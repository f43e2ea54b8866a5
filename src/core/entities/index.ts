// Named entities of an article: people, places, organisations, events and other named things,
// each with every mention and its alias forms merged. Pure and deterministic; runs in browsers.
//
// Two halves: each segment of the text is read by itself (segments.ts: tokens, name units,
// candidates, the segment's evidence; cached in incremental use), then one pass over all
// segments' candidates applies the document's evidence, the article's links and the user's
// overrides, groups and merges aliases, names and types the entities. A full build and an
// incremental one take the same path, so they give the same result; but after an edit that
// changes nothing the global pass reads, its last result is shifted instead (afterEdit.ts), and
// after one that changes the names of one segment, only the mentions they can be grouped with are
// grouped again (regroup.ts).
import type { Entity, IndexOptions, ParsedArticle } from '../types';
import type { Candidate } from './candidates';
import { fillColumn } from '../columns';
import type { SegmentWork, WorkCache } from '../workCache';
import { entitiesAfterEdit, lastKept, type LastPass, type PassInputs } from './afterEdit';
import { DocumentEvidence, keepEvidenced, noQueries, type EvidenceQueries } from './evidence';
import { describeMentions, entityOrder, type GroupResult } from './groups';
import * as memoModule from './memo';
import { addForcedMentions, prepareOverrides } from './overrides';
import { linkIndexOf } from './regroup';
import { onKeySpan, placeSegments, type Mention, type PlacedSegment } from './segments';
// Read once (see lexicon.ts on why).
const { withSharedForms } = memoModule;

export function extractEntities(text: string, article: ParsedArticle, options?: IndexOptions, work?: SegmentWork): Entity[] {
  const segments = placeSegments(text, article.passages ?? [], work);
  return withSharedForms(() => entitiesOf(text, segments, article, options, work?.cache));
}

/** The global pass: from every segment's candidates to the entities of the document. */
function entitiesOf(text: string, segments: readonly PlacedSegment[], article: ParsedArticle, options: IndexOptions | undefined, cache: WorkCache<unknown> | undefined): Entity[] {
  const evidence = DocumentEvidence.of(segments.map((s) => s.work.evidence), cache);
  // Infobox keys ("Map", "Ambassador") label values; they are not names.
  const keySpans = (article.infobox ?? []).map((f) => f.keySpan);
  const wikiLinks = article.wikiLinks ?? [];
  const now: PassInputs = { text, segments, wikiLinks, keySpans, overridesKey: JSON.stringify(options?.entities ?? null), evidence };
  const last = cache?.get(LAST_PASS_KEY) as LastPass | undefined;
  // What each group came to in the last build, reused for a group of the same members (see GroupResult).
  const previous = cache?.get(GROUP_RESULTS_KEY) as Map<string, GroupResult> | undefined;
  const afterEdit = last && entitiesAfterEdit(last, now, previous);
  if (afterEdit) {
    cache!.set(LAST_PASS_KEY, afterEdit.pass);
    const results = afterEdit.results ?? previous;
    if (results) cache!.set(GROUP_RESULTS_KEY, results); // kept for the next full pass
    return afterEdit.entities;
  }

  const overrides = prepareOverrides(options?.entities);
  const found: Mention[] = [];
  // What the pass reads, recorded for the next one (incremental use only): each segment's kept
  // candidates and what it asks of the evidence. A segment of the last pass whose answers all stand
  // keeps what it kept, and rests on what it asked (lastKept).
  const reusable = last && lastKept(last, segments, evidence);
  const kept: Candidate[][] | undefined = cache ? [] : undefined;
  const asked: EvidenceQueries[] | undefined = cache ? [] : undefined;
  segments.forEach((seg, segmentIndex) => {
    let keptIndex = 0;
    const place = (c: Candidate) => {
      const index = keptIndex++;
      const start = seg.start + c.start;
      const end = seg.start + c.end;
      if (keySpans.length && onKeySpan(keySpans, start, end)) return;
      // The same mention object as in the last build when its segment has not moved (less garbage).
      const last = c.memo.mention;
      if (last?.start !== start || last.segmentIndex !== segmentIndex || last.keptIndex !== index) c.memo.mention = { start, end, c, seg: seg.work, segmentIndex, keptIndex: index };
      found.push(c.memo.mention!);
    };
    const keptLast = reusable?.get(seg.work);
    if (keptLast) {
      kept!.push(keptLast.kept);
      asked!.push(keptLast.asked);
      for (const c of keptLast.kept) place(c);
      return;
    }
    const keptHere: Candidate[] | undefined = kept ? [] : undefined;
    const askedHere = asked ? noQueries() : undefined;
    if (keptHere) kept!.push(keptHere);
    if (askedHere) asked!.push(askedHere);
    evidence.asked = askedHere;
    keepEvidenced(seg.work.text, seg.work.candidates, evidence, (c) => {
      keptHere?.push(c);
      place(c);
    });
  });
  evidence.asked = undefined;
  const mentions = addForcedMentions(text, segments, found, wikiLinks, overrides);

  const results = cache ? new Map<string, GroupResult>() : undefined;
  const described = describeMentions(mentions, overrides, previous, results);
  if (results) cache!.set(GROUP_RESULTS_KEY, results);
  described.sort((a, b) => entityOrder(a.entity, b.entity));
  const entities = described.map(({ entity }, i) => {
    entity.id = `e${i + 1}`;
    return entity;
  });
  if (cache) {
    const entityOfKept = kept!.map((k) => new Int32Array(k.length).fill(-1));
    described.forEach(({ group }, e) => {
      for (const m of group.mentions) if (m.keptIndex !== undefined) entityOfKept[m.segmentIndex!][m.keptIndex] = e;
    });
    const votes = described.map((d) => d.votes);
    const groupKeys = described.map((d) => d.group.key);
    const memberCounts = fillColumn(new Int32Array(described.length), described, (d) => d.group.mentions.length);
    const overridden = overrides.surfaces.length > 0 || overrides.aliasTo.size > 0 || overrides.ignore.size > 0 || overrides.types.size > 0;
    cache.set(LAST_PASS_KEY, {
      text, segments, wikiLinks, keySpans, overridesKey: now.overridesKey, surfaces: overrides.surfaces, kept: kept!, asked: asked!,
      entities, votes, entityOfKept, overridden, groupKeys, memberCounts, links: linkIndexOf(kept!, entityOfKept),
    } satisfies LastPass);
  }
  return entities;
}

const GROUP_RESULTS_KEY = 'entities/groups';
const LAST_PASS_KEY = 'entities/last-pass';
