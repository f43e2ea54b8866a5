// The date tagger in segments (incremental indexing): the same mentions however the text is cut,
// with or without a cache, over random edits of real article text; unchanged segments reuse.
import * as assert from 'node:assert/strict';
import { tagDates, type DateTaggerOptions } from '../../src/core/dates';
import type { ParsedArticle, Span } from '../../src/core/types';
import { GenerationalCache, type WorkCache } from '../../src/core/workCache';
import { wikiWarsOrSkip } from '../fixtures/corpus';

const noArticle: ParsedArticle = { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };

/** Segments as the parser cuts them: at paragraph starts after a blank line, about every `size` characters. */
function cut(text: string, size: number): Span[] {
  const out: Span[] = [];
  let start = 0;
  const blank = /\n[ \t]*\n\s*/g;
  for (let m = blank.exec(text); m !== null; m = blank.exec(text)) {
    const next = m.index + m[0].length;
    if (next < text.length && next - start >= size) {
      out.push({ start, end: next });
      start = next;
    }
  }
  out.push({ start, end: text.length });
  return out;
}

/** The tagger's work a cache holds (one entry, a map by segment text): each segment's reads and walks. */
function cachedWork(cache: WorkCache<unknown>): { reads: Set<unknown>; walks: Set<unknown> } {
  const bySegmentText = cache.get('dates/segments') as Map<string, { reads: Map<string, unknown>; walks: Map<string, unknown> }> | undefined;
  const entries = [...(bySegmentText?.values() ?? [])];
  return { reads: new Set(entries.flatMap((e) => [...e.reads.values()])), walks: new Set(entries.flatMap((e) => [...e.walks.values()])) };
}

/** How many of `now` were not in `before`: done again. */
function doneAgain(before: Set<unknown>, now: Set<unknown>): number {
  return [...now].filter((w) => !before.has(w)).length;
}

/** Deterministic pseudo-random numbers (a test failure can be replayed). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

const INSERTIONS = ['In 1920, ', 'the next day ', 'that year ', '\n\n', 'x', ' ', '"', 'BC ', '1917', 'June ', '.'];

describe('dates: segments and incremental tagging', function () {
  this.timeout(120_000);
  let corpus: string[] = [];
  before(function () {
    corpus = wikiWarsOrSkip(this);
  });

  it('gives the same mentions in one segment or many, cut at paragraph starts', () => {
    for (const text of corpus) {
      const whole = tagDates(text, noArticle);
      for (const size of [1, 2000]) assert.deepEqual(tagDates(text, noArticle, {}, { segments: cut(text, size) }), whole);
    }
  });

  for (const options of [{}, { compounds: 'split' }] as DateTaggerOptions[]) {
    it(`gives the same mentions with a cache as without, over random edits (${options.compounds ?? 'merge'})`, () => {
      const next = random(options.compounds ? 11 : 7);
      let text = corpus.slice(0, 4).join('\n\n');
      const cache = new GenerationalCache<unknown>();
      for (let edit = 0; edit < 30; edit++) {
        const at = next(text.length);
        if (next(3) === 0) text = text.slice(0, at) + text.slice(at + 1 + next(40));
        else text = text.slice(0, at) + INSERTIONS[next(INSERTIONS.length)] + text.slice(at);
        const segments = cut(text, 3000);
        cache.nextGeneration();
        const incremental = tagDates(text, noArticle, options, { segments, cache });
        assert.deepEqual(incremental, tagDates(text, noArticle, options, { segments }), `edit ${edit} at ${at}`);
        assert.deepEqual(incremental, tagDates(text, noArticle, options), `edit ${edit} at ${at}: one segment`);
      }
    });
  }

  it('walks a segment again when the story coming in has changed, even by a day', () => {
    const cache = new GenerationalCache<unknown>();
    const next = 'The next day, the army crossed the river. In June it reached the coast.';
    for (const first of ['On 3 May 1920 the war began.', 'On 4 May 1920 the war began.', 'On 4 May 1920 the war began!', 'In May 1920 the war began.', 'The war began.']) {
      const text = `${first}\n\n${next}`;
      const segments = [{ start: 0, end: first.length + 2 }, { start: first.length + 2, end: text.length }];
      cache.nextGeneration();
      assert.deepEqual(tagDates(text, noArticle, {}, { segments, cache }), tagDates(text, noArticle), first);
    }
  });

  it('re-reads only the edited segment, and reuses the story before it', () => {
    let text = corpus.slice(0, 4).join('\n\n');
    const segments = cut(text, 3000);
    assert.ok(segments.length > 10);
    const cache = new GenerationalCache<unknown>();
    tagDates(text, noArticle, {}, { segments, cache });
    const next = random(3);
    for (let edit = 0; edit < 20; edit++) {
      // one letter changed inside a word, in some segment k
      let at = next(text.length);
      while (!/[a-z]/.test(text[at]) || !/[a-z]/.test(text[at - 1]) || !/[a-z]/.test(text[at + 1])) at++;
      const edited = text.slice(0, at) + (text[at] === 'q' ? 'z' : 'q') + text.slice(at + 1);
      const k = segments.findIndex((s) => at >= s.start && at < s.end);
      const before = cachedWork(cache);
      cache.nextGeneration();
      const incremental = tagDates(edited, noArticle, {}, { segments, cache });
      assert.deepEqual(incremental, tagDates(edited, noArticle, {}, { segments }));
      const now = cachedWork(cache);
      assert.equal(doneAgain(before.reads, now.reads), 1, `edit ${edit}: one segment read again`);
      assert.equal(now.reads.size, segments.length, `edit ${edit}: the cache holds this text's reads only`);
      // the story before segment k is unchanged: its walk is reused; after it, reused unless the edit changed the story
      const walkedAgain = doneAgain(before.walks, now.walks);
      assert.ok(walkedAgain >= 1 && walkedAgain <= segments.length - k, `edit ${edit}: the ${k} segments before the edit reuse their walk (${walkedAgain} walked again)`);
      text = edited;
    }
  });
});
