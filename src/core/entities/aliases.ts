// Groups mentions into entities: one key per spelling family ("Anwar el-Sadat" = "Anwar Sadat"),
// well-known alternates and demonyms through the gazetteer, then acronyms to their expansions
// ("UN" → "United Nations") and short forms of personal names to the full name ("Sadat").
// Works on mentions placed in the whole text; what it asks of each candidate is memoised on it
// (features.ts), and what it asks of a group's mentions on the group's facts (GroupFacts), kept
// from one build to the next for the groups an edit left alone: so this pass is hash-map work
// over the groups and the mentions whose place matters.
import type { Candidate } from './candidates';
import * as featuresModule from './features';
import * as memoModule from './memo';
import { CandidateMemo } from './memo';
import * as gazetteerModule from './gazetteer';
import * as normalizeModule from './normalize';
import type { Mention } from './segments';
import * as typingModule from './typing';
import type { Votes } from './typing';
import * as tokensModule from './tokens';
import { isNameUnit, toUnits } from './units';
// Read once (see lexicon.ts on why).
const { lookupKnown } = gazetteerModule;
const { nameKey, plainKey } = normalizeModule;
const { tokenize } = tokensModule;
const { givenKeyOf, groupKeyOf, initialsOf, isLoneAcronym, isLoneUnknownWord, kindWordKeyOf, mayBeShortNameOf, nameVotesOf, namesKeyOf, namesLengthOf, orgShortKeyOf, fullKeyOf, shortKeysOf, wordsIn } = featuresModule;
const { surfaceKnownOf } = memoModule;
const { addVotes, decideType, noVotes } = typingModule;

export interface Group {
  key: string;
  /** Name fixed by the gazetteer, a wiki link target or a user override. */
  canonical?: string;
  /** The canonical name wins over any seen form (user override, wiki link). */
  canonicalIsFinal: boolean;
  mentions: Mention[];
  /** The list grouping made: while it is `mentions`, its first mentions are those `facts` describe (see ownCount). */
  own: readonly Mention[];
  /** What the merges ask of those mentions. */
  facts: GroupFacts;
}

type CandidateTest = (c: Candidate) => boolean;
type CandidateKey = (c: Candidate) => string;

/** A member's key (see GroupFacts): which member, by its index among the group's own mentions. */
interface MemberKey {
  index: number;
  key: string;
}

/**
 * What the merges ask of the mentions grouping gave a group. It depends on which candidates those
 * are, in order, never on where they stand: a group given the same candidates in the next build
 * keeps its facts (groupMentions), and the merges ask afresh only of mentions a group gained since
 * grouping. What every merge asks is gathered as grouping adds the members (in text order, the
 * candidates at hand); the rest is worked out on first use.
 */
export class GroupFacts {
  readonly members: Candidate[] = [];
  /** The most name words of a member (0 for none). */
  namesLength = 0;
  /** The members' initials, each once. */
  readonly initials = new Set<string>();
  /** The members that end in a kind word, with that word's key, in member order. */
  readonly kindWords: MemberKey[] = [];
  /** Whether every member is one acronym alone, may be a short name, is one unknown word alone. */
  loneAcronyms = true;
  mayBeShortNames = true;
  loneUnknownWords = true;
  private readonly keysBy = new Map<CandidateKey, string[]>();
  private nameVotesOfAll: Votes | undefined;
  private shortKeyList: MemberKey[] | undefined;
  private givenKeySet: Set<string> | undefined;
  private orgShortKeySet: Set<string> | undefined;

  add(c: Candidate): void {
    const kindWord = kindWordKeyOf(c);
    if (kindWord) this.kindWords.push({ index: this.members.length, key: kindWord });
    this.members.push(c);
    this.namesLength = Math.max(this.namesLength, namesLengthOf(c));
    for (const ini of initialsOf(c)) this.initials.add(ini);
    this.loneAcronyms &&= isLoneAcronym(c);
    this.mayBeShortNames &&= mayBeShortNameOf(c);
    this.loneUnknownWords &&= isLoneUnknownWord(c);
  }

