// The article parser (src/core/parse): structure and exact offsets on the sample article,
// Markdown, wiki links, CRLF, plain-text WikiWars articles, and hostile inputs.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes } from 'mdast';
import { parseArticle, parseArticleInSegments, readMarkdown, splitSentences } from '../../src/core/parse';
import { proseParagraphs } from '../../src/core/parse/prose';
import { simpleBlocksTree } from '../../src/core/parse/simpleBlocks';
import remarkChronolens from '../../src/core/parse/remarkChronolens';
import { MAX_SETEXT_PER_SEGMENT, SEGMENT_MIN } from '../../src/core/parse/segments';
import type { ParsedArticle } from '../../src/core/types';
import { sampleText, wikiWarsOrSkip, wikiWarsTexts } from '../fixtures/corpus';

const SAMPLE = sampleText();

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
const isWs = (ch: string) => /\s/.test(ch);

/** Invariants every parse must satisfy. */
function checkInvariants(text: string, a: ParsedArticle): void {
  let last = -1;
  for (const p of a.passages) {
    assert.ok(p.start >= 0 && p.end <= text.length && p.start < p.end, `passage out of range ${JSON.stringify(p)}`);
    const t = slice(text, p);
    assert.equal(t, t.trim(), `passage not trimmed: ${JSON.stringify(t.slice(0, 80))}`);
    assert.ok(!isWs(t[0]) && !isWs(t[t.length - 1]));
    assert.ok(p.section >= -1 && p.section < a.sections.length, 'section index in range');
    if (p.section >= 0) {
      const s = a.sections[p.section];
      assert.ok(p.start >= s.start && p.end <= s.end, `passage ${JSON.stringify(t.slice(0, 40))} inside its section ${s.title}`);
    }
    assert.ok(p.start >= last, 'passages in document order');
    last = p.start;
  }
  for (let i = 0; i < a.sections.length; i++) {
    const s = a.sections[i];
    assert.ok(s.start <= s.heading.start && s.heading.end <= s.end && s.end <= text.length, `section ${s.title} spans`);
    assert.equal(s.start, s.heading.start);
    assert.ok(s.title.length > 0 && s.title === s.title.trim());
    if (i > 0) assert.ok(s.start > a.sections[i - 1].start);
  }
  for (const f of a.infobox) {
    assert.equal(slice(text, f.keySpan), f.key);
    assert.equal(slice(text, f.valueSpan), f.value);
  }
  let lastLink = -1;
  for (const w of a.wikiLinks) {
    assert.ok(w.start >= lastLink, 'wiki links in document order, no duplicates');
    lastLink = w.end;
    assert.ok(slice(text, w).startsWith('[[') && slice(text, w).endsWith(']]'));
    assert.equal(slice(text, w.labelSpan), w.label);
    assert.ok(w.labelSpan.start > w.start && w.labelSpan.end < w.end);
  }
  // Titles are the heading's text as read (markup such as links or emphasis dropped).
  if (a.titleSpan) assert.ok(a.title && a.title === a.title.trim() && a.titleSpan.start < a.titleSpan.end);
  else assert.equal(a.title, null);
}

function passageTexts(text: string, a: ParsedArticle, kind?: string): string[] {
  return a.passages.filter((p) => !kind || p.kind === kind).map((p) => slice(text, p));
}

