// What grouping, merging, naming and typing ask of a candidate, computed once on first use and
// kept on it (candidate.memo); what its form alone decides, once per form of a build (formOf).
// A candidate of a cached segment keeps its memo from one build to the next, so the global pass of an incremental build mostly looks values up.
// Every value depends on the candidate alone (and its segment for context votes), never on the
// rest of the document: memoising it cannot change a result.
import type { Candidate } from './candidates';
import * as gazetteerModule from './gazetteer';
import { type KnownName } from './gazetteer';
import * as lexicon from './lexicon';
import * as normalizeModule from './normalize';
import { eastAsianName } from './personNames';
import type { Tokens } from './tokens';
import * as typingModule from './typing';
import type { Votes } from './typing';
import { isNameUnit, nameKeyOfUnits } from './units';
import * as memoModule from './memo';
import type { GroupKey } from './memo';
// Read once (see lexicon.ts on why).
const { CONNECTORS, EVENT_LAST_WORDS, ORG_LAST_WORDS, PLACE_LAST_WORDS, STANDALONE_PARTICLES } = lexicon;
const { lookupKnown, lookupKnownUnit } = gazetteerModule;
const { formOf, knownOf, surfaceKnownOf, nameUnitsOf } = memoModule;
const { addContextVotes, addVotes, computeNameVotes, noVotes } = typingModule;
const { plainKey } = normalizeModule;

export function nameVotesOf(c: Candidate): Votes {
  return (formOf(c).nameVotes ??= computeNameVotes(c));
}

/** Its votes as a mention, made anew: from its name and from the words around it (in its segment's text and tokens). */
export function mentionVotesOf(c: Candidate, text: string, tokens: Tokens): Votes {
  const votes = noVotes();
  addVotes(votes, nameVotesOf(c));
  addVotes(votes, contextVotesOf(c, text, tokens));
  return votes;
}

/**
 * Its votes from the words around it, in its segment's text and tokens. extractSegment asks them
 * of every candidate while the segment is at hand: asked of the mentions of each entity in turn,
 * across the whole text, they took twice as long.
 */
export function contextVotesOf(c: Candidate, text: string, tokens: Tokens): Readonly<Votes> {
  if (!c.memo.contextVotes) {
    const votes = noVotes();
    addContextVotes(votes, text, tokens, c);
    c.memo.contextVotes = sharedVotes(votes);
  }
  return c.memo.contextVotes;
}

/**
 * The one object of these votes. Context votes take few values (41 in the 10,586 candidates of
 * the WikiWars texts, half of them none): candidates share them rather than keep one each (read
 * only: the type says so, and freezing them would give them a shape of their own).
 */
function sharedVotes(v: Votes): Readonly<Votes> {
  // Each count is a small sum of the rules' weights (within ±128): one byte each, five bytes in all.
  const key = ((((v.person + 128) * 256 + v.place + 128) * 256 + v.organization + 128) * 256 + v.event + 128) * 256 + v.other + 128;
  let shared = SHARED_VOTES.get(key);
  if (!shared) SHARED_VOTES.set(key, (shared = v));
  return shared;
}
const SHARED_VOTES = new Map<number, Readonly<Votes>>();

/** nameKey of all its units ("Anwar el-Sadat" → "anwar sadat"). */
export function fullKeyOf(c: Candidate): string {
  return (formOf(c).fullKey ??= nameKeyOfUnits(c.units));
}

/** nameKey of its name units only. */
export function namesKeyOf(c: Candidate): string {
  return (formOf(c).namesKey ??= nameKeyOfUnits(nameUnitsOf(c)));
}

/** Words of its name units' key: how full a form of a name it is. */
export function namesLengthOf(c: Candidate): number {
  return (formOf(c).namesLength ??= wordsIn(namesKeyOf(c)));
}

/** Words of a name key (words are joined by single spaces). */
export function wordsIn(key: string): number {
  let n = 1;
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) n++;
  return n;
}

const STATE_WORDS = new Set(['republic', 'kingdom', 'state', 'commonwealth', 'federation', 'emirate', 'sultanate', 'principality', 'duchy']);

export function groupKeyOf(c: Candidate): GroupKey {
  const form = formOf(c);
  if (!form.groupKey) {
    const known = knownOf(c) ?? officialNameOf(c);
    form.groupKey = known ? { key: 'known:' + plainKey(known.canonical), canonical: known.canonical } : { key: 'name:' + fullKeyOf(c) };
  }
  return form.groupKey;
}

/**
 * "Islamic Republic of Iran", "Kingdom of Saudi Arabia", "State of Israel": an official name of a
 * known country is that country (the alternates table, checked first, holds the exceptions such as
 * "Republic of Korea").
 */
function officialNameOf(c: Candidate): KnownName | undefined {
  const of = c.units.findIndex((u) => u.kind === 'connector' && u.key === 'of');
  if (of < 1 || !STATE_WORDS.has(c.units[of - 1].key)) return undefined;
  const rest = c.units.slice(of + 1).filter((u) => u.key !== 'the');
  if (!rest.length) return undefined;
  const country = lookupKnown(rest.map((u) => u.text).join(' '));
  return country && country.strong && !country.demonym && country.type === 'place' ? country : undefined;
}

