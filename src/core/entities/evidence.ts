// A capitalised word at the start of a sentence or in a heading is a name only if the
// document (or the gazetteer) says so elsewhere: "Relations have remained…" is not one,
// "Orascom also became…" is, because "company Orascom" appears mid-sentence.
//
// The evidence is the whole document's, gathered per segment (summarizeEvidence, cached with the
// segment) and read across all segments when candidates are kept or dropped (keepEvidenced).
import { hasKindCue, makeCandidate, type Candidate } from './candidates';
import * as memoModule from './memo';
import * as gazetteerModule from './gazetteer';
import * as lexicon from './lexicon';
import * as normalizeModule from './normalize';
import { isNameUnit, type Unit } from './units';
import { type Tokens } from './tokens';
import type { WorkCache } from '../workCache';
import { keepShapeOf } from '../keepShape';
import { countLowerCaseWords, KeyIndex, type LowerCaseWords } from './lowerWords';
import * as hashModule from '../hash';
// Read once (see lexicon.ts on why).
const { EVENT_LAST_WORDS, GIVEN_NAMES, ORG_LAST_WORDS, PLACE_LAST_WORDS, STANDALONE_PARTICLES } = lexicon;
const { lookupKnown, lookupKnownUnit } = gazetteerModule;
const { surfaceKnownOf } = memoModule;
const { plainKey } = normalizeModule;
const { fnv1a } = hashModule;

/** What one segment tells about the words of the document. */
export interface EvidenceSummary {
  /** Its lower-case words. */
  lowerWords: LowerCaseWords;
  /** The keys its candidates' words may ask about (name units' keys; not connectors such as "of"): the lower-case words the document counts. */
  askable: string[];
  /** Candidates that are one capitalised word, by key. */
  capitalCounts: Map<string, number>;
  /** Keys of names seen mid-sentence outside headings. */
  strongKeys: Set<string>;
  /** Name words of names seen outside headings (multi-word names wherever they stand). */
  strongWords: Set<string>;
  /** First words of multi-word names opening a sentence: evidence unless the document writes them in lower case too. */
  openingWords: Array<{ key: string; wordKey: string }>;
}

export function summarizeEvidence(text: string, tokens: Tokens, candidates: readonly Candidate[]): EvidenceSummary {
  const lowerWords = countLowerCaseWords(text, tokens);
  const askable = new Set<string>();
  const capitalCounts = new Map<string, number>();
  const strongKeys = new Set<string>();
  const strongWords = new Set<string>();
  const openingWords: EvidenceSummary['openingWords'] = [];
  for (const c of candidates) {
    // A one-unit candidate's key is its unit's: evidence asks of no other key than these.
    for (const u of c.units) if (isNameUnit(u)) askable.add(u.key);
    if (c.units.length === 1 && c.units[0].kind === 'word') capitalCounts.set(c.key, (capitalCounts.get(c.key) ?? 0) + 1);
    if (c.inHeading || c.nested) continue;
    // Words of a multi-word name are evidence wherever it stands ("Kim Il Sung …; Kim was pleased").
    const multiWord = countNameUnits(c.units) > 1;
    if (c.sentenceInitial && !multiWord) continue;
    if (!c.sentenceInitial) strongKeys.add(c.key);
    // An ordinary-looking first word of a sentence proves nothing about itself ("Abandoning Hispania");
    // whether the document writes it in lower case is known only once all segments are read.
    const first = c.units[0];
    const firstWordKey = isNameUnit(first) ? first.wordKey : null;
    if (firstWordKey) {
      if (!c.sentenceInitial) strongWords.add(firstWordKey);
      else if (!looksLikeVerbOrAdverb(first.key)) openingWords.push({ key: first.key, wordKey: firstWordKey });
    }
    for (let i = 1; i < c.units.length; i++) {
      const u = c.units[i];
      if (isNameUnit(u) && u.wordKey) strongWords.add(u.wordKey);
    }
  }
  return { lowerWords, askable: [...askable], capitalCounts, strongKeys, strongWords, openingWords };
}


function countNameUnits(units: readonly Unit[]): number {
  let n = 0;
  for (const u of units) if (isNameUnit(u)) n++;
  return n;
}

/**
 * The evidence of all segments, read as one document's: the segments' counts summed. Kept from one
 * build to the next in incremental use and updated by the segments that came and went, so that
 * an edit costs the size of the segments it changed (sums do not depend on order: the result is
 * the same as summing afresh).
 */