describe('parseArticle: the sample article', () => {
  const a = parseArticle(SAMPLE);

  it('reads the title from the level-1 MediaWiki heading', () => {
    assert.equal(a.title, 'Egypt–North Korea relations');
    assert.deepEqual(a.titleSpan, { start: 2, end: 29 });
  });

  it('has the four sections with exact heading spans', () => {
    assert.deepEqual(
      a.sections.map((s) => [s.title, s.level, slice(SAMPLE, s.heading)]),
      [
        ['History', 2, '==History=='],
        ['Military', 2, '==Military=='],
        ['Economic relations', 2, '==Economic relations=='],
        ['See also', 2, '==See also=='],
      ],
    );
    for (const s of a.sections) assert.equal(s.start, SAMPLE.indexOf(slice(SAMPLE, s.heading)));
    assert.equal(a.sections[0].end, a.sections[1].start);
    assert.equal(a.sections[3].end, SAMPLE.length);
  });

  it('"==Military==" directly followed by text is a heading, and the text is prose of that section', () => {
    const mil = a.sections[1];
    assert.equal(SAMPLE.slice(mil.heading.end, mil.heading.end + 1), '\n');
    assert.equal(SAMPLE.slice(mil.heading.end + 1, mil.heading.end + 7), 'During');
    const first = a.passages.find((p) => p.kind === 'prose' && p.section === 1)!;
    assert.ok(slice(SAMPLE, first).startsWith('During the visit of a North Korean government delegation'));
    assert.ok(!passageTexts(SAMPLE, a).some((t) => t.includes('==')), 'no passage contains heading marks');
  });

  it('reads the infobox as fields, not prose', () => {
    assert.deepEqual(
      a.infobox.map((f) => [f.key, f.value]),
      [['Map', 'Egypt North Korea Locator.png']],
    );
    const fields = a.passages.filter((p) => p.kind === 'infobox');
    assert.equal(fields.length, 1);
    assert.equal(slice(SAMPLE, fields[0]), 'Map: Egypt North Korea Locator.png');
    assert.ok(!passageTexts(SAMPLE, a, 'prose').some((t) => t.includes('Locator') || t.startsWith('Infobox')));
  });

  it('splits the History section into sentences', () => {
    const history = a.passages.filter((p) => p.section === 0 && p.kind === 'prose').map((p) => slice(SAMPLE, p));
    assert.equal(history.length, 13);
    assert.ok(history.includes('During the Suez Crisis, on 3 November 1956, the DPRK issued a declaration of solidarity with Egypt, and sent a small amount of financial aid (60.000 won) in the aftermath of the invasion.'));
    assert.ok(history.includes('Nevertheless, in 1962-1966 Egypt still refrained from rejecting the U.S.-sponsored UN resolutions on Korea; instead, it preferred to abstain from voting.'));
    assert.ok(history.includes('In the aftermath of the Six-Day War, North Korea provided Egypt with food aid (5.000 tons of cereals).'));
    // "… a partnership with the U.S. In 1973–1976, …" is a sentence boundary after an abbreviation.
    assert.ok(history.some((t) => t.endsWith('in favor of a partnership with the U.S.')));
    assert.ok(history.some((t) => t.startsWith('In 1973–1976, Egypt continued')));
  });

  it('gives headings, list items and sections to passages', () => {
    assert.deepEqual(passageTexts(SAMPLE, a, 'heading'), ['Egypt–North Korea relations', 'History', 'Military', 'Economic relations', 'See also']);
    assert.deepEqual(passageTexts(SAMPLE, a, 'list-item'), ['Foreign relations of Egypt', 'Foreign relations of North Korea']);
    assert.ok(a.passages.filter((p) => p.kind === 'list-item').every((p) => p.section === 3));
    const intro = a.passages.filter((p) => p.section === -1).map((p) => p.kind);
    assert.deepEqual(intro, ['heading', 'infobox', 'prose', 'prose']);
    assert.equal(a.passages.length, 38);
    checkInvariants(SAMPLE, a);
  });

  it('keeps every top-level block offset', () => {
    const { segments, article } = parseArticleInSegments(SAMPLE);
    assert.deepEqual(article, a);
    // A short article is parsed in one piece.
    assert.deepEqual(segments, [{ start: 0, end: SAMPLE.length }]);
  });

  it('gives the same structure for the CRLF version, offsets mapped', () => {
    const crlf = SAMPLE.replace(/\n/g, '\r\n');
    // offset in SAMPLE → offset in crlf: one extra code unit per preceding newline
    const nl: number[] = [];
    for (let i = 0, count = 0; i <= SAMPLE.length; i++) {
      nl.push(i + count);
      if (SAMPLE[i] === '\n') count++;
    }
    const map = (s: { start: number; end: number }) => ({ start: nl[s.start], end: nl[s.end] });
    const b = parseArticle(crlf);
    checkInvariants(crlf, b);
    assert.equal(b.title, a.title);
    assert.deepEqual(b.titleSpan, map(a.titleSpan!));
    assert.deepEqual(b.sections, a.sections.map((s) => ({ ...s, ...map(s), heading: map(s.heading) })));
    assert.deepEqual(b.passages, a.passages.map((p) => ({ ...p, ...map(p) })));
    assert.deepEqual(b.infobox, a.infobox.map((f) => ({ ...f, keySpan: map(f.keySpan), valueSpan: map(f.valueSpan) })));
  });

  it('counts offsets from a leading BOM as a character', () => {
    const b = parseArticle('\uFEFF' + SAMPLE);
    assert.deepEqual(b.titleSpan, { start: 3, end: 30 });
    assert.equal(b.sections[0].heading.start, a.sections[0].heading.start + 1);
    checkInvariants('\uFEFF' + SAMPLE, b);
  });
});

