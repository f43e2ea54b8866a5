// Per-segment extraction (issue 6): an incremental extraction, reusing the cached work of
// unchanged segments and the last build's groups, gives exactly what a full extraction over the
// same segments gives, on real text (WikiWars, read from ../shared at test time) under random
// edits and edits that split, merge and rename entities; untouched segments come from the cache;
// a text that is one segment gives what extraction without segments gives.
import * as assert from 'node:assert/strict';
import { extractEntities } from '../../src/core/entities';
import { parseArticle } from '../../src/core/parse';
import type { Entity, IndexOptions, ParsedArticle, Span } from '../../src/core/types';
import { GenerationalCache, type WorkCache } from '../../src/core/workCache';
import { sampleText, wikiWarsTexts } from '../fixtures/corpus';

const sample = sampleText();
const corpus = wikiWarsTexts().texts;

/** Cuts like the parser's: at paragraph starts after a blank line, segments of about `target` characters. */
function segmentsOf(text: string, target = 8_000): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let at = text.indexOf('\n\n', target); at >= 0; at = text.indexOf('\n\n', start + target)) {
    let cut = at + 2;
    while (text[cut] === '\n') cut++;
    if (cut >= text.length) break;
    spans.push({ start, end: cut });
    start = cut;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** The segment works a cache holds (placeSegments keeps them in one entry, a map by segment text). */
function cachedWorks(cache: WorkCache<unknown>): Set<unknown> {
  const bySegmentText = cache.get('entities/segments/1') as Map<string, { work: unknown }> | undefined;
  return new Set([...(bySegmentText?.values() ?? [])].map((c) => c.work));
}

/** How many of the works in `now` were not in `before`: segments read again. */
function readAgain(before: Set<unknown>, now: Set<unknown>): number {
  return [...now].filter((w) => !before.has(w)).length;
}

/** A seeded generator (mulberry32): the same edits on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit: a character typed, deleted or replaced, a word or a capitalised name inserted, a line break. */
function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * text.length);
  const pieces = ['a', 'X', ' ', '.', ' Nasser ', ' the United Nations ', 'Kim Il Sung said ', '\n\n', '-', "'s"];
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at);
    case 2:
      return text.slice(0, at) + pieces[Math.floor(rnd() * 3)] + text.slice(at + 1);
    default: {
      // A whole paragraph moved to the end: many segments shift, their texts stay.
      const from = text.indexOf('\n\n', at);
      const to = from < 0 ? -1 : text.indexOf('\n\n', from + 2);
      return to < 0 ? text + ' Sadat' : text.slice(0, from) + text.slice(to) + text.slice(from, to);
    }
  }
}

function full(text: string, article: ParsedArticle, segments: Span[], options?: IndexOptions): Entity[] {
  return extractEntities(text, article, options, { segments });
}

/** `text` with the `nth` (0-based) whole-word occurrence of `word` replaced (unchanged if there is none). */
function replaceNth(text: string, word: string, nth: number, by: string): string {
  const found = [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))];
  if (!found.length) return text;
  const at = found[nth % found.length].index!;
  return text.slice(0, at) + by + text.slice(at + word.length);
}

/** The most mentioned one-word form of a person in `entities` (a short name: "Giap", "Lee"). */
function busiestShortName(entities: Entity[]): string {
  const people = entities.filter((e) => e.type === 'person').sort((a, b) => b.mentions.length - a.mentions.length);
  for (const e of people) for (const form of [e.name, ...e.aliases]) if (/^\p{Lu}\p{Ll}+$/u.test(form)) return form;
  throw new Error('no one-word person name');
}

/**
 * Applies `edits` one after the other, each build incremental on the last one's cache, and checks
 * each against a full build. Returns each build's entities (to see that the edits mattered).
 */
function checkEdits(start: string, edits: Array<(text: string) => string>, options?: IndexOptions, segmentSize?: number): Entity[][] {
  const cache = new GenerationalCache<unknown>();
  let text = start;
  const builds: Entity[][] = [];
  for (const [round, edit] of [(t: string) => t, ...edits].entries()) {
    text = edit(text);
    const article = parseArticle(text);
    const segments = segmentsOf(text, segmentSize);
    cache.nextGeneration();
    const incremental = extractEntities(text, article, options, { segments, cache });
    assert.deepEqual(incremental, full(text, article, segments, options), `edit ${round}: incremental = full`);
    builds.push(incremental);
  }
  return builds;
}

