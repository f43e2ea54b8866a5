// Candidate name spans: runs of capitalised units, then cut where a run holds more than one
// name or things that are not names (function words, months, titles, "of" between two names).
import * as gazetteerModule from './gazetteer';
import type { KnownName } from './gazetteer';
import { personShapedUnits } from './personNames';
import * as lexicon from './lexicon';
import { WordList } from './lexicon';
import type { Positions } from './positions';
import type { Tokens } from './tokens';
import { endsInPossessive, isNameUnit, makeUnit, unitKey, type Unit } from './units';
import { CandidateMemo } from './memo';
import * as normalizeModule from './normalize';
// Read once (see lexicon.ts on why).
const { CONNECTORS, GIVEN_NAMES, POLITICAL_ADJECTIVES, POSSESSIVE_PLACE_HEADS, STANDALONE_PARTICLES, TITLE_ABBREVIATIONS, MULTIWORD_TITLES, PLACE_EVENT_HEADS, TITLE_MODIFIERS, isRomanNumeral } = lexicon;
const { combiningFormOf, lookupKnown, lookupKnownUnit, MAX_KNOWN_WORDS } = gazetteerModule;
const { plainKey } = normalizeModule;

export interface Candidate {
  start: number;
  end: number;
  text: string;
  /** The units the name is made of (connectors and particles included). */
  units: Unit[];
  /** A title stood right before it ("President Sadat"): a person. */
  titled: boolean;
  /** The name says it is a place ("Vinh Yen" in "Battle of Vinh Yen"). */
  placeHint: boolean;
  /** Opens a sentence or line: its capitalisation proves nothing. */
  sentenceInitial: boolean;
  /** Lies in a heading: its capitalisation proves nothing. */
  inHeading: boolean;
  /** Lies inside a longer candidate ("UN" in "UN General Assembly"). */
  nested: boolean;
  /** A gazetteer name it stands for though it is not one ("Sino" in "Sino-Soviet"). */
  knownAs?: string;
  /** plainKey(text), computed once. */
  key: string;
  /** What the later passes ask of it, computed on first use (features.ts). Never changes the candidate. */
  memo: CandidateMemo;
}

type Piece = { units: Unit[]; titled: boolean; place?: boolean };

const lower = unitKey;
const TITLE_SEQUENCES = MULTIWORD_TITLES.map((t) => t.split(' ')).sort((a, b) => b.length - a.length);
/** No name is longer; longer runs (title-cased citations, hostile input) are cut, which also bounds the work per run. */
const MAX_RUN_UNITS = 16;
const FILE_EXTENSION = /^\.(?:png|jpe?g|svg|gif|tiff?|webp)\b/i;

export function findCandidates(text: string, tokens: Tokens, units: readonly Unit[], positions: Positions): Candidate[] {
  const candidates: Candidate[] = [];
  const add = (piece: Piece | undefined, nested: boolean) => {
    const c = piece && toCandidate(text, tokens, piece, positions, nested);
    if (c) candidates.push(c);
  };
  for (const run of buildRuns(text, units)) {
    knownCount = 0; // known() of the last run's spans is forgotten
    for (const piece of splitRun(text, run, positions)) {
      if (notAName(piece.units)) continue;
      add(piece, false);
      add(nestedKnownPrefix(text, piece), true);
      add(nestedPlace(text, piece), true);
    }
  }
  return candidates;
}