describe('parseArticle: MediaWiki and Markdown syntax', () => {
  it('reads MediaWiki headings of several levels, with spaces and a heading right after text', () => {
    const text = 'Intro text.\n== One ==\nBody one.\n=== Sub ===  \nBody sub.\n==Two==\nBody two.';
    const a = parseArticle(text);
    checkInvariants(text, a);
    assert.equal(a.title, null);
    assert.deepEqual(a.sections.map((s) => [s.title, s.level, slice(text, s.heading)]), [
      ['One', 2, '== One =='],
      ['Sub', 3, '=== Sub ==='],
      ['Two', 2, '==Two=='],
    ]);
    assert.equal(a.sections[0].end, text.indexOf('==Two=='));
    assert.equal(a.sections[1].end, text.indexOf('==Two=='));
    assert.deepEqual(passageTexts(text, a), ['Intro text.', 'One', 'Body one.', 'Sub', 'Body sub.', 'Two', 'Body two.']);
  });

  it('takes the smaller run as level and leaves unbalanced marks in the title', () => {
    const a = parseArticle('===Foo==\n\ntext');
    assert.deepEqual(a.sections.map((s) => [s.title, s.level]), [['=Foo', 2]]);
  });

  it('does not take "=" lines without a title or closing run as headings', () => {
    for (const text of ['==\n\ntext', '== ==\n\ntext', '==Foo\n\ntext', 'a == b ==\n\ntext', '    == code ==\n\ntext']) {
      const a = parseArticle(text);
      assert.equal(a.sections.length, 0, text);
      assert.equal(a.title, null, text);
    }
  });

  it('keeps Markdown ATX and setext headings, lists, emphasis and links', () => {
    const text = '# The Title\n\nIntro with *emphasis* and a [link](http://example.com/a.b) here.\n\n## Part one\nText. More text.\n\nPart two\n--------\n\n- item one\n- item two. It has two sentences.\n\n1. first\n2. second\n';
    const a = parseArticle(text);
    checkInvariants(text, a);
    assert.equal(a.title, 'The Title');
    assert.deepEqual(a.sections.map((s) => [s.title, s.level]), [['Part one', 2], ['Part two', 2]]);
    assert.equal(slice(text, a.sections[1].heading), 'Part two\n--------');
    assert.deepEqual(passageTexts(text, a, 'prose'), ['Intro with *emphasis* and a [link](http://example.com/a.b) here.', 'Text.', 'More text.']);
    assert.deepEqual(passageTexts(text, a, 'list-item'), ['item one', 'item two.', 'It has two sentences.', 'first', 'second']);
  });

  it('takes "# A" as title and later level-1 headings as sections', () => {
    const a = parseArticle('# A\n\ntext\n\n# B\n\nmore\n\n## C\n\nx');
    assert.equal(a.title, 'A');
    assert.deepEqual(a.sections.map((s) => [s.title, s.level]), [['B', 1], ['C', 2]]);
    assert.equal(a.sections[0].end, a.sections[1].end);
  });

  it('reads wiki links with and without a label, with exact spans', () => {
    const text = '== About [[Egypt]] ==\nIn 1970 [[Anwar Sadat]] succeeded [[Gamal Abdel Nasser|Nasser]]. Then [[ Cairo | the capital ]] grew.\n\n- [[Pyongyang]]';
    const a = parseArticle(text);
    checkInvariants(text, a);
    assert.deepEqual(
      a.wikiLinks.map((w) => [w.target, w.label, slice(text, w), slice(text, w.labelSpan)]),
      [
        ['Egypt', 'Egypt', '[[Egypt]]', 'Egypt'],
        ['Anwar Sadat', 'Anwar Sadat', '[[Anwar Sadat]]', 'Anwar Sadat'],
        ['Gamal Abdel Nasser', 'Nasser', '[[Gamal Abdel Nasser|Nasser]]', 'Nasser'],
        ['Cairo', 'the capital', '[[ Cairo | the capital ]]', 'the capital'],
        ['Pyongyang', 'Pyongyang', '[[Pyongyang]]', 'Pyongyang'],
      ],
    );
    assert.equal(a.sections[0].title, 'About Egypt');
    assert.deepEqual(passageTexts(text, a, 'prose'), ['In 1970 [[Anwar Sadat]] succeeded [[Gamal Abdel Nasser|Nasser]].', 'Then [[ Cairo | the capital ]] grew.']);
  });

  it('does not take broken wiki links', () => {
    for (const text of ['[[]]', '[[a', '[[a\nb]]', '[[a]', '[[|b]]', '[[a[b]]', '[ [a]]']) assert.deepEqual(parseArticle(text).wikiLinks, [], text);
    assert.deepEqual(parseArticle('[[a|]]').wikiLinks.map((w) => w.label), ['a']);
  });

  it('reads an "Infobox <name>" list with several fields, keeping other lists as list items', () => {
    const text = 'Infobox war\n- Date: 1 September 1939 – 2 September 1945\n- Location: [[Europe]], Pacific\n- see [[Pacific War]]\n- Result: Allied victory\n\nText.\n\n- Note: not an infobox';
    const a = parseArticle(text);
    checkInvariants(text, a);
    assert.deepEqual(a.infobox.map((f) => [f.key, f.value]), [
      ['Date', '1 September 1939 – 2 September 1945'],
      ['Location', '[[Europe]], Pacific'],
      ['Result', 'Allied victory'],
    ]);
    assert.deepEqual(passageTexts(text, a, 'infobox'), ['Date: 1 September 1939 – 2 September 1945', 'Location: [[Europe]], Pacific', 'Result: Allied victory']);
    assert.deepEqual(passageTexts(text, a, 'list-item'), ['see [[Pacific War]]', 'Note: not an infobox']);
    assert.deepEqual(a.wikiLinks.map((w) => w.target), ['Europe', 'Pacific War']);
    assert.deepEqual(passageTexts(text, a, 'prose'), ['Text.']);
  });
});

describe('parseArticle: more structure', () => {
  const kinds = (t: string) => parseArticle(t).passages.map((p) => p.kind[0] + ':' + t.slice(p.start, p.end));

  it('lets a MediaWiki heading end a list, a block quote or a paragraph', () => {
    assert.deepEqual(kinds('- item\n==H==\ntext'), ['l:item', 'h:H', 'p:text']);
    assert.deepEqual(kinds('> quote\n==H==\ntext'), ['p:quote', 'h:H', 'p:text']);
    assert.deepEqual(kinds('Infobox\n- Map: x\n==History==\nText.'), ['i:Map: x', 'h:History', 'p:Text.']);
    assert.deepEqual(kinds('==a==b==\nx'), ['h:a==b', 'p:x']);
    assert.deepEqual(kinds('==H== trailing\nx'), ['p:==H== trailing\nx']);
  });

  it('reads a {{Infobox …}} template paragraph as fields', () => {
    const t = '{{Infobox military conflict\n| conflict = Suez Crisis\n| date = 29 October – 7 November 1956\n| place = [[Egypt]]\n}}\n\nThe crisis began.';
    const a = parseArticle(t);
    checkInvariants(t, a);
    assert.deepEqual(a.infobox.map((f) => [f.key, f.value]), [['conflict', 'Suez Crisis'], ['date', '29 October – 7 November 1956'], ['place', '[[Egypt]]']]);
    assert.deepEqual(passageTexts(t, a, 'prose'), ['The crisis began.']);
    assert.deepEqual(a.wikiLinks.map((w) => w.target), ['Egypt']);
  });

  it('does not make a passage of a lone ellipsis', () => {
    assert.deepEqual(passageTexts('It had cost us heavily. ... The costly battles went on.', parseArticle('It had cost us heavily. ... The costly battles went on.')), ['It had cost us heavily.', '... The costly battles went on.']);
  });

  it('still finds plain-text section lines under a lone level-1 title', () => {
    const a = parseArticle('= Title =\n\nBackground\n\nText here. More.\n\nAftermath\n\nEnd.');
    assert.equal(a.title, 'Title');
    assert.deepEqual(a.sections.map((s) => [s.title, s.level]), [['Background', 2], ['Aftermath', 2]]);
  });

  it('does not take short lines as headings when the text has real headings', () => {
    const a = parseArticle('== One ==\n\nShort line\n\nText.');
    assert.deepEqual(a.sections.map((s) => s.title), ['One']);
  });
});

