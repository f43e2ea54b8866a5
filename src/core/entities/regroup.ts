// The global pass after an edit that changed the candidates segments keep: a letter typed into a
// name, mostly, or one that changes what the document's evidence keeps elsewhere. Grouping and
// merging bring mentions together only through keys they share (linkKeysOf), so the mentions that
// share none with those that changed, directly or through others, make the same entities as
// before. The pass runs again on the mentions that went and came with the edit and on those they
// reach that way; every other entity is the last one, moved by the edit.
import { movedSpan, type TextEdit } from '../textEdit';
import { fillColumn } from '../columns';
import type { Entity } from '../types';
import type { LastPass, PassInputs } from './afterEdit';
import { linkKeysOf, type LinkKeys } from './aliases';
import type { Candidate } from './candidates';
import type { EvidenceQueries } from './evidence';
import { describeMentions, entityOrder, type DescribedGroup, type GroupResult } from './groups';
import { prepareOverrides } from './overrides';
import { byPosition, onKeySpan, type Mention } from './segments';
import type { Votes } from './typing';

/**
 * A pass's mentions (as refs, see refOf) by the keys that link them (see LinkKeys): made by the
 * full pass, updated by each regrouping.
 */
export interface LinkIndex {
  groups: Map<string, number[]>;
  seekers: Map<string, number[]>;
  offerers: Map<string, number[]>;
  /** How many mentions there are. */
  mentions: number;
}

/** A mention as segment and kept index in one number; no segment keeps more candidates. */
const KEPT_PER_SEGMENT = 2 ** 22;
const refOf = (segment: number, kept: number) => segment * KEPT_PER_SEGMENT + kept;
const segmentOf = (ref: number) => Math.floor(ref / KEPT_PER_SEGMENT);
const keptOf = (ref: number) => ref % KEPT_PER_SEGMENT;

/** Past this share of the document's mentions, the full pass costs little more. */
const MAX_REACHED_SHARE = 0.5;

const NO_OVERRIDES = prepareOverrides(undefined);

export interface Regrouped {
  entities: Entity[];
  pass: LastPass;
  /** The group results of the last pass with those of the groups made again in place of theirs (the same map). */
  results: Map<string, GroupResult>;
}

/**
 * A segment whose kept candidates changed: those it keeps now and, for each, the index among those
 * it kept before of the same candidate (moved by the edit, with the same words around it); -1 for none.
 */
export interface KeptChange {
  segment: number;
  kept: Candidate[];
  same: Int32Array;
}

/** A KeptChange with its mentions before and after, and for each kept before, the index of the same one now (-1 for none). */
interface Change extends KeptChange {
  before: number[];
  after: number[];
  sameNow: Int32Array;
}

/**
 * The entities after `edit`, with `changes` to what segments keep; undefined when the full pass must
 * run. For a document without wiki links or overrides, whose other segments keep what they kept
 * (entitiesAfterEdit checks). `asked` is what the new pass asked of the evidence, per segment.
 */
