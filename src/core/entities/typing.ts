// Which kind of thing a name is. Every mention votes; strong cues (gazetteer, the kind word
// inside the name) outweigh weak ones (a title before it, a preposition before it).
import { CharCodeSet, FoldedWordMap, NOT_PLAIN } from '../codeSets';
import type { EntityType } from '../types';
import { lastWord, type Candidate } from './candidates';
import { personShapedUnits } from './personNames';
import * as gazetteerModule from './gazetteer';
import { knownOf, nameUnitsOf } from './memo';
import * as lexicon from './lexicon';
import * as normalizeModule from './normalize';
import * as tokensModule from './tokens';
import { type Tokens } from './tokens';
import { unitKey } from './units';
// Read once (see lexicon.ts on why).
const { COMPANY_SUFFIXES, CONNECTORS, EVENT_FIRST_WORDS, EVENT_LAST_WORDS, ORG_FIRST_WORDS, NUMBER_WORDS, SHIP_PREFIXES, ORG_LAST_WORDS, ORG_NOUNS_BEFORE, OTHER_LAST_WORDS, OTHER_FIRST_WORDS, DIRECTIONS, PERSON_VERBS, PLACE_FIRST_WORDS, PLACE_LAST_WORDS, PLACE_NOUNS_BEFORE, PLACE_PREPOSITIONS, THING_NOUNS_AFTER, WEAK_PLACE_PREPOSITIONS, STRUGGLE_NOUNS, bitsByWord } = lexicon;
const { lookupKnown, lookupKnownUnit } = gazetteerModule;
const { plainKey } = normalizeModule;
const { isLowerCaseAt, tokenText } = tokensModule;

/** Nouns a person's name may qualify ("the Franco regime", "the Bush administration"). */
const PERSONAL_RULE_NOUNS = new Set(['regime', 'government', 'administration', 'cabinet', 'dynasty', 'army', 'forces', 'party']);

export type Votes = Record<EntityType, number>;
export const noVotes = (): Votes => ({ person: 0, place: 0, organization: 0, event: 0, other: 0 });

const lower = unitKey;

/** Votes from the name itself: what it is made of (memoised as nameVotesOf). Context votes come separately. */
export function computeNameVotes(c: Candidate): Votes {
  const v = noVotes();
  const known = knownOf(c);
  if (known?.strong) {
    v[known.type] += 100;
    return v;
  }
  // A city or region name can be a surname too ("General Washington"): voted once per entity, see typeOf.
  const units = c.units;
  const names = nameUnitsOf(c);
  if (units.some((u) => u.kind === 'designation')) v.other += 60;
  if (names.length > 1 && SHIP_PREFIXES.has(lower(units[0]))) v.other += 60; // "USS Monitor"
  if (c.placeHint) v.place += 30;

  // The kind word: the last word, or the word before the first "of"/"for" ("Battle of Britain").
  const connector = units.findIndex((u) => u.kind === 'connector' && CONNECTORS.has(lower(u)));
  const head = lower(connector > 0 ? units[connector - 1] : lastWord(units));
  const first = lower(units[0]);
  if (EVENT_LAST_WORDS.has(head)) v.event += 50;
  else if (ORG_LAST_WORDS.has(head)) v.organization += 50;
  else if (PLACE_LAST_WORDS.has(head)) v.place += 50;
  else if (OTHER_LAST_WORDS.has(head)) v.other += 50;
  if (names.length > 1) {
    if (EVENT_FIRST_WORDS.has(first)) v.event += 55;
    else if (ORG_FIRST_WORDS.has(first)) v.organization += 55;
    else if (PLACE_FIRST_WORDS.has(first)) v.place += 45;
    else if (OTHER_FIRST_WORDS.has(first)) v.other += 45;
    else if (DIRECTIONS.has(first) && !EVENT_LAST_WORDS.has(head) && !ORG_LAST_WORDS.has(head)) v.place += 30; // "Northern Sakhalin"
  }
  let kindCue = v.event + v.organization + v.place + v.other > 0;
  // "Army Group Centre", "German Army High Command": an organisation word inside the name.
  if (!kindCue && names.slice(1).some((u) => ORG_LAST_WORDS.has(lower(u)))) {
    v.organization += 30;
    kindCue = true;
  }
  // "Eastern Ukraine", "Italian East Africa", "French Indochina": ends in a known place.
  if (!kindCue && names.length > 1) {
    for (let k = 1; k < names.length; k++) {
      const tail = lookupKnown(names.slice(k).map((u) => u.text).join(' '));
      if (tail && !tail.demonym && tail.type === 'place') {
        v.place += 40;
        kindCue = true;
        break;
      }
    }
  }
  const shaped = personShaped(c);
  const last = lower(lastWord(units));
  if (!kindCue && !shaped && last.length > 6 && /(?:land|stan)$/.test(last)) {
    v.place += 6; // "Somaliland", "Kurdistan": weak, "Westmoreland" is a person
    kindCue = true;
  }

  if (shaped) v.person += kindCue ? 20 : 40;
  if (c.titled) v.person += 45;
  // Two or three bare capitalised words are most often a person, unless one is a place or nationality.
  const placeOrNumber = names.some((u) => lookupKnownUnit(u)) || NUMBER_WORDS.has(lower(units[0]));
  if (!kindCue && !shaped && names.length > 1 && !placeOrNumber) v.person += 3;

  if (names.length === 1) {
    const u = names[0];
    const word = lower(u);
    if (u.kind === 'acronym') v.organization += 10;
    else if (COMPANY_SUFFIXES.some((s) => word.length >= s.length + 3 && word.endsWith(s))) v.organization += 8;
  }
  return v;
}

