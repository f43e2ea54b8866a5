// Word lists the date grammar reads: months, seasons, numbers, units, modifiers.
// Everything is lower-case; callers look words up by `token.lower`.

import type { DateModifier } from '../types';

/** Full month names → 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6],
  ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
]);

/** Abbreviations, accepted only when a day or a year follows ("Oct 10, 1945"). */
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Month names that are also common English words: accepted alone only after a date-ish word. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march']);

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export const SEASONS: ReadonlyMap<string, Season> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['autumn', 'FA'], ['fall', 'FA'], ['winter', 'WI'],
]);

const UNITS_WORDS: [string, number][] = [
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
];
const TENS_WORDS: [string, number][] = [
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
];
/** Cardinal number words; compounds ("twenty-five") are read by the grammar from tens + units. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([...UNITS_WORDS, ...TENS_WORDS, ['hundred', 100], ['a', 1], ['an', 1], ['single', 1]]);
export const TENS: ReadonlyMap<string, number> = new Map(TENS_WORDS);
export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map(UNITS_WORDS.filter(([, n]) => n > 0 && n < 10));

/** Ordinal words, for centuries ("the nineteenth century") and days ("the first of May"). */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['twenty-first', 21],
]);

/** Quantity words with no number: "several days" → PXD. */
export const VAGUE_QUANTITIES: ReadonlySet<string> = new Set(['several', 'few', 'many', 'some']);

export type Unit = 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade' | 'century' | 'minute';
/** Unit words (singular and plural) → unit. */
export const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['minute', 'minute'], ['minutes', 'minute'], ['hour', 'hour'], ['hours', 'hour'],
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['month', 'month'], ['months', 'month'],
  ['year', 'year'], ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'],
  ['century', 'century'], ['centuries', 'century'],
]);
/** ISO 8601 / TIMEX2 duration letter of each unit (TIMEX2 uses DE and CE for decades and centuries). */
export const UNIT_CODE: Readonly<Record<Unit, string>> = {
  minute: 'TM', hour: 'TH', day: 'D', week: 'W', month: 'M', year: 'Y', decade: 'DE', century: 'CE',
};

/** Words before a date that give its TIMEX2 modifier ("early 1941", "the end of May"). */
export const PREFIX_MODIFIERS: ReadonlyArray<{ words: string[]; mod: DateModifier }> = [
  { words: ['the', 'end', 'of'], mod: 'END' },
  { words: ['the', 'close', 'of'], mod: 'END' },
  { words: ['the', 'latter', 'part', 'of'], mod: 'END' },
  { words: ['the', 'beginning', 'of'], mod: 'START' },
  { words: ['the', 'start', 'of'], mod: 'START' },
  { words: ['the', 'outset', 'of'], mod: 'START' },
  { words: ['the', 'turn', 'of'], mod: 'START' },
  { words: ['the', 'middle', 'of'], mod: 'MID' },
  { words: ['the', 'early', 'part', 'of'], mod: 'START' },
  { words: ['early', 'in'], mod: 'START' },
  { words: ['late', 'in'], mod: 'END' },
  { words: ['the', 'early'], mod: 'START' },
  { words: ['the', 'late'], mod: 'END' },
  { words: ['the', 'mid'], mod: 'MID' },
  { words: ['early'], mod: 'START' },
  { words: ['late'], mod: 'END' },
  { words: ['mid'], mod: 'MID' },
  { words: ['middle'], mod: 'MID' },
];

/** Entries grouped by their first word, in list order: a reader tries only those that can match at a token. */
function byFirstWord<T>(entries: readonly T[], wordsOf: (entry: T) => readonly string[]): ReadonlyMap<string, readonly T[]> {
  const out = new Map<string, T[]>();
  for (const entry of entries) {
    const first = wordsOf(entry)[0];
    const group = out.get(first);
    if (group) group.push(entry);
    else out.set(first, [entry]);
  }
  return out;
}

export const PREFIX_MODIFIERS_BY_FIRST_WORD = byFirstWord(PREFIX_MODIFIERS, (m) => m.words);

/** Words that make the following date approximate ("ca. 461 BC", "about 1910"). */
export const APPROX_WORDS: ReadonlySet<string> = new Set(['c', 'ca', 'circa', 'about', 'around', 'approximately', 'roughly', 'approx']);

