// The date tagger on real sentences from the sample article and the WikiWars corpus.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseEdtf } from 'edtf';
import { tagDates } from '../../src/core/dates';
import type { DateMention, ParsedArticle } from '../../src/core/types';
import { sampleText, wikiWarsOrSkip, wikiWarsTexts } from '../fixtures/corpus';

const noArticle: ParsedArticle = { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };
const tag = (text: string) => tagDates(text, noArticle);

/** The mention whose text is exactly `span` (fails when there is none). */
function mention(text: string, span: string): DateMention {
  const ms = tag(text);
  const m = ms.find((x) => x.text === span);
  assert.ok(m, `"${span}" is tagged in: ${text}\n  got: ${ms.map((x) => `[${x.text}]`).join(' ')}`);
  return m;
}

function expectDate(text: string, span: string, edtf: string | null, extra: Partial<DateMention> = {}): DateMention {
  const m = mention(text, span);
  assert.equal(m.edtf, edtf, `value of "${span}"`);
  for (const [k, v] of Object.entries(extra)) assert.deepEqual((m as unknown as Record<string, unknown>)[k], v, `${k} of "${span}"`);
  return m;
}

function expectNoDateIn(text: string, phrase: string) {
  const start = text.indexOf(phrase);
  const hit = tag(text).find((m) => m.start < start + phrase.length && m.end > start);
  assert.equal(hit, undefined, `"${phrase}" is not a date (got [${hit?.text}])`);
}

describe('dates: full dates', () => {
  it('reads day-month-year without the leading preposition', () => {
    expectDate('During the Suez Crisis, on 3 November 1956, the DPRK issued a declaration of solidarity with Egypt.', '3 November 1956', '1956-11-03', {
      precision: 'day', earliest: '1956-11-03', latest: '1956-11-03', inferred: false, type: 'DATE',
    });
    expectDate('On 24 August 1963, the two governments elevated their diplomatic relations to the ambassadorial level.', '24 August 1963', '1963-08-24');
  });

  it('reads month-day-year', () => {
    expectDate('On September 1, 1939, Germany and Slovakia - a client state in 1939 - attacked Poland.', 'September 1, 1939', '1939-09-01');
  });

  it('keeps a leading weekday and reads abbreviated months', () => {
    expectDate('The attack began on Saturday, June 24, 1950, at dawn.', 'Saturday, June 24, 1950', '1950-06-24');
    expectDate('Talks were held at Chongqing from August 28, 1945 to Oct 10, 1945.', 'from August 28, 1945 to Oct 10, 1945', '1945-08-28/1945-10-10');
  });

  it('reads ISO dates and "the first of May"', () => {
    expectDate('The agreement is dated 1956-11-03 in the archive.', '1956-11-03', '1956-11-03');
    expectDate('Berlin fell in 1945; on the first of May the news spread.', 'the first of May', '1945-05-01', { inferred: true });
  });

  it('joins a date split across a line break, but not across a paragraph', () => {
    expectDate('the DPRK issued a declaration on 3 November\n1956, and sent aid', '3 November\n1956', '1956-11-03');
    const ms = tag('It ended on 3 November\n\n1956 was calm.');
    assert.deepEqual(ms.map((m) => m.text), ['3 November', '1956']);
  });
});

