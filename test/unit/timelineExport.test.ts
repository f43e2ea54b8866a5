import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildIndex, formatTimeline, timelineRows } from '../../src/core';

describe('timeline export', () => {
  it('keeps hostile article text inert in Markdown and CSV', () => {
    const text =
      '= Test =\n\n==History==\n=HYPERLINK("x") began on 3 May 1950 with [x](command:workbench.action.quit) and <img src=x onerror=alert(1)> | pipes.\n';
    const rows = timelineRows(buildIndex(text));
    assert.equal(rows.length, 1);
    const markdown = formatTimeline(rows, 'markdown');
    assert.ok(!/[^\\]\]\(command:/.test(markdown), 'no live command link');
    assert.ok(!/(^|[^\\])<img/.test(markdown), 'no live HTML');
    assert.ok(markdown.includes('\\<img src=x onerror=alert\\(1\\)\\>'), 'the HTML is still there, as text');
    assert.equal(markdown.trim().split('\n').length, 3, 'the pipe stays inside its cell');
    const csvCells = formatTimeline(rows, 'csv').split('\r\n')[1];
    assert.ok(!/(^|,)"?=/.test(csvCells), 'no cell starts a spreadsheet formula');
  });

  it('lists the sample article in time order with the date as written', () => {
    const rows = timelineRows(buildIndex(readFileSync('samples/egypt-north-korea.txt', 'utf8')));
    const whens = rows.map((r) => r.when);
    assert.equal(rows[0].written, '3 November 1956');
    assert.ok(rows.some((r) => r.written === 'June' && r.when === '1973-06'));
    assert.ok(whens.indexOf('1961') < whens.indexOf('1963-08-24'));
  });
});