/** Maximal sequences of name units separated by single spaces or glued by dashes. */
function buildRuns(text: string, units: readonly Unit[]): Unit[][] {
  const runs: Unit[][] = [];
  // One array gathers every run; each kept run is a copy (an array grown by push keeps room for
  // some 16 more units, a copy has none, and most runs are a candidate's units, kept as long as it).
  const current: Unit[] = [];
  const flush = () => {
    const trimmed = trim(current);
    if (trimmed.length) runs.push(trimmed === current ? current.slice() : trimmed);
    current.length = 0;
  };
  for (const u of units) {
    if (u.kind === 'break') {
      flush();
      continue;
    }
    if (current.length) {
      const prev = current[current.length - 1];
      const glued = u.dashBefore && u.token === prev.token;
      const spaced = u.token !== prev.token && isSpaceGap(text, prev.end, u.start);
      const tooManyConnectors = u.kind === 'connector' && current.length >= 2 && current[current.length - 2].kind === 'connector' && prev.kind === 'connector';
      // "Marye's Heights": a possessive ends a name unless a place word follows.
      const placeAfterPossessive = prev.possessive && spaced && u.kind === 'word' && POSSESSIVE_PLACE_HEADS.has(lower(u));
      const tooLong = current.length >= MAX_RUN_UNITS;
      // "Xerxes I. Xerxes…": a numeral with a period after a name ends the sentence, not an initial.
      const numeralStop = prev.kind === 'initial' && /^[IVX]\.$/.test(prev.text) && current.length > 1 && current[current.length - 2].kind === 'word';
      if ((prev.endsName && !placeAfterPossessive) || !(glued || spaced) || tooManyConnectors || tooLong || numeralStop) flush();
    }
    const particle = u.kind === 'connector' && STANDALONE_PARTICLES.has(lower(u));
    if (!current.length && ((u.kind === 'connector' && !particle) || u.kind === 'numeral')) continue;
    current.push(u);
  }
  flush();
  return runs;
}

/** One or two spaces (plain or no-break) between two words, as /^[ \u00a0]{1,2}$/. */
function isSpaceGap(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}

/** Drops connectors at either end; a final initial "I." becomes the numeral "I" without its period. */
function trim(units: Unit[]): Unit[] {
  let s = 0;
  let e = units.length;
  while (e > s && (units[e - 1].kind === 'connector' || units[e - 1].kind === 'ordinal')) e--;
  // "308th Division": an ordinal opens a name only before a unit word.
  while (
    s < e &&
    ((units[s].kind === 'connector' && !leadingParticle(units, s)) || units[s].kind === 'numeral' || (units[s].kind === 'ordinal' && !(units[e - 1].lists & WordList.OrgLast)))
  ) {
    s++;
  }
  const last = e > s ? units[e - 1] : undefined;
  const possessiveLast = !!last && last.kind === 'word' && endsInPossessive(last.text);
  // Nothing to cut or change (most runs and pieces): the same array, no copy.
  if (s === 0 && e === units.length && !possessiveLast && last?.kind !== 'initial') return units.some(isNameUnit) ? units : [];
  const out = units.slice(s, e);
  // "the King's": a name-internal possessive word that ends the name is a plain possessive.
  if (last && possessiveLast) {
    out[out.length - 1] = makeUnit(last.start, last.end - 2, last.text.slice(0, -2), last.kind, last.token, last.dashBefore, last.endsName, true);
  }
  if (last && last.kind === 'initial') {
    if (out.length > 1 && isRomanNumeral(last.text.slice(0, -1))) {
      out[out.length - 1] = makeUnit(last.start, last.end - 1, last.text.slice(0, -1), 'numeral', last.token, last.dashBefore, last.endsName, last.possessive);
    } else out.pop();
  }
  return out.some(isNameUnit) ? out : [];
}

/** "by de Lattre": a leading name particle stays when a name word follows. */
function leadingParticle(units: readonly Unit[], i: number): boolean {
  return units[i].kind === 'connector' && STANDALONE_PARTICLES.has(lower(units[i])) && lower(units[i]) !== 'y' && units[i + 1]?.kind === 'word';
}

/** The span of units; a possessive inside it is part of the name ("Marye's Heights"). */
function spanText(text: string, units: readonly Unit[]): string {
  return text.slice(units[0].start, units[units.length - 1].end);
}

/**
 * known() of the spans of the current run, by start and length (a run's spans are shorter than
 * 4096): the splitting rules ask about the same spans again and again. Forgotten for each run.
 * A run has few spans (MAX_RUN_UNITS bounds them): they are searched in turn, and forgetting
 * them makes nothing (a Map's clear() makes a new table, for every run).
 */