/** Words before an amount of time that the gold keeps in its extent ("over a month", "just 14 years later"). */
export const DURATION_PREFIXES: ReadonlyArray<string[]> = [
  ['a', 'little', 'more', 'than'], ['a', 'little', 'over'], ['a', 'mere'], ['more', 'than'], ['less', 'than'], ['fewer', 'than'],
  ['at', 'least'], ['close', 'to'], ['up', 'to'], ['over'], ['under'], ['nearly'], ['almost'], ['about'], ['around'],
  ['some'], ['roughly'], ['approximately'], ['just'], ['only'], ['another'], ['barely'],
];

export const DURATION_PREFIXES_BY_FIRST_WORD = byFirstWord(DURATION_PREFIXES, (words) => words);

/**
 * Words that, right before a bare month name, show it is a month ("in May", "early March").
 * Also the words after which a bare number may be a year.
 */
export const DATE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'on', 'of', 'by', 'until', 'till', 'til', 'since', 'from', 'to', 'through', 'during', 'before', 'after',
  'between', 'and', 'or', 'early', 'late', 'mid', 'last', 'next', 'following', 'previous', 'preceding', 'that',
  'this', 'end', 'beginning', 'middle', 'start', 'around', 'about', 'throughout', 'into', 'within', 'late-',
  'as', 'same', 'each', 'every', 'circa', 'than', 'for', 'at', 'when', 'while',
]);

/** Nouns after a number that show it counts things rather than naming a year ("1500 men"). */
export const COUNT_NOUNS: ReadonlySet<string> = new Set([
  'men', 'man', 'soldiers', 'troops', 'people', 'persons', 'casualties', 'tons', 'tonnes', 'km', 'miles', 'mi',
  'kilometres', 'kilometers', 'metres', 'meters', 'm', 'feet', 'ft', 'killed', 'dead', 'wounded', 'prisoners',
  'aircraft', 'planes', 'tanks', 'guns', 'ships', 'vessels', 'vehicles', 'civilians', 'deaths', 'rounds',
  'dollars', 'pounds', 'francs', 'rubles', 'won', 'yen', 'marines', 'sailors', 'workers', 'members', 'votes',
  'seats', 'hectares', 'acres', 'horses', 'cavalry', 'infantry', 'artillery', 'refugees', 'residents',
  'strong', 'officers', 'mm', 'cm', 'kg', 'lb', 'hp', 'units', 'missiles', 'rockets', 'bombs', 'warships',
  'fighters', 'bombers', 'cannons', 'cannon', 'rifles', 'hostages', 'inhabitants', 'delegates', 'deputies',
  'fatalities', 'insurgents', 'militants', 'rebels', 'guerrillas', 'troopers', 'divisions', 'battalions',
  'regiments', 'brigades', 'of', 'percent', 'per', 'victims', 'hours', 'hrs',
]);

/** Words before a number that make it a label rather than a year ("Hill 1062", "Resolution 1441"). */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  'hill', 'resolution', 'route', 'highway', 'flight', 'no', 'number', 'nos', 'page', 'pages', 'p', 'pp',
  'height', 'point', 'article', 'chapter', 'section', 'volume', 'vol', 'room', 'model', 'type', 'code',
  'unit', 'squadron', 'regiment', 'division', 'battalion', 'brigade', 'corps', 'army', 'group', 'line',
  'isbn', 'issn', 'doi', 'class', 'mark', 'mk', 'operation', 'plan', 'project', 'grid', 'km', 'elevation',
]);

/** Currency signs that rule out a year after them. */
export const CURRENCY_SIGNS: ReadonlySet<string> = new Set(['$', '£', '€', '¥', '#']);

/** Weekday names, kept in a date's extent when they lead it ("Saturday, June 24, 1950"). */
export const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

export const RANGE_CONNECTORS: ReadonlySet<string> = new Set(['-', '–', '—', '‐', '‑', 'to', 'until', 'till', 'through', 'thru']);

/** Longest event phrase taken into a duration's or a relative date's extent, in tokens. */
export const EVENT_PHRASE_MAX = 12;
