// What the bench measures the index against: remark-parse alone, bundled and minified by esbuild as
// the subject is (bench/run.ts builds it to out/bench/baseline.js). Required from the bench, which
// tsx runs as CommonJS, its ES modules were each converted to CommonJS by tsx, every call to an
// imported function (micromark's character tests) going through getters: a parse took 1.7 times
// as long as bundled or imported as ES modules.
import { unified } from 'unified';
import remarkParse from 'remark-parse';

/** remark-parse alone on `text`, with a new processor as its users make one. */
export function parseWithRemark(text: string): unknown {
  return unified().use(remarkParse).parse(text);
}
