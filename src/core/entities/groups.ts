// From mentions to entities: grouping, merging aliases, and each group described (name, votes
// for its type, aliases, spans). The full pass gives it every mention of the document; after an
// edit to a name, regroup.ts gives it the mentions the edit can reach.
import type { Entity, EntityType, TextSpan } from '../types';
import type { Candidate } from './candidates';
import { canonicalForm, chooseName, groupMentions, mergeAcronyms, mergeKindWords, mergeShortNames, type Group } from './aliases';
import * as featuresModule from './features';
import * as gazetteerModule from './gazetteer';
import * as memoModule from './memo';
import * as normalizeModule from './normalize';
import { overriddenType, type PreparedOverrides } from './overrides';
import { byPosition, type Mention } from './segments';
import * as typingModule from './typing';
import type { Votes } from './typing';
// Read once (see lexicon.ts on why).
const { lookupKnown } = gazetteerModule;
const { plainKey } = normalizeModule;
const { contextVotesOf, nameVotesOf } = featuresModule;
const { knownOf } = memoModule;
const { addVotes, decideType, noVotes } = typingModule;

/** An entity (numbered later), the group it came from and the votes that decided its type (none where the user's override did). */
export interface DescribedGroup {
  entity: Entity;
  group: Group;
  votes: Votes | null;
}

/**
 * The entities of `mentions` (in text order), unnumbered and in no particular order. `previous`
 * holds what each group came to in the last build, reused for a group of the same members
 * (see GroupResult); `results` receives this build's.
 */
export function describeMentions(
  mentions: readonly Mention[],
  overrides: PreparedOverrides,
  previous: ReadonlyMap<string, GroupResult> | undefined,
  results: Map<string, GroupResult> | undefined,
): DescribedGroup[] {
  const groups = groupMentions(mentions);
  mergeAcronyms(groups);
  mergeShortNames(groups);
  mergeKindWords(groups);
  const described: DescribedGroup[] = [];
  for (const g of groups.values()) {
    const last = previous?.get(g.key);
    const result = last && hasMembersOf(last, g) ? last : describeGroup(g);
    results?.set(g.key, result);
    const { name, aliases } = result;
    if (overrides.ignore.size && overrides.ignore.has(plainKey(name))) continue;
    const overridden = overriddenType(overrides, name, aliases);
    const type = overridden ?? decideType(result.votes);
    const spans = result.kept.map((i): TextSpan => ({ start: g.mentions[i].start, end: g.mentions[i].end, text: g.mentions[i].c.text }));
    described.push({ entity: { id: '', name, type, aliases: [...aliases], mentions: spans }, group: g, votes: overridden ? null : result.votes });
  }
  return described;
}

/** The order of entities: by first mention, then by name in code-unit order (locale-aware comparison could differ between environments). */
export function entityOrder(a: Entity, b: Entity): number {
  return a.mentions[0].start - b.mentions[0].start || a.mentions[0].end - b.mentions[0].end || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/**
 * A group's name, type (before the user's overrides), aliases and which of its mentions are spans.
 * All of it follows from the group's canonical name, its members' candidates in their order and
 * how their positions compare; positions compare alike whenever each member is the same candidate
 * in the same segment (by index: segments keep their order), however far the text moved. So a
 * group with the same members as in the last build gets the same result: the edit-time shortcut
 * gives what the full computation gives.
 */
export interface GroupResult {
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
    // A mention's votes (as mentionVotesOf), added part by part: no object is made for each.
    addVotes(votes, nameVotesOf(m.c));
    addVotes(votes, contextVotesOf(m.c, m.seg!.text, m.seg!.tokens));
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