/** Keys under which a full personal name may be referred to: its tails ("Sadat", "Abdel Nasser"), and for East Asian names the family name ("Kim"). */
export function shortKeysOf(c: Candidate): string[] {
  const form = formOf(c);
  if (form.shortKeys) return form.shortKeys;
  const names = nameUnitsOf(c);
  const keys: string[] = [];
  for (let s = 1; s < names.length; s++) keys.push(nameKeyOfUnits(names.slice(s)));
  // "Jean de Lattre de Tassigny" is also "de Lattre": the words after each particle.
  for (let i = 0; i < c.units.length - 1; i++) {
    if (c.units[i].kind !== 'connector' || !STANDALONE_PARTICLES.has(c.units[i].key)) continue;
    let j = i + 1;
    while (j < c.units.length && isNameUnit(c.units[j])) j++;
    if (j > i + 1) keys.push(nameKeyOfUnits(c.units.slice(i + 1, j)));
  }
  if (eastAsianName(c.units)) {
    const family = names[0].wordKey;
    if (family) keys.push(family);
  }
  return (form.shortKeys = keys);
}

/** Its first name word as a given name ("Hamilcar" for "Hamilcar Barca"), unless a place or an East Asian family name. */
export function givenKeyOf(c: Candidate): string | null {
  const form = formOf(c);
  if (form.givenKey === undefined) {
    const first = nameUnitsOf(c)[0];
    form.givenKey = !first || eastAsianName(c.units) || lookupKnownUnit(first) ? null : first.wordKey;
  }
  return form.givenKey;
}

/** Trailing words of company names that their short form leaves out ("Orascom Telecom Holding" → "Orascom"). */
const ORG_SUFFIX_WORDS = new Set(['holding', 'holdings', 'telecom', 'group', 'inc', 'ltd', 'plc', 'sa', 'ag', 'gmbh', 'corp', 'co', 'international']);

/** "Orascom" for "Orascom Telecom Holding": its name without trailing kind words; null if none to drop. */
export function orgShortKeyOf(c: Candidate): string | null {
  const form = formOf(c);
  if (form.orgShortKey === undefined) {
    const names = nameUnitsOf(c);
    let end = names.length;
    while (end > 1 && (ORG_LAST_WORDS.has(names[end - 1].key) || ORG_SUFFIX_WORDS.has(names[end - 1].key))) end--;
    const cut = end === names.length || end === 0 || c.units.some((u) => u.kind === 'connector');
    form.orgShortKey = cut ? null : nameKeyOfUnits(names.slice(0, end));
  }
  return form.orgShortKey;
}

/** A short form may stand for a personal name: not a gazetteer country, no numeral, no kind word at its end. */
export function mayBeShortNameOf(c: Candidate): boolean {
  const form = formOf(c);
  if (form.mayBeShort === undefined) {
    const known = surfaceKnownOf(c);
    const last = nameUnitsOf(c).at(-1);
    form.mayBeShort =
      !(known && known.strong) &&
      !c.units.some((u) => u.kind === 'numeral') && // "Charles I" is a name of its own
      !!last && last.kind === 'word' &&
      !EVENT_LAST_WORDS.has(last.key) && !ORG_LAST_WORDS.has(last.key) && !PLACE_LAST_WORDS.has(last.key);
  }
  return form.mayBeShort;
}

const NO_INITIALS: string[] = [];
const isDash = (text: string, i: number): boolean => text.charCodeAt(i) === 45 || text.charCodeAt(i) === 0x2013;

/** Initials of a multi-word name, with and without hyphenated parts ("Non-Aligned Movement" → NAM). */
export function initialsOf(c: Candidate): string[] {
  const form = formOf(c);
  if (form.initials) return form.initials;
  // One loop over the units, no arrays: asked of every form of a build, most with no acronym for them.
  let plain = '';
  let parts = '';
  let withParticles = ''; // "Mohammed bin Salman" → MBS: name particles count too
  let words = 0;
  for (const u of c.units) {
    const text = u.text;
    if (u.kind !== 'connector' || STANDALONE_PARTICLES.has(u.key)) withParticles += text.charAt(0);
    if (!isNameUnit(u) || CONNECTORS.has(u.key)) continue;
    words++;
    plain += text.charAt(0);
    // The first character of each part between hyphens or en dashes ("Non-Aligned" → NA).
    for (let i = 0; i < text.length; i++) if (!isDash(text, i) && (i === 0 || isDash(text, i - 1))) parts += text[i];
  }
  if (words < 2) return (form.initials = NO_INITIALS);
  const initials = [plain.toUpperCase()];
  for (const s of [parts.toUpperCase(), withParticles.toUpperCase()]) if (!initials.includes(s)) initials.push(s);
  return (form.initials = initials);
}

/** The kind word ending a multi-word event or organisation name ("revolution" in "French Revolution"), else null. */
export function kindWordKeyOf(c: Candidate): string | null {
  const form = formOf(c);
  if (form.kindWordKey === undefined) {
    const names = nameUnitsOf(c);
    const last = names[names.length - 1];
    const usable = names.length >= 2 && !c.nested && !last.dashBefore; // not "Counter-Revolution"
    form.kindWordKey = usable && (EVENT_LAST_WORDS.has(last.key) || ORG_LAST_WORDS.has(last.key)) ? last.key : null;
  }
  return form.kindWordKey;
}

/** One acronym alone ("UN", "DPRK"). */
export const isLoneAcronym = (c: Candidate): boolean => c.units.length === 1 && c.units[0].kind === 'acronym';

/** One word alone that the gazetteer does not know ("Revolution", "Sadat"). */
export const isLoneUnknownWord = (c: Candidate): boolean => c.units.length === 1 && c.units[0].kind === 'word' && !surfaceKnownOf(c);