export class DocumentEvidence {
  /**
   * When set, every key asked about is added here: what keeping a segment's candidates depends on
   * (an edit that changes none of those answers cannot change what it keeps: see
   * entities/afterEdit.ts).
   */
  asked: EvidenceQueries | undefined;
  /** The keys the segments' candidates may ask about (see EvidenceSummary.askable). */
  private readonly askable = new KeyIndex();
  /** How often the document writes each askable key in lower case: no other word is asked about. */
  private readonly lower = new Map<string, number>();
  private readonly capital = new Map<string, number>();
  private readonly strongKeyCounts = new Map<string, number>();
  private readonly strongWordCounts = new Map<string, number>();
  /** Opening name word → first-word keys that make it evidence if never written in lower case. */
  private readonly openings = new Map<string, Map<string, number>>();
  /** The summaries counted in, with how many times each is (a segment text may repeat). */
  private parts = new Map<EvidenceSummary, number>();

  /** The evidence of `summaries`, updated from the cached one of the last build when there is one. */
  static of(summaries: readonly EvidenceSummary[], cache: WorkCache<unknown> | undefined): DocumentEvidence {
    const cached = cache?.get(DOCUMENT_KEY);
    const evidence = cached instanceof DocumentEvidence ? cached : new DocumentEvidence();
    evidence.update(summaries);
    cache?.set(DOCUMENT_KEY, evidence);
    return evidence;
  }

  private update(summaries: readonly EvidenceSummary[]): void {
    const wanted = new Map<EvidenceSummary, number>();
    for (const s of summaries) wanted.set(s, (wanted.get(s) ?? 0) + 1);
    // Each summary that came or went, with how many more times it is counted (fewer if negative).
    const changes: Array<[EvidenceSummary, number]> = [];
    for (const [s, n] of this.parts) {
      const diff = (wanted.get(s) ?? 0) - n;
      if (diff < 0) changes.push([s, diff]);
    }
    for (const [s, n] of wanted) {
      const diff = n - (this.parts.get(s) ?? 0);
      if (diff > 0) changes.push([s, diff]);
    }
    this.parts = wanted;
    for (const [s, times] of changes) this.add(s, times);
    this.countLowerCase(changes);
  }

  /**
   * Brings the lower-case counts up to date with the askable keys. With many new keys, all are
   * counted again; else a key no longer askable is dropped, one that became askable is counted
   * over all segments, and the others change by the segments that came and went.
   */
  private countLowerCase(changes: ReadonlyArray<[EvidenceSummary, number]>): void {
    const wasAskable = new Map<string, boolean>();
    for (const [s, times] of changes) {
      for (const k of s.askable) {
        if (!wasAskable.has(k)) wasAskable.set(k, this.askable.has(k));
        this.askable.add(k, times);
      }
    }
    const entered = new Set<string>();
    const left: string[] = [];
    for (const [k, was] of wasAskable) {
      if (was && !this.askable.has(k)) left.push(k);
      else if (!was && this.askable.has(k)) entered.add(k);
    }
    if (entered.size) {
      // Many new keys (a first build): all keys counted again, each segment's words read once.
      let words = 0;
      for (const s of this.parts.keys()) words += s.lowerWords.size;
      if (entered.size * this.parts.size >= words) {
        this.lower.clear();
        for (const [s, n] of this.parts) s.lowerWords.forEachIn(this.askable, (k, count) => bump(this.lower, k, count * n));
        return;
      }
    }
    // A few new keys or none (an edit).
    for (const k of left) this.lower.delete(k);
    for (const [s, times] of changes) {
      s.lowerWords.forEachIn(this.askable, (k, n) => {
        if (!entered.has(k)) bump(this.lower, k, n * times);
      });
    }
    for (const k of entered) {
      const hash = fnv1a(k, 0, k.length);
      let count = 0;
      for (const [s, n] of this.parts) count += n * s.lowerWords.countOf(k, hash);
      if (count) this.lower.set(k, count);
    }
  }

  private add(s: EvidenceSummary, times: number): void {
    for (const [k, n] of s.capitalCounts) bump(this.capital, k, n * times);
    for (const k of s.strongKeys) bump(this.strongKeyCounts, k, times);
    for (const k of s.strongWords) bump(this.strongWordCounts, k, times);
    for (const { key, wordKey } of s.openingWords) {
      let keys = this.openings.get(wordKey);
      if (!keys) this.openings.set(wordKey, (keys = new Map()));
      bump(keys, key, times);
      if (!keys.size) this.openings.delete(wordKey);
    }
  }

