// Groups mentions into entities: one key per spelling family ("Anwar el-Sadat" = "Anwar Sadat"),
// well-known alternates and demonyms through the gazetteer, then acronyms to their expansions
// ("UN" → "United Nations") and short forms of personal names to the full name ("Sadat").
// Works on mentions placed in the whole text; what it asks of each candidate is memoised on it
// (features.ts), so this pass is hash-map work over the mentions.
import { makeCandidate, type Candidate } from './candidates';
import * as featuresModule from './features';
import * as memoModule from './memo';
import * as gazetteerModule from './gazetteer';
import * as normalizeModule from './normalize';
import type { Mention } from './segments';
import * as typingModule from './typing';
import * as tokensModule from './tokens';
import { isNameUnit, toUnits } from './units';
import { BoundedMemo } from '../workCache';
import { partitionPoint } from '../partitionPoint';
// Read once (see lexicon.ts on why).
const { lookupKnown } = gazetteerModule;
const { nameKey, plainKey } = normalizeModule;
const { tokenize } = tokensModule;
const { givenKeyOf, groupKeyOf, initialsOf, isLoneAcronym, isLoneUnknownWord, kindWordKeyOf, mayBeShortNameOf, nameVotesOf, namesKeyOf, namesLengthOf, orgShortKeyOf, fullKeyOf, shortKeysOf, wordsIn } = featuresModule;
const { formOf, surfaceKnownOf } = memoModule;
const { addVotes, decideType, noVotes } = typingModule;

export interface Group {
  key: string;
  /** Name fixed by the gazetteer, a wiki link target or a user override. */
  canonical?: string;
  /** The canonical name wins over any seen form (user override, wiki link). */
  canonicalIsFinal: boolean;
  mentions: Mention[];
  /**
   * One mention of each form among its mentions, first met first (a form may be listed twice):
   * what depends on the form alone is asked once per form, not once per mention.
   */
  forms: Mention[];
  /** Numbers it apart from every other group, of this build or any other (see FormMemo.groupedIn). */
  number: number;
}

let lastGroupNumber = 0;

function newGroup(key: string): Group {
  // Every field from the start: a canonical name added later would give the groups that have one
  // a shape of their own, which V8 forgets while no group is alive (see keepShape.ts).
  return { key, canonical: undefined, canonicalIsFinal: false, mentions: [], forms: [], number: ++lastGroupNumber };
}

/** Lists the mention's form among the group's forms unless it is there. */
function addForm(g: Group, m: Mention): void {
  const form = formOf(m.c);
  if (form.groupedIn === g.number) return;
  form.groupedIn = g.number;
  g.forms.push(m);
}

function addMention(g: Group, m: Mention): void {
  g.mentions.push(m);
  addForm(g, m);
}

/** The group's mentions become `mentions`, a part of them: its forms are listed again. */
function keepMentions(g: Group, mentions: Mention[]): void {
  if (mentions.length === g.mentions.length) return;
  g.mentions = mentions;
  g.forms = [];
  g.number = ++lastGroupNumber;
  for (const m of mentions) addForm(g, m);
}

/** Canonical names made into forms, by name: the same name gives the same form (and memo). */
const canonicalForms = new BoundedMemo(10_000, (name): Candidate | null => {
  const units = toUnits(name, tokenize(name));
  // A target with no name word in it ("x", "a|b") says nothing about the entity.
  return units.some(isNameUnit)
    ? makeCandidate({ start: 0, end: 0, text: name, units, titled: false, placeHint: false, sentenceInitial: false, inHeading: false, nested: false })
    : null;
});

/**
 * The name a wiki link or a user alias imposes, as a form of its own: "[[Anwar Sadat|the new
 * president]]" names Anwar Sadat, so a later "Sadat" joins it and its type is a person's.
 * Placed at the group's first mention; used for keys and votes only, never as a mention.
 */
export function canonicalForm(g: Group): Mention | undefined {
  if (!g.canonicalIsFinal || !g.canonical) return undefined;
  const c = canonicalForms.of(g.canonical);
  if (!c) return undefined;
  const at = g.mentions[0]?.start ?? 0;
  return { start: at, end: at, c };
}

/** The grouping key of a name given as a plain string (a canonical name). */
export function keyOfName(name: string): string {
  const known = lookupKnown(name);
  if (known) return 'known:' + plainKey(known.canonical);
  return 'name:' + nameKey(name.split(/\s+/));
}


export function groupMentions(mentions: readonly Mention[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const m of mentions) {
    // A wiki link target or a user alias decides; else the candidate's own key.
    const final = !!m.canonical;
    const own = final ? undefined : groupKeyOf(m.c);
    const key = own ? own.key : keyOfName(m.canonical!);
    const canonical = own ? own.canonical : m.canonical;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = newGroup(key)));
    if (canonical && (final || !g.canonicalIsFinal)) {
      g.canonical = canonical;
      g.canonicalIsFinal ||= final;
    }
    addMention(g, m);
  }
  return groups;
}

