// Lists WikiWars gold mentions with no overlapping prediction (FN) and predictions with no gold (FP), in context.
//   npx tsx scripts/dev/dates-misses.ts [fn|fp] [textRegex]
import fs from 'node:fs';
import { tagDates } from '../../src/core/dates/index';
import type { ParsedArticle } from '../../src/core/types';

const empty: ParsedArticle = { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };
const mode = process.argv[2] ?? 'fn';
const re = new RegExp(process.argv[3] ?? '.');
const ctx = (t: string, s: number, e: number) => JSON.stringify(t.slice(Math.max(0, s - 60), s) + '[[' + t.slice(s, e) + ']]' + t.slice(e, e + 40));
for (const l of fs.readFileSync('../shared/corpus/wikiwars-dev.jsonl', 'utf8').split('\n')) {
  if (!l.trim()) continue;
  const d = JSON.parse(l);
  const ms = tagDates(d.text, empty);
  if (mode === 'fn') {
    for (const g of d.timex) if (!g.nested && re.test(g.text) && !ms.some((m) => m.start < g.end && m.end > g.start)) console.log(d.id, g.value, ctx(d.text, g.start, g.end));
  } else {
    for (const m of ms) if (re.test(m.text) && !d.timex.some((g: { start: number; end: number }) => m.start < g.end && m.end > g.start)) console.log(d.id, m.edtf, ctx(d.text, m.start, m.end));
  }
}