export function regroup(
  last: LastPass,
  now: PassInputs,
  changes: readonly KeptChange[],
  edit: TextEdit,
  asked: readonly EvidenceQueries[],
  previous: Map<string, GroupResult> | undefined,
): Regrouped | undefined {
  const links = last.links;
  if (!links) return undefined;
  const bySegment = new Map<number, Change>();
  // What the edit changed are the mentions that went and came; the others moved only.
  const gone: number[] = [];
  const came: number[] = [];
  for (const change of changes) {
    const { segment: s, kept, same } = change;
    if (kept.length >= KEPT_PER_SEGMENT) return undefined;
    const placed = now.segments[s];
    // The segment's mentions: its kept candidates but those on an infobox key (as the full pass places them).
    const before = mentionsOf(last, s);
    const after: number[] = [];
    kept.forEach((c, k) => {
      if (!onKeySpan(now.keySpans, placed.start + c.start, placed.start + c.end)) after.push(k);
    });
    const sameNow = new Int32Array(last.kept[s].length).fill(-1);
    same.forEach((k, i) => {
      if (k >= 0) sameNow[k] = i;
    });
    bySegment.set(s, { ...change, before, after, sameNow });
    for (const k of before) if (sameNow[k] < 0) gone.push(refOf(s, k));
    for (const k of after) if (same[k] < 0) came.push(refOf(s, k));
  }
  const keptAt = (ref: number, changed: boolean) => {
    const s = segmentOf(ref);
    const k = keptOf(ref);
    const change = changed ? bySegment.get(s) : undefined;
    return change ? change.kept[k] : last.kept[s][k];
  };

  // The mentions reached from those through the keys that link them. In a changed segment they
  // are numbered as now.
  const cameKeys = came.map((ref) => linkKeysOf(keptAt(ref, true)));
  const cameSeek = new Set(cameKeys.flatMap((keys) => keys.seeks));
  const cameOffer = new Set(cameKeys.flatMap((keys) => keys.offers));
  const reached = new Set<number>();
  const seenGroups = new Set<string>();
  const seenKeys = new Set<string>();
  const groupQueue: string[] = [];
  const keyQueue: string[] = [];
  const reach = (keys: LinkKeys) => {
    if (!seenGroups.has(keys.group)) {
      seenGroups.add(keys.group);
      groupQueue.push(keys.group);
    }
    for (const key of [...keys.seeks, ...keys.offers]) {
      if (seenKeys.has(key)) continue;
      seenKeys.add(key);
      keyQueue.push(key);
    }
  };
  const visit = (refs: readonly number[] | undefined) => {
    for (let ref of refs ?? []) {
      const s = segmentOf(ref);
      const k = keptOf(ref);
      const change = bySegment.get(s);
      if (change) {
        if (change.sameNow[k] < 0) continue; // gone: reached already
        ref = refOf(s, change.sameNow[k]);
      }
      if (reached.has(ref)) continue;
      reached.add(ref);
      reach(linkKeysOf(last.kept[s][k]));
    }
  };
  for (const ref of gone) reach(linkKeysOf(keptAt(ref, false)));
  for (const keys of cameKeys) reach(keys);
  const limit = links.mentions * MAX_REACHED_SHARE;
  while (groupQueue.length || keyQueue.length) {
    if (groupQueue.length) visit(links.groups.get(groupQueue.pop()!));
    else {
      // A key links only when a form seeks it and another offers it (before or after the edit).
      const key = keyQueue.pop()!;
      const seekers = links.seekers.get(key);
      const offerers = links.offerers.get(key);
      if (!(seekers || cameSeek.has(key)) || !(offerers || cameOffer.has(key))) continue;
      visit(seekers);
      visit(offerers);
    }
    if (reached.size > limit) return undefined;
  }

  // The last pass's entities that had any of those mentions, and how many of their members are reached.
  const members = new Map<number, number>();
  const count = (s: number, k: number) => {
    const e = last.entityOfKept[s][k];
    members.set(e, (members.get(e) ?? 0) + 1);
  };
  for (const ref of gone) count(segmentOf(ref), keptOf(ref));
  for (const ref of reached) {
    const s = segmentOf(ref);
    const k = keptOf(ref);
    const change = bySegment.get(s);
    count(s, change ? change.same[k] : k);
  }
  // Every member of each must be among them, or the keys missed a link: the full pass decides.
  for (const [e, n] of members) if (n !== last.memberCounts[e]) return undefined;

  // The pass again on the reached mentions and those that came, in the full pass's order.
  const refs = [...reached, ...came].sort((a, b) => a - b);
  const mentions = refs.map((ref): Mention => {
    const s = segmentOf(ref);
    const c = keptAt(ref, true);
    const at = now.segments[s];
    return { start: at.start + c.start, end: at.start + c.end, c, seg: at.work, segmentIndex: s, keptIndex: keptOf(ref) };
  });
  mentions.sort(byPosition);
  // The last pass's group results, updated in place: each holds what its key's group came to for
  // the members it lists, whatever happens to this build (see GroupResult).
  const results = previous ?? new Map<string, GroupResult>();
  const described = describeMentions(mentions, NO_OVERRIDES, results, results);
  const regrouped = new Set(described.map((d) => d.group.key));
  const dropped = new Set(members.keys());
  for (const { segment, kept } of changes) for (const e of entitiesOfReplaced(last, segment, kept)) dropped.add(e);
  for (const e of dropped) if (!regrouped.has(last.groupKeys[e])) results.delete(last.groupKeys[e]);

  // The other entities, moved, keep their order: those grouped again go in between.
  described.sort((a, b) => entityOrder(a.entity, b.entity));
  const all: Array<{ entity: Entity; last: number; described?: DescribedGroup }> = [];
  let next = 0;
  for (let e = 0; e < last.entities.length; e++) {
    if (members.has(e)) continue;
    const entity = movedEntity(last.entities[e], edit);
    if (!entity) return undefined;
    for (; next < described.length && entityOrder(described[next].entity, entity) < 0; next++) all.push({ entity: described[next].entity, last: -1, described: described[next] });
    all.push({ entity, last: e });
  }
  for (; next < described.length; next++) all.push({ entity: described[next].entity, last: -1, described: described[next] });

  const entities: Entity[] = [];
  const votes: (Votes | null)[] = [];
  const groupKeys: string[] = [];
  const memberCounts = new Int32Array(all.length);
  const renumbered = new Int32Array(last.entities.length).fill(-1);
  all.forEach(({ entity, last: e, described: d }, i) => {
    const id = `e${i + 1}`;
    if (d) {
      d.entity.id = id;
      entities.push(d.entity);
      votes.push(d.votes);
      groupKeys.push(d.group.key);
      memberCounts[i] = d.group.mentions.length;
    } else {
      entities.push(entity.id === id ? entity : { id, name: entity.name, type: entity.type, aliases: entity.aliases, mentions: entity.mentions });
      votes.push(last.votes[e]);
      groupKeys.push(last.groupKeys[e]);
      memberCounts[i] = last.memberCounts[e];
      renumbered[e] = i;
    }
  });
  const renumber = (e: number) => (e < 0 ? e : renumbered[e]);
  // The entities before the first one grouped again or renumbered keep their numbers: a segment
  // that has none of the others keeps its array (it is never written to).
  let firstMoved = 0;
  while (firstMoved < renumbered.length && renumbered[firstMoved] === firstMoved) firstMoved++;
  const entityOfKept = last.entityOfKept.map((of, s) => {
    const change = bySegment.get(s);
    if (change) return change.same.map((k) => (k < 0 ? -1 : renumber(of[k])));
    return of.some((e) => e >= firstMoved) ? of.map(renumber) : of;
  });
  all.forEach(({ described: d }, i) => {
    if (d) for (const m of d.group.mentions) entityOfKept[m.segmentIndex!][m.keptIndex!] = i;
  });
  const keptBySegment = [...last.kept];
  for (const { segment, kept } of changes) keptBySegment[segment] = kept;

  // The index follows the changed segments' mentions, numbered anew; the last pass no longer has one.
  for (const { segment: s, kept, before, after } of bySegment.values()) {
    for (const k of before) removeLinks(links, linkKeysOf(last.kept[s][k]), refOf(s, k));
    for (const k of after) addLinks(links, linkKeysOf(kept[k]), refOf(s, k));
  }
  last.links = undefined;

  const pass: LastPass = {
    ...last, text: now.text, segments: now.segments, kept: keptBySegment, wikiLinks: now.wikiLinks, keySpans: now.keySpans,
    asked, entities, votes, groupKeys, memberCounts, entityOfKept, links,
  };
  return { entities, pass, results };
}