  /** Each member's key by `keyOf`; equal keys are one string (quick to compare). */
  keys(keyOf: CandidateKey): readonly string[] {
    let keys = this.keysBy.get(keyOf);
    if (!keys) {
      const seen = new Map<string, string>();
      keys = this.members.map((c) => {
        const k = keyOf(c);
        const same = seen.get(k);
        if (same !== undefined) return same;
        seen.set(k, k);
        return k;
      });
      this.keysBy.set(keyOf, keys);
    }
    return keys;
  }

  /** The members' name votes, summed. */
  get nameVotes(): Votes {
    if (!this.nameVotesOfAll) {
      this.nameVotesOfAll = noVotes();
      for (const c of this.members) addVotes(this.nameVotesOfAll, nameVotesOf(c));
    }
    return this.nameVotesOfAll;
  }

  /** Each member's short keys, in member order. */
  get shortKeys(): readonly MemberKey[] {
    return (this.shortKeyList ??= this.members.flatMap((c, index) => shortKeysOf(c).map((key) => ({ index, key }))));
  }

  /** The members' given-name keys, each once. */
  get givenKeys(): ReadonlySet<string> {
    return (this.givenKeySet ??= keySet(this.members, givenKeyOf));
  }

  /** The members' short organisation keys, each once. */
  get orgShortKeys(): ReadonlySet<string> {
    return (this.orgShortKeySet ??= keySet(this.members, orgShortKeyOf));
  }
}

function keySet(members: readonly Candidate[], keyOf: (c: Candidate) => string | null): Set<string> {
  const keys = new Set<string>();
  for (const c of members) {
    const k = keyOf(c);
    if (k) keys.add(k);
  }
  return keys;
}

/** How many of the group's mentions, from the first, are its own ones that its facts describe. */
function ownCount(g: Group): number {
  // Merging adds mentions at the end, or gives the group a new list (of fewer mentions).
  return g.mentions === g.own ? g.facts.members.length : 0;
}

/** `keyOf` each mention of the group, in order. */
function mentionKeys(g: Group, keyOf: CandidateKey): readonly string[] {
  const own = ownCount(g);
  const ownKeys = own ? g.facts.keys(keyOf) : [];
  if (own === g.mentions.length) return ownKeys;
  return [...ownKeys, ...g.mentions.slice(own).map((m) => keyOf(m.c))];
}

/** Whether `test` holds of every mention of the group (of its own ones: `ownAnswer`). */
function everyMention(g: Group, ownAnswer: boolean, test: CandidateTest): boolean {
  const own = ownCount(g);
  if (own && !ownAnswer) return false;
  for (let i = own; i < g.mentions.length; i++) if (!test(g.mentions[i].c)) return false;
  return true;
}

/** Canonical names made into forms, by name: the same name gives the same form (and memo). */
const canonicalForms = new Map<string, Candidate | null>();
const CANONICAL_FORMS_LIMIT = 10_000;

/**
 * The name a wiki link or a user alias imposes, as a form of its own: "[[Anwar Sadat|the new
 * president]]" names Anwar Sadat, so a later "Sadat" joins it and its type is a person's.
 * Placed at the group's first mention; used for keys and votes only, never as a mention.
 */
export function canonicalForm(g: Group): Mention | undefined {
  if (!g.canonicalIsFinal || !g.canonical) return undefined;
  const c = canonicalCandidate(g.canonical);
  if (!c) return undefined;
  const at = g.mentions[0]?.start ?? 0;
  return { start: at, end: at, c };
}

function canonicalCandidate(name: string): Candidate | null {
  let c = canonicalForms.get(name);
  if (c !== undefined) return c;
  const units = toUnits(name, tokenize(name));
  // A target with no name word in it ("x", "a|b") says nothing about the entity.
  c = units.some(isNameUnit)
    ? { start: 0, end: 0, text: name, key: plainKey(name), memo: new CandidateMemo(), units, titled: false, placeHint: false, sentenceInitial: false, inHeading: false, nested: false }
    : null;
  if (canonicalForms.size >= CANONICAL_FORMS_LIMIT) canonicalForms.clear();
  canonicalForms.set(name, c);
  return c;
}

