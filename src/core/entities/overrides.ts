// User corrections (options.entities) and explicit links ([[Target|label]]): they beat every rule.
import type { EntityOverrides, EntityType, WikiLink } from '../types';
import type { Candidate } from './candidates';
import { plainKey } from './normalize';
import { isWordChar } from './tokens';
import type { Unit } from './units';

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
  units: readonly Unit[],
  candidates: readonly Candidate[],
  wikiLinks: readonly WikiLink[],
  overrides: PreparedOverrides,
): Candidate[] {
  const forced: Candidate[] = [];
  // Which code units a forced mention or link markup covers: overlap checks stay linear even
  // when an override is a common word found a hundred thousand times.
  const forcedAt = new Uint8Array(text.length + 1);
  const linkAt = new Uint8Array(text.length + 1);
  const force = (c: Candidate) => {
    forced.push(c);
    forcedAt.fill(1, c.start, c.end);
  };
  for (const link of wikiLinks) {
    linkAt.fill(1, link.start, link.end);
    const { start, end } = link.labelSpan;
    if (end > start) force(forcedCandidate(text, units, start, end, link.target));
  }
  const byStart = [...candidates].sort((a, b) => a.start - b.start);
  const longest = byStart.reduce((n, c) => Math.max(n, c.end - c.start), 0);
  for (const surface of overrides.surfaces) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const end = at + surface.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      // A user form inside a longer name found by the rules ("Sadat" in "Anwar Sadat") is left to that name.
      if (insideLonger(byStart, longest, at, end)) continue;
      if (covers(forcedAt, at, end)) continue;
      force(forcedCandidate(text, units, at, end, overrides.aliasTo.get(plainKey(surface))));
    }
  }
  // Link markup ("[[Target|label]]") is no prose: nothing but the label is a mention there.
  const kept = candidates.filter((c) => !covers(forcedAt, c.start, c.end) && !covers(linkAt, c.start, c.end));
  const all = [...kept, ...forced].filter((c) => !overrides.ignore.has(plainKey(c.text)));
  for (const c of all) {
    const canonical = overrides.aliasTo.get(plainKey(c.text));
    if (canonical && !c.canonical) c.canonical = canonical;
  }
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether any code unit of [start, end) is marked. */
function covers(marks: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (marks[i]) return true;
  return false;
}

/** Whether a candidate (sorted by start, none longer than `longest`) strictly contains [at, end). */
function insideLonger(byStart: readonly Candidate[], longest: number, at: number, end: number): boolean {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byStart[mid].start < at - longest) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < byStart.length && byStart[i].start <= at; i++) {
    const c = byStart[i];
    if (c.end >= end && (c.start < at || c.end > end)) return true;
  }
  return false;
}

function forcedCandidate(text: string, units: readonly Unit[], start: number, end: number, canonical?: string): Candidate {
  const inside: Unit[] = [];
  // Units are in text order: start from the first one at or after `start` (binary search).
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < units.length && units[i].start < end; i++) {
    const u = units[i];
    if (u.end <= end) inside.push(u.kind === 'break' ? { ...u, kind: 'word' } : u);
  }
  return {
    start,
    end,
    text: text.slice(start, end),
    units: inside.length ? inside : [{ start, end, text: text.slice(start, end), kind: 'word', token: 0, dashBefore: false, endsName: false }],
    titled: false,
    placeHint: false,
    sentenceInitial: false,
    inHeading: false,
    nested: false,
    canonical,
  };
}

export function overriddenType(overrides: PreparedOverrides, name: string, surfaces: readonly string[]): EntityType | undefined {
  for (const s of [name, ...surfaces]) {
    const t = overrides.types.get(plainKey(s));
    if (t) return t;
  }
  return undefined;
}
