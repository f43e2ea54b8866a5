// The date tagger's tokenizer: the forms its hand-written scanner has to get exactly right.
import * as assert from 'node:assert/strict';
import { Gap, tokenize } from '../../src/core/dates/tokens';

/** Every token of the text as an object (DateTokens.token). */
const tokensOf = (text: string) => {
  const tokens = tokenize(text);
  return Array.from({ length: tokens.length }, (_, i) => tokens.token(i));
};
const show = (text: string) => tokensOf(text).map((t) => `${t.kind}:${t.text}`);

describe('dates: tokens', () => {
  it('reads ordinals, quantities with separators, decimals and plain numbers', () => {
    assert.deepEqual(show('19th 1st 12345th 30,000 60.000 1,234,5678 1234,567 2.5 12345678901'), [
      'ord:19th', 'ord:1st', 'num:12345', 'word:th', 'num:30,000', 'num:60.000', 'num:1,234', 'punct:,', 'num:5678',
      'num:1234', 'punct:,', 'num:567', 'num:2.5', 'num:12345678901',
    ]);
    const [ord, qty, dec, year, long] = tokensOf('19th 30,000 2.5 1945 1234567890');
    assert.deepEqual([ord.value, qty.value, dec.value, year.value, long.value], [19, -1, -1, 1945, -1]);
    // an ordinal suffix must end the token: "4thly" is a number and a word
    assert.deepEqual(show('4thly 2nd.'), ['num:4', 'word:thly', 'ord:2nd', 'punct:.']);
  });

  it('keeps inner apostrophes in words but splits a possessive off (not one running on into a letter, digit or _)', () => {
    assert.deepEqual(show("that year's O'Neill’s d’Estaing's_ rock'n'roll Ségur 2’s"), [
      'word:that', 'word:year', "punct:'", 'word:s', "word:O'Neill", 'punct:’', 'word:s', "word:d’Estaing's", 'punct:_',
      "word:rock'n'roll", 'word:Ségur', 'num:2', 'punct:’', 'word:s',
    ]);
    assert.equal(tokensOf('Year')[0].lower, 'year');
  });

  it('keeps every token of a text with one at each character (more than it makes room for at first)', () => {
    const text = '(-)'.repeat(100);
    assert.equal(tokensOf(text).map((t) => t.text).join(''), text);
    assert.deepEqual(tokensOf(`${text} 1945`).slice(-1).map((t) => [t.kind, t.value, t.start]), [['num', 1945, 301]]);
  });

  it('records the whitespace before each token, a paragraph break after two line breaks', () => {
    const gaps = tokensOf('a b\nc\n\nd\r\re\r\n\r\nf\u00a0g\u2028h').map((t) => t.gapBefore);
    assert.deepEqual(gaps, [Gap.None, Gap.Space, Gap.Space, Gap.Paragraph, Gap.Paragraph, Gap.Paragraph, Gap.Space, Gap.Space]);
    assert.deepEqual(tokensOf(' x').map((t) => [t.start, t.end]), [[1, 2]]);
  });
});