describe('splitSentences', () => {
  const split = (s: string) => splitSentences(s, 0, s.length).map((x) => s.slice(x.start, x.end));

  it('does not split at abbreviations, initials, decimals and ellipses', () => {
    const cases = [
      'The U.S. Army and the U.K. government met Gen. Smith and Lt. Col. Jones.',
      'Dr. Who met Mr. Brown in St. Petersburg on Jan. 5 and Feb. 6, 1942.',
      'He was No. 5 on the list, vs. the others, built c. 1900 or ca. 1850.',
      'Some cities, e.g. Cairo, i.e. the capital, grew.',
      'President J. F. Kennedy visited.',
      'It cost 60.000 won and 3.5 million.',
      'He waited... and then left.',
    ];
    for (const c of cases) assert.deepEqual(split(c), [c]);
  });

  it('splits at sentence ends, keeping closing quotes and brackets', () => {
    assert.deepEqual(split('He said "Stop." Then he left. (This was new.) Next!'), ['He said "Stop."', 'Then he left.', '(This was new.)', 'Next!']);
    assert.deepEqual(split('It ended in World War I. In 1919 peace came.'), ['It ended in World War I.', 'In 1919 peace came.']);
    assert.deepEqual(split('A partnership with the U.S. In 1973 it changed.'), ['A partnership with the U.S.', 'In 1973 it changed.']);
    assert.deepEqual(split('Fighting ended.[12] The war was over.'), ['Fighting ended.[12]', 'The war was over.']);
    assert.deepEqual(split('Why? Because! yes.'), ['Why?', 'Because! yes.']);
  });

  it('treats a single line break as a space and trims', () => {
    assert.deepEqual(split('  On 3 November\n1956 it began. It\nended.  '), ['On 3 November\n1956 it began.', 'It\nended.']);
  });

  it('splits paragraphs at blank lines', () => {
    const text = 'First paragraph without a period, on\ntwo lines\n\nSecond one';
    assert.deepEqual(passageTexts(text, parseArticle(text), 'prose'), ['First paragraph without a period, on\ntwo lines', 'Second one']);
  });
});

describe('parseArticle: plain-text WikiWars articles', function () {
  const { texts, ids } = wikiWarsTexts();
  const docs = texts.map((text, i) => ({ id: ids[i], text }));
  before(function () {
    if (!docs.length) this.skip();
  });

  it('gives sensible passages and heading-like sections on every document', () => {
    for (const d of docs) {
      const a = parseArticle(d.text);
      checkInvariants(d.text, a);
      // 14_FirstIndochinaWar is one section of paragraphs separated by single newlines.
      if (d.id !== '14_FirstIndochinaWar') assert.ok(a.sections.length >= 1, `${d.id}: sections`);
      assert.ok(a.passages.filter((p) => p.kind === 'prose').length > 20, `${d.id}: prose passages`);
      for (const s of a.sections) {
        assert.equal(s.level, 2);
        assert.ok(s.title.length <= 100 && !/[.!?]$/.test(s.title), `${d.id}: heading-like title ${s.title}`);
      }
      // Every prose passage is a sentence-sized unit.
      for (const p of a.passages) if (p.kind === 'prose') assert.ok(p.end - p.start < 2000, `${d.id}: passage length`);
    }
  });

  it('reads the WW2 article', () => {
    const d = docs.find((x) => x.id === '01_WW2')!;
    const a = parseArticle(d.text);
    assert.equal(a.title, null);
    assert.deepEqual(a.sections.slice(0, 3).map((s) => s.title), ['Course of the war', 'War breaks out in Europe', 'Axis advances']);
    assert.equal(slice(d.text, a.passages[2]), 'On September 1, 1939, Germany and Slovakia - a client state in 1939 - attacked Poland and World War II broke out.');
    assert.equal(a.passages[2].section, 1);
  });
});

