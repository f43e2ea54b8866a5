// Incremental indexing must give exactly what a full rebuild gives: the IncrementalIndexer sees a
// document through a sequence of random edits (typing, pasting, deleting a section, replacing a
// span) of the sample and of WikiWars texts, and after each edit its index data deep-equals
// buildIndexData of the same text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildIndexData } from '../../src/core/articleIndex';
import { IncrementalIndexer } from '../../src/core/incremental';
import { parseArticleInSegments } from '../../src/core/parse';
import type { IndexOptions } from '../../src/core/types';
import { sampleText, wikiWarsTexts } from '../fixtures/corpus';
import { applyEdit, edit, type Edit } from '../fixtures/edits';

const SEED = Number(process.env.CHRONOLENS_FUZZ_SEED ?? 20261129);
const sample = sampleText();
const wikiwars = wikiWarsTexts().texts;

/** A window of a WikiWars text starting at a paragraph, up to `max` characters. */
function window(text: string, at: number, max: number): string {
  const start = at === 0 ? 0 : Math.max(0, text.indexOf('\n\n', at) + 2);
  return text.slice(start, start + max);
}

function checkSequence(start: string, edits: Edit[], source: string): void {
  const indexer = new IncrementalIndexer();
  let text = start;
  assert.deepEqual(indexer.update(text), buildIndexData(text));
  for (const e of edits) {
    text = applyEdit(text, e, source);
    const incremental = indexer.update(text);
    assert.deepEqual(incremental, buildIndexData(text), `after ${JSON.stringify(e)}`);
  }
}