const knownIds: number[] = [];
const knownEntries: Array<KnownName | null> = [];
let knownCount = 0;

function known(text: string, units: readonly Unit[]): KnownName | undefined {
  if (!units.length) return undefined;
  const start = units[0].start;
  const id = start * 4096 + (units[units.length - 1].end - start);
  let i = 0;
  while (i < knownCount && knownIds[i] !== id) i++;
  if (i === knownCount) {
    knownIds[i] = id;
    knownEntries[i] = knownSpan(text, units) ?? null;
    knownCount++;
  }
  return knownEntries[i] ?? undefined;
}

/** The gazetteer entry of a span of units; a lone combining form before a dash ("Sino-") stands for its country. */
function knownSpan(text: string, units: readonly Unit[]): KnownName | undefined {
  const surface = spanText(text, units);
  const entry = units.length === 1 ? lookupKnownUnit(units[0]) : lookupKnown(surface);
  if (entry || units.length !== 1 || !/^[-\u2010\u2011\u2013]/.test(text.slice(units[0].end, units[0].end + 1))) return entry;
  const country = combiningFormOf(surface); // "Sino-", "Franco-": only before a dash
  return country ? lookupKnown(country) : undefined;
}

/** The last word that is not a numeral ("War" in "World War II"). */
export function lastWord(units: readonly Unit[]): Unit {
  for (let i = units.length - 1; i > 0; i--) if (units[i].kind !== 'numeral') return units[i];
  return units[0];
}

export function hasKindCue(units: readonly Unit[]): boolean {
  return hasKindCueIn(units[0], lastWord(units));
}

/** hasKindCue of one word alone. */
const isKindWord = (u: Unit): boolean => hasKindCueIn(u, u);

const KIND_FIRST_WORD = WordList.EventFirst | WordList.OrgFirst | WordList.PlaceFirst;
const KIND_LAST_WORD = WordList.EventLast | WordList.OrgLast | WordList.PlaceLast | WordList.OtherLast;

function hasKindCueIn(first: Unit, last: Unit): boolean {
  return (last.lists & KIND_LAST_WORD) !== 0 || (first.lists & KIND_FIRST_WORD) !== 0;
}

function splitRun(text: string, run: Unit[], positions: Positions): Piece[] {
  const out: Piece[] = [];
  for (const rawPart of splitAtNonNames(run, positions)) {
    const part = trim(rawPart);
    if (!part.length) continue;
    if (known(text, part)) {
      out.push({ units: part, titled: false });
      continue;
    }
    for (const titled of splitAtTitles(text, { units: part, titled: false })) {
      for (const joined of splitAtConnectors(text, titled)) {
        for (const piece of splitAtDashes(text, joined)) {
          const units = trim(piece.units);
          if (!units.length) continue;
          const end = units[units.length - 1].end;
          if (text[end] === '.' && FILE_EXTENSION.test(text.slice(end, end + 6))) {
            out.push(...knownSegments(text, units));
          } else out.push({ units, titled: piece.titled });
        }
      }
    }
  }
  return out;
}

/**
 * Function words, months and weekdays do not open a name ("During", "In", "June"); true function
 * words end one too. A capitalised word after a name word stays ("Jubal Early", "Long March").
 */