  /** Whether the document writes the word in lower case more often than alone as a candidate (key: an askable one, as below). */
  mostlyLowerCase(key: string): boolean {
    this.asked?.mostlyLower.add(key);
    return (this.lower.get(key) ?? 0) > (this.capital.get(key) ?? 0);
  }

  /** Whether the document writes the word in lower case; key: a key of a name unit of a candidate (askable), as no other is counted. */
  hasLowerCase(key: string): boolean {
    this.asked?.lower.add(key);
    return this.lower.has(key);
  }

  /** Seen as a name mid-sentence outside headings. */
  isStrongKey(key: string): boolean {
    this.asked?.strongKeys.add(key);
    return this.strongKeyCounts.has(key);
  }

  /** A word of a name seen outside headings. */
  isStrongWord(wordKey: string): boolean {
    this.asked?.strongWords.add(wordKey);
    if (this.strongWordCounts.has(wordKey)) return true;
    const keys = this.openings.get(wordKey);
    if (keys) for (const k of keys.keys()) if (!this.hasLowerCase(k)) return true;
    return false;
  }

  /**
   * The questions whose answers counting the summaries `came` in place of those that `went` (as
   * update has just done) changed: a presence that came or went, which of a word's two counts is
   * the larger, the opening words listed for a name word. Every other answer is as it was.
   */
  changedQueries(went: readonly EvidenceSummary[], came: readonly EvidenceSummary[]): EvidenceQueries {
    const changed = noQueries();
    if (!went.length && !came.length) return changed;
    // Which words' lower-case and one-word candidate counts changed, and by how much.
    const lowerBy = new Map<string, number>();
    const capitalBy = new Map<string, number>();
    // Only askable keys are counted, and only they can be asked about.
    for (const s of went) s.lowerWords.forEachIn(this.askable, (k, n) => bump(lowerBy, k, -n));
    for (const s of came) s.lowerWords.forEachIn(this.askable, (k, n) => bump(lowerBy, k, n));
    for (const [k, by] of lowerBy) if (cameOrWent(this.lower, k, by)) changed.lower.add(k);
    forEachChange(went, came, (s) => s.capitalCounts, (k, by) => capitalBy.set(k, by));
    for (const k of new Set([...lowerBy.keys(), ...capitalBy.keys()])) {
      const lower = this.lower.get(k) ?? 0;
      const capital = this.capital.get(k) ?? 0;
      if (lower > capital !== lower - (lowerBy.get(k) ?? 0) > capital - (capitalBy.get(k) ?? 0)) changed.mostlyLower.add(k);
    }
    forEachChange(went, came, (s) => asCounts(s.strongKeys), (k, by) => {
      if (cameOrWent(this.strongKeyCounts, k, by)) changed.strongKeys.add(k);
    });
    forEachChange(went, came, (s) => asCounts(s.strongWords), (k, by) => {
      if (cameOrWent(this.strongWordCounts, k, by)) changed.strongWords.add(k);
    });
    // A name word's opening words (isStrongWord): any change to its list.
    const openings = (s: EvidenceSummary) => {
      const counts = new Map<string, number>();
      for (const o of s.openingWords) bump(counts, o.wordKey + '\u0000' + o.key, 1);
      return counts;
    };
    forEachChange(went, came, openings, (k) => changed.strongWords.add(k.slice(0, k.indexOf('\u0000'))));
    return changed;
  }
}

/** Whether any of the questions `asked` is among those `changed` (see DocumentEvidence.changedQueries). */
export function asksAny(asked: EvidenceQueries, changed: EvidenceQueries): boolean {
  const any = (a: Set<string>, c: Set<string>) => {
    for (const k of c) if (a.has(k)) return true;
    return false;
  };
  return any(asked.lower, changed.lower) || any(asked.mostlyLower, changed.mostlyLower) || any(asked.strongKeys, changed.strongKeys) || any(asked.strongWords, changed.strongWords);
}

// Made once per build when no article is open: see keepShape.ts.
keepShapeOf(new DocumentEvidence());

const DOCUMENT_KEY = 'entities/document';