function mergeInto(groups: Map<string, Group>, from: Group, to: Group): void {
  to.mentions.push(...from.mentions);
  for (const m of from.forms) addForm(to, m);
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
    if (!g.forms.every((m) => isLoneAcronym(m.c))) continue;
    const letters = g.forms[0].c.key.toUpperCase();
    const singular = letters.replace(/S$/, '');
    acronyms.push({ group: g, letters, singular });
    wanted.add(letters).add(singular);
  }
  if (!acronyms.length) return;
  // The groups with each of those initials (no other initials are ever looked up).
  const byInitials = new Map<string, Set<Group>>();
  for (const g of groups.values()) {
    for (const m of g.forms) {
      for (const ini of initialsOf(m.c)) if (wanted.has(ini)) addTo(byInitials, ini, g);
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
  return !g.canonicalIsFinal && g.forms.every((m) => mayBeShortNameOf(m.c));
}

function isPersonGroup(forms: readonly Mention[]): boolean {
  const votes = noVotes();
  for (const m of forms) addVotes(votes, nameVotesOf(m.c));
  return decideType(votes) === 'person';
}

/** Whether a key (none: null) is in `keys`. */
function memberOf(keys: ReadonlySet<string>): (k: string | null) => k is string {
  return (k): k is string => k !== null && keys.has(k);
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
  // The keys short forms look up: full names are indexed under these only. (A group's mentions
  // are its own until it is taken as a short form: merging only adds to longer groups.)
  const wanted = new Set<string>();
  for (const g of groups.values()) if (couldBeShortName(g)) for (const m of g.forms) wanted.add(namesKeyOf(m.c));
  if (!wanted.size) return;
  // Length, person-ness and forms of each group as it was before merging: decided once.
  // Groups made by merging keep the forms they had: merged mentions are short forms anyway.
  const facts = new Map<Group, { length: number; person: boolean; mentions: Mention[]; forms: Mention[]; rank: number }>();
  const byLength = new Map<number, Group[]>(); // in the groups' order
  for (const g of groups.values()) {
    const canonical = canonicalForm(g);
    const mentions = canonical ? [...g.mentions, canonical] : g.mentions;
    const forms = canonical ? [...g.forms, canonical] : g.forms.slice();
    let length = 0; // words, particles not counted ("De Gaulle" is one word, "Charles de Gaulle" two)
    for (const m of forms) length = Math.max(length, namesLengthOf(m.c));
    facts.set(g, { length, person: length > 1 && isPersonGroup(mentions), mentions, forms, rank: facts.size });
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
  const organisationFormsIndexed = new Map<Group, number>();
  const isWanted = memberOf(wanted);
  let longer: number | undefined;
  for (const len of lengths) {
    const grown = new Set<Array<{ at: number; group: Group; rank: number }>>();
    for (const g of longer === undefined ? [] : byLength.get(longer)!) {
      if (groups.get(g.key) !== g) continue;
      const { person, mentions, forms, rank } = facts.get(g)!;
      if (!person) {
        organisations.push(g);
        continue;
      }
      if (forms.some((m) => shortKeysOf(m.c).some(isWanted))) {
        for (const m of mentions) {
          for (const k of shortKeysOf(m.c)) {
            if (!wanted.has(k)) continue;
            let list = index.get(k);
            if (!list) index.set(k, (list = []));
            list.push({ at: m.start, group: g, rank });
            grown.add(list);
          }
        }
      }
      // Any first word of a full personal name ("Hamilcar" for "Hamilcar Barca"), if only one name has it.
      for (const m of forms) {
        const k = givenKeyOf(m.c);
        if (isWanted(k)) addTo(byGivenName, k, g);
      }
    }
    // An organisation's forms grow as short forms join it: each form is indexed once.
    for (const g of organisations) {
      const from = organisationFormsIndexed.get(g) ?? 0;
      for (let i = from; i < g.forms.length; i++) {
        const k = orgShortKeyOf(g.forms[i].c);
        if (isWanted(k)) addTo(byGivenName, k, g);
      }
      organisationFormsIndexed.set(g, g.forms.length);
    }
    longer = len;
    if (!index.size && !byGivenName.size) continue;
    // Whether a short form of that key may join a full name (else each of its mentions stays).
    const mayJoin = (key: string) => index.has(key) || byGivenName.get(key)?.size === 1;
    for (const list of grown) list.sort((a, b) => a.at - b.at || a.rank - b.rank);
    for (const g of byLength.get(len)!) {
      if (groups.get(g.key) !== g || !couldBeShortName(g) || !g.forms.some((m) => mayJoin(namesKeyOf(m.c)))) continue;
      const keep: Mention[] = [];
      for (const m of g.mentions) {
        const key = namesKeyOf(m.c);
        const full = index.get(key);
        const i = full ? lastBefore(full, m.start) : -1;
        let best: { group: Group } | undefined = full && (i >= 0 ? full[i] : full[0].at > m.start ? full[0] : undefined);
        const given = byGivenName.get(key);
        if (!best && given && given.size === 1) best = { group: [...given][0] };
        if (best && groups.has(best.group.key)) addMention(best.group, m);
        else keep.push(m);
      }
      if (keep.length) keepMentions(g, keep);
      else groups.delete(g.key);
    }
  }
}

/**
 * "the Revolution" after "the French Revolution", "the Assembly" after "the National Assembly":
 * a lone kind word refers back to the nearest name before it that ends in that word.
 */
export function mergeKindWords(groups: Map<string, Group>): void {
  // The lone words (a group's mentions only grow if it ends in a kind word, which no lone word does).
  const lone: Group[] = [];
  const wanted = new Set<string>();
  for (const g of groups.values()) {
    if (g.canonicalIsFinal || !g.forms.every((m) => isLoneUnknownWord(m.c))) continue;
    lone.push(g);
    for (const m of g.forms) wanted.add(m.c.key);
  }
  if (!lone.length) return;
  const isWanted = memberOf(wanted);
  const byLastWord = new Map<string, Array<{ at: number; group: Group }>>();
  for (const g of groups.values()) {
    if (!g.forms.some((m) => isWanted(kindWordKeyOf(m.c)))) continue;
    for (const m of g.mentions) {
      const k = kindWordKeyOf(m.c);
      if (!isWanted(k)) continue;
      let list = byLastWord.get(k);
      if (!list) byLastWord.set(k, (list = []));
      list.push({ at: m.start, group: g });
    }
  }
  for (const list of byLastWord.values()) list.sort((a, b) => a.at - b.at);
  for (const g of lone) {
    if (!g.forms.some((m) => byLastWord.has(m.c.key))) continue; // no name ends in it: all its mentions stay
    const keep: Mention[] = [];
    for (const m of g.mentions) {
      const list = byLastWord.get(m.c.key);
      const i = list ? lastBefore(list, m.start) : -1;
      // The nearest such name before it, else the first one after it (a heading may come first).
      const target = list && (i >= 0 ? list[i].group : list[0].group);
      if (target && target !== g && groups.has(target.key)) addMention(target, m);
      else keep.push(m);
    }
    if (keep.length) keepMentions(g, keep);
    else groups.delete(g.key);
  }
}

/**
 * The keys by which the grouping and the merges above can bring a mention's group together with
 * another's. Its group key joins it to every mention with the same. The merges let a form look
 * for a group by a key (`seeks`) among the keys groups are found by (`offers`): a short form's
 * names key among full names' short keys, first names and organisations' short names; a lone
 * acronym's letters among initials; a lone word among the kind words names end in. A key joins
 * mentions only when one seeks it and another offers it. Mentions that share no such key, directly
 * or through other mentions, end in different entities, which regroup.ts relies on: a merge that
 * looks groups up by anything else must add it here. Each kind of key has its own prefix.
 */
export interface LinkKeys {
  group: string;
  seeks: string[];
  offers: string[];
}

export function linkKeysOf(c: Candidate): LinkKeys {
  return (formOf(c).linkKeys ??= formLinkKeys(c));
}

function formLinkKeys(c: Candidate): LinkKeys {
  const seeks: string[] = [];
  if (mayBeShortNameOf(c)) seeks.push('n:' + namesKeyOf(c));
  if (isLoneAcronym(c)) {
    const letters = c.key.toUpperCase();
    seeks.push('i:' + letters, 'i:' + letters.replace(/S$/, ''));
  }
  if (isLoneUnknownWord(c)) seeks.push('k:' + c.key);
  const offers: string[] = [];
  for (const k of shortKeysOf(c)) offers.push('n:' + k);
  const given = givenKeyOf(c);
  if (given !== null) offers.push('n:' + given);
  const organisation = orgShortKeyOf(c);
  if (organisation !== null) offers.push('n:' + organisation);
  for (const k of initialsOf(c)) offers.push('i:' + k);
  const kindWord = kindWordKeyOf(c);
  if (kindWord !== null) offers.push('k:' + kindWord);
  return { group: groupKeyOf(c).key, seeks, offers };
}

/** Index of the last entry positioned before `at` (binary search), or -1. */
function lastBefore(list: ReadonlyArray<{ at: number }>, at: number): number {
  return partitionPoint(0, list.length, (i) => list[i].at < at) - 1;
}

/** A form that can name its entity: not a gazetteer stand-in, a demonym or an acronym (once per form: asked of every mention). */
function isNameForm(c: Candidate): boolean {
  const form = formOf(c);
  if (form.nameForm === undefined) {
    const known = surfaceKnownOf(c);
    form.nameForm = !c.knownAs && !(known && known.demonym) && !isLoneAcronym(c);
  }
  return form.nameForm;
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
  return (formOf(c).fullLength ??= wordsIn(fullKeyOf(c)));
}