function splitAtNonNames(run: Unit[], positions: Positions): Unit[][] {
  const last = lastWord(run).lists;
  const eventName = run.length > 1 && (last & WordList.EventLast) !== 0 && !(last & WordList.Calendar); // "October Revolution"
  // The parts are the stretches between the units that are no name: run[from, i) before unit i.
  const parts: Unit[][] = [];
  let from = 0;
  for (let i = 0; i < run.length; i++) {
    const u = run[i];
    const lists = u.lists;
    const opening = i === from;
    // Mid-sentence, a capitalised "My" or "Still" is part of a name ("the My Lai Massacre").
    const weak = positions.sentenceInitial[u.token] === 1 || positions.inHeading[u.token] === 1;
    const notName =
      (u.kind === 'acronym' && (lists & WordList.NotEntity) !== 0) || // "480 BC"
      (u.kind === 'word' &&
      ((lists & WordList.CoreFunction) !== 0 ||
        (opening && (((lists & WordList.Function) !== 0 && weak) || ((lists & WordList.Calendar) !== 0 && !eventName)))));
    if (!notName) continue;
    if (i > from) parts.push(run.slice(from, i));
    from = i + 1;
  }
  if (from === 0) return [run]; // nothing cut (most runs): no copy
  if (from < run.length) parts.push(run.slice(from));
  return parts;
}

/** "Egyptian Defense Minister Sedki Sobhi" → "Egyptian" and (titled) "Sedki Sobhi". */
function splitAtTitles(text: string, piece: Piece): Piece[] {
  const units = piece.units;
  if (units.length < 1) return [piece];
  // "General Assembly", "Prince Edward Island": a kind word at the end makes the title word part of the name,
  // unless a title opens the name and a person's name follows ("Gen. James Van Fleet").
  const lastKind = isKindWord(units[units.length - 1]);
  const opensWithTitle = isTitleWord(units[0]) || matchMultiwordTitle(units, 0) > 0;
  if (lastKind && !(opensWithTitle && personShapedUnits(units.slice(matchMultiwordTitle(units, 0) || titleWordsFrom(units, 0))))) return [piece];
  for (let i = 0; i < units.length; i++) {
    let end = matchMultiwordTitle(units, i);
    if (!end && isTitleWord(units[i])) {
      end = i + 1;
      while (end < units.length && isTitleWord(units[end])) end++;
    }
    if (!end) continue;
    // "Ministry of Justice": a title word after "of" that ends the name is no title.
    if (end === units.length && i > 0 && units[i - 1].kind === 'connector') continue;
    // "John Pope", "Martin Luther King": a title word ending a name that opens with a given name is a surname.
    if (end === units.length && i > 0 && GIVEN_NAMES.has(lower(units[0]))) continue;
    let start = i;
    while (start > 0 && units[start - 1].kind === 'word' && TITLE_MODIFIERS.has(lower(units[start - 1]))) start--;
    const left = units.slice(0, start);
    const right = units.slice(end);
    const domain = right.length > 0 && right[0].kind === 'connector'; // "Shah of Iran": Iran is no person
    const out: Piece[] = [];
    if (left.length) out.push(...splitAtTitles(text, { units: left, titled: piece.titled }));
    if (right.length) out.push(...splitAtTitles(text, { units: trim(right), titled: !domain }));
    return out.filter((p) => p.units.length);
  }
  // "Communist Ho Chi Minh", "Egyptian Anwar Sadat": a nationality before a person's name is no part of it.
  for (let k = Math.min(units.length - 2, MAX_KNOWN_WORDS); k >= 2; k--) {
    const country = known(text, units.slice(0, k));
    if (country?.strong && personShapedUnits(units.slice(k))) {
      return [{ units: units.slice(0, k), titled: piece.titled }, ...splitAtTitles(text, { units: units.slice(k), titled: piece.titled })];
    }
  }
  const firstKnown = lookupKnownUnit(units[0]);
  const nationality = firstKnown && (firstKnown.demonym || firstKnown.strong); // "United States Woodrow Wilson" below
  if (units.length > 2 && (nationality || POLITICAL_ADJECTIVES.has(lower(units[0]))) && personShapedUnits(units.slice(1))) {
    // A nationality is a mention of its country; a creed or party adjective ("Jesuit", "Communist") is no entity.
    const head = nationality ? [{ units: units.slice(0, 1), titled: piece.titled }] : [];
    return [...head, ...splitAtTitles(text, { units: units.slice(1), titled: piece.titled })];
  }
  return [piece];
}