/** Calls `change` with each key whose count, summed over the summaries, differs from `went` to `came`, and by how much. */
function forEachChange(
  went: readonly EvidenceSummary[],
  came: readonly EvidenceSummary[],
  countsOf: (s: EvidenceSummary) => ReadonlyMap<string, number>,
  change: (key: string, by: number) => void,
): void {
  const by = new Map<string, number>();
  for (const s of went) for (const [k, n] of countsOf(s)) bump(by, k, -n);
  for (const s of came) for (const [k, n] of countsOf(s)) bump(by, k, n);
  for (const [k, n] of by) change(k, n);
}

function asCounts(keys: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, 1);
  return counts;
}

/** Whether the key's count in `counts`, just changed by `by`, went from zero or to zero. */
function cameOrWent(counts: ReadonlyMap<string, number>, key: string, by: number): boolean {
  const now = counts.get(key) ?? 0;
  return (now > 0) !== (now - by > 0);
}

/** Keys of the document's evidence, by what was counted of them (see DocumentEvidence.asked). */
export interface EvidenceQueries {
  /** Words written in lower case: whether they are. */
  lower: Set<string>;
  /** Words written in lower case: whether more often than as one-word candidates. */
  mostlyLower: Set<string>;
  /** Names seen mid-sentence. */
  strongKeys: Set<string>;
  /** Name words seen outside headings, or opening sentences. */
  strongWords: Set<string>;
}

export function noQueries(): EvidenceQueries {
  return { lower: new Set(), mostlyLower: new Set(), strongKeys: new Set(), strongWords: new Set() };
}

/** Adds n to the count of k; a count that falls to 0 is removed (presence means "seen"). */
function bump(counts: Map<string, number>, k: string, n: number): void {
  const total = (counts.get(k) ?? 0) + n;
  if (total) counts.set(k, total);
  else counts.delete(k);
}

/**
 * The candidates of one segment that the document's evidence keeps, some cut shorter (in the
 * segment's text). `emit` receives them in text order.
 */
export function keepEvidenced(text: string, candidates: readonly Candidate[], evidence: DocumentEvidence, emit: (c: Candidate) => void): void {
  // The rest of the last longer name splitRunOn cut: where it starts, where it ends.
  let cut: { start: number; end: number } | undefined;
  for (const whole of candidates) {
    // A name nested in a longer one ends where it ends, so it is cut where that one is: its first
    // part stays, and the rest is the longer one's ("Lipari Islands" of "Lipari Islands Ludendorff"
    // inside "Battle of the Lipari Islands Ludendorff"; "Cape" of "Cape Spartel" inside "Battle of
    // Cape Spartel", cut before a "Spartel" seen alone); kept whole, it would cross the longer
    // one's first part. In a heading it is cut into the words seen as names like the longer one,
    // or it would hold one of those ("Mont" of "Battle of Blanc Mont Ridge" inside "Blanc Mont Ridge").
    if (whole.nested) {
      if (cut && whole.end === cut.end && whole.start < cut.start) {
        const before = partBefore(text, whole, cut.start);
        if (before) emit(before);
      } else if (whole.inHeading) fromHeading(text, whole, evidence, emit);
      else emit(whole);
      continue;
    }
    const c = splitRunOn(text, whole, evidence, emit);
    if (c !== whole) cut = c;
    if (ordinaryWord(c, evidence)) continue;
    else if (c.inHeading) fromHeading(text, c, evidence, emit);
    else if (c.sentenceInitial) {
      const kept = fromSentenceStart(text, c, evidence);
      if (kept) emit(kept);
    } else emit(c);
  }
}

/**
 * A lone capitalised word that the document writes in lower case more often is an ordinary
 * word in a title or a quotation ("Years", "Man", "Learning"), not a name.
 */
function ordinaryWord(c: Candidate, evidence: DocumentEvidence): boolean {
  if (c.units.length !== 1 || c.units[0].kind !== 'word' || surfaceKnownOf(c)) return false;
  return evidence.mostlyLowerCase(c.key);
}

/** Known to the gazetteer or written as a name mid-sentence somewhere. */
function seenAsName(text: string, c: Candidate, units: readonly Unit[], evidence: DocumentEvidence): boolean {
  if (units === c.units) return !!surfaceKnownOf(c) || evidence.isStrongKey(c.key);
  if (units.length === 1) return !!lookupKnownUnit(units[0]) || evidence.isStrongKey(units[0].key);
  const surface = text.slice(units[0].start, units[units.length - 1].end);
  const key = plainKey(surface);
  return !!lookupKnown(surface, key) || evidence.isStrongKey(key);
}

