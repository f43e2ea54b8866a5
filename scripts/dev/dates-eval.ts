// Dev loop for the date tagger: tags every gold document with tagDates and scores it.
//   npx tsx scripts/dev/dates-eval.ts [--split] [score-dates options, e.g. --errors 60 --per-doc]
//   --split: ranges and lists as one mention per end (TIMEX2 style) instead of one mention
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tagDates } from '../../src/core/dates/index';
import type { ParsedArticle } from '../../src/core/types';

const gold = ['../shared/gold/egypt-north-korea.timex.jsonl', '../shared/corpus/wikiwars-dev.jsonl'];
const empty: ParsedArticle = { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };
const args = process.argv.slice(2);
const split = args.includes('--split');
const lines: string[] = [];
const t0 = performance.now();
for (const f of gold) {
  for (const l of fs.readFileSync(f, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const d = JSON.parse(l);
    const ms = tagDates(d.text, empty, { compounds: split ? 'split' : 'merge' });
    lines.push(JSON.stringify({ id: d.id, timex: ms.map((m) => ({ start: m.start, end: m.end, value: m.edtf, type: m.type })) }));
  }
}
console.error(`tagged in ${(performance.now() - t0).toFixed(0)} ms`);
const out = path.join(os.tmpdir(), 'dates-preds.jsonl');
fs.writeFileSync(out, lines.join('\n') + '\n');
const r = spawnSync(process.execPath, ['../shared/tools/score-dates.mjs', out, ...gold.flatMap((g) => ['--gold', g]), ...args.filter((a) => a !== '--split')], { encoding: 'utf8' });
process.stdout.write(r.stdout + r.stderr);