describe('proseParagraphs: prose read without the Markdown parser', () => {
  const processor = unified().use(remarkParse).use(remarkChronolens);
  /** remark's top-level blocks: paragraph spans, or the types when not all are paragraphs. */
  const remarkReading = (text: string): Array<{ start: number; end: number }> | string => {
    const blocks = processor.parse(text).children;
    if (!blocks.every((b) => b.type === 'paragraph')) return blocks.map((b) => b.type).join(',');
    return blocks.map((b) => ({ start: b.position!.start.offset!, end: b.position!.end.offset! }));
  };

  it('reads the WikiWars texts and their segments as remark does, and nearly all of them without it', function () {
    const texts = wikiWarsOrSkip(this);
    const long = texts.join('\n\n');
    const pieces = [...texts, ...parseArticleInSegments(long).segments.map((s) => long.slice(s.start, s.end))];
    let bytes = 0;
    let read = 0;
    for (const piece of pieces) {
      bytes += piece.length;
      const paragraphs = proseParagraphs(piece);
      if (!paragraphs) continue;
      read += piece.length;
      assert.deepEqual(paragraphs, remarkReading(piece), piece.slice(0, 80));
    }
    assert.ok(read > 0.9 * bytes, `${Math.round((100 * read) / bytes)}% of the text read as prose`);
  });

  it('leaves Markdown and MediaWiki syntax to remark', () => {
    assert.equal(proseParagraphs(SAMPLE), null);
    for (const text of ['= Title =', 'A\n==Part==', '- key: value', '1990. The war', 'A *b* c', 'AT&T', '  indented', 'See [[Cairo]].', 'See [Cairo](/c).', 'See [Cairo].\n\n[Cairo]: /c', 'Text\n---', '{{Infobox war', 'a\\b', '\ufeffText', 'x\fy']) {
      assert.equal(proseParagraphs(text), null, JSON.stringify(text));
    }
  });

  it('reads a "[[" that no "]]" closes on its line as prose, as remark does (it can be no wiki link)', () => {
    for (const text of ['[[Egypt|\n[[Egypt|\n', 'See [[Cairo and\nthen ]] later.', '[[ opens a line.\n\nSee ]] [[ here.']) {
      const paragraphs = proseParagraphs(text);
      assert.ok(paragraphs, JSON.stringify(text));
      assert.deepEqual(paragraphs, remarkReading(text));
    }
  });

  it('gives the spans remark gives wherever it reads a text (property)', () => {
    const piece = fc.constantFrom('War', 'the army', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '1990', '7', '.', ')', '-', '=', '#', '>', '+', '~', '!', ']', ':', '|',
      '\u00a0', '\u3000', '\f', '\u2028', '*', '_', '`', '<', '&', '{', '\\', '[', '(', '[1]', '[sic]', '[a]: /u', '\u0000', '\ufeff', 'é', '😀',
      '[[', ']]', '[[x|', '[[a]]', '[[a|b]]', '[[a]: /u');
    let read = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const paragraphs = proseParagraphs(text);
        if (!paragraphs) return;
        read++;
        assert.deepEqual(paragraphs, remarkReading(text));
      }),
      { numRuns: 20_000, seed: 20261129 },
    );
    assert.ok(read > 1000, `${read} texts read as prose`);
  });
});

describe('readMarkdown: the prose between Markdown read apart', () => {
  it('reads the sample and WikiWars texts with MediaWiki headings as remark alone does', function () {
    const texts = wikiWarsOrSkip(this);
    // Short lines between blank lines become headings, some with a blank line after, some without.
    const headed = texts.map((t, i) => t.replace(/\n\n([A-Z][^.\n]{3,60})\n\n/g, i % 2 ? '\n\n== $1 ==\n' : '\n\n== $1 ==\n\n'));
    for (const text of [SAMPLE, ...headed]) assert.deepEqual(readMarkdown(text), readMarkdown(text, [], true));
  });

  it('reads random Markdown and MediaWiki as remark alone does (property)', () => {
    const line = fc.constantFrom(
      '= Title =', '==Part==', 'Prose line one.', 'Another prose line, with words.', 'In 1956 the war began.', '', '', '', '  ', '\t', '\u00a0',
      '- item', '- Key: value', 'Infobox', '1. one', '> quote', '# Atx', '```', '~~~', '    code', '***', '---', '===', '<div>', '</div>', '<!--',
      '-->', 'text -->', '<?php', 'x ?> y', '<!DOCTYPE', 'a > b', '[a]: /u', 'See [a] here.', 'Read [the end. Then] more.', '[the end. then]: /u', 'See [[Cairo]].', 'A [sic] note.', 'Emph *x* here',
      '{{Infobox x', '| key = v', '}}', '  indented prose', 'trailing   ', 'Line\\', '&amp; x', '<script>', '</script>',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 16 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        assert.deepEqual(readMarkdown(text), readMarkdown(text, [], true));
      }),
      { numRuns: 5000, seed: 20261129 },
    );
  });
});