function evidenced(text: string, c: Candidate, units: readonly Unit[], evidence: DocumentEvidence): boolean {
  if (seenAsName(text, c, units, evidence)) return true;
  if (units.length !== 1) return false;
  const u = units[0];
  const k = u.wordKey;
  return u.kind === 'acronym' || u.kind === 'designation' || (k !== null && evidence.isStrongWord(k)) || u.text.includes('-') && /^\p{Ll}/u.test(u.text);
}

/**
 * "the battle of the Menin Road Ridge Ludendorff wrote": a name the document uses alone, right
 * after a kind word, starts a name of its own. The first part is emitted; the rest returned.
 */
function splitRunOn(text: string, c: Candidate, evidence: DocumentEvidence, emit: (c: Candidate) => void): Candidate {
  if (c.units.length < 3 || countNameUnits(c.units) < 3) return c;
  const last = c.units[c.units.length - 1];
  const before = c.units[c.units.length - 2];
  const kind = before.key;
  if (last.kind !== 'word' || !evidence.isStrongKey(last.key)) return c;
  if (!PLACE_LAST_WORDS.has(kind) && !ORG_LAST_WORDS.has(kind) && !EVENT_LAST_WORDS.has(kind)) return c;
  emit(sub(text, c, c.units.slice(0, -1)));
  return sub(text, c, [last], false);
}

/** The part of c before `at` (a unit boundary), without the connectors it would end with; null if no name is left. */
function partBefore(text: string, c: Candidate, at: number): Candidate | null {
  let end = 0;
  while (end < c.units.length && c.units[end].end <= at) end++;
  while (end > 0 && c.units[end - 1].kind === 'connector') end--;
  const units = c.units.slice(0, end);
  return units.some(isNameUnit) ? sub(text, c, units) : null;
}

/** Heading words are title-cased: keep the whole only if known or seen as a name in prose, else such single words. */
function fromHeading(text: string, c: Candidate, evidence: DocumentEvidence, emit: (c: Candidate) => void): void {
  if (seenAsName(text, c, c.units, evidence)) return emit(c);
  for (const u of c.units) if (isNameUnit(u) && seenAsName(text, c, [u], evidence)) emit(sub(text, c, [u]));
}

function fromSentenceStart(text: string, c: Candidate, evidence: DocumentEvidence): Candidate | null {
  let units = c.units;
  const first = units[0];
  const firstKey = first.key;
  // "Relations have…", "Following Hitler's…": a word seen in lower case elsewhere is an ordinary word.
  const verbOrAdverb = looksLikeVerbOrAdverb(firstKey);
  const ordinaryFirstWord =
    units.length > 1 && first.kind === 'word' && (evidence.hasLowerCase(firstKey) || verbOrAdverb) && !GIVEN_NAMES.has(firstKey) &&
    !STANDALONE_PARTICLES.has(firstKey) && !evidenced(text, c, [first], evidence); // "De Gaulle's speech…"
  if (ordinaryFirstWord && !evidenced(text, c, units, evidence) && !hasKindCue(units)) {
    let s = 1;
    while (s < units.length && units[s].kind === 'connector') s++;
    units = units.slice(s);
    return units.length ? sub(text, c, units, false) : null;
  }
  if (countNameUnits(units) > 1) return c;
  return evidenced(text, c, units, evidence) ? c : null;
}

/** "Abandoning Hispania…", "Simultaneously Nixon…": a participle or adverb opening the sentence. */
function looksLikeVerbOrAdverb(key: string): boolean {
  return key.length > 5 && /(?:ing|ly)$/.test(key);
}

/**
 * The part of c made of `units` (a run of c's own units), a candidate with its own memo. Made once
 * per parent and kept on its memo: the same part in the next build is the same object, so what
 * was asked of it stays answered and the passes after can recognise it.
 */
function sub(text: string, c: Candidate, units: Unit[], sentenceInitial = c.sentenceInitial): Candidate {
  const first = units[0];
  const last = units[units.length - 1];
  const parts = (c.memo.parts ??= []);
  for (const p of parts) if (p.units[0] === first && p.units[p.units.length - 1] === last && p.sentenceInitial === sentenceInitial) return p;
  const surface = text.slice(first.start, last.end);
  const part = makeCandidate({
    start: first.start, end: last.end, text: surface, units,
    titled: c.titled, placeHint: c.placeHint, knownAs: c.knownAs, sentenceInitial, inHeading: c.inHeading, nested: c.nested,
  });
  parts.push(part);
  return part;
}