/** The group's mentions and, where one is imposed, its canonical name as a form. */
function formsOf(g: Group): Mention[] {
  const form = canonicalForm(g);
  return form ? [...g.mentions, form] : g.mentions;
}

/** The grouping key of a name given as a plain string (a canonical name). */
export function keyOfName(name: string): string {
  const known = lookupKnown(name);
  if (known) return 'known:' + plainKey(known.canonical);
  return 'name:' + nameKey(name.split(/\s+/));
}


/** The last build's grouping, for the next: its mentions (in text order) and its groups' facts. */
export interface LastGrouping {
  mentions: readonly Mention[];
  facts: ReadonlyMap<string, GroupFacts>;
}

/**
 * Groups the mentions by key. A group keeps the facts of the last build's group of its key when
 * its own mentions are the same candidates, in order, as that group's were (see changedKeys).
 */
export function groupMentions(mentions: readonly Mention[], last?: LastGrouping): Map<string, Group> {
  const changed = last && changedKeys(last.mentions, mentions);
  const groups = new Map<string, Group>();
  // The groups with new facts, which gather their members (the last build's facts have them all).
  const gathering = new Set<Group>();
  for (const m of mentions) {
    const key = keyOf(m);
    // A wiki link target or a user alias decides its canonical name; else the gazetteer's, if any.
    const final = !!m.canonical;
    const canonical = final ? m.canonical : groupKeyOf(m.c).canonical;
    let g = groups.get(key);
    if (!g) {
      const mentions: Mention[] = [];
      const lastFacts = changed && !changed.has(key) ? last.facts.get(key) : undefined;
      g = { key, canonicalIsFinal: false, mentions, own: mentions, facts: lastFacts ?? new GroupFacts() };
      groups.set(key, g);
      if (!lastFacts) gathering.add(g);
    }
    if (canonical && (final || !g.canonicalIsFinal)) {
      g.canonical = canonical;
      g.canonicalIsFinal ||= final;
    }
    if (gathering.has(g)) g.facts.add(m.c);
    g.mentions.push(m);
  }
  return groups;
}

/**
 * The keys of the mentions of each segment whose mentions differ from those the last build had in
 * the segment of its index (not the same candidates with the same imposed names, in order). Any
 * other key has, segment by segment, the same mentions in both builds: the same candidates in the
 * same order.
 */
function changedKeys(last: readonly Mention[], now: readonly Mention[]): Set<string> {
  const keys = new Set<string>();
  const runEnd = (ms: readonly Mention[], from: number, segment: number) => {
    let end = from;
    while (end < ms.length && ms[end].segmentIndex === segment) end++;
    return end;
  };
  // Mentions come in text order, so each segment's are together.
  for (let i = 0, j = 0; i < last.length || j < now.length; ) {
    const segment = Math.min(last[i]?.segmentIndex ?? Infinity, now[j]?.segmentIndex ?? Infinity);
    const lastEnd = runEnd(last, i, segment);
    const nowEnd = runEnd(now, j, segment);
    let same = lastEnd - i === nowEnd - j;
    for (let k = 0; same && k < lastEnd - i; k++) same = last[i + k].c === now[j + k].c && last[i + k].canonical === now[j + k].canonical;
    if (!same) {
      for (let k = i; k < lastEnd; k++) keys.add(keyOf(last[k]));
      for (let k = j; k < nowEnd; k++) keys.add(keyOf(now[k]));
    }
    i = lastEnd;
    j = nowEnd;
  }
  return keys;
}

/** The key of a mention's group: a wiki link target or a user alias decides; else the candidate's own key. */
function keyOf(m: Mention): string {
  return m.canonical ? keyOfName(m.canonical) : groupKeyOf(m.c).key;
}

