// Keys that make spelling variants of one name compare equal.
import { NAME_PARTICLES, STANDALONE_PARTICLES } from './lexicon';

// Letters that Unicode does not decompose into a base letter plus a mark.
const FOLD: Record<string, string> = {
  'đ': 'd', 'ð': 'd', 'ı': 'i', 'ł': 'l', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'þ': 'th',
};
const MARKS = /[\u0300-\u036f]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc`´]/g;
const FOLDABLE = /[đðıłøæœßþ]/g;

// Names repeat through a document: memoise (bounded, so a huge input cannot grow it without limit).
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Lower case, no diacritics, one kind of dash and apostrophe, no periods, single spaces. */
export function plainKey(surface: string): string {
  let key = cache.get(surface);
  if (key === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    key = computePlainKey(surface);
    cache.set(surface, key);
  }
  return key;
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
export function nameWordKey(word: string): string | null {
  let key = plainKey(word);
  if (NAME_PARTICLES.has(key) || STANDALONE_PARTICLES.has(key)) return null;
  if (/^\p{L}\.$/u.test(word)) return null; // an initial ("D."); a numeral ("Charles I") stays
  const dash = key.indexOf('-');
  if (dash > 0 && NAME_PARTICLES.has(key.slice(0, dash))) key = key.slice(dash + 1);
  // "Kai-shek" = "Kai Shek", "Yong-nam" = "Yong Nam": hyphenation varies between sources.
  return key.replace(/-/g, ' ') || null;
}

/** Key that equates "Anwar el-Sadat" and "Anwar Sadat", "Franklin D. Roosevelt" and "Franklin Roosevelt". */
export function nameKey(words: readonly string[]): string {
  const keys = words.map(nameWordKey).filter((k): k is string => k !== null);
  return keys.length ? keys.join(' ') : plainKey(words.join(' '));
}
