// The look-up tables of src/core/codeSets.ts answer as the sets and maps they stand in for, on
// every character and token of the sample and the WikiWars texts: the index they help build must
// be the index the sets built.
import * as assert from 'node:assert/strict';
import { CharCodeSet, FoldedWordMap, NOT_PLAIN, SmallIntSet } from '../../src/core/codeSets';
import { CONNECTORS, FUNCTION_WORDS, ORG_LAST_WORDS, PLACE_LAST_WORDS, STANDALONE_PARTICLES } from '../../src/core/entities/lexicon';
import { plainKey } from '../../src/core/entities/normalize';
import { tokenize } from '../../src/core/entities/tokens';
import { sampleText, wikiWarsTexts } from '../fixtures/corpus';

const texts = [sampleText(), ...wikiWarsTexts().texts];

describe('look-up tables (codeSets)', () => {
  it('CharCodeSet has the codes of its characters and no other, nor -1 or NaN', () => {
    const chars = '.;:!?"“”()\n';
    const table = new CharCodeSet(chars);
    const codes = new Set([...chars].map((ch) => ch.charCodeAt(0)));
    for (const text of texts) {
      for (let i = 0; i <= text.length; i++) {
        const code = text.charCodeAt(i); // NaN at the end
        assert.equal(table.has(code), codes.has(code), `code ${code} at ${i}`);
      }
    }
    assert.equal(table.has(-1), false);
  });

  it('SmallIntSet has its values and no other', () => {
    const values = [...CONNECTORS, ...STANDALONE_PARTICLES].map((w) => [...w].reduce((code, ch) => code * 27 + ch.charCodeAt(0) - 96, 0));
    const set = new SmallIntSet(values);
    const expected = new Set(values);
    const largest = Math.max(...values);
    for (let v = 0; v <= largest + 1000; v += v < 20_000 ? 1 : 97) assert.equal(set.has(v), expected.has(v), `value ${v}`);
    for (const v of values) assert.equal(set.has(v), true);
  });

  it("FoldedWordMap gives a plain token's value under its key, and NOT_PLAIN for any other token", () => {
    const byKey = new Map<string, number>();
    [FUNCTION_WORDS, PLACE_LAST_WORDS, ORG_LAST_WORDS].forEach((words, bit) => {
      for (const w of words) byKey.set(w, (byKey.get(w) ?? 0) | (1 << bit));
    });
    byKey.set("people's", 8); // not plain: only a token that is not plain can have it as its key
    const map = new FoldedWordMap(byKey);
    let found = 0;
    let notPlain = 0;
    for (const text of texts) {
      const tokens = tokenize(text);
      for (let t = 0; t < tokens.length; t++) {
        const word = text.slice(tokens.starts[t], tokens.ends[t]);
        const value = map.valueAt(text, tokens.starts[t], tokens.ends[t]);
        if (!/^[A-Za-z0-9-]+$/.test(word)) {
          assert.equal(value, NOT_PLAIN, word);
          notPlain++;
          continue;
        }
        assert.equal(value, byKey.get(plainKey(word)) ?? -1, word);
        if (value >= 0) found++;
      }
    }
    // The texts have both kinds of tokens, and many words of the lists ("The", "of", "Army"): the
    // sample alone has 260 and 14.
    assert.ok(found > 200 && notPlain > 10, `${found} found, ${notPlain} not plain`);
  });
});