function mergeInto(groups: Map<string, Group>, from: Group, to: Group): void {
  to.mentions.push(...from.mentions);
  if (from.canonicalIsFinal && !to.canonicalIsFinal) {
    to.canonical = from.canonical;
    to.canonicalIsFinal = true;
  }
  groups.delete(from.key);
}

/** "UN" joins "United Nations" when exactly one multi-word entity has those initials. */
export function mergeAcronyms(groups: Map<string, Group>): void {
  // The groups that are acronyms only, and the initials they could stand for ("UN"; "RPGs" or "RPG").
  const acronyms: Array<{ group: Group; letters: string; singular: string }> = [];
  const wanted = new Set<string>();
  for (const g of groups.values()) {
    if (!everyMention(g, g.facts.loneAcronyms, isLoneAcronym)) continue;
    const letters = g.mentions[0].c.key.toUpperCase();
    const singular = letters.replace(/S$/, '');
    acronyms.push({ group: g, letters, singular });
    wanted.add(letters).add(singular);
  }
  if (!acronyms.length) return;
  // The groups with each of those initials (no other initials are ever looked up).
  const byInitials = new Map<string, Set<Group>>();
  for (const g of groups.values()) {
    const own = ownCount(g);
    if (own) for (const ini of g.facts.initials) if (wanted.has(ini)) addTo(byInitials, ini, g);
    for (let i = own; i < g.mentions.length; i++) {
      for (const ini of initialsOf(g.mentions[i].c)) if (wanted.has(ini)) addTo(byInitials, ini, g);
    }
  }
  for (const { group: g, letters, singular } of acronyms) {
    const targets = byInitials.get(letters) ?? byInitials.get(singular);
    if (targets && targets.size === 1) {
      const target = [...targets][0];
      if (target !== g && groups.has(target.key)) mergeInto(groups, g, target);
    }
  }
}

/** A short form may stand for a personal name: not a gazetteer country, no kind word in it. */
function couldBeShortName(g: Group): boolean {
  return !g.canonicalIsFinal && everyMention(g, g.facts.mayBeShortNames, mayBeShortNameOf);
}

/** Whether the group's forms, the first `own` its own mentions, name a person. */
function isPersonGroup(g: Group, forms: readonly Mention[], own: number): boolean {
  const votes = noVotes();
  if (own) addVotes(votes, g.facts.nameVotes);
  for (let i = own; i < forms.length; i++) addVotes(votes, nameVotesOf(forms[i].c));
  return decideType(votes) === 'person';
}

/** Adds `value` to the set under `key`. */
function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/**
 * Each mention of a short form joins the full name it most likely stands for: the nearest
 * full name mentioned before it, else the nearest after it.
 */
