// User corrections (options.entities) and explicit links ([[Target|label]]): they beat every rule.
import type { EntityOverrides, EntityType, WikiLink } from '../types';
import { makeCandidate } from './candidates';
import * as normalizeModule from './normalize';
import * as tokensModule from './tokens';
import { byPosition, segmentAt, type Mention, type PlacedSegment } from './segments';
import { makeUnit, toUnits, type Unit } from './units';
import { partitionPoint } from '../partitionPoint';
// Read once (see lexicon.ts on why).
const { plainKey } = normalizeModule;
const { isWordChar } = tokensModule;

export interface PreparedOverrides {
  /** plain key of a surface form → canonical name */
  aliasTo: Map<string, string>;
  /** plain keys of surface forms and names that are not entities */
  ignore: Set<string>;
  /** plain key of a name or surface form → type */
  types: Map<string, EntityType>;
  /** Surface forms the user named: found in the text even where no rule finds them. */
  surfaces: string[];
}

export function prepareOverrides(o: EntityOverrides | undefined): PreparedOverrides {
  // Settings are JSON from a possibly untrusted workspace (or a CLI file): keep well-typed entries only.
  const aliases = stringEntries(o?.aliases).filter(([, canonical]) => canonical.trim() !== '');
  const typed = stringEntries(o?.types).filter((e): e is [string, EntityType] => ENTITY_TYPES.has(e[1]));
  const aliasTo = new Map<string, string>();
  for (const [surface, canonical] of aliases) aliasTo.set(plainKey(surface), canonical);
  const types = new Map<string, EntityType>();
  for (const [name, type] of typed) types.set(plainKey(name), type);
  const surfaces = [...aliases.map(([s]) => s), ...aliases.map(([, c]) => c), ...typed.map(([name]) => name)];
  return {
    aliasTo,
    ignore: new Set((Array.isArray(o?.ignore) ? o.ignore : []).filter((s): s is string => typeof s === 'string').map(plainKey)),
    types,
    surfaces: [...new Set(surfaces)].filter((s) => s.trim().length >= 2),
  };
}

const ENTITY_TYPES: ReadonlySet<string> = new Set(['person', 'place', 'organization', 'event', 'other']);

/** The string-valued entries of a JSON object; nothing for anything else. */
function stringEntries(record: unknown): [string, string][] {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return [];
  return Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** Mentions the user's overrides and the article's wiki links impose; they replace what they overlap. */
export function addForcedMentions(
  text: string,
  segments: readonly PlacedSegment[],
  mentions: readonly Mention[],
  wikiLinks: readonly WikiLink[],
  overrides: PreparedOverrides,
): Mention[] {
  const anyOverride = overrides.surfaces.length > 0 || overrides.aliasTo.size > 0 || overrides.ignore.size > 0;
  if (!wikiLinks.length && !anyOverride) return [...mentions].sort(byPosition);
  const forced: Mention[] = [];
  // Which code units a forced mention or link markup covers: overlap checks stay linear even
  // when an override is a common word found a hundred thousand times.
  const forcedAt = new Uint8Array(text.length + 1);
  const linkAt = new Uint8Array(text.length + 1);
  const force = (m: Mention) => {
    forced.push(m);
    forcedAt.fill(1, m.start, m.end);
  };
  for (const link of wikiLinks) {
    linkAt.fill(1, link.start, link.end);
    const { start, end } = link.labelSpan;
    if (end > start) force(forcedMention(text, segments, start, end, link.target));
  }
  const byStart = [...mentions].sort((a, b) => a.start - b.start);
  const longest = byStart.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  for (const surface of overrides.surfaces) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const end = at + surface.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      // A user form inside a longer name found by the rules ("Sadat" in "Anwar Sadat") is left to that name.
      if (insideLonger(byStart, longest, at, end)) continue;
      if (covers(forcedAt, at, end)) continue;
      force(forcedMention(text, segments, at, end, overrides.aliasTo.get(plainKey(surface))));
    }
  }
  // Link markup ("[[Target|label]]") is no prose: nothing but the label is a mention there.
  const kept = mentions.filter((m) => !covers(forcedAt, m.start, m.end) && !covers(linkAt, m.start, m.end));
  const all = [...kept, ...forced].filter((m) => !overrides.ignore.has(m.c.key));
  for (let i = 0; i < all.length; i++) {
    const canonical = overrides.aliasTo.get(all[i].c.key);
    if (canonical && !all[i].canonical) all[i] = { ...all[i], canonical };
  }
  return all.sort(byPosition);
}

/** Whether any code unit of [start, end) is marked. */
function covers(marks: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (marks[i]) return true;
  return false;
}

/** Whether a mention (sorted by start, none longer than `longest`) strictly contains [at, end). */
function insideLonger(byStart: readonly Mention[], longest: number, at: number, end: number): boolean {
  const from = partitionPoint(0, byStart.length, (i) => byStart[i].start < at - longest);
  for (let i = from; i < byStart.length && byStart[i].start <= at; i++) {
    const m = byStart[i];
    if (m.end >= end && (m.start < at || m.end > end)) return true;
  }
  return false;
}

/** A mention of [start, end) made of the name units of its segment found there. */
function forcedMention(text: string, segments: readonly PlacedSegment[], start: number, end: number, canonical?: string): Mention {
  const segmentIndex = segmentAt(segments, start);
  const seg = segments[segmentIndex];
  const { text: segmentText, tokens } = seg.work;
  const from = start - seg.start;
  const to = end - seg.start;
  // All units of the tokens overlapping [from, to) (connectors included, unlike the runs'), in text order.
  const first = partitionPoint(0, tokens.length, (i) => tokens.ends[i] <= from);
  let last = first;
  while (last < tokens.length && tokens.starts[last] < to) last++;
  const inside: Unit[] = [];
  for (const u of toUnits(segmentText, tokens, first, last)) {
    if (u.start >= from && u.start < to && u.end <= to) inside.push(u.kind === 'break' ? makeUnit(u.start, u.end, u.text, 'word', u.token, u.dashBefore, u.endsName, u.possessive) : u);
  }
  const surface = text.slice(start, end);
  const c = makeCandidate({
    start: from,
    end: to,
    text: surface,
    units: inside.length ? inside : [makeUnit(from, to, surface, 'word', 0, false, false, false)],
    titled: false,
    placeHint: false,
    sentenceInitial: false,
    inHeading: false,
    nested: false,
  });
  return { start, end, c, seg: seg.work, segmentIndex, canonical };
}

export function overriddenType(overrides: PreparedOverrides, name: string, surfaces: readonly string[]): EntityType | undefined {
  if (!overrides.types.size) return undefined;
  for (const s of [name, ...surfaces]) {
    const t = overrides.types.get(plainKey(s));
    if (t) return t;
  }
  return undefined;
}
