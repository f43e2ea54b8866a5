// Planning the segments of an edited text from the plan of its previous version (planSegmentsFrom,
// src/core/parse/segments.ts) must give exactly planSegments of the new text. Random edits of texts
// over 64 KB (WikiWars prose with blocks that make hazard segments), among them edits that add or
// remove what the planner carries from line to line: fences, HTML blocks, link reference
// definitions, setext underlines, blank lines.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticleInSegments, type ParseResult, type SegmentParseCache } from '../../src/core/parse';
import { planSegments, planSegmentsFrom, SEGMENT_MIN, type SegmentPlan } from '../../src/core/parse/segments';
import { prose } from '../fixtures/corpus';

const SEED = Number(process.env.CHRONOLENS_FUZZ_SEED ?? 20261129);
const PROSE = prose(400_000);

/** Blocks the planner treats specially: hazards (own segments, flags), and markup spanning lines. */
const BLOCKS = [
  'See [a](b) and [c][d]. '.repeat(120), // links off
  '*a* _b_ '.repeat(200), // emphasis off
  Array.from({ length: 30 }, (_, i) => '> '.repeat(i + 1) + 'deep').join('\n'), // plain
  '[*_<&'.repeat(7000), // symbol soup: plain
  Array.from({ length: 40 }, (_, i) => `Heading ${i}\n---`).join('\n'), // setext cuts
  '```\ncode\n\n== not a heading ==\n```',
  '~~~~\nopen fence',
  '<!--\n\n== hidden ==\n\n-->',
  '<div>\ninside\n</div>',
  '<pre>\n\nkept\n\n</pre>',
  '- item\n  ```\n  code\n\nafter',
  '[ref]: https://example.org',
  '== Part ==\nText under it.',
];

/** What an edit inserts: each can change the state the planner carries past a line. */
const SNIPPETS = [
  'x', ' ', '\n', '\n\n', '\r\n', '\r', '```\n', '```', '~~~\n', '[x]: y\n', '[x]: y', '---\n', '===\n', 'Title\n===\n',
  '<div>\n', '</div>\n', '<!--\n', '-->\n', '<pre>\n', '</pre>\n', '== Part ==\n', '# Part\n', '> ', '- ', '](', '*',
  'A\n-\n'.repeat(40),
];

type Edit =
  | { kind: 'insert'; at: number; lineStart: boolean; snippet: string }
  | { kind: 'overwrite'; at: number; lineStart: boolean; snippet: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'paste'; at: number; from: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), lineStart: fc.boolean(), snippet: fc.constantFrom(...SNIPPETS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), lineStart: fc.boolean(), snippet: fc.constantFrom(...SNIPPETS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40_000 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('paste' as const), at: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 8000 }) }) },
);

function apply(text: string, e: Edit): string {
  let at = e.at % (text.length + 1);
  switch (e.kind) {
    case 'insert':
    case 'overwrite':
      if (e.lineStart) at = text.lastIndexOf('\n', at - 1) + 1;
      // Overwriting keeps the length: the old plan holds unshifted right after the edit.
      return text.slice(0, at) + e.snippet + text.slice(e.kind === 'insert' ? at : at + e.snippet.length);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'paste': {
      const from = e.from % text.length;
      return text.slice(0, at) + text.slice(from, from + e.length) + text.slice(at);
    }
  }
}

/** A text of `length` characters of prose from `from`, with blocks put in at paragraph starts. */
function article(from: number, length: number, blocks: { at: number; block: number }[], crlf: boolean): string {
  let text = PROSE.slice(from, from + length);
  for (const { at, block } of blocks) {
    const p = text.indexOf('\n\n', at % text.length);
    if (p >= 0) text = text.slice(0, p + 2) + BLOCKS[block] + '\n\n' + text.slice(p + 2);
  }
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
}

