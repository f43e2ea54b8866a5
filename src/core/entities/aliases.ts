// Groups mentions into entities: one key per spelling family ("Anwar el-Sadat" = "Anwar Sadat"),
// well-known alternates and demonyms through the gazetteer, then acronyms to their expansions
// ("UN" → "United Nations") and short forms of personal names to the full name ("Sadat").
import type { Candidate } from './candidates';
import { lookupKnown, type KnownName } from './gazetteer';
import { CONNECTORS, EVENT_LAST_WORDS, ORG_LAST_WORDS, PLACE_LAST_WORDS, STANDALONE_PARTICLES } from './lexicon';
import { nameKey, nameWordKey, plainKey } from './normalize';
import { eastAsianName } from './personNames';
import { decideType, nameVotes } from './typing';
import { tokenize } from './tokens';
import { isNameUnit, toUnits, type Unit } from './units';

export interface Group {
  key: string;
  /** Name fixed by the gazetteer, a wiki link target or a user override. */
  canonical?: string;
  /** The canonical name wins over any seen form (user override, wiki link). */
  canonicalIsFinal: boolean;
  mentions: Candidate[];
}

const nameUnits = (c: Candidate): Unit[] => c.units.filter(isNameUnit);

/**
 * The name a wiki link or a user alias imposes, as a form of its own: "[[Anwar Sadat|the new
 * president]]" names Anwar Sadat, so a later "Sadat" joins it and its type is a person's.
 * Placed at the group's first mention; used for keys and votes only, never as a mention.
 */
export function canonicalForm(g: Group): Candidate | undefined {
  if (!g.canonicalIsFinal || !g.canonical) return undefined;
  const units = toUnits(g.canonical, tokenize(g.canonical));
  // A target with no name word in it ("x", "a|b") says nothing about the entity.
  if (!units.some(isNameUnit)) return undefined;
  const at = g.mentions[0]?.start ?? 0;
  return {
    start: at,
    end: at,
    text: g.canonical,
    units,
    titled: false,
    placeHint: false,
    sentenceInitial: false,
    inHeading: false,
    nested: false,
  };
}

/** The group's mentions and, where one is imposed, its canonical name as a form. */
function formsOf(g: Group): Candidate[] {
  const form = canonicalForm(g);
  return form ? [...g.mentions, form] : g.mentions;
}

/** The grouping key of a name given as a plain string (a canonical name). */
export function keyOfName(name: string): string {
  const known = lookupKnown(name);
  if (known) return 'known:' + plainKey(known.canonical);
  return 'name:' + nameKey(name.split(/\s+/));
}

export function keyOfCandidate(c: Candidate): { key: string; canonical?: string; final: boolean } {
  if (c.canonical) return { key: keyOfName(c.canonical), canonical: c.canonical, final: true };
  const known = lookupKnown(c.knownAs ?? c.text) ?? officialNameOf(c);
  if (known) return { key: 'known:' + plainKey(known.canonical), canonical: known.canonical, final: false };
  return { key: 'name:' + nameKey(c.units.map((u) => u.text)), final: false };
}

/** Trailing words of company names that their short form leaves out ("Orascom Telecom Holding" → "Orascom"). */
const ORG_SUFFIX_WORDS = new Set(['holding', 'holdings', 'telecom', 'group', 'inc', 'ltd', 'plc', 'sa', 'ag', 'gmbh', 'corp', 'co', 'international']);

const STATE_WORDS = new Set(['republic', 'kingdom', 'state', 'commonwealth', 'federation', 'emirate', 'sultanate', 'principality', 'duchy']);

/**
 * "Islamic Republic of Iran", "Kingdom of Saudi Arabia", "State of Israel": an official name of a
 * known country is that country (the alternates table, checked first, holds the exceptions such as
 * "Republic of Korea").
 */
function officialNameOf(c: Candidate): KnownName | undefined {
  const of = c.units.findIndex((u) => u.kind === 'connector' && plainKey(u.text) === 'of');
  if (of < 1 || !STATE_WORDS.has(plainKey(c.units[of - 1].text))) return undefined;
  const rest = c.units.slice(of + 1).filter((u) => plainKey(u.text) !== 'the');
  if (!rest.length) return undefined;
  const country = lookupKnown(rest.map((u) => u.text).join(' '));
  return country && country.strong && !country.demonym && country.type === 'place' ? country : undefined;
}

