// Turns tokens into name units: the words a name can be made of, with possessives, glued
// prefixes ("pro-", "non-") and glued suffixes ("-based", "-sponsored") cut off, and
// compounds of names ("Egypt–North", "Libyan–Egyptian") split into parts that remember the dash.
import * as lexicon from './lexicon';
import * as normalizeModule from './normalize';
import * as tokensModule from './tokens';
import { type Tokens } from './tokens';
import { BoundedMemo } from '../workCache';
import { SmallIntSet } from '../codeSets';
// Read once (see lexicon.ts on why).
const { CONNECTORS, NAME_PARTICLES, NON_NAME_PREFIXES, STANDALONE_PARTICLES, POSSESSIVE_NAME_WORDS, TITLE_HEADS, isRomanNumeral, wordListsOf } = lexicon;
const { joinNameWordKeys, nameWordKey, plainKey } = normalizeModule;
const { isUpper, isWordChar } = tokensModule;

export type UnitKind =
  | 'word' // a capitalised word ("Sadat", "el-Sadat", "Yong-nam")
  | 'acronym' // "UN", "U.S.", "RPGs"
  | 'designation' // "R-17", "Scud-B", "MiG-21"
  | 'initial' // "D." in "Franklin D. Roosevelt"
  | 'numeral' // "II" in "World War II"
  | 'ordinal' // "308th" in "308th Division"
  | 'connector' // "of", "for", "the", "de", "bin" between capitalised words
  | 'break'; // anything else: ends a name

export interface Unit {
  start: number;
  end: number;
  text: string;
  kind: UnitKind;
  token: number;
  /** Glued to the previous unit by a hyphen or dash in the same token ("Egypt–North"). */
  dashBefore: boolean;
  /** A name cannot go on past this unit (possessive, or a dropped "-based" suffix). */
  endsName: boolean;
  /** The unit was followed by a possessive 's ("Marye's" in "Marye's Heights"). */
  possessive: boolean;
  /** plainKey(text), computed once: every rule looks words up by it. */
  key: string;
  /** nameWordKey(text): the word's part of a name key. */
  wordKey: string | null;
  /** wordListsOf(key): the lexicon lists its key is in. */
  lists: number;
}

/** Units that carry a name's words (not connectors, initials or numerals). */
export const isNameUnit = (u: Unit): boolean => u.kind === 'word' || u.kind === 'acronym' || u.kind === 'designation';

/** A unit's lexicon key: lower case, no diacritics or final period. */
export const unitKey = (u: Unit): string => u.key;

/** nameKey of the units' words. */
export const nameKeyOfUnits = (units: readonly Unit[]): string =>
  joinNameWordKeys(units.map((u) => u.wordKey), units.map((u) => u.text));

/** Lower-case words glued after a name that describe it rather than belong to it ("Egypt-based"). */
const GLUED_SUFFIX_MAX = 4;
const NOT_NAME_SUFFIXES = new Set(['led', 'era', 'run', 'held', 'born', 'made', 'like', 'wide', 'type', 'class', 'age', 'war', 'day', 'army', 'side', 'bloc', 'camp', 'area']);
/** A function word glued by a dash is a typo for a dash between clauses ("Minh-whom"); "Jae-in" is a name. */
const GLUED_FUNCTION_WORDS = new Set(['whom', 'who', 'which', 'that', 'the', 'and', 'but']);

/**
 * Units of all tokens. Ordinary lower-case words yield no unit: a name cannot span them,
 * and the gap they leave is enough for the run builder to see the break.
 */
export function toUnits(text: string, tokens: Tokens, from = 0, to = tokens.length): Unit[] {
  const units: Unit[] = [];
  for (let t = from; t < to; t++) unitsOfToken(text, tokens.starts[t], tokens.ends[t], t, units);
  return units;
}

/**
 * The units name runs are made of: those of toUnits but the connectors ("of", "the", "for") right
 * after a token with no unit (an ordinary lower-case word). Such a connector cannot join a run
 * (the word before it ends any run) nor start one, and most connectors of a text are such: not
 * making them saves a third of the units.
 */