export function mergeShortNames(groups: Map<string, Group>): void {
  // Length, person-ness and forms of each group as it was before merging: decided once.
  // Groups made by merging keep the forms they had: merged mentions are short forms anyway.
  // Its first `own` forms are its own mentions (their facts are the group's), the rest asked afresh.
  const before = new Map<Group, { length: number; person: boolean; forms: Mention[]; own: number; rank: number }>();
  const byLength = new Map<number, Group[]>(); // in the groups' order
  for (const g of groups.values()) {
    const forms = formsOf(g);
    const own = ownCount(g);
    // Words, particles not counted ("De Gaulle" is one word, "Charles de Gaulle" two).
    let length = own ? g.facts.namesLength : 0;
    for (let i = own; i < forms.length; i++) length = Math.max(length, namesLengthOf(forms[i].c));
    before.set(g, { length, person: length > 1 && isPersonGroup(g, forms, own), forms, own, rank: before.size });
    let same = byLength.get(length);
    if (!same) byLength.set(length, (same = []));
    same.push(g);
  }
  const lengths = [...byLength.keys()].sort((a, b) => b - a);
  // Short forms of each length look for full names longer than they are. The indexes below hold
  // the groups longer than the length at hand: each pass adds the groups of the length before
  // it (those still there), so the indexes are built once, not once per length.
  // Full personal names by their short keys, positions ascending (equal positions: group order).
  const index = new Map<string, Array<{ at: number; group: Group; rank: number }>>();
  // "Saddam" for "Saddam Hussein": a first name alone, only when one full name in the document has it;
  // "Orascom" for "Orascom Telecom Holding": an organisation's name without its trailing kind words.
  const byGivenName = new Map<string, Set<Group>>();
  const organisations: Group[] = [];
  const organisationMentionsIndexed = new Map<Group, number>();
  let longer: number | undefined;
  for (const len of lengths) {
    const grown = new Set<Array<{ at: number; group: Group; rank: number }>>();
    for (const g of longer === undefined ? [] : byLength.get(longer)!) {
      if (groups.get(g.key) !== g) continue;
      const { person, forms, own, rank } = before.get(g)!;
      if (!person) {
        organisations.push(g);
        continue;
      }
      const indexFull = (k: string, at: number) => {
        let list = index.get(k);
        if (!list) index.set(k, (list = []));
        list.push({ at, group: g, rank });
        grown.add(list);
      };
      if (own) for (const { index: i, key } of g.facts.shortKeys) indexFull(key, forms[i].start);
      for (let i = own; i < forms.length; i++) for (const k of shortKeysOf(forms[i].c)) indexFull(k, forms[i].start);
      // Any first word of a full personal name ("Hamilcar" for "Hamilcar Barca"), if only one name has it.
      if (own) for (const k of g.facts.givenKeys) addTo(byGivenName, k, g);
      for (let i = own; i < forms.length; i++) {
        const k = givenKeyOf(forms[i].c);
        if (k) addTo(byGivenName, k, g);
      }
    }
    // An organisation's mentions grow as short forms join it: each mention is indexed once.
    for (const g of organisations) {
      let from = organisationMentionsIndexed.get(g) ?? 0;
      if (from === 0 && ownCount(g)) {
        for (const k of g.facts.orgShortKeys) addTo(byGivenName, k, g);
        from = ownCount(g);
      }
      for (let i = from; i < g.mentions.length; i++) {
        const k = orgShortKeyOf(g.mentions[i].c);
        if (k) addTo(byGivenName, k, g);
      }
      organisationMentionsIndexed.set(g, g.mentions.length);
    }
    longer = len;
    if (!index.size && !byGivenName.size) continue;
    for (const list of grown) list.sort((a, b) => a.at - b.at || a.rank - b.rank);
    for (const g of byLength.get(len)!) {
      if (groups.get(g.key) !== g || !couldBeShortName(g)) continue;
      const keep: Mention[] = [];
      // What a key finds, looked up once for mentions of the same key in a row.
      const keys = mentionKeys(g, namesKeyOf);
      let key: string | undefined;
      let full: Array<{ at: number; group: Group }> | undefined;
      let onlyGiven: Group | undefined;
      for (let n = 0; n < g.mentions.length; n++) {
        const m = g.mentions[n];
        if (keys[n] !== key) {
          key = keys[n];
          full = index.get(key);
          const given = byGivenName.get(key);
          onlyGiven = given && given.size === 1 ? [...given][0] : undefined;
        }
        const i = full ? lastBefore(full, m.start) : -1;
        const best = (full && (i >= 0 ? full[i] : full[0].at > m.start ? full[0] : undefined))?.group ?? onlyGiven;
        if (best && groups.has(best.key)) best.mentions.push(m);
        else keep.push(m);
      }
      keepOnly(groups, g, keep);
    }
  }
}

/**
 * "the Revolution" after "the French Revolution", "the Assembly" after "the National Assembly":
 * a lone kind word refers back to the nearest name before it that ends in that word.
 */
