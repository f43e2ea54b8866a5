// Named entities of an article: people, places, organisations, events and other named things,
// each with every mention and its alias forms merged. Pure and deterministic; runs in browsers.
//
// Two halves: each segment of the text is read by itself (segments.ts: tokens, name units,
// candidates, the segment's evidence; cached in incremental use), then one pass over all
// segments' candidates applies the document's evidence, the article's links and the user's
// overrides, groups and merges aliases, names and types the entities. A full build and an
// incremental one take the same path, so they give the same result.
import type { Entity, EntityType, IndexOptions, ParsedArticle, TextSpan } from '../types';
import type { SegmentWork, WorkCache } from '../workCache';
import { canonicalForm, chooseName, groupMentions, mergeAcronyms, mergeKindWords, mergeShortNames, type Group } from './aliases';
import { DocumentEvidence, keepEvidenced } from './evidence';
import * as featuresModule from './features';
import * as memoModule from './memo';
import * as gazetteerModule from './gazetteer';
import * as normalizeModule from './normalize';
import { addForcedMentions, overriddenType, prepareOverrides } from './overrides';
import { byPosition, placeSegments, type Mention, type PlacedSegment } from './segments';
import * as typingModule from './typing';
// Read once (see lexicon.ts on why).
const { lookupKnown } = gazetteerModule;
const { plainKey } = normalizeModule;
const { mentionVotesOf, nameVotesOf } = featuresModule;
const { knownOf } = memoModule;
const { addVotes, decideType, noVotes } = typingModule;

export function extractEntities(text: string, article: ParsedArticle, options?: IndexOptions, work?: SegmentWork): Entity[] {
  const segments = placeSegments(text, article.passages ?? [], work);
  return entitiesOf(text, segments, article, options, work?.cache);
}

/** The global pass: from every segment's candidates to the entities of the document. */
function entitiesOf(text: string, segments: readonly PlacedSegment[], article: ParsedArticle, options: IndexOptions | undefined, cache: WorkCache<unknown> | undefined): Entity[] {
  const overrides = prepareOverrides(options?.entities);
  const evidence = DocumentEvidence.of(segments.map((s) => s.work.evidence), cache);
  // Infobox keys ("Map", "Ambassador") label values; they are not names.
  const keySpans = (article.infobox ?? []).map((f) => f.keySpan);
  const found: Mention[] = [];
  for (const seg of segments) {
    keepEvidenced(seg.work.text, seg.work.candidates, evidence, (c) => {
      const start = seg.start + c.start;
      const end = seg.start + c.end;
      if (keySpans.length && keySpans.some((k) => k.start < end && start < k.end)) return;
      // The same mention object as in the last build when its segment has not moved (less garbage).
      if (c.memo.mention?.start !== start) c.memo.mention = { start, end, c, seg: seg.work };
      found.push(c.memo.mention);
    });
  }
  const mentions = addForcedMentions(text, segments, found, article.wikiLinks ?? [], overrides);

  const groups = groupMentions(mentions);
  mergeAcronyms(groups);
  mergeShortNames(groups);
  mergeKindWords(groups);

  const entities: Entity[] = [];
  for (const g of groups.values()) {
    const name = chooseName(g);
    if (overrides.ignore.size && overrides.ignore.has(plainKey(name))) continue;
    const spans = uniqueSorted(g.mentions);
    const aliases: string[] = [];
    const seen = new Set<string>();
    for (const m of spans) {
      if (seen.has(m.text)) continue;
      seen.add(m.text);
      if (m.text !== name) aliases.push(m.text);
    }
    const type = overriddenType(overrides, name, aliases) ?? typeOf(g);
    entities.push({ id: '', name, type, aliases, mentions: spans }); // numbered once sorted
  }
  // Code-unit order on ties: locale-aware comparison could differ between environments.
  entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start || a.mentions[0].end - b.mentions[0].end || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 0; i < entities.length; i++) entities[i].id = `e${i + 1}`;
  return entities;
}

function typeOf(g: Group): EntityType {
  const votes = noVotes();
  let gazetteer: EntityType | undefined;
  for (const m of g.mentions) {
    addVotes(votes, mentionVotesOf(m.c, m.seg!.text, m.seg!.tokens));
    gazetteer ??= knownOf(m.c)?.type;
  }
  // A linked or user-given name speaks for itself ("the new president" links to Anwar Sadat).
  const form = canonicalForm(g);
  if (form) {
    addVotes(votes, nameVotesOf(form.c));
    gazetteer ??= lookupKnown(form.c.text)?.type;
  }
  // A city or region in the gazetteer counts once, not once per mention: "General Washington",
  // named again and again, is a person; "in Washington" stays a place.
  if (gazetteer) votes[gazetteer] += 30;
  return decideType(votes);
}

function uniqueSorted(mentions: readonly Mention[]): TextSpan[] {
  if (mentions.length === 1) return [{ start: mentions[0].start, end: mentions[0].end, text: mentions[0].c.text }];
  const out: TextSpan[] = [];
  // Longest first at each start, so that a mention inside another of the same entity is dropped
  // ("Iran" inside "Islamic Republic of Iran"); a span seen twice is kept once.
  let coveredTo = -1;
  let last: Mention | undefined;
  // Mentions come in text order unless merging added some: sorted (a copy) only then.
  let sorted = true;
  for (let i = 1; i < mentions.length && sorted; i++) sorted = byPosition(mentions[i - 1], mentions[i]) <= 0;
  for (const m of sorted ? mentions : [...mentions].sort(byPosition)) {
    if ((last && m.start === last.start && m.end === last.end) || m.end <= coveredTo) continue;
    last = m;
    coveredTo = Math.max(coveredTo, m.end);
    out.push({ start: m.start, end: m.end, text: m.c.text });
  }
  return out;
}