/** What article() makes a text over SEGMENT_MIN from (up to `maxLength` long), and 1 to `maxEdits` edits. */
function articleAndEdits(maxLength: number, maxEdits: number) {
  return fc.tuple(
    fc.nat({ max: 200_000 }),
    fc.integer({ min: SEGMENT_MIN + 1000, max: maxLength }),
    fc.array(fc.record({ at: fc.nat(), block: fc.nat({ max: BLOCKS.length - 1 }) }), { maxLength: 8 }),
    fc.boolean(),
    fc.array(edit, { minLength: 1, maxLength: maxEdits }),
  );
}

/** A parse with a cache gives each segment its text: checked against `text`, then left out (a fresh parse has none). */
function checkedTexts(text: string, result: ParseResult): ParseResult {
  for (const seg of result.segments) assert.equal(seg.text, text.slice(seg.start, seg.end), 'a segment carries its text');
  return { ...result, segments: result.segments.map(({ start, end }) => ({ start, end })) };
}

describe('planning segments from the previous version of the text', function () {
  this.timeout(300_000);

  it('gives the plan of the new text after random edits (property)', () => {
    let replans = 0;
    let partial = 0;
    fc.assert(
      fc.property(
        articleAndEdits(180_000, 6),
        ([from, length, blocks, crlf, edits]) => {
          let text = article(from, length, blocks, crlf);
          let plan: SegmentPlan = planSegmentsFrom(text);
          assert.deepEqual(plan.segments, planSegments(text));
          for (const e of edits) {
            text = apply(text, e);
            plan = planSegmentsFrom(text, plan);
            assert.deepEqual(plan.segments, planSegments(text), `after ${JSON.stringify(e)}`);
            replans++;
            if (plan.scanned < text.length / 2) partial++;
          }
        },
      ),
      { seed: SEED, numRuns: Number(process.env.REPLAN_RUNS ?? 150) },
    );
    // Else the property would hold by planning every text from scratch.
    assert.ok(partial > replans / 2, `${partial} of ${replans} plans scanned less than half the text`);
  });

  it('moves only the segments next to an edit: a pasted paragraph or a cut stretch changes one or two', () => {
    // Cuts fall where the text says (content-defined), not at a distance from the last cut: that
    // moved every later cut after an edit until one fell in place again by chance.
    const paragraphs = PROSE.slice(0, 400_000).split(/\n\n+/);
    const texts = {
      'paragraphs between blank lines': paragraphs.join('\n\n'),
      'headings right above their paragraphs, no blank lines': paragraphs.map((p, i) => (i % 3 === 0 ? `== Part ${i} ==\n` : '') + p).join('\n'),
    };
    const pasted = 'In March 1962 the delegation from Cairo met the Soviet ambassador in Moscow, and three weeks later both governments signed a trade agreement.';
    for (const [name, text] of Object.entries(texts)) {
      const before = new Set(planSegments(text).map((s) => text.slice(s.start, s.end)));
      const changed = (edited: string) => planSegments(edited).filter((s) => !before.has(edited.slice(s.start, s.end))).length;
      for (const share of [0.2, 0.4, 0.6, 0.8]) {
        const at = text.indexOf('\n', Math.floor(text.length * share)) + 1;
        const cutEnd = text.indexOf('\n', at + 3000) + 1;
        const edits = { paste: text.slice(0, at) + pasted + '\n\n' + text.slice(at), cut: text.slice(0, at) + text.slice(cutEnd) };
        for (const [what, edited] of Object.entries(edits)) {
          const n = changed(edited);
          assert.ok(n >= 1 && n <= 2, `${name}, ${what} at ${Math.round(share * 100)}%: ${n} segments changed`);
        }
      }
    }
  });

  it('parses the new text as a fresh parse does, reusing what was read from unchanged segments (property)', () => {
    fc.assert(
      fc.property(
        articleAndEdits(120_000, 3),
        ([from, length, blocks, crlf, edits]) => {
          let text = article(from, length, blocks, crlf);
          const cache: SegmentParseCache = {};
          parseArticleInSegments(text, undefined, cache);
          for (const e of edits) {
            text = apply(text, e);
            assert.deepEqual(checkedTexts(text, parseArticleInSegments(text, undefined, cache)), parseArticleInSegments(text), `after ${JSON.stringify(e)}`);
          }
        },
      ),
      { seed: SEED, numRuns: Number(process.env.REPLAN_PARSE_RUNS ?? 25) },
    );
  });

  it('reads a segment again when its text is unchanged but its flags change', () => {
    // One block (no blank line) over several segments, cut at its MediaWiki headings: links are
    // parsed in all of it or in none, by its number of link marks. Its middle segment has some.
    const lines = PROSE.slice(0, 60_000).split(/\n+/).filter((l) => l.length > 20);
    lines.splice(lines.length >> 1, 0, '[It ended. Then it went on](x) '.repeat(100));
    const block = lines.map((l, i) => (i % 6 === 5 ? `== Part ${i} ==` : l)).join('\n');
    const text = `${PROSE.slice(0, 70_000)}\n\n${block}\n\n${PROSE.slice(80_000, 90_000)}`;
    const cache: SegmentParseCache = {};
    parseArticleInSegments(text, undefined, cache);
    // The same length, in the block's first line: more link marks.
    const first = text.indexOf(lines[0], 70_000);
    const more = '[a](b) '.repeat(40);
    const edited = text.slice(0, first) + more + text.slice(first + more.length);
    const before = planSegments(text);
    const flagged = planSegments(edited).filter((s) => s.disable.length && before.some((b) => b.start === s.start && b.end === s.end && !b.disable.length));
    assert.ok(flagged.some((s) => text.slice(s.start, s.end).includes('[It ended.')), 'a segment with links flagged, its text unchanged');
    assert.deepEqual(checkedTexts(edited, parseArticleInSegments(edited, undefined, cache)), parseArticleInSegments(edited));
  });

  it('carries setext underline counts and markup across an edit that keeps the length', () => {
    const headings = (from: number, count: number) => Array.from({ length: count }, (_, i) => `Heading ${from + i}\n---`).join('\n');
    const between = PROSE.slice(0, 3000).replace(/\s+$/, '');
    const rest = PROSE.slice(10_000, 90_000);
    // Setext cuts come after MAX_SETEXT_PER_SEGMENT (32) headings since the last cut, none of them
    // after a line that may open markup. 16 + 15 headings: no cut, until an edit makes one more (and
    // no size cut: they are within SEGMENT_TARGET / 2 of the start).
    const text = [headings(0, 16), between, headings(16, 15), rest].join('\n\n');
    const plan = planSegmentsFrom(text);
    const blank = text.indexOf('\n\n', 500);
    const underlined = text.slice(0, blank) + '\n---\n' + text.slice(blank + 5);
    assert.equal(underlined.length, text.length);
    assert.notDeepEqual(planSegments(underlined), plan.segments);
    assert.deepEqual(planSegmentsFrom(underlined, plan).segments, planSegments(underlined));
    // 36 headings: a cut after the 32nd, unless a line that may open markup comes before them.
    const text2 = [between, headings(0, 36), rest].join('\n\n');
    const plan2 = planSegmentsFrom(text2);
    const line = text2.indexOf('\n\n', 500) + 2;
    const markup = text2.slice(0, line) + '<' + text2.slice(line + 1);
    assert.notDeepEqual(planSegments(markup), plan2.segments);
    assert.deepEqual(planSegmentsFrom(markup, plan2).segments, planSegments(markup));
  });

  it('scans little of 1 MB for a one-character edit', () => {
    let text = prose(1_000_000);
    let plan = planSegmentsFrom(text);
    for (let k = 1; k < 20; k++) {
      const at = text.indexOf(' ', Math.floor((text.length * k) / 20)) + 1;
      text = text.slice(0, at) + 'x' + text.slice(at);
      plan = planSegmentsFrom(text, plan);
      assert.deepEqual(plan.segments, planSegments(text));
      assert.ok(plan.scanned < 100_000, `${plan.scanned} characters scanned after an edit at ${at}`);
    }
  });
});
