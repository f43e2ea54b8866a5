// Keys that make spelling variants of one name compare equal.
import * as lexicon from './lexicon';
import { BoundedMemo } from '../workCache';
// Word lists read once (see lexicon.ts on why).
const { NAME_PARTICLES, STANDALONE_PARTICLES } = lexicon;

// Letters that Unicode does not decompose into a base letter plus a mark.
const FOLD: Record<string, string> = {
  'đ': 'd', 'ð': 'd', 'ı': 'i', 'ł': 'l', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'þ': 'th',
};
const MARKS = /[\u0300-\u036f]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc`´]/g;
const FOLDABLE = /[đðıłøæœßþ]/g;

/** Lower case, no diacritics, one kind of dash and apostrophe, no periods, single spaces. */
export function plainKey(surface: string): string {
  return isPlainAscii(surface) ? surface.toLowerCase() : plainKeys.of(surface);
}

// Names repeat through a document.
const plainKeys = new BoundedMemo(200_000, computePlainKey);

/**
 * ASCII letters, digits and hyphens, words separated by single spaces, not opening with "the ":
 * every step of computePlainKey but lower-casing leaves such a form as it is. Most surfaces are
 * like this, and lower-casing them is cheaper than a cache lookup.
 */
function isPlainAscii(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const wordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45; // letter, digit, '-'
    const singleSpace = c === 32 && i > 0 && i < n - 1 && s.charCodeAt(i - 1) !== 32;
    if (!wordChar && !singleSpace) return false;
  }
  return !(n > 4 && s.charCodeAt(3) === 32 && s.slice(0, 3).toLowerCase() === 'the');
}

function computePlainKey(surface: string): string {
  return surface
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLD[c] ?? c)
    .replace(DASHES, '-')
    .replace(APOSTROPHES, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .replace(/^the /, '')
    .replace(/(?:'s|')$/, '')
    .trim();
}

/** A word of a name without a glued particle: "el-Sadat" → "sadat"; null for a bare particle or initial. */
export function nameWordKey(word: string, key = plainKey(word)): string | null {
  if (NAME_PARTICLES.has(key) || STANDALONE_PARTICLES.has(key)) return null;
  if (word.length <= 3 && word.endsWith('.') && /^\p{L}\.$/u.test(word)) return null; // an initial ("D."); a numeral ("Charles I") stays
  const dash = key.indexOf('-');
  if (dash < 0) return key || null;
  if (dash > 0 && NAME_PARTICLES.has(key.slice(0, dash))) key = key.slice(dash + 1);
  // "Kai-shek" = "Kai Shek", "Yong-nam" = "Yong Nam": hyphenation varies between sources.
  return key.replace(/-/g, ' ') || null;
}

/** Key that equates "Anwar el-Sadat" and "Anwar Sadat", "Franklin D. Roosevelt" and "Franklin Roosevelt". */
export function nameKey(words: readonly string[]): string {
  return joinNameWordKeys(words.map((w) => nameWordKey(w)), words);
}

/** nameKey from the words' nameWordKeys, already computed. */
export function joinNameWordKeys(keys: ReadonlyArray<string | null>, words: readonly string[]): string {
  let out = '';
  for (const k of keys) if (k !== null) out = out ? out + ' ' + k : k;
  return out || plainKey(words.join(' '));
}