export function groupCandidates(candidates: readonly Candidate[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const c of candidates) {
    const { key, canonical, final } = keyOfCandidate(c);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, canonicalIsFinal: false, mentions: [] }));
    if (canonical && (final || !g.canonicalIsFinal)) {
      g.canonical = canonical;
      g.canonicalIsFinal ||= final;
    }
    g.mentions.push(c);
  }
  return groups;
}

function mergeInto(groups: Map<string, Group>, from: Group, to: Group): void {
  to.mentions.push(...from.mentions);
  if (from.canonicalIsFinal && !to.canonicalIsFinal) {
    to.canonical = from.canonical;
    to.canonicalIsFinal = true;
  }
  groups.delete(from.key);
}

/** Initials of a multi-word name, with and without hyphenated parts ("Non-Aligned Movement" → NAM). */
function initialsOf(c: Candidate): string[] {
  const words = c.units.filter((u) => isNameUnit(u) && !CONNECTORS.has(plainKey(u.text)));
  if (words.length < 2) return [];
  const plain = words.map((u) => u.text[0]).join('');
  const parts = words.map((u) => u.text.split(/[-\u2013]/).map((p) => p[0] ?? '').join('')).join('');
  // "Mohammed bin Salman" → MBS: name particles count too.
  const withParticles = c.units.filter((u) => u.kind !== 'connector' || STANDALONE_PARTICLES.has(plainKey(u.text))).map((u) => u.text[0]).join('');
  return [...new Set([plain, parts, withParticles].map((s) => s.toUpperCase()))];
}

/** "UN" joins "United Nations" when exactly one multi-word entity has those initials. */
export function mergeAcronyms(groups: Map<string, Group>): void {
  const byInitials = new Map<string, Set<Group>>();
  for (const g of groups.values()) {
    for (const c of g.mentions) {
      for (const ini of initialsOf(c)) {
        if (!byInitials.has(ini)) byInitials.set(ini, new Set());
        byInitials.get(ini)!.add(g);
      }
    }
  }
  for (const g of [...groups.values()]) {
    if (!g.mentions.every((c) => c.units.length === 1 && c.units[0].kind === 'acronym')) continue;
    const letters = plainKey(g.mentions[0].text).toUpperCase();
    const targets = byInitials.get(letters) ?? byInitials.get(letters.replace(/S$/, ''));
    if (targets && targets.size === 1) {
      const target = [...targets][0];
      if (target !== g && groups.has(target.key)) mergeInto(groups, g, target);
    }
  }
}

/** A short form may stand for a personal name: not a gazetteer country, no kind word in it. */
function couldBeShortName(g: Group): boolean {
  if (g.canonicalIsFinal) return false;
  return g.mentions.every((c) => {
    const known = lookupKnown(c.text);
    if (known && known.strong) return false;
    if (c.units.some((u) => u.kind === 'numeral')) return false; // "Charles I" is a name of its own
    const last = nameUnits(c).at(-1);
    if (!last || last.kind !== 'word') return false;
    const head = plainKey(last.text);
    return !EVENT_LAST_WORDS.has(head) && !ORG_LAST_WORDS.has(head) && !PLACE_LAST_WORDS.has(head);
  });
}

function isPersonGroup(forms: readonly Candidate[]): boolean {
  const votes = { person: 0, place: 0, organization: 0, event: 0, other: 0 };
  for (const c of forms) {
    const v = nameVotes(c);
    for (const k of Object.keys(votes) as Array<keyof typeof votes>) votes[k] += v[k];
  }
  return decideType(votes) === 'person';
}

/** Keys under which a full personal name may be referred to: its tails ("Sadat", "Abdel Nasser"), and for East Asian names the family name ("Kim"). */
function shortKeys(c: Candidate): string[] {
  const names = nameUnits(c);
  const keys: string[] = [];
  for (let s = 1; s < names.length; s++) keys.push(nameKey(names.slice(s).map((u) => u.text)));
  // "Jean de Lattre de Tassigny" is also "de Lattre": the words after each particle.
  for (let i = 0; i < c.units.length - 1; i++) {
    if (c.units[i].kind !== 'connector' || !STANDALONE_PARTICLES.has(plainKey(c.units[i].text))) continue;
    let j = i + 1;
    while (j < c.units.length && isNameUnit(c.units[j])) j++;
    if (j > i + 1) keys.push(nameKey(c.units.slice(i + 1, j).map((u) => u.text)));
  }
  if (eastAsianName(c.units)) {
    const family = nameWordKey(names[0].text);
    if (family) keys.push(family);
  }
  return keys;
}