export function toRunUnits(text: string, tokens: Tokens): Unit[] {
  const units: Unit[] = [];
  let lastWithUnits = -1;
  for (let t = 0; t < tokens.length; t++) {
    const start = tokens.starts[t];
    const end = tokens.ends[t];
    // Most such connectors are a plain "of", "for" or "the": passed by before a unit is made of them.
    if (lastWithUnits !== t - 1 && isPlainConnectorAt(text, start, end)) continue;
    const before = units.length;
    unitsOfToken(text, start, end, t, units);
    if (units.length === before) continue;
    const u = units[before];
    const loneConnector = units.length === before + 1 && u.kind === 'connector' && !STANDALONE_PARTICLES.has(u.key);
    if (loneConnector && lastWithUnits !== t - 1) units.pop();
    else lastWithUnits = t;
  }
  return units;
}

function unit(text: string, start: number, end: number, kind: UnitKind, token: number, dashBefore = false, endsName = false): Unit {
  return makeUnit(start, end, text.slice(start, end), kind, token, dashBefore, endsName, false);
}

/**
 * Makes every unit, with all its fields in one order: units then share one hidden class, which
 * V8 keeps (and its code for it) while any unit is alive. A rarer kind of unit with a class of its
 * own ("the King's", copied with one more field) was forgotten whenever none was alive for a
 * while, and with it the code of every function that reads units (see keepShape.ts).
 */
export function makeUnit(start: number, end: number, text: string, kind: UnitKind, token: number, dashBefore: boolean, endsName: boolean, possessive: boolean): Unit {
  return unitOfWord(start, end, words.of(text), kind, token, dashBefore, endsName, possessive);
}

function unitOfWord(start: number, end: number, word: Word, kind: UnitKind, token: number, dashBefore: boolean, endsName: boolean, possessive: boolean): Unit {
  return { start, end, text: word.text, kind, token, dashBefore, endsName, possessive, key: word.key, wordKey: word.wordKey, lists: word.lists };
}

/**
 * A word's text and keys, made once per word written the same way and shared by its units: a text
 * names the same things again and again, and each unit kept its own copies of them ("British" and
 * "british" 430 times each in the bench's 1 MB, 4 MB of copies in what the indexer keeps).
 */
const words = new BoundedMemo(100_000, (text): Word => {
  const key = plainKey(text);
  return { text, key, wordKey: nameWordKey(text, key), lists: wordListsOf(key) };
});
interface Word {
  text: string;
  key: string;
  wordKey: string | null;
  lists: number;
}

/** No word of a name is longer; longer tokens (hostile or garbled input) are skipped, which bounds the work. */
const MAX_NAME_TOKEN = 64;

function unitsOfToken(text: string, start: number, end: number, index: number, out: Unit[]): void {
  if (end - start > MAX_NAME_TOKEN) return;
  const first = text[start];
  if (!isUpper(first)) {
    // Most tokens: a lower-case word (no unit) unless a connector, an ordinal or a glued prefix. Looked at in place.
    const connector = end - start <= 6 && isConnectorAt(text, start, end);
    if (connector) out.push(unit(text, start, end, 'connector', index));
    else if (isDigit(first) && ORDINAL.test(text.slice(start, end))) out.push(unit(text, start, end, 'ordinal', index));
    else if (end - start > 2 && hasDash(text, start, end) && !isDigit(first)) gluedPrefix(text, { start, end, text: text.slice(start, end) }, index, out);
    return;
  }
  // What follows from the token's text, and from a plural possessive after it (a token never ends in an apostrophe).
  const token = text.slice(start, end);
  const units = capitalisedUnits.of(isApostropheCode(text.charCodeAt(end)) && !isWordChar(text[end + 1]) ? token + "'" : token);
  for (const u of units) out.push(unitOfWord(start + u.start, start + u.end, u, u.kind, index, u.dashBefore, u.endsName, u.possessive));
}

/**
 * The units of a capitalised token (key: its text, with an apostrophe when one follows), at
 * offsets from its start: a text names the same things again and again, and working a token out
 * (lower case, lexicon, compound parts, keys) cost most of toRunUnits' time.
 */
const capitalisedUnits = new BoundedMemo(50_000, (key): readonly Unit[] => {
  const out: Unit[] = [];
  splitCapitalised(key, 0, key.charCodeAt(key.length - 1) === 39 ? key.length - 1 : key.length, 0, out);
  return out;
});

const isApostropheCode = (c: number): boolean => c === 39 || c === 0x2019;

