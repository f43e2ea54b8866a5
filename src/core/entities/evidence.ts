// A capitalised word at the start of a sentence or in a heading is a name only if the
// document (or the gazetteer) says so elsewhere: "Relations have remained…" is not one,
// "Orascom also became…" is, because "company Orascom" appears mid-sentence.
import { hasKindCue, type Candidate } from './candidates';
import { lookupKnown } from './gazetteer';
import { EVENT_LAST_WORDS, GIVEN_NAMES, ORG_LAST_WORDS, PLACE_LAST_WORDS, STANDALONE_PARTICLES } from './lexicon';
import { nameWordKey, plainKey } from './normalize';
import { isUpper, type Token } from './tokens';
import { isNameUnit, type Unit } from './units';


export function keepEvidenced(text: string, tokens: readonly Token[], candidates: readonly Candidate[]): Candidate[] {
  const lowerCounts = new Map<string, number>();
  for (const t of tokens) {
    if (isUpper(t.text[0]) || !/^\p{Ll}/u.test(t.text)) continue;
    const k = plainKey(t.text);
    lowerCounts.set(k, (lowerCounts.get(k) ?? 0) + 1);
  }
  const lowerWords: ReadonlySet<string> = new Set(lowerCounts.keys());
  // A lone capitalised word that the document writes in lower case more often is an ordinary
  // word in a title or a quotation ("Years", "Man", "Learning"), not a name.
  const capitalCounts = new Map<string, number>();
  for (const c of candidates) {
    if (c.units.length !== 1 || c.units[0].kind !== 'word') continue;
    const k = plainKey(c.text);
    capitalCounts.set(k, (capitalCounts.get(k) ?? 0) + 1);
  }
  const ordinaryWord = (c: Candidate): boolean => {
    if (c.units.length !== 1 || c.units[0].kind !== 'word' || lookupKnown(c.text)) return false;
    const k = plainKey(c.text);
    return (lowerCounts.get(k) ?? 0) > (capitalCounts.get(k) ?? 0);
  };

  const strongKeys = new Set<string>();
  const strongWords = new Set<string>();
  for (const c of candidates) {
    if (c.inHeading || c.nested) continue;
    // Words of a multi-word name are evidence wherever it stands ("Kim Il Sung …; Kim was pleased").
    const multiWord = c.units.filter(isNameUnit).length > 1;
    if (c.sentenceInitial && !multiWord) continue;
    if (!c.sentenceInitial) strongKeys.add(plainKey(c.text));
    // An ordinary-looking first word of a sentence proves nothing about itself ("Abandoning Hispania").
    const firstKey = plainKey(c.units[0].text);
    const doubtfulFirst = c.sentenceInitial && (lowerWords.has(firstKey) || looksLikeVerbOrAdverb(firstKey));
    for (const u of doubtfulFirst ? c.units.slice(1) : c.units) {
      const k = isNameUnit(u) ? nameWordKey(u.text) : null;
      if (k) strongWords.add(k);
    }
  }
  const evidenced = (units: readonly Unit[]): boolean => {
    const surface = text.slice(units[0].start, units[units.length - 1].end);
    if (lookupKnown(surface) || strongKeys.has(plainKey(surface))) return true;
    if (units.length !== 1) return false;
    const u = units[0];
    const k = nameWordKey(u.text);
    return u.kind === 'acronym' || u.kind === 'designation' || (k !== null && strongWords.has(k)) || u.text.includes('-') && /^\p{Ll}/u.test(u.text);
  };

  const seenAsName = (units: readonly Unit[]): boolean => {
    const surface = text.slice(units[0].start, units[units.length - 1].end);
    return !!lookupKnown(surface) || strongKeys.has(plainKey(surface));
  };

  const out: Candidate[] = [];
  for (const whole of candidates) {
    const c = whole.nested ? whole : splitRunOn(text, whole, strongKeys, out);
    if (c.nested) out.push(c);
    else if (ordinaryWord(c)) continue;
    else if (c.inHeading) out.push(...fromHeading(text, c, seenAsName));
    else if (c.sentenceInitial) {
      const kept = fromSentenceStart(text, c, lowerWords, evidenced);
      if (kept) out.push(kept);
    } else out.push(c);
  }
  return out;
}

/**
 * "the battle of the Menin Road Ridge Ludendorff wrote": a name the document uses alone, right
 * after a kind word, starts a name of its own. The first part is pushed to `out`; the rest returned.
 */
function splitRunOn(text: string, c: Candidate, strongKeys: ReadonlySet<string>, out: Candidate[]): Candidate {
  const names = c.units.filter(isNameUnit);
  if (names.length < 3) return c;
  const last = c.units[c.units.length - 1];
  const before = c.units[c.units.length - 2];
  const kind = plainKey(before.text);
  if (last.kind !== 'word' || !strongKeys.has(plainKey(last.text))) return c;
  if (!PLACE_LAST_WORDS.has(kind) && !ORG_LAST_WORDS.has(kind) && !EVENT_LAST_WORDS.has(kind)) return c;
  out.push(sub(text, c, c.units.slice(0, -1)));
  return { ...sub(text, c, [last]), sentenceInitial: false };
}

/** Heading words are title-cased: keep the whole only if known or seen as a name in prose, else such single words. */
function fromHeading(text: string, c: Candidate, seen: (u: readonly Unit[]) => boolean): Candidate[] {
  if (seen(c.units)) return [c];
  return c.units.filter((u) => isNameUnit(u) && seen([u])).map((u) => sub(text, c, [u]));
}

function fromSentenceStart(
  text: string,
  c: Candidate,
  lowerWords: ReadonlySet<string>,
  evidenced: (u: readonly Unit[]) => boolean,
): Candidate | null {
  let units = c.units;
  const first = units[0];
  const firstKey = plainKey(first.text);
  // "Relations have…", "Following Hitler's…": a word seen in lower case elsewhere is an ordinary word.
  const verbOrAdverb = looksLikeVerbOrAdverb(firstKey);
  const ordinaryFirstWord =
    units.length > 1 && first.kind === 'word' && (lowerWords.has(firstKey) || verbOrAdverb) && !GIVEN_NAMES.has(firstKey) &&
    !STANDALONE_PARTICLES.has(firstKey) && !evidenced([first]); // "De Gaulle's speech…"
  if (ordinaryFirstWord && !evidenced(units) && !hasKindCue(units)) {
    let s = 1;
    while (s < units.length && units[s].kind === 'connector') s++;
    units = units.slice(s);
    return units.length ? { ...sub(text, c, units), sentenceInitial: false } : null;
  }
  if (units.filter(isNameUnit).length > 1) return c;
  return evidenced(units) ? c : null;
}

/** "Abandoning Hispania…", "Simultaneously Nixon…": a participle or adverb opening the sentence. */
function looksLikeVerbOrAdverb(key: string): boolean {
  return key.length > 5 && /(?:ing|ly)$/.test(key);
}

function sub(text: string, c: Candidate, units: Unit[]): Candidate {
  const start = units[0].start;
  const end = units[units.length - 1].end;
  return { ...c, start, end, text: text.slice(start, end), units };
}
