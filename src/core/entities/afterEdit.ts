// The global pass after an edit that changes nothing it reads but positions: typing in prose,
// mostly. The pass depends on each segment's kept candidates (their text, units, flags and the
// type votes of their context), on the document evidence it asked about, on the article's links,
// infobox keys and the user's overrides, and on how positions compare, never on their values. So
// when one segment changed and, read through the edit's shift of positions, all of that is as it
// was, the entities are the last ones with their mentions shifted: what the full pass would give.
// The votes of a mention's context ("in Hanoi", "Giap refused") decide its entity's type and
// nothing else: when only they changed, the entity's votes move by the difference, and its type
// follows.
// When the segment's kept candidates changed (a letter typed into a name), regroup.ts groups again
// the mentions they can be grouped with; when the edit changed an answer of the document's evidence
// that another segment read in keeping its candidates, those segments' candidates are kept again
// first, and the mentions of all those that changed are grouped again. An edit that changed more
// than one segment, or how many there are, is grouped again the same way, the last pass renumbered
// as the new segments are (afterResegmenting). When none of that applies (links, overrides), the
// full pass still keeps each unchanged segment's kept candidates as long as none of the answers it
// read has changed (lastKept).
import { editBetween, movedEnd, movedOnto, movedStart, type TextEdit } from '../textEdit';
import type { Entity, Span, WikiLink } from '../types';
import type { Candidate } from './candidates';
import { asksAny, keepEvidenced, noQueries, type DocumentEvidence, type EvidenceQueries, type EvidenceSummary } from './evidence';
import * as featuresModule from './features';
import type { PlacedSegment, SegmentEntities } from './segments';
import * as typingModule from './typing';
import type { Votes } from './typing';
import type { Unit } from './units';
import type { GroupResult } from './groups';
import { entitiesOfReplaced, movedEntity, regroup, renumberedPass, type KeptChange, type LinkIndex } from './regroup';
// Read once (see lexicon.ts on why).
const { mentionVotesOf } = featuresModule;
const { decideType } = typingModule;

/** The edit of a segment whose text did not change. */
const NO_EDIT: TextEdit = { from: 0, to: 0, shift: 0 };

/** What the last global pass read and made. */
export interface LastPass {
  text: string;
  segments: readonly PlacedSegment[];
  /** Per segment, the candidates the document's evidence kept, in text order. */
  kept: readonly Candidate[][];
  wikiLinks: readonly WikiLink[];
  keySpans: readonly Span[];
  /** The user's overrides, as given, and the surface forms they make the pass look for. */
  overridesKey: string;
  surfaces: readonly string[];
  /** Per segment, the evidence keys keeping its candidates asked about (DocumentEvidence.asked). */
  asked: readonly EvidenceQueries[];
  entities: readonly Entity[];
  /** Per entity, the votes that decided its type; null where the user's override did. */
  votes: readonly (Votes | null)[];
  /** Per segment, per kept candidate, the index of its entity; -1 where it made no mention (an infobox key) or its entity was ignored. */
  entityOfKept: readonly Int32Array[];
  /** Whether the user's overrides change anything. */
  overridden: boolean;
  /** Per entity, the key of its group (see GroupResult) and how many mentions its group had. */
  groupKeys: readonly string[];
  memberCounts: Int32Array;
  /** Its mentions by link key (regroup.ts); none when a segment keeps too many candidates to number them. */
  links: LinkIndex | undefined;
}

/** The inputs of the pass for the new text (as LastPass has them for the old). */
export interface PassInputs {
  text: string;
  segments: readonly PlacedSegment[];
  wikiLinks: readonly WikiLink[];
  keySpans: readonly Span[];
  overridesKey: string;
  evidence: DocumentEvidence;
}

/**
 * The entities of the new text when the pass can be spared: when the edit changed one segment and
 * leaves the pass's result unchanged but for positions, or changed what segments keep (regroup.ts,
 * also after an edit to several segments: afterResegmenting). With the pass's record for the next
 * edit and, when regrouped, the group results; undefined when the full pass must run.
 */
