// Dates in words, for hovers and pickers: "1973-06" → "June 1973", "199X" → "the 1990s".
import type { ArticleIndex, DateMention, DateModifier, Precision } from '../core';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<string, string> = { '21': 'spring', '22': 'summer', '23': 'autumn', '24': 'winter' };

const PRECISION_WORDS: Record<Precision, string> = {
  day: 'a day',
  month: 'a month',
  season: 'a season',
  year: 'a year',
  decade: 'a decade',
  century: 'a century',
  interval: 'a period',
  set: 'several dates',
};

const MOD_WORDS: Record<DateModifier, string> = {
  START: 'the start of',
  MID: 'the middle of',
  END: 'the end of',
  APPROX: 'about',
  BEFORE: 'before',
  AFTER: 'after',
};

function yearWords(year: string): string {
  const n = Number(year);
  if (!Number.isFinite(n)) return year;
  // EDTF years are astronomical: 0 is 1 BC, -43 is 44 BC.
  return n <= 0 ? `${1 - n} BC` : String(n);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** One EDTF date (no interval, no set) in words, or undefined when it is not one of the forms known here. */
function singleInWords(value: string): string | undefined {
  const qualifier = /[~?%]$/.exec(value)?.[0];
  const bare = qualifier ? value.slice(0, -1) : value;
  let words: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(-?\d{4})-(\d{2})-(\d{2})$/.exec(bare)) && MONTHS[Number(m[2]) - 1]) {
    words = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${yearWords(m[1])}`;
  } else if ((m = /^(-?\d{4})-(\d{2})$/.exec(bare))) {
    const month = MONTHS[Number(m[2]) - 1];
    const season = SEASONS[m[2]];
    if (month) words = `${month} ${yearWords(m[1])}`;
    else if (season) words = `${season} ${yearWords(m[1])}`;
  } else if ((m = /^-?\d{4}$/.exec(bare))) {
    words = yearWords(m[0]);
  } else if ((m = /^(\d{3})X$/.exec(bare))) {
    words = `the ${m[1]}0s`;
  } else if ((m = /^(\d{2})XX$/.exec(bare))) {
    words = `the ${ordinal(Number(m[1]) + 1)} century`;
  } else if (bare === '..' || bare === '') {
    words = bare === '..' ? 'open' : 'unknown';
  }
  if (!words) return undefined;
  if (qualifier === '~') return `about ${words}`;
  if (qualifier === '?') return `${words} (uncertain)`;
  if (qualifier === '%') return `about ${words} (uncertain)`;
  return words;
}

function durationInWords(value: string): string | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(value);
  if (!m) return undefined;
  const units = ['year', 'month', 'week', 'day'];
  const parts = m.slice(1).flatMap((n, i) => (n ? [`${Number(n)} ${units[i]}${Number(n) === 1 ? '' : 's'}`] : []));
  return parts.length ? parts.join(', ') : undefined;
}

/** An EDTF value in words ("1962/1966" → "1962 to 1966"); the value itself when it is not understood. */
export function edtfInWords(value: string): string {
  if (value.startsWith('P')) return durationInWords(value) ?? value;
  const set = /^([[{])(.*)([\]}])$/.exec(value);
  if (set) {
    const members = set[2].split(',').map((member) => edtfInWords(member.trim()));
    const joiner = set[1] === '{' ? ' and ' : ' or ';
    return members.length > 1 ? `${members.slice(0, -1).join(', ')}${joiner}${members[members.length - 1]}` : members.join('');
  }
  const slash = value.indexOf('/');
  if (slash >= 0) {
    const from = value.slice(0, slash);
    const to = value.slice(slash + 1);
    if (from === '..' || from === '') return `until ${singleInWords(to) ?? to}`;
    if (to === '..' || to === '') return `from ${singleInWords(from) ?? from} on`;
    return `${singleInWords(from) ?? from} to ${singleInWords(to) ?? to}`;
  }
  return singleInWords(value) ?? value;
}

/** The meaning of a date mention in words, as a hover says it after the text as written. */
export function dateMeaning(index: ArticleIndex, date: DateMention): string {
  if (date.edtf === null) return 'a time reference whose value is not known';
  if (date.type === 'SET') return `a recurring time: every ${everyInWords(date.edtf)}`;
  const precision = date.type === 'DURATION' ? 'a duration' : PRECISION_WORDS[date.precision];
  let words = edtfInWords(date.edtf);
  if (date.mod) words = `${MOD_WORDS[date.mod]} ${words}`;
  const sameAsWritten = normalize(words) === normalize(date.text);
  let meaning = sameAsWritten ? precision : `${words}, ${precision}`;
  if (date.inferred) {
    const anchor = date.anchor;
    if (anchor) {
      // Follow the chain to the date that states the year ("June" ← "April 6–13" ← "1-7 March 1973").
      const chain: DateMention[] = [];
      for (let d = index.date(anchor.dateId); d && !chain.includes(d); d = d.inferred && d.anchor ? index.date(d.anchor.dateId) : undefined) {
        chain.push(d);
      }
      const source = chain[chain.length - 1];
      const text = source?.text ?? anchor.text;
      const where = source ? (source.start < date.start ? ' above' : ' below') : '';
      const via = chain.length > 1 ? ` (via ‘${chain[0].text}’)` : '';
      meaning += `; year inferred from ‘${text}’${where}${via}`;
    } else {
      meaning += '; year inferred from the context';
    }
  }
  return meaning;
}

/** "P1Y" → "year", "P2W" → "2 weeks"; the value itself when it is no duration. */
function everyInWords(value: string): string {
  const words = durationInWords(value);
  return words ? words.replace(/^1 (\w+)$/, '$1') : value;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The calendar year of an ISO bound ("-0043-03-15" → -43). */
export function isoYear(iso: string): number {
  const m = /^([+-]?\d+)/.exec(iso);
  return m ? Number(m[1]) : NaN;
}

/** "1956–2017", or "1973" when both ends fall in one year. */
export function yearRange(fromIso: string, toIso: string): string {
  const from = yearWords(String(isoYear(fromIso)));
  const to = yearWords(String(isoYear(toIso)));
  return from === to ? from : `${from}–${to}`;
}