/**
 * Each mention of a short form joins the full name it most likely stands for: the nearest
 * full name mentioned before it, else the nearest after it.
 */
export function mergeShortNames(groups: Map<string, Group>): void {
  // Length and person-ness of each group as it was before merging: decided once.
  const lengthCache = new Map<Group, number>();
  const personCache = new Map<Group, boolean>();
  const formsCache = new Map<Group, Candidate[]>();
  for (const g of groups.values()) {
    const forms = formsOf(g);
    formsCache.set(g, forms);
    let n = 0; // words, particles not counted ("De Gaulle" is one word, "Charles de Gaulle" two)
    for (const c of forms) n = Math.max(n, nameKey(nameUnits(c).map((u) => u.text)).split(' ').length);
    lengthCache.set(g, n);
    personCache.set(g, n > 1 && isPersonGroup(forms));
  }
  // Groups made by merging keep the forms they had: merged mentions are short forms anyway.
  const fullFormsOf = (g: Group) => formsCache.get(g) ?? g.mentions;
  const lengthOf = (g: Group) => lengthCache.get(g)!;
  const isPerson = (g: Group) => personCache.get(g)!;
  const lengths = [...new Set(lengthCache.values())].sort((a, b) => b - a);
  // A mention's keys do not change between the passes over lengths: computed once each.
  const shortKeysCache = new Map<Candidate, string[]>();
  const shortKeysOf = (c: Candidate) => {
    let keys = shortKeysCache.get(c);
    if (!keys) shortKeysCache.set(c, (keys = shortKeys(c)));
    return keys;
  };
  for (const len of lengths) {
    // Index the full names longer than this length, by their short keys; positions ascending.
    const index = new Map<string, Array<{ at: number; group: Group }>>();
    for (const g of groups.values()) {
      if (lengthOf(g) <= len || !isPerson(g)) continue;
      for (const c of fullFormsOf(g)) {
        for (const k of shortKeysOf(c)) {
          if (!index.has(k)) index.set(k, []);
          index.get(k)!.push({ at: c.start, group: g });
        }
      }
    }
    // "Saddam" for "Saddam Hussein": a first name alone, only when one full name in the document has it.
    const byGivenName = new Map<string, Set<Group>>();
    for (const g of groups.values()) {
      if (lengthOf(g) <= len || !isPerson(g)) continue;
      for (const c of fullFormsOf(g)) {
        // Any first word of a full personal name ("Hamilcar" for "Hamilcar Barca"), if only one name has it.
        const first = nameUnits(c)[0];
        if (!first || eastAsianName(c.units) || lookupKnown(first.text)) continue;
        const k = nameWordKey(first.text);
        if (!k) continue;
        if (!byGivenName.has(k)) byGivenName.set(k, new Set());
        byGivenName.get(k)!.add(g);
      }
    }
    // "Orascom" for "Orascom Telecom Holding": an organisation's name without its trailing kind words.
    for (const g of groups.values()) {
      if (lengthOf(g) <= len || isPerson(g)) continue;
      for (const c of g.mentions) {
        const names = nameUnits(c);
        let end = names.length;
        while (end > 1 && (ORG_LAST_WORDS.has(plainKey(names[end - 1].text)) || ORG_SUFFIX_WORDS.has(plainKey(names[end - 1].text)))) end--;
        if (end === names.length || end === 0 || c.units.some((u) => u.kind === 'connector')) continue;
        const k = nameKey(names.slice(0, end).map((u) => u.text));
        if (!byGivenName.has(k)) byGivenName.set(k, new Set());
        byGivenName.get(k)!.add(g);
      }
    }
    if (!index.size && !byGivenName.size) continue;
    for (const list of index.values()) list.sort((a, b) => a.at - b.at);
    for (const g of [...groups.values()]) {
      if (lengthOf(g) !== len || !couldBeShortName(g)) continue;
      const keep: Candidate[] = [];
      for (const c of g.mentions) {
        const key = nameKey(nameUnits(c).map((u) => u.text));
        const full = index.get(key);
        const i = full ? lastBefore(full, c.start) : -1;
        let best = full && (i >= 0 ? full[i] : full[0].at > c.start ? full[0] : undefined);
        const given = byGivenName.get(key);
        if (!best && given && given.size === 1) best = { at: 0, group: [...given][0] };
        if (best && groups.has(best.group.key)) best.group.mentions.push(c);
        else keep.push(c);
      }
      g.mentions = keep;
      if (!keep.length) groups.delete(g.key);
    }
  }
}