/**
 * The entities of the last pass with a candidate that segment `s` kept and keeps no more: the same
 * mention may be kept again, but as a new object once its segment was read again. Their group
 * results must go: a result is reused only for the very candidates it lists (GroupResult), and
 * each would keep alive the old segment's work its candidates hold (60 keystrokes in 1 MB of text
 * grew the indexer's heap by 20 MB).
 */
export function entitiesOfReplaced(last: LastPass, s: number, kept: readonly Candidate[]): number[] {
  const still = new Set(kept);
  const out: number[] = [];
  last.kept[s].forEach((c, k) => {
    const e = last.entityOfKept[s][k];
    if (e >= 0 && !still.has(c)) out.push(e);
  });
  return out;
}

/**
 * The last pass as if its segments were numbered as `now`'s, after an edit that replaced the run
 * of `went` segments from `from` on with `runKept.length` new ones: runKept[j] lists the run's
 * kept candidates (as segment and kept index) that the j-th new segment is to hold, in that order,
 * and the segments after the run move by the difference. `asked` is what each segment asks of the
 * evidence, already numbered so. Undefined when one holds too many to number.
 */
export function renumberedPass(
  last: LastPass,
  now: PassInputs,
  from: number,
  went: number,
  runKept: ReadonlyArray<ReadonlyArray<readonly [number, number]>>,
  asked: readonly EvidenceQueries[],
): LastPass | undefined {
  const links = last.links;
  if (!links || runKept.some((list) => list.length >= KEPT_PER_SEGMENT)) return undefined;
  const came = runKept.length;
  const runRefs = new Map<number, number>();
  runKept.forEach((list, j) => list.forEach(([s, k], i) => runRefs.set(refOf(s, k), refOf(from + j, i))));
  const renumber = (ref: number): number => {
    const s = segmentOf(ref);
    if (s < from) return ref;
    if (s < from + went) return runRefs.get(ref)!;
    return ref + (came - went) * KEPT_PER_SEGMENT;
  };
  // In place: the last pass's index is not read again either way (regroup takes it over, and the
  // full pass makes its own).
  for (const refsByKey of [links.groups, links.seekers, links.offerers]) {
    for (const refs of refsByKey.values()) for (let i = 0; i < refs.length; i++) refs[i] = renumber(refs[i]);
  }
  const spliced = <T>(perSegment: readonly T[], run: T[]): T[] => [...perSegment.slice(0, from), ...run, ...perSegment.slice(from + went)];
  return {
    ...last,
    segments: spliced(last.segments, now.segments.slice(from, from + came)),
    kept: spliced(last.kept, runKept.map((list) => list.map(([s, k]) => last.kept[s][k]))),
    entityOfKept: spliced(last.entityOfKept, runKept.map((list) => fillColumn(new Int32Array(list.length), list, ([s, k]) => last.entityOfKept[s][k]))),
    asked,
    links,
  };
}