/** Given name first, a name particle, an initial, a regnal numeral, or an East Asian name. */
export function personShaped(c: Candidate): boolean {
  return personShapedUnits(c.units);
}

/** What a word around a mention may say: the bits CONTEXT_WORDS gives it. */
const enum Context {
  PlaceLast = 1,
  Struggle = 2,
  OrgLast = 4,
  ThingAfter = 8,
  OrgBefore = 16,
  PlacePreposition = 32,
  WeakPlacePreposition = 64,
  PlaceNounBefore = 128,
  PersonVerb = 256,
  PersonalRule = 512,
  OfOrFor = 1024,
  /** Not a lexicon: there is a word (contextAt). */
  Word = 2048,
  /** Not a lexicon: a word of over 4 letters ending in "ed" (contextAt). */
  PastTense = 4096,
}

/** Each word of the lexicons addContextVotes reads, with the bits of those it is in: one look-up per word around a mention. */
const CONTEXT_WORDS = bitsByWord([
  [PLACE_LAST_WORDS, Context.PlaceLast], [STRUGGLE_NOUNS, Context.Struggle], [ORG_LAST_WORDS, Context.OrgLast], [THING_NOUNS_AFTER, Context.ThingAfter],
  [ORG_NOUNS_BEFORE, Context.OrgBefore], [PLACE_PREPOSITIONS, Context.PlacePreposition], [WEAK_PLACE_PREPOSITIONS, Context.WeakPlacePreposition],
  [PLACE_NOUNS_BEFORE, Context.PlaceNounBefore], [PERSON_VERBS, Context.PersonVerb], [PERSONAL_RULE_NOUNS, Context.PersonalRule], [['of', 'for'], Context.OfOrFor],
]);
const CONTEXT_FLAGS = new FoldedWordMap(CONTEXT_WORDS);

