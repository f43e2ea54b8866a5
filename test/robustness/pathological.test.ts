// Issue 7: pathological articles, generated at test time. Each must be indexed within a bounded
// time — a ratio to the per-character cost of ordinary prose (the sample) measured in this same
// process, never absolute seconds — into a sound index (test/fixtures/indexInvariants.ts) that
// makes sense for what it is. A watchdog thread kills the run with the case's name if one hangs.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeTarget } from '../../scripts/nodeTarget.mjs';
import { buildIndex, toIndexJson } from '../../src/core';
import type { ArticleIndex } from '../../src/core';
import { corpusTexts, ROOT, sampleText } from '../fixtures/corpus';
import { indexProblems } from '../fixtures/indexInvariants';
import { PAYLOADS, payloadArticle, payloadMarkdownArticle } from '../fixtures/payloads';
import type { PayloadArticle, Placement } from '../fixtures/payloads';
import { budgetMs, measureBaseline, timeIt, timeWithin } from '../fixtures/timing';
import type { Baseline } from '../fixtures/timing';
import { hangDeadline, Watchdog } from '../fixtures/watchdog';

/** At most this many times the per-character cost of ordinary prose. */
const FACTOR = 20;

/** A small seeded PRNG (mulberry32) so the "random" cases are the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(n: number, seed: number, avoidNul = false): Uint8Array {
  const next = random(seed);
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = avoidNul ? 1 + Math.floor(next() * 255) : Math.floor(next() * 256);
  return bytes;
}

/** Ordinary prose of about `chars` characters: the sample and the WikiWars texts, repeated; returns the parts too. */
function proseOf(chars: number): { text: string; parts: string[] } {
  const texts = corpusTexts();
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    parts.push(texts[i % texts.length]);
    length += texts[i % texts.length].length + 2;
  }
  return { text: parts.join('\n\n'), parts };
}

interface Case {
  name: string;
  make: () => string;
  /** What a sensible index of it looks like (the generic soundness checks run anyway). */
  expect?: (index: ArticleIndex, text: string) => void;
}