describe('simpleBlocksTree: headings, paragraphs and lists read without the Markdown parser', () => {
  const processor = unified().use(remarkParse).use(remarkChronolens);

  it("gives remark's own tree, or leaves the text to remark (property)", () => {
    // What a Wikipedia-style skeleton holds, and the near misses: other heading forms, lists that
    // are not simple, lazy lines, inline constructs, indents, trailing spaces, lone \r; lines
    // ending in \n or \r\n.
    const line = fc.constantFrom(
      '= Title =', '==Part==', '== Part two ==', '===Sub===', '=Unbalanced==', '== A = B ==', '==\tTab ==', '# Atx', '## Atx two', '# Atx #',
      '#NoSpace', '#  Two spaces', '####### Seven', '=======Seven=======', '===', '= = =', '==   ==',
      'Prose line one.', 'In 1956 the war began.', 'p', 'Infobox', '', '', '', '  ', '\t', 'trailing ', 'trailing\t', '\u00a0nbsp', ' lead', 'Old\rMac', '\r',
      '- item', '- Key: value', '-  two', '- ', '-', '---', '- - x', '- # x', '- [a]: /u', '- 1. x', '* star', '+ plus', '1. one', '2) two',
      '> quote', 'See [a] here.', 'See [[Cairo]].', 'Emph *x* here', '```', '    code', '<div>', '&amp;', 'a\\b', 'x ] ( y', 'Text = with = signs',
      'Text # hash', 'é accents ü', '1999. A year',
      // setext underlines and their near misses
      '=', '==', '=====', '--', ' ==', '   --', '    ==', '== ', '--\t', '=-=', '==x', '- -', '-\t',
      // "=" signs with blanks between them: no heading, no underline; and their near misses
      '=  =', '==\t==', '= = = =', '== ==  ', ' = =', '= =x', '=\u00a0=',
    );
    let simple = 0;
    let setext = 0;
    let spacedEquals = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.constantFrom('', '\n', '\r\n'), (lines, last) => {
        const text = lines.join(last === '\r\n' ? last : '\n') + last;
        const tree = simpleBlocksTree(text);
        if (!tree) return;
        simple++;
        if (tree.children.some((b) => b.type === 'heading' && b.position!.start.line < b.position!.end.line)) setext++;
        if (/^=[=\t ]*[\t ][=\t ]*=$/m.test(text)) spacedEquals++;
        assert.deepStrictEqual(tree, processor.parse(text), JSON.stringify(text));
      }),
      { numRuns: 20_000, seed: 20261130 },
    );
    assert.ok(simple > 2000, `${simple} texts read as simple blocks`);
    assert.ok(setext > 50, `${setext} of them with a setext heading ("Title" over "=====")`);
    assert.ok(spacedEquals > 100, `${spacedEquals} of them with a line of "=" signs and blanks ("==  ==")`);
  });

  it("reads the sample's headings, infobox and list with remark's offsets", () => {
    const a = parseArticle(SAMPLE);
    const skeleton = SAMPLE.split('\n').filter((l) => /^(=|- |Infobox$)/.test(l)).join('\n\n');
    const tree = simpleBlocksTree(skeleton);
    assert.ok(tree, 'the sample\'s Markdown is simple blocks');
    assert.deepStrictEqual(tree, processor.parse(skeleton));
    const crlf = skeleton.replace(/\n/g, '\r\n');
    assert.deepStrictEqual(simpleBlocksTree(crlf), processor.parse(crlf), 'with Windows line endings too');
    assert.equal(a.sections.length, tree.children.filter((b) => b.type === 'heading').length - 1, 'each heading but the title opens a section');
  });
});