describe('dates: months and years', () => {
  it('reads month-year forms', () => {
    expectDate('However, during the Libyan–Egyptian War in July 1977, North Korea sided with Libya.', 'July 1977', '1977-07', {
      precision: 'month', earliest: '1977-07-01', latest: '1977-07-31',
    });
    expectDate('The offensive was renewed in February of 1940.', 'February of 1940', '1940-02');
    expectDate('In March 1917, (February in the pre-revolutionary Russian calendar), the Czar was overthrown.', 'March 1917', '1917-03');
  });

  it('reads bare years and keeps the preposition out', () => {
    expectDate('A North Korean diplomatic delegation was sent to Egypt in 1961 for the purpose of establishing consular relations.', '1961', '1961', {
      precision: 'year', earliest: '1961-01-01', latest: '1961-12-31',
    });
    expectDate('As of 2010, Egypt is the third-largest importer of North Korean goods.', '2010', '2010');
  });

  it('does not take quantities, labels and model names for years', () => {
    const s = 'President Anwar el-Sadat approved the sale of R-17 Elbrus missiles; some 30,000 rocket-propelled grenades worth $291 million, 60.000 won and 5.000 tons of cereals; its first Scud-B missiles.';
    for (const phrase of ['R-17', '30,000', '$291 million', '60.000 won', '5.000 tons', 'Scud-B']) expectNoDateIn(s, phrase);
    for (const phrase of ['2000', '1800', '1923', '1945']) expectNoDateIn('It ran Windows 2000; they attacked at 1800 hours; see page 1923 and No. 1945.', phrase);
    expectNoDateIn('The division held Hill 1062 with 1500 men.', '1062');
    expectNoDateIn('The division held Hill 1062 with 1500 men.', '1500');
  });

  it('recognises a bare month only where it is a month', () => {
    expectNoDateIn('Sherman marched to the sea in his "March to the Sea" and the Long March followed.', 'March');
    expectNoDateIn('May be it will rain.', 'May');
    expectDate('In 1917 the army mutinied. The Czar was overthrown in the February Revolution.', 'February', '1917-02', { inferred: true });
  });
});