function titleWordsFrom(units: readonly Unit[], i: number): number {
  let end = i;
  while (end < units.length && isTitleWord(units[end])) end++;
  return end;
}

function isTitleWord(u: Unit): boolean {
  if ((u.kind !== 'word' && u.kind !== 'initial') || u.dashBefore) return false; // "Estates-General"
  return (u.lists & WordList.TitleHead) !== 0 || (u.text.endsWith('.') && TITLE_ABBREVIATIONS.has(lower(u)));
}

const TITLE_FIRST_WORDS = new Set(TITLE_SEQUENCES.map((t) => t[0]));

function matchMultiwordTitle(units: readonly Unit[], i: number): number {
  if (!TITLE_FIRST_WORDS.has(lower(units[i]))) return 0;
  for (const seq of TITLE_SEQUENCES) {
    if (i + seq.length > units.length) continue;
    let ok = true;
    for (let k = 0; k < seq.length && ok; k++) ok = lower(units[i + k]) === seq[k];
    if (ok) return i + seq.length;
  }
  return 0;
}

const JOINS_BEFORE_CONNECTOR = WordList.OrgFirst | WordList.EventFirst | WordList.PlaceFirst | WordList.OrgLast | WordList.PlaceLast | WordList.EventLast;

/**
 * "of"/"for"/"the" join two capitalised parts only after a word that names a kind of thing
 * ("Battle of Britain", "Republic of Korea", "Organization for Industrialization").
 */
function splitAtConnectors(text: string, piece: Piece): Piece[] {
  const units = piece.units;
  if (known(text, units)) return [piece];
  for (let i = 1; i < units.length; i++) {
    if (units[i].kind !== 'connector' || !CONNECTORS.has(lower(units[i]))) continue;
    const before = units[i - 1];
    if (before.kind === 'connector') continue; // "of the": decided at "of"
    const bare = lower(units[i]) === 'the'; // "Korean War the UN Command": a bare "the" never joins
    const joins = !bare && (before.lists & JOINS_BEFORE_CONNECTOR) !== 0;
    if (joins) continue;
    let j = i;
    while (j < units.length && units[j].kind === 'connector' && CONNECTORS.has(lower(units[j]))) j++;
    const left = { units: units.slice(0, i), titled: piece.titled };
    const right = { units: units.slice(j), titled: false };
    return [left, ...splitAtConnectors(text, right)].filter((p) => p.units.length);
  }
  return [piece];
}

/** "Egypt–North Korea" → "Egypt", "North Korea"; "Libyan–Egyptian War" and "Jean-Paul Sartre" stay whole. */
function splitAtDashes(text: string, piece: Piece): Piece[] {
  const units = piece.units;
  if (!units.some((u) => u.dashBefore)) return [piece];
  const lastIsName = known(text, units.slice(-1)); // "Egyptian-Soviet": "Soviet" is no kind word here
  if ((hasKindCue(units) && !lastIsName) || known(text, units)) return [piece];
  for (let d = 1; d < units.length; d++) {
    if (!units[d].dashBefore) continue;
    const left = units.slice(0, d);
    const right = units.slice(d);
    if (known(text, left) || known(text, right) || known(text, right.slice(0, 1))) {
      const r = right[0];
      const rightPiece = { units: [makeUnit(r.start, r.end, r.text, r.kind, r.token, false, r.endsName, r.possessive), ...right.slice(1)], titled: false };
      return [{ units: left, titled: piece.titled }, ...splitAtDashes(text, rightPiece)];
    }
  }
  return [piece];
}

/** A file name ("Egypt North Korea Locator.png") names things only through the places in it. */
function knownSegments(text: string, units: readonly Unit[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < units.length) {
    let best = 0;
    for (let j = Math.min(units.length, i + MAX_KNOWN_WORDS); j > i; j--) {
      if (known(text, units.slice(i, j))) {
        best = j;
        break;
      }
    }
    if (best) {
      out.push({ units: units.slice(i, best), titled: false });
      i = best;
    } else i++;
  }
  return out;
}