describe('entities: per-segment work', () => {
  before(function () {
    if (!corpus.length) this.skip();
  });

  it('gives with a warm cache exactly what it gives without one, over random edits of WikiWars text', function () {
    this.timeout(120_000);
    const rnd = random(6);
    let text = corpus.slice(0, 6).join('\n\n');
    const cache = new GenerationalCache<unknown>();
    let before = new Set<unknown>();
    for (let round = 0; round < 12; round++) {
      const article = parseArticle(text);
      const segments = segmentsOf(text);
      assert.ok(segments.length > 10, 'the text is many segments');
      cache.nextGeneration();
      const incremental = extractEntities(text, article, undefined, { segments, cache });
      assert.deepEqual(incremental, full(text, article, segments), `round ${round}: incremental = full`);
      const now = cachedWorks(cache);
      if (round > 0) assert.ok(readAgain(before, now) <= segments.length / 2, `round ${round}: most segments come from the cache (${readAgain(before, now)} of ${segments.length} read again)`);
      before = now;
      text = edit(text, rnd);
    }
  });

  it('follows names that are renamed, deleted and given new forms: groups split and merge as in a full build', function () {
    this.timeout(120_000);
    // WikiWars text around the sample article (which names Sadat as "Anwar Sadat", "Anwar el-Sadat" and "Sadat").
    const start = [...corpus.slice(0, 3), sample, ...corpus.slice(3, 5)].join('\n\n');
    const name = busiestShortName(full(start, parseArticle(start), segmentsOf(start)));
    const edits: Array<(text: string) => string> = [
      (t) => replaceNth(t, 'Sadat', 2, 'Sadot'), // one mention leaves the group: a new entity
      (t) => replaceNth(t, 'Sadot', 0, 'Sadat'), // and comes back: the groups merge again
      (t) => replaceNth(t, 'Sadat', 2, ''), // a mention deleted
      (t) => replaceNth(t, 'Nasser', 0, 'Gamal Abdel Nasser'), // a fuller form: short forms join it
      (t) => replaceNth(t, name, 3, `${name}o`), // the busiest short name of the WikiWars text, renamed once
      (t) => replaceNth(t, name, 5, ''), // and one of its mentions deleted
      (t) => replaceNth(t, name, 1, `General ${name}`), // a title before it
      (t) => replaceNth(t, `${name}o`, 0, name),
      (t) => t.replace('\n\n', ` ${name} said.\n\n`), // a new mention at the top
      (t) => `The ${name} Line (UN).\n\n${t}`, // a new segment first: every segment moves up one place
    ];
    const counts = checkEdits(start, edits).map((entities) => entities.length);
    assert.ok(new Set(counts).size > 2, `the edits changed the entities (${counts.join(', ')})`);
  });

  it("gives what a full build gives under the user's overrides, as names change", function () {
    this.timeout(120_000);
    const start = [corpus[0], sample, corpus[1]].join('\n\n');
    const options: IndexOptions = { entities: { aliases: { Sadot: 'Anwar Sadat', Rais: 'Gamal Abdel Nasser' }, types: { Sadot: 'place' }, ignore: ['Egypt'] } };
    checkEdits(start, [
      (t) => replaceNth(t, 'Sadat', 2, 'Sadot'),
      (t) => replaceNth(t, 'Nasser', 0, 'Rais'),
      (t) => replaceNth(t, 'Sadot', 0, 'Sadat'),
      (t) => replaceNth(t, 'Egypt', 1, 'Egipt'),
    ], options);
  });

  it('follows edits far from a name that change whether it is one', function () {
    this.timeout(120_000);
    // Each of these words is written once in lower case, and that decides, through the document's
    // evidence, how a capitalised form more than 10 KB away is read ("Historian" opening a sentence,
    // "Chiang Kai-Shek"). Found by deleting, one at a time, every such word of these texts.
    const text = corpus.slice(0, 6).join('\n\n');
    const words = ['historian', 'journalist', 'rivers', 'shek', 'tung'];
    const seenAs = (entities: Entity[]) => entities.map((e) => `${e.name}:${e.type}:${e.mentions.length}`).join('|');
    const edits = words.flatMap((word) => {
      let removedAt = -1;
      return [
        (t: string) => {
          removedAt = t.search(new RegExp(`\\b${word}\\b`));
          return removedAt < 0 ? t : t.slice(0, removedAt) + t.slice(removedAt + word.length);
        },
        (t: string) => (removedAt < 0 ? t : t.slice(0, removedAt) + word + t.slice(removedAt)),
      ];
    });
    const seen = checkEdits(text, edits).map(seenAs);
    // Each deletion (odd rounds) should change what a reader sees, and putting the word back undo it.
    const mattered = words.filter((_, i) => seen[2 * i + 1] !== seen[2 * i] && seen[2 * i + 2] === seen[0]).length;
    assert.ok(mattered >= 3, `${mattered} of the deletions changed the entities`);
  });

  it('counts a repeated segment once per copy: deleting a copy changes what the other segments keep', () => {
    // "Historian" alone is a name unless the document writes "historian" in lower case more often
    // than that; the lower-case word is in a paragraph that stands twice, then once, then twice.
    const named = 'Much later the committee asked Historian about the war.';
    const repeated = 'The historian was not convinced by the report.';
    const start = [named, repeated, repeated, corpus[0]].join('\n\n');
    const dropCopy = (t: string) => t.replace(`${repeated}\n\n${repeated}`, repeated);
    const addCopy = (t: string) => t.replace(repeated, `${repeated}\n\n${repeated}`);
    const builds = checkEdits(start, [dropCopy, addCopy], undefined, 1); // a segment per paragraph
    assert.deepEqual(builds.map((entities) => entities.some((e) => e.name === 'Historian')), [false, true, false]);
  });

  it('tells apart the lower-case counts of two words that hash alike', () => {
    // "ldoanna" and "hiwhald" have one FNV-1a hash, by which the document finds the words it counts
    // (lowerWords.ts). "Hiwhald", never written in lower case, is a name: pasted in, then as
    // "ldoanna" is written more often, and once capitalised, which is then no name.
    const ordinary = 'They called it ldoanna, a ldoanna of the hills; the ldoanna was cold.';
    const named = 'The envoy met Hiwhald at the port, and Hiwhald signed the treaty.';
    const builds = checkEdits([ordinary, corpus[0]].join('\n\n'), [
      (t) => `${named}\n\n${t}`,
      (t) => t.replace('of the hills', 'of the ldoanna hills'),
      (t) => t.replace('was cold.', 'was cold when Ldoanna came up in talks.'),
    ], undefined, 1); // a segment per paragraph
    const names = builds.map((entities) => ['Hiwhald', 'Ldoanna'].filter((name) => entities.some((e) => e.name === name)));
    assert.deepEqual(names, [[], ['Hiwhald'], ['Hiwhald'], ['Hiwhald']]);
  });

  it('reads again only the segment an edit touched', function () {
    this.timeout(60_000);
    const text = corpus.slice(0, 4).join('\n\n');
    const segments = segmentsOf(text);
    const cache = new GenerationalCache<unknown>();
    extractEntities(text, parseArticle(text), undefined, { segments, cache });
    const before = cachedWorks(cache);

    // One character typed in the middle of one segment's text.
    const middle = segments[segments.length >> 1];
    const at = middle.start + ((middle.end - middle.start) >> 1);
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const editedSegments = segments.map((s) => ({ start: s.start + (s.start > at ? 1 : 0), end: s.end + (s.end > at ? 1 : 0) }));
    const article = parseArticle(edited);
    cache.nextGeneration();
    const incremental = extractEntities(edited, article, undefined, { segments: editedSegments, cache });
    assert.equal(readAgain(before, cachedWorks(cache)), 1, 'one segment read again');
    assert.equal(cachedWorks(cache).size, editedSegments.length, 'the cache holds the segments of the new text only');
    assert.deepEqual(incremental, full(edited, article, editedSegments));
  });

  it('gives for a text that is one segment what it gives without segments', () => {
    for (const text of corpus.slice(0, 5)) {
      const article = parseArticle(text);
      assert.deepEqual(extractEntities(text, article, undefined, { segments: [{ start: 0, end: text.length }] }), extractEntities(text, article));
    }
  });

  it('reuses a segment that moved: offsets stay relative to it', () => {
    const [a, b] = corpus;
    const cache = new GenerationalCache<unknown>();
    const first = `${a}\n\n${b}\n\n`;
    extractEntities(first, parseArticle(first), undefined, { segments: [{ start: 0, end: a.length + 2 }, { start: a.length + 2, end: first.length }], cache });
    const before = cachedWorks(cache);
    // b now comes first: both segment texts are unchanged.
    const swapped = `${b}\n\n${a}\n\n`;
    const segments = [{ start: 0, end: b.length + 2 }, { start: b.length + 2, end: swapped.length }];
    const article = parseArticle(swapped);
    cache.nextGeneration();
    const moved = extractEntities(swapped, article, undefined, { segments, cache });
    assert.equal(readAgain(before, cachedWorks(cache)), 0, 'both segments from the cache');
    assert.deepEqual(moved, full(swapped, article, segments));
    for (const e of moved) for (const m of e.mentions) assert.equal(swapped.slice(m.start, m.end), m.text, 'mentions are slices of the new text');
  });
});