const CASES: Case[] = [
  {
    name: '5 MB of prose (the sample and WikiWars, repeated)',
    make: () => proseOf(5_000_000).text,
    expect: (index, text) => {
      // About as many dates as the parts indexed one by one (context across the joins may differ a little).
      const { parts } = proseOf(text.length - 10);
      const alone = new Map<string, number>();
      let expected = 0;
      for (const part of parts) {
        if (!alone.has(part)) alone.set(part, buildIndex(part).data.dates.length);
        expected += alone.get(part)!;
      }
      const got = index.data.dates.length;
      assert.ok(Math.abs(got - expected) <= expected * 0.05, `${got} dates, the parts alone give ${expected}`);
      assert.ok(index.data.events.length > 1000, `${index.data.events.length} events`);
    },
  },
  {
    name: 'one 1 MB line (prose with its line breaks turned into spaces)',
    make: () => proseOf(1_000_000).text.replace(/\s*\n\s*/g, ' ').slice(0, 1_000_000),
    expect: (index) => {
      assert.ok(index.data.dates.length > 1000, `${index.data.dates.length} dates`);
      assert.ok(index.data.events.length > 100, `${index.data.events.length} events`);
    },
  },
  {
    name: '100,000 lines of "1999"',
    make: () => '1999\n'.repeat(100_000),
    expect: (index) => {
      const { dates } = index.data;
      assert.equal(dates.length, 100_000);
      const odd = dates.find((d) => d.text !== '1999' || d.edtf !== '1999' || d.earliest?.slice(0, 4) !== '1999' || d.latest?.slice(0, 4) !== '1999');
      assert.equal(odd, undefined, `a date that is not 1999: ${JSON.stringify(odd)}`);
      assert.equal(index.data.sections.length, 0);
    },
  },
  {
    name: '10,000 headings',
    make: () => Array.from({ length: 10_000 }, (_, i) => `==Heading ${i + 1}==\n`).join(''),
    expect: (index) => {
      assert.equal(index.data.sections.length, 10_000);
      assert.equal(index.data.sections[9_999].title, 'Heading 10000');
      assert.equal(index.data.events.length, 0);
    },
  },
  {
    name: '10,000 sections with a dated sentence each',
    make: () => Array.from({ length: 10_000 }, (_, i) => `==Part ${i + 1}==\nOn 3 November ${1000 + (i % 1000)}, Egypt and North Korea signed a treaty.\n\n`).join(''),
    expect: (index) => {
      assert.equal(index.data.sections.length, 10_000);
      assert.equal(index.data.events.length, 10_000);
      assert.equal(index.data.events[9_999].section, 'Part 10000');
    },
  },
  {
    name: '1,000 levels of nested "- " lists',
    make: () => Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1} in 1956`).join('\n') + '\n',
    expect: (index) => assert.ok(index.data.dates.some((d) => d.edtf === '1956'), 'no 1956 found'),
  },
  {
    name: '1,000 levels of "- " on one line',
    make: () => '- '.repeat(1_000) + 'On 3 November 1956 it began.\n',
    expect: (index) => assert.ok(index.data.dates.some((d) => d.edtf === '1956-11-03'), 'no 1956-11-03 found'),
  },
  {
    name: '1,000 levels of "> " quotes',
    make: () => '> '.repeat(1_000) + 'On 3 November 1956 it began.\n' + Array.from({ length: 1_000 }, (_, i) => '>'.repeat(i + 1) + ' In 1957.').join('\n'),
    expect: (index) => assert.ok(index.data.dates.some((d) => d.edtf === '1956-11-03'), 'no 1956-11-03 found'),
  },
  {
    name: 'a 1 MB binary blob decoded as UTF-8 (random bytes)',
    make: () => new TextDecoder().decode(randomBytes(1_000_000, 7)),
  },
  {
    name: 'a 1 MB binary blob decoded as Latin-1',
    make: () => new TextDecoder('latin1').decode(randomBytes(1_000_000, 8)),
  },
  {
    name: 'an empty text',
    make: () => '',
    expect: (index) => {
      const { data } = index;
      assert.deepEqual([data.title, data.sections.length, data.dates.length, data.entities.length, data.events.length], [null, 0, 0, 0, 0]);
    },
  },
  {
    name: 'only whitespace (1 MB of spaces, tabs, no-break and ideographic spaces)',
    make: () => ' \t\u00A0 \u3000\u2009'.repeat(170_000),
    expect: (index) => assert.deepEqual([index.data.dates.length, index.data.events.length, index.data.entities.length], [0, 0, 0]),
  },
  {
    name: 'only newlines (1 MB, mixed \\n, \\r\\n, \\r)',
    make: () => '\n\r\n\r\n\n'.repeat(170_000),
    expect: (index) => assert.deepEqual([index.data.dates.length, index.data.events.length, index.data.sections.length], [0, 0, 0]),
  },
  {
    name: 'a 100,000-letter word',
    make: () => `In 1956 ${'a'.repeat(100_000)} met Nasser.`,
    expect: (index) => assert.ok(index.data.dates.some((d) => d.edtf === '1956'), 'no 1956 found'),
  },
  {
    name: 'a 100,000-digit number',
    make: () => `In 1956 the number ${'1'.repeat(100_000)} was written.`,
    expect: (index) => assert.ok(index.data.dates.some((d) => d.edtf === '1956'), 'no 1956 found'),
  },
  {
    name: 'a 100,000-character word of capitals and hyphens',
    make: () => 'Al-'.repeat(33_333) + 'Sisi visited Cairo in 2015.',
  },
  {
    name: '50,000 "[[" without closing',
    make: () => '[['.repeat(50_000) + ' In 1956 Egypt.',
    expect: (index) => assert.equal(index.data.wikiLinks.length, 0),
  },
  {
    name: '50,000 "[[x|" without closing, on separate lines',
    make: () => '[[Egypt|\n'.repeat(50_000),
    expect: (index) => assert.equal(index.data.wikiLinks.length, 0),
  },
  {
    name: '50,000 "("',
    make: () => '('.repeat(50_000) + 'On 3 November 1956 it began.',
    expect: (index) => assert.ok(index.data.dates.some((d) => d.edtf === '1956-11-03'), 'no 1956-11-03 found'),
  },
  {
    name: '50,000 "=" on one line, then prose',
    make: () => '='.repeat(50_000) + '\n\nIn 1956 Egypt.\n' + '='.repeat(50_000),
  },
  {
    name: '10,000 "==" heading lines without text, then a title',
    make: () => '==  ==\n'.repeat(10_000) + '= Title =\n',
  },
  {
    name: 'an infobox of 100,000 fields',
    make: () => 'Infobox\n' + Array.from({ length: 100_000 }, (_, i) => `- Key ${i}: ${1 + (i % 28)} March ${1900 + (i % 100)}`).join('\n') + '\n',
  },
  {
    name: 'one sentence of 50,000 dates',
    make: () => 'The talks were held on ' + Array.from({ length: 50_000 }, (_, i) => `${1 + (i % 28)} March ${1900 + (i % 100)}`).join(', ') + '.',
    expect: (index) => {
      assert.ok(index.data.dates.length >= 50_000 * 0.9, `${index.data.dates.length} dates`);
      assert.ok(index.data.events.length >= 1, 'no event');
    },
  },
  {
    name: '50,000 sentences naming the same people',
    make: () => 'Gamal Abdel Nasser met Kim Il Sung in Pyongyang in 1961. Nasser then visited Cairo. '.repeat(25_000),
    expect: (index) => assert.ok(index.data.entities.length >= 2 && index.data.entities.length < 100, `${index.data.entities.length} entities`),
  },
  {
    name: 'date-word soup without dates (months, numbers and range words, 1 MB)',
    make: () => {
      const words = ['March', 'between', 'and', 'from', 'to', 'the', '19th', 'of', 'early', '–', 'or', 'BC', 'century', 'mid-', ','];
      const next = random(11);
      let s = '';
      while (s.length < 1_000_000) s += words[Math.floor(next() * words.length)] + ' ';
      return s;
    },
  },
  {
    name: 'a million-character string of astral characters and combining marks',
    make: () => '𓂀\u0301😀\u200D'.repeat(170_000),
    expect: (index) => assert.equal(index.data.dates.length, 0),
  },
  {
    name: 'a 1 MB string of lone surrogates and NULs',
    make: () => '\uD800\u0000\uDC00\uDC00\uD800'.repeat(200_000),
  },
  // Setext headings cost micromark quadratic time in one parse; the parser cuts segments between them.
  {
    name: '5,000 setext headings without blank lines ("a" over "-")',
    make: () => 'Part\n-\n'.repeat(5_000),
    expect: (index) => assert.equal(index.data.sections.length, 5_000),
  },
  {
    name: '5,000 setext headings between blank lines ("==" over "==")',
    make: () => '==\n==\n\n'.repeat(5_000),
    // the first level-1 heading is the title
    expect: (index) => assert.deepEqual([index.data.title, index.data.sections.length], ['==', 4_999]),
  },
];


describe('pathological articles: bounded time, sound and sensible index', function () {
  this.timeout(0); // the watchdog catches hangs
  let baseline: Baseline;
  let watchdog: Watchdog;
  const timings: string[] = [];

  before(() => {
    watchdog = new Watchdog();
    const sample = sampleText();
    baseline = watchdog.guard('baseline on the sample', 120_000, sample, () => measureBaseline((t) => buildIndex(t), sample));
  });

  after(async () => {
    await watchdog?.close();
    console.log(`\npathological: baseline ${(baseline.perChar * 1000).toFixed(3)} µs/char (the sample)\n${timings.join('\n')}`);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const text = c.make();
      const budget = budgetMs(baseline, text.length, FACTOR);
      const timed = watchdog.guard(`pathological case "${c.name}"`, hangDeadline(budget), text, () => timeWithin(() => buildIndex(text), budget));
      const perChar = timed.ms / Math.max(text.length, 1);
      timings.push(`  ${(perChar / baseline.perChar).toFixed(2).padStart(7)}× per char  ${timed.ms.toFixed(0).padStart(6)} ms  ${String(text.length).padStart(9)} chars  ${c.name}`);
      const index = timed.result;
      const problems = watchdog.guard(`checking "${c.name}"`, hangDeadline(budget * 4), text, () => indexProblems(text, index));
      if (problems.length) assert.fail(`unsound index:\n  ${problems.join('\n  ')}`);
      c.expect?.(index, text);
      assert.ok(
        timed.ms <= budget,
        `${text.length} chars took ${timed.ms.toFixed(0)} ms (best of ${timed.runs}): ${(perChar / baseline.perChar).toFixed(1)}× the per-char cost ` +
          `of ordinary prose (${(baseline.perChar * 1000).toFixed(3)} µs/char), over the budget of ${budget.toFixed(0)} ms (${FACTOR}×)`,
      );
    });
  }
});

describe('hostile payloads in every place of an article: kept as exact text, nothing thrown', function () {
  this.timeout(0);
  const covers = (span: { start: number; end: number }, p: Placement) => span.start <= p.start && p.end <= span.end;

  /** The places the index shows a placement's text: each must hold the payload verbatim. */
  function keptAt(article: PayloadArticle, index: ArticleIndex, p: Placement): string[] {
    const { data } = index;
    const value = p.payload.value;
    const holders: string[] = [];
    if (data.titleSpan && covers(data.titleSpan, p)) holders.push('title span');
    if (data.titleSpan && covers(data.titleSpan, p) && data.title?.includes(value)) holders.push('title');
    for (const s of data.sections) if (covers(s.heading, p)) holders.push('heading span');
    for (const s of data.sections) if (covers(s.heading, p) && s.title.includes(value)) holders.push('section title');
    for (const f of data.infobox) {
      if (covers(f.keySpan, p) && f.key.includes(value)) holders.push('infobox key');
      if (covers(f.valueSpan, p) && f.value.includes(value)) holders.push('infobox value');
    }
    for (const l of data.wikiLinks) if (covers(l.labelSpan, p) && l.label === value) holders.push('wiki link label');
    for (const e of data.events) if (covers(e, p) && e.text.includes(value)) holders.push('event');
    for (const q of data.passages) if (covers(q, p) && article.text.slice(q.start, q.end).includes(value)) holders.push(`${q.kind} passage`);
    return holders;
  }

  // Titles are labels: the heading's plain text, its Markdown read (HTML dropped, references
  // decoded, NUL as U+FFFD). What must hold is that the heading's span covers the payload.
  const expected: Record<Placement['where'], string> = {
    title: 'title span',
    heading: 'heading span',
    'infobox-key': 'infobox key',
    'infobox-value': 'infobox value',
    entity: 'event',
    date: 'event',
    prose: 'event',
    'list-item': 'event',
    'wiki-link': 'wiki link label',
  };

  /** Where a placement must show up; Markdown's own reading of a line start is allowed for. */
  function wanted(p: Placement): string[] {
    const value = p.payload.value;
    const long = value.length > 80;
    if (p.where === 'infobox-key') {
      // "- <script>…", "- <!--…", "- ```js…": an HTML block or a code fence, which make no passage.
      if (/^(<(script|style|iframe|!--)|```)/i.test(value)) return ['nothing', 'list-item passage'];
      // A key is what precedes the first colon, within 80 characters; else the line is a list item.
      if (value.includes(':') || long) return ['infobox passage', 'list-item passage'];
    }
    if (p.where === 'heading' && long) return [expected.heading, 'prose passage'];
    if (p.where === 'wiki-link' && (long || value.includes('\0'))) return [expected['wiki-link'], 'event'];
    return [expected[p.where]];
  }

  for (const [name, make] of [['plain article format', payloadArticle], ['Markdown', payloadMarkdownArticle]] as const) {
    it(`${name}: every payload where it was put, verbatim`, () => {
      const article = make(PAYLOADS);
      let index!: ArticleIndex;
      assert.doesNotThrow(() => (index = buildIndex(article.text)));
      const problems = indexProblems(article.text, index);
      if (problems.length) assert.fail(`unsound index:\n  ${problems.join('\n  ')}`);
      const lost: string[] = [];
      for (const p of article.placements) {
        const holders = keptAt(article, index, p);
        const want = wanted(p);
        if (!want.some((w) => (w === 'nothing' ? holders.length === 0 : holders.includes(w))))
          lost.push(`${p.payload.name} (${p.where}): wanted in ${want.join(' or ')}, found in ${holders.join(', ') || 'nothing'}`);
      }
      if (lost.length) assert.fail(`payloads not kept verbatim:\n  ${lost.join('\n  ')}`);
      const headings = article.placements.filter((p) => p.where === 'heading');
      const relabelled = headings.filter((p) => !keptAt(article, index, p).includes('section title')).map((p) => p.payload.name);
      console.log(`    (${name}: ${relabelled.length} of ${headings.length} heading payloads are not verbatim in the section title, read as Markdown: ${relabelled.slice(0, 8).join(', ')}${relabelled.length > 8 ? ', …' : ''})`);
      // Through the JSON the CLI prints and back: still the same text.
      const json = JSON.parse(JSON.stringify(toIndexJson('payloads.txt', index))) as { events: { start: number; end: number; text: string }[] };
      for (const e of json.events) assert.equal(e.text, article.text.slice(e.start, e.end));
    });
  }

  it('every payload alone, as a whole article and next to a date', () => {
    for (const p of PAYLOADS) {
      for (const text of [p.value, `${p.value} 3 November 1956`, `3 November 1956${p.value}`, `= ${p.value} =\n==${p.value}==\n- ${p.value}: ${p.value}\n`]) {
        const index = buildIndex(text);
        const problems = indexProblems(text, index);
        if (problems.length) assert.fail(`${p.name} in ${JSON.stringify(text.slice(0, 80))}:\n  ${problems.join('\n  ')}`);
      }
    }
  });
});

describe('pathological files through the command line', function () {
  this.timeout(0);
  let dir = '';
  let cli = '';
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000 });
  let perChar = 0;
  let startupMs = 0;

  before(async () => {
    // Made here, not when the file loads: a run that skips these tests leaves no directory behind.
    dir = mkdtempSync(join(tmpdir(), 'chronolens-pathological-'));
    cli = join(dir, 'cli.js');
    // The CLI as shipped: the same esbuild bundle `npm run build` makes.
    await build({ entryPoints: [join(ROOT, 'src/cli.ts')], bundle: true, ...nodeTarget, format: 'cjs', outfile: cli, logLevel: 'error' });
    const sample = join(ROOT, 'samples', 'egypt-north-korea.txt');
    // Start-up plus one sample, best of three; and the in-process per-char cost for the rest.
    startupMs = Math.min(...[0, 1, 2].map(() => timeIt(() => assert.equal(run('index', sample).status, 0))));
    perChar = measureBaseline((t) => buildIndex(t), sampleText()).perChar;
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a binary file: one line naming it, exit 2', () => {
    const file = join(dir, 'blob.bin');
    writeFileSync(file, randomBytes(100_000, 3));
    const result = run('index', '--json', file);
    assert.equal(result.status, 2, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, new RegExp(`^chronolens: ${escape(file)}: looks binary[^\n]*\n$`));
  });

  it('random bytes without NUL (not caught as binary): indexed as text, exit 0', () => {
    const file = join(dir, 'noise.txt');
    writeFileSync(file, randomBytes(200_000, 4, true));
    const result = run('index', '--json', file);
    assert.equal(result.status, 0, result.stderr);
    const index = JSON.parse(result.stdout);
    assert.equal(index.schema, 'chronolens.index/1');
  });

  it('a NUL past the first 8 KB: indexed as text, offsets into the text with the NUL', () => {
    const file = join(dir, 'late-nul.txt');
    const text = 'x'.repeat(9000) + '\u0000 In 1956 Egypt.\n';
    writeFileSync(file, text);
    const result = run('index', '--json', file);
    assert.equal(result.status, 0, result.stderr);
    const date = JSON.parse(result.stdout).dates.find((d: { edtf: string }) => d.edtf === '1956');
    assert.ok(date, 'no 1956');
    assert.equal(text.slice(date.start, date.end), date.text);
  });

  it('a UTF-16 file (NUL bytes): reported as binary, exit 2', () => {
    const file = join(dir, 'utf16.txt');
    writeFileSync(file, Buffer.from('\uFEFFIn 1956 Egypt.', 'utf16le'));
    const result = run('index', file);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /looks binary/);
  });

  it('a directory: one line naming it, exit 2', () => {
    const result = run('index', '--json', dir);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `chronolens: ${dir}: is a directory\n`);
    assert.equal(run('timeline', dir).status, 2);
  });

  it('an empty file: an empty index, exit 0; an empty timeline', () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const result = run('index', '--json', file);
    assert.equal(result.status, 0, result.stderr);
    const index = JSON.parse(result.stdout);
    assert.deepEqual([index.title, index.sections, index.dates, index.entities, index.events], [null, [], [], [], []]);
    for (const format of ['table', 'markdown', 'csv', 'json']) assert.equal(run('timeline', file, '--format', format).status, 0, format);
    assert.deepEqual(JSON.parse(run('timeline', file, '--format', 'json').stdout), []);
  });

  it('an overrides file of the wrong shape: ignored where ill-typed, not a crash', () => {
    const overrides = join(dir, 'overrides.json');
    const sample = join(ROOT, 'samples', 'egypt-north-korea.txt');
    for (const json of ['{"aliases": {"Nasser": 5}, "ignore": "Nasser", "types": {"Egypt": "alien"}}', '[1, 2]', 'null', '"x"', '{"ignore": [null, 5]}']) {
      writeFileSync(overrides, json);
      const result = run('index', '--json', '--overrides', overrides, sample);
      assert.equal(result.status, 0, `${json}: ${result.stderr}`);
      assert.ok(JSON.parse(result.stdout).entities.length > 0, json);
    }
    writeFileSync(overrides, '{not json');
    const bad = run('index', '--overrides', overrides, sample);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not a readable JSON overrides file/);
  });

  it('a file holding only a byte-order mark: as empty', () => {
    const file = join(dir, 'bom.txt');
    writeFileSync(file, '\uFEFF');
    const result = run('index', '--json', file);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).dates, []);
  });

  it('a 5 MB file: indexed within the same per-char budget as in process (plus start-up)', () => {
    const file = join(dir, 'big.txt');
    const text = proseOf(5_000_000).text;
    writeFileSync(file, text);
    const budget = startupMs + FACTOR * perChar * text.length;
    let result!: ReturnType<typeof run>;
    const ms = timeIt(() => (result = run('index', file)));
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^.*big\.txt: .*, \d+ sections, \d+ dates, \d+ entities, \d+ events\n$/);
    assert.ok(ms <= budget, `${ms.toFixed(0)} ms for ${text.length} chars, budget ${budget.toFixed(0)} ms (start-up ${startupMs.toFixed(0)} ms + ${FACTOR}× in-process per-char cost)`);
    const json = run('index', '--json', file);
    assert.equal(json.status, 0, json.stderr);
    const index = JSON.parse(json.stdout);
    for (const d of index.dates.slice(0, 1000)) assert.equal(text.slice(d.start, d.end), d.text);
    const timeline = run('timeline', file, '--format', 'csv');
    assert.equal(timeline.status, 0, timeline.stderr);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