function splitCapitalised(text: string, start: number, end: number, index: number, out: Unit[]): void {
  const token = { start, end, text: text.slice(start, end) };
  const lowerCased = token.text.toLowerCase();
  const lower = lowerCased.includes('\u2019') ? lowerCased.replace(/\u2019/g, "'") : lowerCased; // few have one: no regex run for the others
  if (POSSESSIVE_NAME_WORDS.has(lower) || TITLE_HEADS.has(lower)) {
    // "People's Republic": the possessive stays inside the name; "Commander-in-Chief" is one title.
    out.push(unit(text, token.start, token.end, 'word', index));
    return;
  }
  let possessive = false;
  if (lower.endsWith("'s") && end - token.start > 2) {
    end -= 2;
    possessive = true;
  } else if (lower.endsWith('s') && (text[end] === "'" || text[end] === '\u2019') && !isWordChar(text[end + 1])) {
    possessive = true; // plural possessive: "the Allies' plan"
  }
  splitCompound(text, token.start, end, index, possessive, out);
}

const isConnectorOrParticle = (lower: string): boolean => CONNECTORS.has(lower) || STANDALONE_PARTICLES.has(lower);

/**
 * Whether text[start, end) lower-cased is a connector or particle. Tokens of ASCII letters (most)
 * are looked up by letterCode, with no string made; the others as strings.
 */
function isConnectorAt(text: string, start: number, end: number): boolean {
  const code = letterCode(text, start, end);
  return code > 0 ? CONNECTOR_CODES.has(code) : isConnectorOrParticle(text.slice(start, end).toLowerCase());
}

/** A word of up to 6 ASCII letters as a small integer, the same in any case, distinct for distinct words; 0 if another character is in it. */
function letterCode(text: string, start: number, end: number): number {
  let code = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 32; // a lower-case letter (97 to 122) only if it was an ASCII letter
    if (c < 97 || c > 122) return 0;
    code = code * 27 + c - 96;
  }
  return code;
}

const CONNECTOR_CODES = new SmallIntSet([...CONNECTORS, ...STANDALONE_PARTICLES].map((w) => letterCode(w, 0, w.length)));
/** Connectors that are no particle ("of", "for", "the"), by letterCode. */
const PLAIN_CONNECTOR_CODES = new SmallIntSet([...CONNECTORS].filter((w) => !STANDALONE_PARTICLES.has(w)).map((w) => letterCode(w, 0, w.length)));

/** "of", "for" or "the" not capitalised, in ASCII letters: a token unitsOfToken makes one connector of, no particle. */
function isPlainConnectorAt(text: string, start: number, end: number): boolean {
  return end - start <= 6 && !isUpper(text[start]) && PLAIN_CONNECTOR_CODES.has(letterCode(text, start, end));
}

const isDashCode = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;

/** A hyphen or dash in text[start, end). */
function hasDash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isDashCode(text.charCodeAt(i))) return true;
  return false;
}

/** One token, while its units are made. */
interface TokenView {
  start: number;
  end: number;
  text: string;
}

const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** "pro-DPRK", "non-North": the lower-case prefix is not part of the name; "el-Sisi": a particle is. */
function gluedPrefix(text: string, token: TokenView, index: number, out: Unit[]): void {
  let end = token.end;
  let possessive = false;
  if (endsInPossessive(token.text)) {
    end -= 2;
    possessive = true;
  }
  const parts = dashParts(text, token.start, end);
  let p = 0;
  while (p < parts.length && !isUpper(text[parts[p].start])) p++;
  if (p === parts.length) return;
  const prefix = text.slice(parts[p - 1].start, parts[p - 1].end).toLowerCase();
  if (p === 1 && NAME_PARTICLES.has(prefix)) {
    splitCompound(text, token.start, end, index, possessive, out, true);
    return;
  }
  if (!NON_NAME_PREFIXES.has(prefix) && p > 1) return;
  // The prefix ends any name before it (the gap it leaves shows that); what follows starts afresh.
  splitCompound(text, parts[p].start, end, index, possessive, out);
}

/** Ends in "'s" or "’s" (as /['’]s$/). */
export function endsInPossessive(word: string): boolean {
  const n = word.length;
  return n >= 2 && word.charCodeAt(n - 1) === 115 && isApostropheCode(word.charCodeAt(n - 2));
}

interface Part {
  start: number;
  end: number;
}

function dashParts(text: string, start: number, end: number): Part[] {
  const parts: Part[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (isDashCode(text.charCodeAt(i))) {
      parts.push({ start: s, end: i });
      s = i + 1;
    }
  }
  parts.push({ start: s, end });
  return parts;
}

