// Named entities of an article: people, places, organisations, events and other named things,
// each with every mention and its alias forms merged. Pure and deterministic; runs in browsers.
//
// Two halves: each segment of the text is read by itself (segments.ts: tokens, name units,
// candidates, the segment's evidence; cached in incremental use), then one pass over all
// segments' candidates applies the document's evidence, the article's links and the user's
// overrides, groups and merges aliases, names and types the entities. A full build and an
// incremental one take the same path, so they give the same result; but after an edit that
// changes nothing the global pass reads, its last result is shifted instead (afterEdit.ts).
import type { Entity, EntityType, IndexOptions, ParsedArticle, TextSpan } from '../types';
import type { Candidate } from './candidates';
import type { SegmentWork, WorkCache } from '../workCache';
import { canonicalForm, chooseName, groupMentions, mergeAcronyms, mergeKindWords, mergeShortNames, type Group } from './aliases';
import { entitiesAfterEdit, lastKept, type LastPass, type PassInputs } from './afterEdit';
import { DocumentEvidence, keepEvidenced, noQueries } from './evidence';
import * as featuresModule from './features';
import * as memoModule from './memo';
import * as gazetteerModule from './gazetteer';
import * as normalizeModule from './normalize';
import { addForcedMentions, overriddenType, prepareOverrides } from './overrides';
import { byPosition, placeSegments, type Mention, type PlacedSegment } from './segments';
import * as typingModule from './typing';
import type { Votes } from './typing';
// Read once (see lexicon.ts on why).
const { lookupKnown } = gazetteerModule;
const { plainKey } = normalizeModule;
const { mentionVotesOf, nameVotesOf } = featuresModule;
const { knownOf, withSharedForms } = memoModule;
const { addVotes, decideType, noVotes } = typingModule;

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
  const afterEdit = last && entitiesAfterEdit(last, now);
  if (afterEdit) {
    cache!.set(LAST_PASS_KEY, afterEdit.pass);
    const groupResults = cache!.get(GROUP_RESULTS_KEY);
    if (groupResults) cache!.set(GROUP_RESULTS_KEY, groupResults); // kept for the next full pass
    return afterEdit.entities;
  }

  const overrides = prepareOverrides(options?.entities);
  const found: Mention[] = [];
  // What the pass reads, recorded for the next one (incremental use only): each segment's kept
  // candidates and what it asks of the evidence. While the last pass's answers all stand, its kept
  // candidates are this one's (lastKept) and what it asked is what this one rests on too.
  const reusable = last && lastKept(last, segments, evidence);
  const kept: Candidate[][] | undefined = cache ? [] : undefined;
  const asked = cache ? (reusable ? last.asked : noQueries()) : undefined;
  evidence.asked = asked;
  segments.forEach((seg, segmentIndex) => {
    let keptIndex = 0;
    const place = (c: Candidate) => {
      const index = keptIndex++;
      const start = seg.start + c.start;
      const end = seg.start + c.end;
      if (keySpans.length && keySpans.some((k) => k.start < end && start < k.end)) return;
      // The same mention object as in the last build when its segment has not moved (less garbage).
      const last = c.memo.mention;
      if (last?.start !== start || last.segmentIndex !== segmentIndex || last.keptIndex !== index) c.memo.mention = { start, end, c, seg: seg.work, segmentIndex, keptIndex: index };
      found.push(c.memo.mention!);
    };
    const keptLast = reusable?.get(seg.work);
    if (keptLast) {
      kept!.push(keptLast);
      for (const c of keptLast) place(c);
      return;
    }
    const keptHere: Candidate[] | undefined = kept ? [] : undefined;
    if (keptHere) kept!.push(keptHere);
    keepEvidenced(seg.work.text, seg.work.candidates, evidence, (c) => {
      keptHere?.push(c);
      place(c);
    });
  });
  evidence.asked = undefined;
  const mentions = addForcedMentions(text, segments, found, wikiLinks, overrides);

  const groups = groupMentions(mentions);
  mergeAcronyms(groups);
  mergeShortNames(groups);
  mergeKindWords(groups);

  // What each group came to in the last build, reused for a group of the same members (see GroupResult).
  const previous = cache?.get(GROUP_RESULTS_KEY) as Map<string, GroupResult> | undefined;
  const results = new Map<string, GroupResult>();
  // With the votes that decided each entity's type (none where the user's override did).
  const described: Array<{ entity: Entity; group: Group; votes: Votes | null }> = [];
  for (const g of groups.values()) {
    const last = previous?.get(g.key);
    const result = last && hasMembersOf(last, g) ? last : describeGroup(g);
    if (cache) results.set(g.key, result);
    const { name, aliases } = result;
    if (overrides.ignore.size && overrides.ignore.has(plainKey(name))) continue;
    const overridden = overriddenType(overrides, name, aliases);
    const type = overridden ?? decideType(result.votes);
    const spans = result.kept.map((i): TextSpan => ({ start: g.mentions[i].start, end: g.mentions[i].end, text: g.mentions[i].c.text }));
    described.push({ entity: { id: '', name, type, aliases: [...aliases], mentions: spans }, group: g, votes: overridden ? null : result.votes }); // numbered once sorted
  }
  cache?.set(GROUP_RESULTS_KEY, results);
  // Code-unit order on ties: locale-aware comparison could differ between environments.
  described.sort(({ entity: a }, { entity: b }) => a.mentions[0].start - b.mentions[0].start || a.mentions[0].end - b.mentions[0].end || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
    cache.set(LAST_PASS_KEY, { text, segments, wikiLinks, keySpans, overridesKey: now.overridesKey, surfaces: overrides.surfaces, kept: kept!, asked: asked!, entities, votes, entityOfKept } satisfies LastPass);
  }
  return entities;
}