/** Words of a form, for fullness: hyphenated parts count, particles do not ("Anwar el-Sadat" has 2). */
function wordCount(c: Candidate): number {
  return nameKey(c.units.map((u) => u.text)).split(' ').length;
}

/**
 * "the Revolution" after "the French Revolution", "the Assembly" after "the National Assembly":
 * a lone kind word refers back to the nearest name before it that ends in that word.
 */
export function mergeKindWords(groups: Map<string, Group>): void {
  const byLastWord = new Map<string, Array<{ at: number; group: Group }>>();
  for (const g of groups.values()) {
    for (const c of g.mentions) {
      const names = nameUnits(c);
      if (names.length < 2 || c.nested || names[names.length - 1].dashBefore) continue; // not "Counter-Revolution"
      const k = plainKey(names[names.length - 1].text);
      if (!EVENT_LAST_WORDS.has(k) && !ORG_LAST_WORDS.has(k)) continue;
      if (!byLastWord.has(k)) byLastWord.set(k, []);
      byLastWord.get(k)!.push({ at: c.start, group: g });
    }
  }
  for (const list of byLastWord.values()) list.sort((a, b) => a.at - b.at);
  for (const g of [...groups.values()]) {
    if (g.canonicalIsFinal || !g.mentions.every((c) => c.units.length === 1 && c.units[0].kind === 'word' && !lookupKnown(c.text))) continue;
    const keep: Candidate[] = [];
    for (const c of g.mentions) {
      const list = byLastWord.get(plainKey(c.text));
      const i = list ? lastBefore(list, c.start) : -1;
      // The nearest such name before it, else the first one after it (a heading may come first).
      const target = list && (i >= 0 ? list[i].group : list[0].group);
      if (target && target !== g && groups.has(target.key)) target.mentions.push(c);
      else keep.push(c);
    }
    g.mentions = keep;
    if (!keep.length) groups.delete(g.key);
  }
}

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

/** The fullest form seen: most words, then most frequent, then longest; demonyms and acronyms only if nothing else. */
export function chooseName(g: Group): string {
  if (g.canonical && g.canonicalIsFinal) return g.canonical;
  const forms = g.mentions.filter((c) => {
    const known = lookupKnown(c.text);
    return !c.knownAs && !(known && known.demonym) && !(c.units.length === 1 && c.units[0].kind === 'acronym');
  });
  if (g.canonical && (!forms.length || forms.some((c) => plainKey(c.text) === plainKey(g.canonical!)))) return g.canonical;
  const pool = forms.length ? forms : g.mentions;
  const frequency = new Map<string, number>();
  for (const c of pool) frequency.set(c.text, (frequency.get(c.text) ?? 0) + 1);
  // Word counts by surface form, computed once (was twice per comparison).
  const words = new Map<string, number>();
  const wordsOf = (c: Candidate) => {
    const key = c.units.map((u) => u.text).join('\u0000');
    let n = words.get(key);
    if (n === undefined) words.set(key, (n = wordCount(c)));
    return n;
  };
  let best = pool[0];
  let bestWords = wordsOf(best);
  for (const c of pool) {
    const cWords = wordsOf(c);
    const byWords = cWords - bestWords;
    const byFrequency = frequency.get(c.text)! - frequency.get(best.text)!;
    const byLength = c.text.length - best.text.length;
    if (byWords > 0 || (byWords === 0 && (byFrequency > 0 || (byFrequency === 0 && (byLength > 0 || (byLength === 0 && c.start < best.start)))))) {
      best = c;
      bestWords = cWords;
    }
  }
  return best.text;
}
