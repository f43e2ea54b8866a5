// Tags the sentences given on the command line and prints the mentions (dev aid).
import { tagDates } from '../../src/core/dates/index';
const empty = { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };
for (const s of process.argv.slice(2)) {
  console.log(s);
  for (const m of tagDates(s, empty)) console.log(`  [${m.text}] ${m.edtf} ${m.type} ${m.precision} inferred=${m.inferred}${m.mod ? ' ' + m.mod : ''}${m.problem ? ' !' + m.problem : ''}`);
}
