// The shape of a personal name: given name first, a particle, an initial, a regnal numeral,
// or an East Asian family name followed by short given names.
import * as lexicon from './lexicon';
import { isNameUnit, type Unit } from './units';
// Word lists read once (see lexicon.ts on why).
const { EAST_ASIAN_FAMILY_NAMES, GIVEN_NAMES, NAME_PARTICLES, STANDALONE_PARTICLES } = lexicon;


export function personShapedUnits(units: readonly Unit[]): boolean {
  const names = units.filter(isNameUnit);
  if (!names.length) return false;
  const first = units[0].key;
  // "Louis XVI", "Pius VI": a name and a regnal numeral.
  if (units.length === 2 && units[1].kind === 'numeral' && units[0].kind === 'word') return true;
  if (names.length < 2) return false;
  if (GIVEN_NAMES.has(first)) return true;
  if (units.some((u) => u.kind === 'initial')) return true;
  if (units.some((u) => u.kind === 'connector' && STANDALONE_PARTICLES.has(u.key))) return true;
  if (names.some((u) => /^\p{Ll}/u.test(u.text) && NAME_PARTICLES.has(u.key.split('-')[0]))) return true;
  return eastAsianName(units);
}

/** "Kim Il Sung", "Kim Yong-nam", "Chiang Kai-shek", "Ho Chi Minh". */
export function eastAsianName(units: readonly Unit[]): boolean {
  if (units.length < 2 || units.length > 3) return false;
  if (!EAST_ASIAN_FAMILY_NAMES.has(units[0].key)) return false;
  return units.every((u) => u.kind === 'word' && !u.dashBefore && u.text.replace(/-.*/, '').length <= 8);
}