const NO_NAME_ALONE = WordList.Direction | WordList.Number | WordList.Function | WordList.NotEntity;

/** A lone direction ("the West") or an ideology ("Communism") is not an entity of ours. */
function notAName(units: readonly Unit[]): boolean {
  if (units.length !== 1 || units[0].kind !== 'word') return false;
  const l = lower(units[0]);
  // A lone function word is never a name, wherever it stands ('said, "There…').
  return (units[0].lists & NO_NAME_ALONE) !== 0 || (l.length > 5 && l.endsWith('ism')) || /'(?:ve|ll|re|m|d)$/.test(l);
}

/** "UN General Assembly", "US Army", "Suez Canal Authority": the leading place or known name is a mention too. */
function nestedKnownPrefix(text: string, piece: Piece): Piece | undefined {
  const units = piece.units;
  if (units.length < 2 || !(units[units.length - 1].lists & WordList.OrgLast)) return undefined;
  for (let k = units.length - 1; k >= 1; k--) {
    const entry = k <= MAX_KNOWN_WORDS ? known(text, units.slice(0, k)) : undefined;
    if (entry && !entry.demonym) return { units: units.slice(0, k), titled: false };
    // "Suez Canal Authority": a place name with its kind word ("Suez Canal") inside.
    if (k >= 2 && (units[k - 1].lists & WordList.PlaceLast) !== 0 && units[k - 1].kind === 'word') {
      return { units: units.slice(0, k), titled: false, place: true };
    }
  }
  return undefined;
}

/**
 * "Battle of Vinh Yen", "Siege of Leningrad": what follows "of" is a place, mentioned there too;
 * "Embassy of Egypt", "Bank of England": so is a known place after "of" in any name.
 */
function nestedPlace(text: string, piece: Piece): Piece | undefined {
  const units = piece.units;
  const of = units.findIndex((u) => u.kind === 'connector' && lower(u) === 'of');
  if (of < 1 || known(text, units)) return undefined;
  let s = of + 1;
  while (s < units.length && units[s].kind === 'connector') s++;
  const rest = units.slice(s);
  if (!rest.some(isNameUnit)) return undefined;
  if (of === 1 && PLACE_EVENT_HEADS.has(lower(units[0]))) return { units: rest, titled: false, place: true };
  const entry = known(text, rest);
  return entry && entry.type === 'place' && !entry.demonym ? { units: rest, titled: false } : undefined;
}

function toCandidate(text: string, tokens: Tokens, piece: Piece, positions: Positions, nested: boolean): Candidate | null {
  const units = piece.units;
  if (!units.length) return null;
  const first = units[0];
  const one = units.length === 1;
  return makeCandidate({
    start: first.start,
    end: units[units.length - 1].end,
    // One unit: its own text and key serve, not copies of them (kept as long as the candidate).
    text: one ? first.text : spanText(text, units),
    units,
    titled: piece.titled,
    placeHint: piece.place ?? false,
    knownAs: units.length === 1 && !lookupKnownUnit(units[0]) ? known(text, units)?.canonical : undefined,
    sentenceInitial: positions.sentenceInitial[first.token] === 1 && first.start === tokens.starts[first.token],
    inHeading: positions.inHeading[first.token] === 1,
    nested,
  }, one ? first.key : undefined);
}

/**
 * Makes every candidate (with its key and a memo of its own), with all its fields in one order:
 * candidates then share one hidden class, as units do (see makeUnit).
 */
export function makeCandidate(fields: Omit<Candidate, 'key' | 'memo'>, key = plainKey(fields.text)): Candidate {
  const { start, end, text, units, titled, placeHint, knownAs, sentenceInitial, inHeading, nested } = fields;
  return { start, end, text, key, memo: new CandidateMemo(), units, titled, placeHint, knownAs, sentenceInitial, inHeading, nested };
}