/**
 * A capitalised token, possibly a compound. Designations ("R-17", "Scud-B") stay whole; a
 * glued short lower-case syllable stays ("Yong-nam", "Kai-shek"); a glued describing word
 * ends the name ("Egypt-based"); capitalised parts become units that remember their dash.
 */
function splitCompound(text: string, start: number, end: number, index: number, possessive: boolean, out: Unit[], particleLead = false): void {
  const word = text.slice(start, end);

  if (word.length === 1) return pushUnit(out, text, start, end, index, isRomanNumeral(word) ? 'numeral' : 'break', false, possessive);
  if (word.length === 2 && word[1] === '.' && isUpper(word[0])) return pushUnit(out, text, start, end, index, 'initial', false, possessive);
  if (isDigit(word[0])) return pushUnit(out, text, start, end, index, 'break', false, false);
  const dashed = hasDash(text, start, end);
  if (dashed && isDesignation(word)) return pushUnit(out, text, start, end, index, 'designation', false, possessive);
  if (isAcronym(word)) return pushUnit(out, text, start, end, index, isRomanNumeral(word) ? 'numeral' : 'acronym', false, possessive);
  if (!dashed && !particleLead) return pushUnit(out, text, start, end, index, 'word', false, possessive); // the common case: one plain word

  const parts = dashParts(text, start, end);
  // "U-boat", "X-ray", "A-bomb": a letter glued to a common noun is a common noun.
  if (parts.length > 1 && parts[0].end - parts[0].start === 1 && !isUpper(text[parts[1].start]) && !particleLead) {
    return pushUnit(out, text, start, end, index, 'break', false, false);
  }
  // Merge a leading particle ("el-", "al-") and glued short syllables into the capitalised part before.
  const merged: Array<Part & { dash: boolean; cut?: boolean }> = [];
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    const partText = text.slice(part.start, part.end);
    if (p === 0 && particleLead) {
      merged.push({ ...part, dash: false });
      continue;
    }
    if (isUpper(partText[0]) || /^\p{N}/u.test(partText)) {
      if (p === 1 && particleLead) merged[0].end = part.end;
      else merged.push({ ...part, dash: p > 0 });
      continue;
    }
    // A lower-case part after a capitalised one.
    const suffix = partText.toLowerCase();
    if (merged.length && partText.length <= GLUED_SUFFIX_MAX && !NOT_NAME_SUFFIXES.has(suffix) && !GLUED_FUNCTION_WORDS.has(suffix)) {
      merged[merged.length - 1].end = part.end; // "Yong-nam", "Kai-shek"
      continue;
    }
    if (merged.length) merged[merged.length - 1].cut = true; // "Egypt-based": stop here
    break;
  }
  for (let m = 0; m < merged.length; m++) {
    const part = merged[m];
    const last = m === merged.length - 1;
    const partText = text.slice(part.start, part.end);
    const kind: UnitKind = /^\p{N}/u.test(partText) ? 'break' : isAcronym(partText) ? 'acronym' : 'word';
    out.push(makeUnit(part.start, part.end, partText, kind, index, part.dash, (last && possessive) || !!part.cut, last && possessive));
    if (part.cut) return;
  }
}

/** Adds a unit of one of splitCompound's whole-word kinds; a break adds nothing. */
function pushUnit(out: Unit[], text: string, start: number, end: number, index: number, kind: UnitKind, dashBefore: boolean, endsName: boolean): void {
  if (kind !== 'break') out.push(unit(text, start, end, kind, index, dashBefore, endsName));
}

/** All capitals (2+ letters), dotted ("U.S."), or with a plural s ("RPGs"). */
export function isAcronym(word: string): boolean {
  if (word.length > 12 || !isUpper(word[1]) && word[1] !== '.') return false; // cheap rejection of ordinary words
  if (/^(?:\p{Lu}\.){2,}$/u.test(word)) return true;
  return /^\p{Lu}{2,}s?$/u.test(word) && word.length <= 7;
}

/** Model and type designations: "R-17", "MiG-21", "T-34", "Scud-B", "AK-47". */
export function isDesignation(word: string): boolean {
  return /^\p{Lu}[\p{L}]{0,4}-\p{N}+\p{L}?$/u.test(word) || /^\p{Lu}\p{Ll}+-\p{Lu}$/u.test(word);
}