describe('incremental indexing equals a full rebuild', function () {
  this.timeout(120_000);

  it('on random edits of the sample', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => checkSequence(sample, edits, sample)),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('on random edits of WikiWars texts', function () {
    if (!wikiwars.length) this.skip();
    fc.assert(
      fc.property(
        fc.nat({ max: wikiwars.length - 1 }),
        fc.nat({ max: 40_000 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (doc, at, edits) => {
          const text = wikiwars[doc];
          checkSequence(window(text, at % text.length, 6000), edits, text);
        },
      ),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('on random edits of a text long enough to be parsed in segments (over 64 KB)', function () {
    if (!wikiwars.length) this.skip();
    const long = wikiwars.slice(0, 6).join('\n\n').slice(0, 150_000);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 2 }), (edits) => checkSequence(long, edits, long)),
      { seed: SEED, numRuns: 6 },
    );
  });

  it('when the words around a name change, and with them its type', function () {
    if (!wikiwars.length) this.skip();
    // "in Hanoi" votes for a place, "xin Hanoi" does not: an entity's type may change, nothing else.
    const start = wikiwars.reduce((a, b) => (b.length < a.length ? b : a));
    const edits = [...start.matchAll(/\b(?:in|at|near|from|to|the|by)(?= [A-Z])/g)].map((m) => m.index).reverse(); // from the end: offsets stay right
    /** Types the edits in turn, checking each index against a full build; the names whose type changed. */
    const retypedNames = (options?: IndexOptions): Set<string> => {
      const indexer = new IncrementalIndexer();
      const names = new Set<string>();
      let text = start;
      let before = indexer.update(text, options);
      for (const at of edits) {
        text = text.slice(0, at) + 'x' + text.slice(at);
        const full = buildIndexData(text, options);
        assert.deepEqual(indexer.update(text, options), full, `"x" at ${at}: ${JSON.stringify(text.slice(at - 20, at + 20))}`);
        const typeOf = new Map(before.entities.map((e) => [e.name, e.type]));
        for (const e of full.entities) if (typeOf.has(e.name) && typeOf.get(e.name) !== e.type) names.add(e.name);
        before = full;
      }
      return names;
    };
    assert.ok(retypedNames().size >= 5, 'some edits changed a type');
  });

  it('when letters are typed into names, and a name letter by letter', function () {
    if (!wikiwars.length) this.skip();
    // Over 64 KB, parsed in segments: an edit to a name changes what one segment keeps, and the
    // mentions that name can be grouped with are grouped again (entities/regroup.ts).
    const indexer = new IncrementalIndexer();
    let text = wikiwars.slice(0, 6).join('\n\n').slice(0, 150_000);
    let before = indexer.update(text);
    const membersOf = (data: typeof before) => new Map(data.entities.map((e) => [e.name, e.mentions.length]));
    let regrouped = 0; // edits after which an entity has other mentions, or is new or gone
    const type = (at: number, insert: string, remove = 0) => {
      text = text.slice(0, at) + insert + text.slice(at + remove);
      const full = buildIndexData(text);
      assert.deepEqual(indexer.update(text), full, `${JSON.stringify(insert)} at ${at}: ${JSON.stringify(text.slice(at - 20, at + 20))}`);
      const was = membersOf(before);
      if ([...membersOf(full)].some(([name, n]) => was.get(name) !== n) || was.size !== full.entities.length) regrouped++;
      before = full;
    };
    // Names that have other forms ("Giap" for "Vo Nguyen Giap"): a letter typed before the first
    // mention of each, then taken out again.
    const names = before.entities.filter((e) => e.aliases.length >= 2 && e.mentions.length >= 3).map((e) => e.name).slice(0, 6);
    assert.ok(names.length >= 3, 'names with several forms');
    for (const name of names) {
      const at = before.entities.find((e) => e.name === name)!.mentions[0].start;
      type(at, 'x');
      type(at, '', 1);
    }
    // One of them typed out, letter by letter, in the middle of the text.
    const at = text.indexOf('. ', text.length >> 1) + 1;
    for (const [i, letter] of [...` ${names[0]} said so.`].entries()) type(at + i, letter);
    assert.ok(regrouped >= names.length, `mentions grouped otherwise after ${regrouped} edits`);
  });

  it('when capitalising a word changes which names the document\'s evidence keeps far away', function () {
    if (!wikiwars.length) this.skip();
    // A word written mid-sentence in lower case about as often as capitalised ("division",
    // "Division"): once capitalised more often, its capitalised uses in other paragraphs are names
    // (evidence.ts, mostlyLowerCase), so segments the edit did not touch keep other candidates.
    const indexer = new IncrementalIndexer();
    let text = wikiwars.slice(0, 6).join('\n\n').slice(0, 150_000);
    let before = indexer.update(text);
    const lower = new Map<string, number[]>();
    const capital = new Map<string, number>();
    for (const m of text.matchAll(/(?<=[a-z] )([A-Za-z][a-z]{3,})\b/g)) {
      const key = m[1].toLowerCase();
      if (m[1] === key) lower.set(key, [...(lower.get(key) ?? []), m.index]);
      else capital.set(key, (capital.get(key) ?? 0) + 1);
    }
    const lead = (key: string) => lower.get(key)!.length - capital.get(key)!;
    const words = [...capital.keys()].filter((k) => capital.get(k)! >= 2 && lower.has(k) && lead(k) >= 0).sort((a, b) => lead(a) - lead(b)).slice(0, 3);
    const starts = (d: typeof before) => new Set(d.entities.flatMap((e) => e.mentions.map((m) => m.start)));
    let farChanges = 0; // edits after which a mention 2,000 characters away or more came or went
    for (const word of words) {
      for (const at of lower.get(word)!) {
        text = text.slice(0, at) + text[at].toUpperCase() + text.slice(at + 1);
        const full = buildIndexData(text);
        assert.deepEqual(indexer.update(text), full, `"${word}" capitalised at ${at}`);
        const was = starts(before);
        const now = starts(full);
        const changed = [...now].filter((x) => !was.has(x)).concat([...was].filter((x) => !now.has(x)));
        if (changed.some((x) => Math.abs(x - at) >= 2000)) farChanges++;
        before = full;
      }
    }
    assert.ok(farChanges >= 1, 'some edit changed mentions far away');
  });

  it('when a word the document writes only in lower case is capitalised, and typed capitalised', function () {
    if (!wikiwars.length) this.skip();
    // The document counts in lower case only the words its names are made of (evidence.ts): a word
    // no name had is counted over every segment when an edit makes one of it, and then it is no name.
    const indexer = new IncrementalIndexer();
    let text = wikiwars.slice(0, 6).join('\n\n').slice(0, 150_000);
    indexer.update(text);
    const counts = new Map<string, number>();
    for (const m of text.matchAll(/\b[A-Za-z]{5,}\b/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    const capitalised = (w: string) => w[0].toUpperCase() + w.slice(1);
    const words = [...counts].filter(([w, n]) => /^[a-z]/.test(w) && n >= 4 && !counts.has(capitalised(w))).map(([w]) => w).slice(0, 4);
    assert.equal(words.length, 4, 'lower-case words never capitalised');
    const names = (data: ReturnType<typeof buildIndexData>) => new Set(data.entities.flatMap((e) => [e.name, ...e.aliases]));
    for (const word of words) {
      const at = text.indexOf(` ${word} `, text.length >> 1) + 1;
      text = text.slice(0, at) + capitalised(word) + text.slice(at + word.length);
      const full = buildIndexData(text);
      assert.deepEqual(indexer.update(text), full, `"${word}" capitalised at ${at}`);
      assert.ok(!names(full).has(capitalised(word)), `"${capitalised(word)}", written in lower case elsewhere, is no name`);
    }
    // Typed in a sentence of its own, letter by letter: each prefix is a word of a name for a while.
    const at = text.indexOf('. ', text.length >> 1) + 2;
    for (const [i, letter] of [...`${capitalised(words[0])} ${words[1]} came. `].entries()) {
      text = text.slice(0, at + i) + letter + text.slice(at + i);
      assert.deepEqual(indexer.update(text), buildIndexData(text), `${JSON.stringify(letter)} typed at ${at + i}`);
    }
  });

  it('when pasted paragraphs and deleted sections make segments come and go', function () {
    if (!wikiwars.length) this.skip();
    // The names of one text pasted into another, and whole stretches cut: the segments the edit
    // replaced are grouped again against all the others (afterEdit.ts, afterResegmenting).
    const indexer = new IncrementalIndexer();
    let text = wikiwars.slice(0, 6).join('\n\n').slice(0, 150_000);
    indexer.update(text);
    const pasted = wikiwars[7].slice(0, 3000);
    let segmentCountChanges = 0;
    for (let r = 0; r < 6; r++) {
      const at = text.indexOf('\n\n', Math.floor(text.length * (0.2 + 0.12 * r))) + 2;
      const edited = r % 2 ? text.slice(0, at) + pasted + '\n\n' + text.slice(at) : text.slice(0, at) + text.slice(text.indexOf('\n\n', at + 4000) + 2);
      if (parseArticleInSegments(edited).segments.length !== parseArticleInSegments(text).segments.length) segmentCountChanges++;
      assert.deepEqual(indexer.update(edited), buildIndexData(edited), `edit ${r}`);
      text = edited;
    }
    assert.ok(segmentCountChanges >= 2, `${segmentCountChanges} edits changed how many segments there are`);
  });

  it('keeps the type the user gave when the words around a mention change', function () {
    if (!wikiwars.length) this.skip();
    // "Sadat" far from "Anwar Sadat", in a segment of its own: the user's type, given to the full name, stays.
    const filler = wikiwars.join('\n\n').slice(0, 80_000);
    const start = `${sample}\n\n${filler}\n\nReporters waited for hours. Sadat said nothing.\n`;
    const options = { entities: { types: { 'Anwar Sadat': 'organization' as const } } };
    const indexer = new IncrementalIndexer();
    indexer.update(start, options);
    const text = start.replace('Sadat said', 'Sadat xsaid');
    const full = buildIndexData(text, options);
    const sadat = full.entities.find((e) => e.aliases.includes('Anwar Sadat'));
    assert.ok(sadat?.mentions.some((m) => m.start > start.length - 30), 'the last "Sadat" is a mention of Anwar Sadat');
    assert.equal(sadat!.type, 'organization');
    assert.deepEqual(indexer.update(text, options), full);
  });

  it('with options, and when only the options change', () => {
    const indexer = new IncrementalIndexer();
    const options = { entities: { aliases: { 'the Rais': 'Gamal Abdel Nasser' }, ignore: ['Egypt'] } };
    assert.deepEqual(indexer.update(sample), buildIndexData(sample));
    assert.deepEqual(indexer.update(sample, options), buildIndexData(sample, options));
    assert.deepEqual(indexer.update(sample), buildIndexData(sample));
  });
});

describe('incremental indexing: memory', function () {
  this.timeout(120_000);

  it('lets go of the work of the segments edits replaced, typing in forty places of a long text', function () {
    if (!wikiwars.length) this.skip();
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapUsed = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    let text = wikiwars.slice(0, 6).join('\n\n').slice(0, 150_000);
    const before = heapUsed();
    const indexer = new IncrementalIndexer();
    indexer.update(text);
    const built = heapUsed() - before;
    // A letter typed at 40 places spread over the text: each replaces the work of one segment. What
    // the last build of a replaced segment made may stay for one more build (for an undo), no longer.
    for (let k = 0; k < 40; k++) {
      const at = text.indexOf(' ', Math.floor(text.length * (0.05 + 0.9 * ((k * 0.618) % 1)))) + 1;
      text = text.slice(0, at) + 'x' + text.slice(at);
      indexer.update(text);
    }
    const grown = heapUsed() - before - built;
    // 61% more when each entity's cached group result kept the candidates it was made of, and with
    // them their segment's old work; 3 to 12% once they no longer do.
    assert.ok(grown < 0.25 * built, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over the ${(built / 1e6).toFixed(1)} MB of the first build`);
  });
});
