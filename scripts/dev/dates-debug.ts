// Shows, for gold mentions whose year came from the narrative, what the tagger anchored them on.
//   npx tsx scripts/dev/dates-debug.ts [docIdRegex]
import fs from 'node:fs';
import { tagDates } from '../../src/core/dates/index';
import type { ParsedArticle } from '../../src/core/types';

const empty: ParsedArticle = { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };
const only = new RegExp(process.argv[2] ?? '.');
for (const l of fs.readFileSync('../shared/corpus/wikiwars-dev.jsonl', 'utf8').split('\n')) {
  if (!l.trim()) continue;
  const d = JSON.parse(l);
  if (!only.test(d.id)) continue;
  const ms = tagDates(d.text, empty);
  for (const g of d.timex) {
    const p = ms.find((m) => m.start < g.end && m.end > g.start);
    if (!p || !p.inferred || p.edtf === g.value) continue;
    const a = ms.find((m) => m.id === p.anchor?.dateId);
    const ctx = a ? d.text.slice(a.start, p.end).replace(/\s+/g, ' ') : '';
    console.log(`${d.id} gold ${g.value} pred ${p.edtf} | anchor ${a?.text}=${a?.edtf} | ${ctx.length > 300 ? ctx.slice(0, 120) + ' … ' + ctx.slice(-150) : ctx}`);
  }
}