export function mergeKindWords(groups: Map<string, Group>): void {
  const byLastWord = new Map<string, Array<{ at: number; group: Group }>>();
  for (const g of groups.values()) {
    const indexName = (k: string, at: number) => {
      let list = byLastWord.get(k);
      if (!list) byLastWord.set(k, (list = []));
      list.push({ at, group: g });
    };
    const own = ownCount(g);
    if (own) for (const { index, key } of g.facts.kindWords) indexName(key, g.mentions[index].start);
    for (let i = own; i < g.mentions.length; i++) {
      const k = kindWordKeyOf(g.mentions[i].c);
      if (k) indexName(k, g.mentions[i].start);
    }
  }
  for (const list of byLastWord.values()) list.sort((a, b) => a.at - b.at);
  for (const g of [...groups.values()]) {
    if (g.canonicalIsFinal || !everyMention(g, g.facts.loneUnknownWords, isLoneUnknownWord)) continue;
    const keep: Mention[] = [];
    const keys = mentionKeys(g, keyOfCandidate);
    let key: string | undefined;
    let list: Array<{ at: number; group: Group }> | undefined;
    for (let n = 0; n < g.mentions.length; n++) {
      const m = g.mentions[n];
      if (keys[n] !== key) list = byLastWord.get((key = keys[n]));
      const i = list ? lastBefore(list, m.start) : -1;
      // The nearest such name before it, else the first one after it (a heading may come first).
      const target = list && (i >= 0 ? list[i].group : list[0].group);
      if (target && target !== g && groups.has(target.key)) target.mentions.push(m);
      else keep.push(m);
    }
    keepOnly(groups, g, keep);
  }
}

/** The group keeps only `keep` of its mentions (none: it is gone); its own list while it lost none (see ownCount). */
function keepOnly(groups: Map<string, Group>, g: Group, keep: Mention[]): void {
  if (keep.length === g.mentions.length) return; // `keep` is all of them, in order
  g.mentions = keep;
  if (!keep.length) groups.delete(g.key);
}

const keyOfCandidate: CandidateKey = (c) => c.key;

/** Index of the last entry positioned before `at` (binary search), or -1. */
function lastBefore(list: ReadonlyArray<{ at: number }>, at: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at < at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A form that can name its entity: not a gazetteer stand-in, a demonym or an acronym. */
function isNameForm(c: Candidate): boolean {
  const known = surfaceKnownOf(c);
  return !c.knownAs && !(known && known.demonym) && !isLoneAcronym(c);
}

/** The fullest form seen: most words, then most frequent, then longest; demonyms and acronyms only if nothing else. */
export function chooseName(g: Group): string {
  if (g.canonical && g.canonicalIsFinal) return g.canonical;
  const forms = g.mentions.every((m) => isNameForm(m.c)) ? g.mentions : g.mentions.filter((m) => isNameForm(m.c));
  if (g.canonical) {
    const canonicalKey = plainKey(g.canonical);
    if (!forms.length || forms.some((m) => m.c.key === canonicalKey)) return g.canonical;
  }
  const pool = forms.length ? forms : g.mentions;
  // One spelling only (most entities): whichever form wins, that is the name.
  const firstText = pool[0].c.text;
  if (pool.every((m) => m.c.text === firstText)) return firstText;
  const frequency = new Map<string, number>();
  for (const m of pool) frequency.set(m.c.text, (frequency.get(m.c.text) ?? 0) + 1);
  let best = pool[0];
  let bestWords = wordCountOf(best.c);
  for (const m of pool) {
    const words = wordCountOf(m.c);
    const byWords = words - bestWords;
    const byFrequency = frequency.get(m.c.text)! - frequency.get(best.c.text)!;
    const byLength = m.c.text.length - best.c.text.length;
    if (byWords > 0 || (byWords === 0 && (byFrequency > 0 || (byFrequency === 0 && (byLength > 0 || (byLength === 0 && m.start < best.start)))))) {
      best = m;
      bestWords = words;
    }
  }
  return best.c.text;
}

/** Words of a form, for fullness: hyphenated parts count, particles do not ("Anwar el-Sadat" has 2). */
function wordCountOf(c: Candidate): number {
  return (c.memo.fullLength ??= wordsIn(fullKeyOf(c)));
}