describe('dates: ranges and coordinated dates', () => {
  const s = 'Nevertheless, in 1962-1966 Egypt still refrained from rejecting the U.S.-sponsored UN resolutions on Korea.';
  it('makes one interval of a year range, with hyphen or en dash', () => {
    expectDate(s, '1962-1966', '1962/1966', { precision: 'interval', earliest: '1962-01-01', latest: '1966-12-31' });
    expectDate('In 1973–1976, Egypt continued to side with North Korea in the UN.', '1973–1976', '1973/1976');
    expectDate('Throughout 1915-17, the British pressed on.', '1915-17', '1915/1917');
  });

  it('keeps the range word in the extent', () => {
    expectDate('President Anwar el-Sadat approved the sale of R-17 Elbrus missiles to North Korea between 1976 and 1981.', 'between 1976 and 1981', '1976/1981');
    expectDate('Moreover, from 1996 to 2006, the DPRK recovered 220 remains.', 'from 1996 to 2006', '1996/2006');
  });

  it('shares month and year between the ends of day ranges', () => {
    expectDate('a North Korean government delegation headed by Kang Ryang-uk (1-7 March 1973), Egyptian Chief of Staff', '1-7 March 1973', '1973-03-01/1973-03-07', {
      earliest: '1973-03-01', latest: '1973-03-07',
    });
    expectDate("Sadat's visit in Jerusalem (19–21 November 1977), and the Camp David Accords.", '19–21 November 1977', '1977-11-19/1977-11-21');
    expectDate('It took place on 31 May-1 June 1916, in the North Sea.', '31 May-1 June 1916', '1916-05-31/1916-06-01');
    expectDate('following talks between March 5-9, 1918 on the withdrawal', 'March 5-9, 1918', '1918-03-05/1918-03-09');
  });

  it('makes one mention of coordinated years: all-of with "and", one-of with "or"', () => {
    expectDate('In 1957 and 1958, the two governments signed a trade agreement.', '1957 and 1958', '{1957,1958}');
    expectDate('Russia lost at Tannenberg and the Masurian Lakes in August and September 1914.', 'August', '1914-08');
    expectDate('In April 1865 Lee surrendered; surrendering on May 4 and 5 were the last forces.', '5', '1865-05-05', { inferred: true });
    expectDate('North Korea obtained its first Scud-B ballistic missiles from Egypt in 1979 or 1980, whereas', '1979 or 1980', '[1979,1980]');
    // modified years are not bare years: one mention each
    expectDate('There were major clashes in late 1940 and early 1941.', 'late 1940', '1940', { mod: 'END' });
    expectDate('There were major clashes in late 1940 and early 1941.', 'early 1941', '1941', { mod: 'START' });
  });

  it('can split ranges and lists into one mention per end (TIMEX2 style, as WikiWars annotates)', () => {
    const text = 'In 1957 and 1958 they signed; in 1962-1966 Egypt abstained; Kang visited (1-7 March 1973).';
    const ms = tagDates(text, noArticle, { compounds: 'split' });
    assert.deepEqual(ms.map((m) => [m.text, m.edtf]), [
      ['1957', '1957'], ['1958', '1958'], ['1962', '1962'], ['1966', '1966'], ['1', '1973-03-01'], ['7 March 1973', '1973-03-07'],
    ]);
    assert.deepEqual(ms.map((m) => m.id), ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
  });

  it('writes a range from an approximate year to a decade as EDTF readers take it, bounds kept', () => {
    // edtf.js reads no interval of a qualified date and unspecified digits ("1900~/199X").
    const m = expectDate('The district grew in ca. 1900 - 1990s into a city.', 'ca. 1900 - 1990s', '1900~/1999', { earliest: '1900-01-01', latest: '1999-12-31' });
    assert.doesNotThrow(() => parseEdtf(m.edtf!));
    expectDate('The district grew in 1900 - 1990s into a city.', '1900 - 1990s', '1900/199X');
  });

  it('reads BC ranges whose era comes at the end', () => {
    expectDate('Ionian Revolt (499-493 BC)', '499-493 BC', '-0498/-0492');
    expectDate('the First Punic War (264 to 241 BC)', '264 to 241 BC', '-0263/-0240');
  });
});

describe('dates: decades, centuries, seasons, modifiers', () => {
  it('reads decades with their determiner', () => {
    expectDate('whereas in the 1990s, Egypt purchased Scud-C missiles from North Korea.', 'the 1990s', '199X', {
      precision: 'decade', earliest: '1990-01-01', latest: '1999-12-31',
    });
    expectDate('Relations cooled in the early 1960s.', 'the early 1960s', '196X', { mod: 'START' });
  });

  it('reads centuries as EDTF XX years', () => {
    expectDate('By the 19th century the city had grown.', 'the 19th century', '18XX', { precision: 'century' });
    expectDate('an eighteenth-century fortress', 'eighteenth-century', '17XX');
    expectDate('Trade grew in the 1800s.', 'the 1800s', '18XX');
    expectDate('Trade grew in the 2000s.', 'the 2000s', '200X', { precision: 'decade' });
  });

  it('reads seasons (TIMEX2 season codes, which the scorer compares)', () => {
    expectDate('The offensive began in the summer of 1941.', 'the summer of 1941', '1941-SU', { precision: 'season', earliest: '1941-06-01', latest: '1941-08-31' });
    // winter is named by the year it ends in (TIMEX2); after an autumn, "the winter" is the next one
    expectDate('The Persians reached Sardis in the autumn of 481 BC, where they passed the winter.', 'the winter', '-0479-WI', { earliest: '-0480-12-01', latest: '-0479-02-28' });
    // coordinated seasons are one mention each (only coordinated years are one mention); the year is shared
    expectDate('Allied victory: summer and autumn 1918', 'summer', '1918-SU');
    expectDate('Allied victory: summer and autumn 1918', 'autumn 1918', '1918-FA');
    expectDate('In December 1776 the British entered winter quarters.', 'winter', 'XXXX-WI', { inferred: false });
  });

  it('puts a winter ending a range of the story\'s seasons in the year it ends in', () => {
    expectDate('In 1920, the summer-winter campaign failed.', 'the summer-winter', '1920-SU/1921-WI', { earliest: '1920-06-01', latest: '1921-02-28' });
    expectDate('In 1920, the winter-spring campaign failed.', 'the winter-spring', '1920-WI/1920-SP', { earliest: '1919-12-01', latest: '1920-05-31' });
    expectDate('In 1920, the campaign lasted from January to winter.', 'from January to winter', '1920-01/1920-WI');
    expectDate('In 490 BC, the summer-winter campaign failed.', 'the summer-winter', '-0489-SU/-0488-WI');
  });

  it('keeps early/mid/late/the end of in the extent and in mod, not in the value', () => {
    expectDate('By early October, Poland was divided.', 'early October', null);
    expectDate('The ARVN counterattacked in mid-March 1982.', 'mid-March 1982', '1982-03', { mod: 'MID' });
    expectDate('the Germans had been driven from the country by the end of 1914.', 'the end of 1914', '1914', { mod: 'END' });
  });

  it('marks circa dates approximate with EDTF ~', () => {
    expectDate('Pericles was born ca. 495 BC in Athens.', 'ca. 495 BC', '-0494~', { mod: 'APPROX' });
  });

  it('reads BC and AD years astronomically', () => {
    expectDate('The battle of Marathon was fought in 490 BC.', '490 BC', '-0489', { earliest: '-0489-01-01', latest: '-0489-12-31' });
    expectDate('Carthage was destroyed in 146 B.C. by Rome.', '146 B.C.', '-0145');
    expectDate('Pompeii was buried in AD 79.', 'AD 79', '0079');
  });
});

describe('dates: durations', () => {
  it('gives ISO durations, type DURATION, off the timeline', () => {
    expectDate('The war lasted three years.', 'three years', 'P3Y', { type: 'DURATION', earliest: null, latest: null });
    expectDate('the siege lasted several days', 'several days', 'PXD');
    expectDate('Romania surrendered within under a month.', 'under a month', 'P1M');
    expectDate('the fighting went on for over two and half years', 'over two and half years', 'P2.5Y');
    expectDate('Ten, twenty-five days', 'twenty-five days', 'P25D');
  });

  it('does not read named wars as durations', () => {
    expectNoDateIn('In the aftermath of the Six-Day War, North Korea provided Egypt with food aid.', 'Six-Day');
  });
});

describe('dates: narrative time', () => {
  const military =
    'During the visit of a North Korean government delegation headed by Kang Ryang-uk (1-7 March 1973), Egyptian Chief of Staff Saad el-Shazly asked the delegates to dispatch DPRK troops. On April 6–13, Shazly visited the DPRK. The trainers arrived in June, and were assigned in July. On October 18, after the outbreak the Yom Kippur War, Kim Il Sung sent Egypt a message.';

  it('takes the year of bare months and days from the story, with an anchor', () => {
    const a = expectDate(military, 'April 6–13', '1973-04-06/1973-04-13', { inferred: true });
    assert.equal(a.anchor?.text, '1-7 March 1973');
    expectDate(military, 'June', '1973-06', { inferred: true, precision: 'month' });
    expectDate(military, 'July', '1973-07', { inferred: true });
    expectDate(military, 'October 18', '1973-10-18', { inferred: true, earliest: '1973-10-18' });
  });

  it('resolves relative days and years against the story, not today', () => {
    const s = 'Germany re-entered the war on 10 November 1918. The next day, the Treaty was signed. Twelve days later the army left. The following year was quiet, as was the previous year.';
    expectDate(s, 'The next day', '1918-11-11', { inferred: true });
    expectDate(s, 'Twelve days later', '1918-11-23', { inferred: true });
    const t = 'The Soviets attacked in June 1940. In August of that year, Chinese communists launched an offensive. Later that month the front held.';
    expectDate(t, 'August of that year', '1940-08', { inferred: true });
    expectDate(t, 'Later that month', '1940-08');
    expectDate('The war began in 1776. The following year the British took Philadelphia.', 'The following year', '1777');
  });

  it('rolls a bare month over to the next year after an explicit late-year date', () => {
    const s = 'On December 7, 1941, Japan attacked Pearl Harbor. In January, the Japanese invaded Burma.';
    expectDate(s, 'January', '1942-01', { inferred: true });
    // a flashback a month or two back stays in the same year
    expectDate('By 1 April 1975 the column was annihilated. On 20 March, Thieu reversed himself.', '20 March', '1975-03-20');
  });

  it('reads "Christmas night" as the night of 24 December', () => {
    expectDate('In December 1776 Washington crossed the Delaware on Christmas night.', 'Christmas night', '1776-12-24TNI', { type: 'TIME' });
  });

  it('reads ordinal days, two-digit years and clock times against the story', () => {
    const s = 'The British attacked on 20 September 1917. The enemy\'s onslaught on the 20th was successful.';
    expectDate(s, 'the 20th', '1917-09-20', { inferred: true });
    expectDate('In 1917 the government called to arms the so called \'99 Boys.', "'99", '1899', { inferred: true });
    expectDate('At 5:34 AM Baghdad time on March 20, 2003, the attack began.', '5:34 AM', '2003-03-20T05:34', { type: 'TIME' });
  });

  it('takes in the event of event-anchored expressions, as TIMEX2 does', () => {
    expectDate('The siege began on 12 April 1861. Lincoln called for volunteers eight days after Fort Sumter, and', 'eight days after Fort Sumter', '1861-04-20', { inferred: true });
    expectDate('The British held Boston after two months of siege.', 'two months of siege', 'P2M', { type: 'DURATION' });
    expectDate('They stayed for about a week before moving back to support lines.', 'about a week', 'P1W');
    expectDate('The British suffered 19,240 dead on 1 July 1916, the first day of the Battle of the Somme.', 'the first day of the Battle of the Somme', '1916-07-01');
    expectDate('The Persians attacked in August 480 BC. On the final day of the battle, the Allies sallied forth.', 'the final day of the battle', '-0479-08-XX', { earliest: '-0479-08-01' });
    // the event phrase ends where a verb phrase starts
    mention('The war began on 22 September 1980. The strike on the first day of the war successfully destroyed parts of the airbases.', 'the first day of the war');
  });

  it('does not move the story to asides, quotations and looking back', () => {
    const s = 'Thieu resigned on 21 April 1975, saying Kissinger had tricked him into signing the agreement two years ago. He left for Taiwan on 25 April.';
    expectDate(s, 'two years ago', '1973', { inferred: true });
    expectDate(s, '25 April', '1975-04-25');
    const q = 'On 7 April 1969 Nixon said: "the withdrawal will be completed during the spring of next year." On 9 May the troops left.';
    expectDate(q, '9 May', '1969-05-09');
    const r = 'Ludendorff wrote on the fighting in 1917: "An assault was made on our lines on the 20 September. The onslaught on the 20th failed."';
    expectDate(r, 'the 20th', '1917-09-20');
    expectDate('On 12 March 1793 the revolt began (as in 1790). On 17 August, conscription followed.', '17 August', '1793-08-17');
  });

  it('moves the story to the year a framed duration measures, and puts day shifts of an undated day in the year', () => {
    const s = 'Raids hit Tondern in July 1918. For the first ten months of 1915, Austria-Hungary held back. The attack began in October; four days later the Bulgarians struck.';
    expectDate(s, 'the first ten months of 1915', 'P10M');
    expectDate(s, 'October', '1915-10');
    expectDate(s, 'four days later', '1915-XX-XX', { inferred: true });
  });

  it('gives a bare season opening a paragraph the year of the date right after it in its sentence', () => {
    const s = 'By the end of April 1943, the expedition had failed.\n\nIn the east, the Axis launched their main summer offensive against southern Russia in June 1942. In August, Stalingrad was reached.';
    expectDate(s, 'summer', '1942-SU', { inferred: true });
    expectDate(s, 'August', '1942-08');
  });

  it('does not move the story to plans, targets and past-perfect flashbacks', () => {
    const plan = 'On 10 March 1975 the offensive began; the coast would be exposed for a planned campaign in 1976. The ARVN collapsed on 11 March.';
    expectDate(plan, '11 March', '1975-03-11');
    const until = 'On October 20, 1944 Belgrade was freed. The siege lasted until the fall of Budapest in February 1945. By the start of July, the Japanese had retreated.';
    expectDate(until, 'the start of July', '1944-07');
    const back = 'In May 1944 the offensive began, and forces that had invaded Burma in late 1943 besieged Myitkyina. By June, the siege was over.';
    expectDate(back, 'June', '1944-06');
    // an explicit month in mid-sentence, before the story's time, is a flashback; at a sentence start it moves the story
    const mid = 'The offensive opened on 21 March 1918. Foch took command on 28 March, under the council created at Rapallo on 5 November 1917. Operation Marne was launched on 15 July.';
    expectDate(mid, '15 July', '1918-07-15');
    expectDate('Foch took command on 28 March 1918. On 5 November 1917, the council had met. On 15 July, it met again.', '15 July', '1917-07-15');
    // a deadline in mid-sentence looks ahead; in a list, the winter after the fall is the next one
    const by = 'In July 1775 Howe took command. Most of the powder was imported by the end of 1776, mostly from France. The standoff continued throughout the fall and winter.';
    expectDate(by, 'the fall', '1775-FA');
    expectDate(by, 'winter', '1776-WI');
    // until something in a paragraph has moved the story, its dates may take it anywhere
    const para = 'Austria-Hungary surrendered in early November 1918.\n\nRomania had been allied with the Central Powers since 1882. However, the government renounced its neutrality, and on 27 August 1916 it invaded. On 6 December, Bucharest fell.';
    expectDate(para, '6 December', '1916-12-06');
    // a coarser summary in a later sentence does not let a bare month roll over to the next year
    expectDate('Fatalities numbered 490 in November 2008. Attacks fell in the second half of 2008. This began with a March operation.', 'March', '2008-03');
    expectDate('The first campaign, in 492 BC, subjugated Thrace, part of the empire since 513 BC. The following year, Darius sent envoys.', 'The following year', '-0490');
    const since = 'On September 13, 2007 the video was uploaded. Attacks have remained the same since February. In October, they fell.';
    expectDate(since, 'February', '2007-02', { inferred: true });
    expectDate(since, 'October', '2007-10');
    // a date that moves the story forward without such a cue still moves it
    expectDate('On 10 March 1975 the offensive began. Fighting resumed in 1976. On 11 March, the town fell.', '11 March', '1976-03-11');
  });

  it('counts "a decade earlier" in years, keeps an approximate count of decades a decade', () => {
    expectDate('In 490 BC the fleet sailed to Naxos, to punish the expedition mounted there a decade earlier.', 'a decade earlier', '-0499');
    expectDate('On 8 March 1965 the Marines landed, in a statement like that made almost two decades earlier.', 'almost two decades earlier', '194X');
  });

  it('reads an event-anchored shift in apposition to a date as that date', () => {
    const s = 'On 27 June 1950, two days after the KPA invaded and three months before the Chinese intervention, Truman acted.';
    expectDate(s, 'two days after the KPA invaded', '1950-06-27');
    expectDate(s, 'three months before the Chinese intervention', '1950-06-27');
    expectDate('On 12 April 1861 Fort Sumter fell. Liberty Arsenal was seized eight days after Fort Sumter.', 'eight days after Fort Sumter', '1861-04-20');
  });

  it('reads "the same time" as the day just named, else as a time of no knowable value', () => {
    expectDate('He left for Taiwan on 25 April 1975. At the same time, tanks reached Bien Hoa.', 'the same time', '1975-04-25', { inferred: true });
    expectDate('On 25 April 1975 he left. The attack took a day. At the same time, tanks reached Bien Hoa.', 'the same time', null);
    expectDate('The King fled on 21 June 1791. During this time, the Assembly ruled.', 'this time', '1791-06-21');
    expectDate('Giap attacked in 1950. The French, who at the time held the border, withdrew.', 'the time', '1950');
    expectDate('Giap attacked on 3 March 1950. The French, who at the time held the border, withdrew.', 'the time', null);
  });

  it('carries the era of the story to short years', () => {
    expectDate('The revolt began in 499 BC. In 497 the Ionians burned Sardis.', '497', '-0496');
  });

  it('puts present references as TIMEX2 tokens, off the timeline', () => {
    expectDate('The border is now the demilitarized zone.', 'now', 'PRESENT_REF', { earliest: null, latest: null });
    expectDate('At this time, Congress cut funding.', 'At this time', 'PRESENT_REF');
    expectNoDateIn('When a second relief expedition approached, this time led by Benedict Arnold, the siege ended.', 'this time');
  });
});

describe('dates: impossible dates', () => {
  it('keeps the mention and explains the problem instead of moving the date', () => {
    const m = mention('The treaty was signed on 31 February 1999 in Cairo.', '31 February 1999');
    assert.equal(m.edtf, null);
    assert.match(m.problem ?? '', /31 February 1999 does not exist.*28 days/);
    assert.equal(mention('Signed on 29 February 2000.', '29 February 2000').problem, undefined);
  });

  it('gives a year past 9999 reached from context as EDTF writes it (Y10005), and a finer date there no value', () => {
    const year = expectDate('In 9995 AD the war began. Ten years later it ended.', 'Ten years later', 'Y10005', { precision: 'year', earliest: '10005-01-01' });
    assert.doesNotThrow(() => parseEdtf(year.edtf!));
    expectDate('In 9999 BC the war began. Two years earlier it was calm.', 'Two years earlier', 'Y-10000');
    const month = expectDate('They left in the fall 9999 AD and returned in January.', 'January', null, { precision: 'month', earliest: null, latest: null });
    assert.match(month.problem ?? '', /year 10000 has more than four digits/);
  });
});

describe('dates: invariants', () => {
  const corpus = wikiWarsTexts().texts;
  const sample = sampleText();

  it('mentions are sorted, disjoint, numbered in order and slice the text exactly', () => {
    for (const text of [sample, ...corpus.slice(0, 4)]) {
      const ms = tag(text);
      ms.forEach((m, k) => {
        assert.equal(m.id, `d${k + 1}`);
        assert.equal(text.slice(m.start, m.end), m.text);
        if (k > 0) assert.ok(ms[k - 1].end <= m.start, `${ms[k - 1].text} / ${m.text} overlap`);
      });
    }
  });

  it('every placed DATE value is valid EDTF, and its bounds are ordered', function () {
    for (const text of wikiWarsOrSkip(this)) {
      for (const m of tag(text)) {
        // season (1941-SU) and half-year (2008-H2) codes are TIMEX2, kept because the gold and scorer use them
        if (m.type !== 'DATE' || m.edtf === null || /_REF$/.test(m.edtf) || /-(SP|SU|FA|WI|H\d)\b/.test(m.edtf)) continue;
        assert.doesNotThrow(() => parseEdtf(m.edtf!), `EDTF ${m.edtf} of "${m.text}"`);
        assert.ok(m.earliest !== null && m.latest !== null, `bounds of ${m.text}`);
      }
    }
  });

  it('tags 5 MB of article text in a few seconds', function () {
    this.timeout(30000);
    const big = wikiWarsOrSkip(this).join('\n\n');
    let text = '';
    while (text.length < 5_000_000) text += big;
    // CPU time, not wall time: shared test machines are often loaded
    const c0 = process.cpuUsage();
    const ms = tag(text);
    const seconds = process.cpuUsage(c0).user / 1e6;
    assert.ok(ms.length > 10000);
    assert.ok(seconds < 4, `took ${seconds.toFixed(2)} s of CPU`);
  });

  it('survives pathological input quickly', () => {
    const c0 = process.cpuUsage();
    tag('1-'.repeat(100_000) + ' between '.repeat(50_000) + '1999 and '.repeat(50_000) + 'the the the '.repeat(30_000) + 'Al-'.repeat(30_000));
    assert.ok(process.cpuUsage(c0).user / 1e6 < 2);
  });
});

const GOLD_TIMEX = '../shared/gold/egypt-north-korea.timex.jsonl';

describe('dates: the sample article against its gold', () => {
  it('finds every required gold mention with the gold extent and value', function () {
    // The gold is read from ../shared, as the entities' is (entities.test.ts): without it, skipped.
    if (!existsSync(GOLD_TIMEX)) this.skip();
    const gold = JSON.parse(readFileSync(GOLD_TIMEX, 'utf8').split('\n')[0]) as {
      text: string; timex: { start: number; end: number; text: string; value: string | null; optional?: boolean }[];
    };
    const text = sampleText();
    assert.equal(text, gold.text, 'the sample is the gold text');
    const ms = tag(text);
    for (const g of gold.timex.filter((t) => !t.optional)) {
      const m = ms.find((x) => x.start === g.start && x.end === g.end);
      assert.ok(m, `gold "${g.text}" at ${g.start} is found with its exact extent`);
      assert.equal(m.edtf, g.value, `value of "${g.text}"`);
    }
    // nothing tagged outside the gold (optional gold included)
    for (const m of ms) assert.ok(gold.timex.some((g) => g.start < m.end && g.end > m.start), `"${m.text}" is not in the gold`);
  });
});