export function entitiesAfterEdit(
  last: LastPass,
  now: PassInputs,
  groupResults: Map<string, GroupResult> | undefined,
): { entities: Entity[]; pass: LastPass; results?: Map<string, GroupResult> } | undefined {
  if (now.overridesKey !== last.overridesKey) return undefined;
  if (now.segments.length !== last.segments.length) return afterResegmenting(last, now, groupResults);
  const changed = changedSegment(last, now);
  if (changed < 0) return afterResegmenting(last, now, groupResults);
  const before = last.segments[changed];
  const after = now.segments[changed];
  const local = editBetween(before.work.text, after.work.text);
  const edit: TextEdit = { from: before.start + local.from, to: before.start + local.to, shift: local.shift };

  // The segment is kept again below; another whose answers changed must be too.
  const changedQueries = now.evidence.changedQueries([before.work.evidence], [after.work.evidence]);
  const evidenceChanged = last.asked.some((asked, s) => s !== changed && asksAny(asked, changedQueries));
  if (!sameLinks(last.wikiLinks, now.wikiLinks, edit) || !sameSpans(last.keySpans, now.keySpans, edit)) return undefined;
  // A link label or a user's form in the segment is a mention the kept candidates do not show, its
  // type votes read from the words around it: the full pass decides.
  const inSegment = (links: readonly WikiLink[], segment: PlacedSegment) => links.some((l) => l.end > segment.start && l.start < segment.end);
  if (inSegment(last.wikiLinks, before) || inSegment(now.wikiLinks, after)) return undefined;
  if (last.surfaces.some((s) => before.work.text.includes(s) || after.work.text.includes(s))) return undefined;
  const regroupable = !last.overridden && !now.wikiLinks.length;
  // What each segment asks of the evidence: the changed segment's, and those kept again, anew.
  const asked = [...last.asked];
  const kept = keepAgain(now, changed, asked);
  if (evidenceChanged) {
    // Answers other segments read changed: those segments' candidates are kept again too, and the
    // mentions of all whose kept ones changed are grouped again.
    if (!regroupable) return undefined;
    const changes = [keptChangeOf(last, now, changed, kept, local), ...othersKeptAgain(last, now, changedQueries, (s) => s === changed, asked)];
    return regroup(last, now, changes.sort((a, b) => a.segment - b.segment), edit, asked, groupResults);
  }
  const was = last.kept[changed];
  const sameKept = kept.length === was.length && kept.every((c, i) => sameCandidate(was[i], c, local));
  if (!sameKept) return regroupable ? regroup(last, now, [keptChangeOf(last, now, changed, kept, local)], edit, asked, groupResults) : undefined;
  // The entities' votes where a mention's changed: copied from the last pass's at the first change.
  let votes: (Votes | null)[] | undefined;
  for (let i = 0; i < kept.length; i++) {
    const oldVotes = mentionVotesOf(was[i], before.work.text, before.work.tokens);
    const newVotes = mentionVotesOf(kept[i], after.work.text, after.work.tokens);
    if (sameVotes(oldVotes, newVotes)) continue;
    const e = last.entityOfKept[changed][i];
    if (e < 0 || !last.votes[e]) continue;
    votes ??= [...last.votes];
    votes[e] = movedVotes(votes[e]!, oldVotes, newVotes);
  }

  const entities: Entity[] = [];
  for (let k = 0; k < last.entities.length; k++) {
    const e = last.entities[k];
    const type = votes && votes[k] !== last.votes[k] ? decideType(votes[k]!) : e.type;
    const moved = movedEntity(e, edit);
    if (!moved) return undefined;
    entities.push(type === e.type ? moved : { id: e.id, name: e.name, type, aliases: e.aliases, mentions: moved.mentions });
  }
  if (groupResults) for (const e of entitiesOfReplaced(last, changed, kept)) groupResults.delete(last.groupKeys[e]);
  const keptBySegment = [...last.kept];
  keptBySegment[changed] = kept;
  return { entities, pass: { ...last, text: now.text, segments: now.segments, kept: keptBySegment, asked, wikiLinks: now.wikiLinks, keySpans: now.keySpans, entities, votes: votes ?? last.votes } };
}

/**
 * The entities after an edit that changed more than one segment, or how many there are (a pasted
 * paragraph, a deleted section): the last pass is renumbered as the new segments are, each new
 * segment of the run the edit replaced holding the old candidates that are its own moved (the same
 * candidate, with the same words around it), and regroup.ts groups again those that went and came.
 */