/** Adds to v the votes from the words around one mention ("the company Orascom", "in Hanoi", "Giap refused"). */
export function addContextVotes(v: Votes, text: string, tokens: Tokens, c: Candidate): void {
  const firstToken = c.units[0].token;
  const lastToken = c.units[c.units.length - 1].token;
  let p = firstToken - 1;
  const n = lastToken + 1;
  const possessive = isPossessiveAt(text, c.end);
  const afterFlags = n < tokens.length && inOneClause(text, tokens, lastToken, n) && !possessive && isLowerCaseAt(text, tokens.starts[n]) ? contextAt(text, tokens, n) : 0;
  // "the Franco regime", "the Clear river": the article goes with the noun after the name.
  const kindNounAfter = (afterFlags & (Context.PlaceLast | Context.Struggle | Context.OrgLast | Context.ThingAfter)) !== 0;
  const article = p >= 0 && isTokenThe(text, tokens, p) && inOneClause(text, tokens, p, firstToken);
  if (article) {
    // "the Viet Minh", "the Kuomintang": a bare personal name takes no article.
    if (!c.titled && !kindNounAfter) v.person -= 6;
    if (!kindNounAfter && nameUnitsOf(c).length > 1) v.organization += 2;
    p--;
  }
  if (p >= 0 && inOneClause(text, tokens, p, firstToken)) {
    const before = contextAt(text, tokens, p);
    if (before & Context.OrgBefore) v.organization += 25;
    if (before & Context.PlacePreposition) v.place += 8;
    else if (before & Context.WeakPlacePreposition) v.place += 4;
    if (before & Context.OfOrFor && contextAt(text, tokens, p - 1) & (Context.PlaceNounBefore | Context.Struggle)) v.place += 25;
  }
  if (possessive && !article) v.person += 2;
  if (afterFlags & Context.Word) {
    if (afterFlags & Context.PersonVerb) v.person += 8;
    else if (!article && afterFlags & Context.PastTense) v.person += 3; // "Stalin delayed"
    if (afterFlags & Context.ThingAfter) v.other += 20;
    // "the Yalu river", "the Midway battle", "the Wafd party"; a person's name can qualify a regime too.
    if (afterFlags & (Context.PlaceLast | Context.Struggle)) v.place += 20;
    else if (afterFlags & Context.OrgLast && !(afterFlags & Context.PersonalRule)) v.organization += 20;
  }
}

/**
 * The Context bits of token t's key (0 outside the text): a plain ASCII token's (most) from
 * CONTEXT_FLAGS with no string made, another's from its key.
 */
function contextAt(text: string, tokens: Tokens, t: number): number {
  if (t < 0 || t >= tokens.length) return 0;
  const start = tokens.starts[t];
  const end = tokens.ends[t];
  const flags = CONTEXT_FLAGS.valueAt(text, start, end);
  if (flags !== NOT_PLAIN) return wordContext(Math.max(flags, 0), end - start, endsInEd(text, end));
  const key = plainKey(tokenText(text, tokens, t));
  return key ? wordContext(CONTEXT_WORDS.get(key) ?? 0, key.length, key.endsWith('ed')) : 0;
}

/** A word's Context bits: those of the lexicons it is in, Word, and PastTense for a word of over 4 letters ending in "ed". */
const wordContext = (lexicons: number, length: number, edEnding: boolean): number =>
  lexicons | Context.Word | (length > 4 && edEnding ? Context.PastTense : 0);

/** "ed" in either case ends text[..., end). */
function endsInEd(text: string, end: number): boolean {
  return (text.charCodeAt(end - 2) | 32) === 101 && (text.charCodeAt(end - 1) | 32) === 100;
}

/** "'s" or "’s" at i, then no ASCII word character (as /^['’]s\b/). */
function isPossessiveAt(text: string, i: number): boolean {
  const quote = text.charCodeAt(i);
  if ((quote !== 39 && quote !== 0x2019) || text.charCodeAt(i + 1) !== 115) return false;
  const next = text.charCodeAt(i + 2);
  return !((next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95);
}

/** Token p is exactly "the". */
function isTokenThe(text: string, tokens: Tokens, p: number): boolean {
  return tokens.ends[p] - tokens.starts[p] === 3 && text.startsWith('the', tokens.starts[p]);
}

/** No clause or sentence ends between tokens a and b. */
function inOneClause(text: string, tokens: Tokens, a: number, b: number): boolean {
  for (let i = tokens.ends[a]; i < tokens.starts[b]; i++) if (CLAUSE_END.has(text.charCodeAt(i))) return false;
  return true;
}
const CLAUSE_END = new CharCodeSet('.;:!?()\n');

export function addVotes(into: Votes, from: Readonly<Votes>): void {
  into.person += from.person;
  into.place += from.place;
  into.organization += from.organization;
  into.event += from.event;
  into.other += from.other;
}

/** Highest vote wins; ties go to the order below (a bare unknown name is "other"). */
const TYPE_ORDER: readonly EntityType[] = ['place', 'person', 'organization', 'event', 'other'];

export function decideType(v: Votes): EntityType {
  let best: EntityType = 'other';
  let bestScore = 0;
  for (const t of TYPE_ORDER) {
    if (v[t] > bestScore) {
      best = t;
      bestScore = v[t];
    }
  }
  return best;
}
