// Dev helper: runs the entity extractor on a text file (or a WikiWars document) and prints an
// index-like JSON ({"entities": [...]}) the entity scorer reads, or a readable listing.
//   npx tsx scripts/dev/entities-run.ts FILE > /tmp/ents.json
//   npx tsx scripts/dev/entities-run.ts --wikiwars 05_VietnamWar --list
import { readFileSync } from 'node:fs';
import { extractEntities } from '../../src/core/entities';
import type { ParsedArticle } from '../../src/core/types';

const args = process.argv.slice(2);
const list = args.includes('--list');
const ww = args.indexOf('--wikiwars');
let text: string;
if (ww >= 0) {
  const id = args[ww + 1];
  const docs = readFileSync('../shared/corpus/wikiwars-dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  text = docs.find((d) => d.id.startsWith(id)).text;
} else text = readFileSync(args.find((a) => !a.startsWith('--'))!, 'utf8').replace(/^\uFEFF/, '');

const article: ParsedArticle = { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };
const t0 = performance.now();
const entities = extractEntities(text, article);
const ms = performance.now() - t0;
if (list) {
  for (const e of entities) console.log(`${e.id}\t${e.type.padEnd(12)}\t${e.name}\t×${e.mentions.length}\t${e.aliases.join(' | ')}`);
  console.error(`${entities.length} entities in ${ms.toFixed(0)} ms`);
} else console.log(JSON.stringify({ entities }));