function afterResegmenting(last: LastPass, now: PassInputs, groupResults: Map<string, GroupResult> | undefined): ReturnType<typeof regroup> {
  if (last.overridden || last.wikiLinks.length || now.wikiLinks.length) return undefined;
  const was = last.segments;
  const is = now.segments;
  const shift = now.text.length - last.text.length;
  let head = 0;
  while (head < was.length && head < is.length && was[head].work === is[head].work && was[head].start === is[head].start) head++;
  let tail = 0;
  const lastOf = (segments: readonly PlacedSegment[]) => segments[segments.length - 1 - tail];
  while (tail < was.length - head && tail < is.length - head && lastOf(was).work === lastOf(is).work && lastOf(is).start === lastOf(was).start + shift) tail++;
  const went = was.length - head - tail;
  const came = is.length - head - tail;
  if (!came) return undefined;
  const start = head ? was[head - 1].end : 0;
  const runEnd = (segments: readonly PlacedSegment[], text: string) => (tail ? segments[segments.length - tail].start : text.length);
  const local = editBetween(last.text.slice(start, runEnd(was, last.text)), now.text.slice(start, runEnd(is, now.text)));
  const edit: TextEdit = { from: start + local.from, to: start + local.to, shift: local.shift };
  if (!sameSpans(last.keySpans, now.keySpans, edit)) return undefined;

  const asked = [...last.asked.slice(0, head), ...is.slice(head, head + came).map(() => noQueries()), ...last.asked.slice(head + went)];
  const keptNow = is.slice(head, head + came).map((_, j) => keepAgain(now, head + j, asked));
  // The old candidates each new segment of the run holds: those that are its own moved, and (in
  // the first) those that went. Both lists are in text order, and so where the old ones move to.
  const runKept = keptNow.map((): Array<[number, number]> => []);
  const same = keptNow.map((kept) => new Int32Array(kept.length).fill(-1));
  const olds: Array<{ s: number; k: number; at: number }> = [];
  for (let s = head; s < head + went; s++) {
    last.kept[s].forEach((c, k) => {
      const at = movedStart(was[s].start + c.start, edit);
      if (at >= 0 && movedEnd(was[s].start + c.end, edit) >= 0) olds.push({ s, k, at });
      else runKept[0].push([s, k]);
    });
  }
  let o = 0;
  const gone = () => {
    runKept[0].push([olds[o].s, olds[o].k]);
    o++;
  };
  keptNow.forEach((kept, j) => {
    const to = is[head + j];
    kept.forEach((c, k) => {
      const at = to.start + c.start;
      while (o < olds.length && olds[o].at < at) gone();
      if (o === olds.length || olds[o].at !== at) return;
      const { s, k: i } = olds[o];
      const from = was[s];
      const old = last.kept[s][i];
      // Offsets are the segments' own: the old one moves by where the two segments start, and by the edit past it.
      const moved: TextEdit = { from: 0, to: 0, shift: from.start + (from.start + old.start >= edit.to ? edit.shift : 0) - to.start };
      if (!sameMention(old, from, c, to, moved)) return;
      same[j][k] = runKept[j].push([s, i]) - 1;
      o++;
    });
  });
  while (o < olds.length) gone();

  const renumbered = renumberedPass(last, now, head, went, runKept, asked);
  if (!renumbered) return undefined;
  const changes: KeptChange[] = keptNow.map((kept, j) => ({ segment: head + j, kept, same: same[j] }));
  const evidenceOf = (segments: readonly PlacedSegment[], count: number) => segments.slice(head, head + count).map((s) => s.work.evidence);
  const changedQueries = now.evidence.changedQueries(evidenceOf(was, went), evidenceOf(is, came));
  changes.push(...othersKeptAgain(renumbered, now, changedQueries, (s) => s >= head && s < head + came, asked));
  return regroup(renumbered, now, changes.sort((a, b) => a.segment - b.segment), edit, asked, groupResults);
}

/** The candidates the evidence keeps of segment `s` now; what that asks is recorded in asked[s]. */
function keepAgain(now: PassInputs, s: number, asked: EvidenceQueries[]): Candidate[] {
  const segment = now.segments[s];
  const kept: Candidate[] = [];
  now.evidence.asked = asked[s] = noQueries();
  try {
    keepEvidenced(segment.work.text, segment.work.candidates, now.evidence, (c) => kept.push(c));
  } finally {
    now.evidence.asked = undefined;
  }
  return kept;
}

/** The same candidates in what a segment keeps now as in what it kept: moved by `within`, and with the same words around them. */
function keptChangeOf(last: LastPass, now: PassInputs, segment: number, kept: Candidate[], within: TextEdit): KeptChange {
  const from = last.segments[segment];
  const to = now.segments[segment];
  const was = last.kept[segment];
  const same = new Int32Array(kept.length).fill(-1);
  const unchanged = (i: number, k: number) => sameMention(was[i], from, kept[k], to, within);
  let head = 0;
  while (head < was.length && head < kept.length && unchanged(head, head)) same[head] = head++;
  for (let i = was.length - 1, k = kept.length - 1; i >= head && k >= head && unchanged(i, k); i--, k--) same[k] = i;
  return { segment, kept, same };
}

/**
 * What changed in what the segments but `skipped` ones keep, of those that asked the evidence a
 * question whose answer changed: each is kept again (what it asks recorded anew in `asked`).
 */
function othersKeptAgain(last: LastPass, now: PassInputs, changed: EvidenceQueries, skipped: (s: number) => boolean, asked: EvidenceQueries[]): KeptChange[] {
  const changes: KeptChange[] = [];
  for (let s = 0; s < now.segments.length; s++) {
    if (skipped(s) || !asksAny(last.asked[s], changed)) continue;
    const kept = keepAgain(now, s, asked);
    const was = last.kept[s];
    if (kept.length !== was.length || kept.some((c, i) => c !== was[i])) changes.push(keptChangeOf(last, now, s, kept, NO_EDIT));
  }
  return changes;
}