/**
 * A group's name, type (before the user's overrides), aliases and which of its mentions are spans.
 * All of it follows from the group's canonical name, its members' candidates in their order and
 * how their positions compare; positions compare alike whenever each member is the same candidate
 * in the same segment (by index: segments keep their order), however far the text moved. So a
 * group with the same members as in the last build gets the same result: the edit-time shortcut
 * gives what the full computation gives.
 */
interface GroupResult {
  members: Candidate[];
  memberSegments: Array<number | undefined>;
  canonical: string | undefined;
  canonicalIsFinal: boolean;
  name: string;
  /** What decides its type (before the user's overrides). */
  votes: Votes;
  aliases: string[];
  /** Indexes into the group's mentions of those that are its spans, in text order. */
  kept: readonly number[];
}

const GROUP_RESULTS_KEY = 'entities/groups';
const LAST_PASS_KEY = 'entities/last-pass';

function hasMembersOf(r: GroupResult, g: Group): boolean {
  const ms = g.mentions;
  if (ms.length !== r.members.length || g.canonical !== r.canonical || g.canonicalIsFinal !== r.canonicalIsFinal) return false;
  for (let i = 0; i < ms.length; i++) if (ms[i].c !== r.members[i] || ms[i].segmentIndex !== r.memberSegments[i]) return false;
  return true;
}

function describeGroup(g: Group): GroupResult {
  const name = chooseName(g);
  const kept = keptMentions(g.mentions);
  const aliases: string[] = [];
  const seen = new Set<string>();
  for (const i of kept) {
    const text = g.mentions[i].c.text;
    if (seen.has(text)) continue;
    seen.add(text);
    if (text !== name) aliases.push(text);
  }
  return {
    members: g.mentions.map((m) => m.c),
    memberSegments: g.mentions.map((m) => m.segmentIndex),
    canonical: g.canonical,
    canonicalIsFinal: g.canonicalIsFinal,
    name,
    votes: votesOf(g),
    aliases,
    kept,
  };
}

/** The votes that decide a group's type: its mentions' (afterEdit.ts moves them when the words around one change), its canonical name's and the gazetteer's. */
function votesOf(g: Group): Votes {
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
  return votes;
}

const ONLY_THE_FIRST: readonly number[] = [0];

/** Indexes of the mentions that become spans, in text order. */
function keptMentions(mentions: readonly Mention[]): readonly number[] {
  if (mentions.length === 1) return ONLY_THE_FIRST;
  const kept: number[] = [];
  // Longest first at each start, so that a mention inside another of the same entity is dropped
  // ("Iran" inside "Islamic Republic of Iran"); a span seen twice is kept once.
  let coveredTo = -1;
  let last: Mention | undefined;
  // Mentions come in text order unless merging added some: sorted (a stable sort, of indexes) only then.
  let sorted = true;
  for (let i = 1; i < mentions.length && sorted; i++) sorted = byPosition(mentions[i - 1], mentions[i]) <= 0;
  const order = mentions.map((_, i) => i);
  if (!sorted) order.sort((i, j) => byPosition(mentions[i], mentions[j]));
  for (const i of order) {
    const m = mentions[i];
    if ((last && m.start === last.start && m.end === last.end) || m.end <= coveredTo) continue;
    last = m;
    coveredTo = Math.max(coveredTo, m.end);
    kept.push(i);
  }
  return kept;
}