describe('parseArticle: robustness', function () {
  this.timeout(120000);

  /** CPU milliseconds for run(). */
  function cpuMsOf(run: () => unknown): number {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  }

  /** CPU milliseconds for parseArticle(text). */
  function cpuMs(text: string): { ms: number; a: ParsedArticle } {
    let a: ParsedArticle | undefined;
    const ms = cpuMsOf(() => (a = parseArticle(text)));
    return { ms, a: a! };
  }

  it('never throws on odd inputs', () => {
    const inputs = ['', '\n', '\r\n\r\n', '=', '==', '[[', ']]', '[[|]]', '\uFEFF', '\uFEFF\uFEFF== a ==', '\u0000== x ==\u0000', '\ud800', '> = a =', '- == b ==\n  text', '```\n== not ==\n```', '<!--\n== x ==\n-->', 'Infobox\n- :', 'Infobox\n-'];
    for (const t of inputs) {
      const a = parseArticle(t);
      checkInvariants(t, a);
    }
    assert.deepEqual(parseArticle('```\n== not ==\n```').sections, []);
  });

  it('keeps the invariants on random Markdown/MediaWiki-ish text (property)', () => {
    const pieces = ['=', '==', ' ', '\t', '\n', '\r\n', '\r', '\n\n', '[[', ']]', '|', '- ', '> ', '* ', '1. ', '#', '## ', '```', '    ', '<!--', '-->', '<b>', '&amp;', 'Infobox', ': ', 'U.S. ', 'Gen. ', 'Mr. Smith', '. ', '? ', '"', ')', '(', 'In 1956', 'the war', '\uFEFF', '\u00A0', '\u2028', 'é', '\ud83c\udf0d', '\\', '`', '*', '_', '[a](b)', '{{Infobox x', '}}'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: Number(process.env.PARSE_LEN ?? 60) }), (parts) => {
        const text = parts.join('');
        const lf = parseArticle(text);
        checkInvariants(text, lf);
        const crlf = text.replace(/\r?\n/g, '\r\n');
        const a = parseArticle(crlf);
        checkInvariants(crlf, a);
        if (!text.includes('\r')) {
          // Same structure, offsets shifted by one per preceding line feed.
          const map: number[] = [];
          for (let i = 0, nl = 0; i <= text.length; i++) {
            map.push(i + nl);
            if (text[i] === '\n') nl++;
          }
          const m = (x: { start: number; end: number }) => ({ start: map[x.start], end: map[x.end] });
          assert.deepEqual(a.passages, lf.passages.map((p) => ({ ...p, ...m(p) })));
          assert.deepEqual(a.sections.map((x) => [x.level, x.heading]), lf.sections.map((x) => [x.level, m(x.heading)]));
          assert.deepEqual(a.wikiLinks.map((w) => [w.start, w.end]), lf.wikiLinks.map((w) => [m(w).start, m(w).end]));
        }
      }),
      { numRuns: Number(process.env.PARSE_RUNS ?? 1500), seed: Number(process.env.PARSE_SEED ?? 20261129) },
    );
  });

  it('is fast on 5 MB of prose, and the same structure with CRLF', () => {
    const body = SAMPLE.slice(SAMPLE.indexOf('==History=='));
    const copies = Math.ceil(5e6 / body.length);
    const big = (body + '\n\n').repeat(copies);
    const one = parseArticle(body);
    const { ms, a } = cpuMs(big);
    assert.equal(a.sections.length, 4 * copies);
    assert.equal(a.passages.length, one.passages.length * copies);
    const crlf = big.replace(/\n/g, '\r\n');
    const b = cpuMs(crlf);
    assert.equal(b.a.sections.length, a.sections.length);
    assert.equal(b.a.passages.length, a.passages.length);
    checkInvariants(big, a);
    // About 2 s of CPU on a loaded 2-core machine; generous bound against regressions to quadratic.
    assert.ok(ms < 15000 && b.ms < 15000, `5 MB took ${ms} ms, ${b.ms} ms with CRLF`);
  });

  it('is linear on hostile inputs (1 MB line, 10,000 headings, deep nesting, bracket soup)', () => {
    const para = SAMPLE.slice(263, 973) + ' *Sic.*';
    // ms per char of prose with Markdown in it: prose without any skips the Markdown parser (proseParagraphs), hostile inputs do not.
    const base = cpuMs((para + '\n\n').repeat(700)).ms / ((para.length + 2) * 700);
    const cases: [string, string][] = [
      ['1 MB line', (para + ' ').repeat(Math.ceil(1e6 / para.length))],
      ['10,000 MediaWiki headings', Array.from({ length: 10000 }, (_, i) => `==Section ${i}==\nText ${i}. More.`).join('\n')],
      ['10,000 ATX headings', Array.from({ length: 10000 }, (_, i) => `${'#'.repeat(1 + (i % 6))} Section ${i}\nText.`).join('\n\n')],
      ['deep block quotes', Array.from({ length: 2000 }, (_, i) => '>'.repeat(i) + ' x').join('\n')],
      ['deep list', '- '.repeat(20000) + 'x'],
      ['deep indented list', Array.from({ length: 400 }, (_, i) => ' '.repeat(i * 2) + '- a').join('\n')],
      ['link soup', '[a]('.repeat(50000)],
      ['reference soup', '[a]['.repeat(50000)],
      ['emphasis soup', 'a**b*'.repeat(40000)],
      ['unclosed wiki links', '[[a|b '.repeat(40000)],
      ['1 MB of "[["', '[['.repeat(500000)],
      ['1 MB of "[[x|" lines', '[[x|\n'.repeat(200000)],
      ['equals', '='.repeat(300000)],
    ];
    for (const [name, text] of cases) {
      const { ms, a } = cpuMs(text);
      checkInvariants(text, a);
      const perChar = ms / text.length;
      if (perChar < base * 40 + 0.002) continue;
      // Or no slower than remark-parse alone on it: micromark itself spends 20 to 55 times as long
      // per character on lines of "[[x|" as the parser on prose (measured in a loaded run).
      const remarkMs = cpuMsOf(() => unified().use(remarkParse).parse(text));
      assert.ok(ms < 2 * remarkMs, `${name}: ${ms.toFixed(0)} ms for ${text.length} chars (${(perChar / base).toFixed(1)}× prose, remark-parse alone ${remarkMs.toFixed(0)} ms)`);
    }
  });

  it('cuts large texts into segments without changing the structure', () => {
    const chunk = [
      '==Part==',
      'Text of the part. It has two sentences.',
      '',
      '```',
      'code',
      '',
      '== not a heading ==',
      '```',
      '',
      '<!--',
      '',
      '== hidden ==',
      '',
      '-->',
      '',
      '- item one',
      '  ```',
      '',
      'After the list.',
      '',
      '> quote line',
      '',
      '=== Sub ===',
      'Infobox',
      '- Key: value',
      '- no key here',
      '- Other: more',
      '',
      'Closing [[Link|label]] sentence. Another one.',
      '',
    ].join('\n');
    const one = parseArticle(chunk);
    assert.deepEqual(one.sections.map((s) => s.title), ['Part', 'Sub']);
    const copies = 400;
    const big = (chunk + '\n').repeat(copies);
    assert.ok(big.length > 100_000, `${big.length} chars`);
    const a = parseArticle(big);
    checkInvariants(big, a);
    // Consecutive segments covering the text, cut at line starts.
    const { segments } = parseArticleInSegments(big);
    assert.ok(segments.length > 1);
    segments.forEach((s, i) => assert.equal(s.start, i === 0 ? 0 : segments[i - 1].end));
    assert.equal(segments.at(-1)!.end, big.length);
    assert.ok(segments.every((s) => s.start === 0 || big[s.start - 1] === '\n'));
    const step = chunk.length + 1;
    const shift = <T extends { start: number; end: number }>(x: T, k: number): T => ({ ...x, start: x.start + k * step, end: x.end + k * step });
    assert.equal(a.sections.length, one.sections.length * copies);
    assert.equal(a.passages.length, one.passages.length * copies);
    for (let k = 0; k < copies; k++) {
      const n = one.passages.length;
      assert.deepEqual(
        a.passages.slice(k * n, (k + 1) * n).map((p) => ({ ...p, section: p.section - k * one.sections.length })),
        one.passages.map((p) => shift(p, k)),
        `copy ${k}`,
      );
    }
    assert.equal(a.infobox.length, 2 * copies);
    assert.equal(a.wikiLinks.length, copies);
  });

  it('takes a short line that ends a segment as a plain-text heading, but not the last line of the text', () => {
    const paragraph = (year: number) => `In ${year} the war went on, and the armies met again near the river. `.repeat(8).trim();
    const years = (v: number) => Array.from({ length: 200 }, (_, i) => 1000 + 200 * v + i);
    const articleOf = (v: number) => years(v).map((y) => `Events of ${y}\n\n${paragraph(y)}`).join('\n\n') + '\n\nThe end';
    // Where the cuts fall depends on the text (segments.ts): the first variant where a segment starts right after a heading line.
    const cutAfterHeading = (text: string) => parseArticleInSegments(text).segments.some((s) => /^In \d+ /.test(text.slice(s.start, s.start + 8)));
    const v = Array.from({ length: 20 }, (_, k) => k).find((k) => cutAfterHeading(articleOf(k)));
    assert.ok(v !== undefined, 'no segment starts after a heading line');
    const text = articleOf(v);
    const { article } = parseArticleInSegments(text);
    assert.ok(text.length > SEGMENT_MIN);
    assert.deepEqual(
      article.sections.map((s) => s.title),
      years(v).map((y) => `Events of ${y}`),
    );
    // The last line with text ends a segment, and segments without passages follow (HTML with
    // too many emphasis runs, in its own segment; blank lines).
    const html = `The war began. It ended.\n\nThe end of it\n\n<div>\n${'*a* '.repeat(300)}\n</div>\n\n\n`;
    const tail = parseArticleInSegments(html);
    assert.ok(tail.segments.length >= 3);
    assert.deepEqual(tail.article.sections, []);
    assert.deepEqual(passageTexts(html, tail.article), ['The war began.', 'It ended.', 'The end of it']);
  });

  it('cuts after setext headings (quadratic in micromark) without changing the Markdown structure (property)', () => {
    const processor = unified().use(remarkParse).use(remarkChronolens);
    /** Every mdast node as "type depth start-end", document offsets. */
    const outline = (text: string, base = 0): string[] => {
      const out: string[] = [];
      const walk = (n: Nodes) => {
        const p = n.position;
        if (n.type !== 'root') out.push(`${n.type} ${'depth' in n ? n.depth : ''} ${(p?.start.offset ?? NaN) + base}-${(p?.end.offset ?? NaN) + base}`);
        if ('children' in n) for (const c of n.children) walk(c as Nodes);
      };
      walk(processor.parse(text) as Nodes);
      return out;
    };
    // Lines that make or mimic setext headings, and every block that might swallow or be swallowed by one.
    const prose = fc.constantFrom('Part', 'Part two', '1956 saw war', 'Text [[Link]] here.', '  indented', '');
    const other = fc.constantFrom('-', '---', '=', '===', '  -', '   ===', '- item', '1. one', '> quote', '# Atx', '==Wiki==', '```', '    code',
      '***', '<div>', '<span>', '<!--', '-->', '', '-- x', '= Title =', '==', '== x', '==  ==');
    const line = fc.oneof({ arbitrary: prose, weight: 12 }, { arbitrary: other, weight: 1 });
    let cutRuns = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 200, maxLength: 500 }), fc.constantFrom('\n', '\r\n'), (parts, eol) => {
        // Enough "Part / -" pairs that the cut rule acts.
        const text = parts.map((l, i) => (i % 3 === 0 ? `Heading ${i}${eol}-` : l)).join(eol);
        const { segments } = parseArticleInSegments(text);
        if (segments.length > 1) cutRuns++;
        const segmented = segments.flatMap((s) => outline(text.slice(s.start, s.end), s.start));
        assert.deepEqual(segmented, outline(text));
      }),
      { numRuns: Number(process.env.PARSE_RUNS ?? 300), seed: Number(process.env.PARSE_SEED ?? 20261129) },
    );
    assert.ok(cutRuns > 50, `the cut rule acted in ${cutRuns} runs`);
  });

  it('parses thousands of setext headings in linear time, each a section', () => {
    const unit = 'Part\n-\n';
    const small = cpuMs(unit.repeat(500)).ms / 500;
    const many = cpuMs(unit.repeat(10_000));
    assert.equal(many.a.sections.length, 10_000);
    assert.ok(parseArticleInSegments(unit.repeat(10_000)).segments.length >= 10_000 / MAX_SETEXT_PER_SEGMENT);
    assert.ok(many.ms / 10_000 < small * 4 + 0.05, `${many.ms.toFixed(0)} ms for 10,000 headings, ${(small * 1000).toFixed(0)} µs each for 500`);
  });

  it('parses 10,000 headings into 10,000 sections', () => {
    const text = Array.from({ length: 10000 }, (_, i) => `==Section ${i}==\nText ${i}.`).join('\n');
    const a = parseArticle(text);
    assert.equal(a.sections.length, 10000);
    assert.equal(a.sections[9999].title, 'Section 9999');
    assert.equal(slice(text, a.sections[5000].heading), '==Section 5000==');
  });
});