/** `total` with one mention's votes `from` replaced by `to`. */
function movedVotes(total: Votes, from: Votes, to: Votes): Votes {
  return {
    person: total.person - from.person + to.person,
    place: total.place - from.place + to.place,
    organization: total.organization - from.organization + to.organization,
    event: total.event - from.event + to.event,
    other: total.other - from.other + to.other,
  };
}

/**
 * Per segment work of the last pass whose answers from the evidence all stand with the segments
 * that came and went: the candidates the evidence kept of it and what it asked, still what
 * keepEvidenced gives (it reads a segment's work and those answers only).
 */
export function lastKept(last: LastPass, segments: readonly PlacedSegment[], evidence: DocumentEvidence): Map<SegmentEntities, { kept: Candidate[]; asked: EvidenceQueries }> {
  // A work's count in the last pass less its count now (a segment text may repeat).
  const surplus = new Map<SegmentEntities, number>();
  for (const s of last.segments) surplus.set(s.work, (surplus.get(s.work) ?? 0) + 1);
  for (const s of segments) surplus.set(s.work, (surplus.get(s.work) ?? 0) - 1);
  const went: EvidenceSummary[] = [];
  const came: EvidenceSummary[] = [];
  for (const [work, n] of surplus) for (let i = 0; i < Math.abs(n); i++) (n > 0 ? went : came).push(work.evidence);
  const changed = evidence.changedQueries(went, came);
  const kept = new Map<SegmentEntities, { kept: Candidate[]; asked: EvidenceQueries }>();
  last.segments.forEach((s, i) => {
    if (!asksAny(last.asked[i], changed)) kept.set(s.work, { kept: last.kept[i], asked: last.asked[i] });
  });
  return kept;
}

/** The one segment whose work changed, the others where the edit's shift puts them; else -1. */
function changedSegment(last: LastPass, now: PassInputs): number {
  const shift = now.text.length - last.text.length;
  let changed = -1;
  for (let i = 0; i < now.segments.length; i++) {
    const a = last.segments[i];
    const b = now.segments[i];
    if (a.work !== b.work) {
      if (changed >= 0 || a.start !== b.start) return -1;
      changed = i;
    } else if (b.start !== (changed < 0 ? a.start : a.start + shift)) return -1;
  }
  return changed;
}

/**
 * Whether candidate `b` of segment `to` is `a` of segment `from` moved by `edit`, with the same
 * words around it: the same votes as a mention (at the same place of the same segment text, so).
 */
function sameMention(a: Candidate, from: PlacedSegment, b: Candidate, to: PlacedSegment, edit: TextEdit): boolean {
  if (!sameCandidate(a, b, edit)) return false;
  if (from.work === to.work && a.start === b.start) return true;
  return sameVotes(mentionVotesOf(a, from.work.text, from.work.tokens), mentionVotesOf(b, to.work.text, to.work.tokens));
}

function sameCandidate(a: Candidate, b: Candidate, edit: TextEdit): boolean {
  if (a.text !== b.text || a.key !== b.key || a.titled !== b.titled || a.placeHint !== b.placeHint) return false;
  if (a.sentenceInitial !== b.sentenceInitial || a.inHeading !== b.inHeading || a.nested !== b.nested || a.knownAs !== b.knownAs) return false;
  if (!movedOnto(a, b, edit) || a.units.length !== b.units.length) return false;
  for (let i = 0; i < a.units.length; i++) if (!sameUnit(a.units[i], b.units[i], edit)) return false;
  return true;
}

function sameUnit(a: Unit, b: Unit, edit: TextEdit): boolean {
  return (
    a.text === b.text && a.kind === b.kind && a.key === b.key && a.wordKey === b.wordKey && a.dashBefore === b.dashBefore &&
    a.endsName === b.endsName && a.possessive === b.possessive && movedOnto(a, b, edit)
  );
}

function sameVotes(a: Record<string, number>, b: Record<string, number>): boolean {
  for (const k in a) if (a[k] !== b[k]) return false;
  return true;
}

function sameSpans(a: readonly Span[], b: readonly Span[], edit: TextEdit): boolean {
  return a.length === b.length && a.every((s, i) => movedOnto(s, b[i], edit));
}

function sameLinks(a: readonly WikiLink[], b: readonly WikiLink[], edit: TextEdit): boolean {
  return a.length === b.length && a.every((l, i) => l.target === b[i].target && l.label === b[i].label && movedOnto(l, b[i], edit) && movedOnto(l.labelSpan, b[i].labelSpan, edit));
}