/** The kept indexes of the segment's candidates that were mentions in the last pass. */
function mentionsOf(last: LastPass, segment: number): number[] {
  const out: number[] = [];
  last.entityOfKept[segment].forEach((e, k) => {
    if (e >= 0) out.push(k);
  });
  return out;
}

/**
 * The link index of a pass's mentions: per segment, its kept candidates and the entity of each
 * (-1 for none: see LastPass). Undefined when a segment keeps too many candidates to number.
 */
export function linkIndexOf(kept: readonly Candidate[][], entityOfKept: readonly Int32Array[]): LinkIndex | undefined {
  const links: LinkIndex = { groups: new Map(), seekers: new Map(), offerers: new Map(), mentions: 0 };
  for (let s = 0; s < kept.length; s++) {
    if (kept[s].length >= KEPT_PER_SEGMENT) return undefined;
    const of = entityOfKept[s];
    for (let k = 0; k < of.length; k++) if (of[k] >= 0) addLinks(links, linkKeysOf(kept[s][k]), refOf(s, k));
  }
  return links;
}

function addLinks(links: LinkIndex, keys: LinkKeys, ref: number): void {
  addRef(links.groups, keys.group, ref);
  for (const key of keys.seeks) addRef(links.seekers, key, ref);
  for (const key of keys.offers) addRef(links.offerers, key, ref);
  links.mentions++;
}

function removeLinks(links: LinkIndex, keys: LinkKeys, ref: number): void {
  removeRef(links.groups, keys.group, ref);
  for (const key of keys.seeks) removeRef(links.seekers, key, ref);
  for (const key of keys.offers) removeRef(links.offerers, key, ref);
  links.mentions--;
}

function addRef(map: Map<string, number[]>, key: string, ref: number): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

function removeRef(map: Map<string, number[]>, key: string, ref: number): void {
  const list = map.get(key)!;
  list.splice(list.indexOf(ref), 1);
  if (!list.length) map.delete(key);
}

/**
 * The entity with its mentions moved by the edit; undefined if one cannot be. Mentions are in text
 * order: an entity last named before the edit is the same object again.
 */
export function movedEntity(e: Entity, edit: TextEdit): Entity | undefined {
  if (e.mentions[e.mentions.length - 1].end <= edit.from) return e;
  // A copy of its size, not an array grown by pushes (with slack in it, kept with the entity).
  const mentions = e.mentions.slice();
  for (let i = 0; i < mentions.length; i++) {
    const moved = movedSpan(mentions[i], edit);
    if (!moved) return undefined;
    mentions[i] = moved;
  }
  return { id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions };
}
