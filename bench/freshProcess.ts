// The full index against remark-parse in a process that has run nothing else (bench/run.ts starts
// one per input): the first run of each, its code cold, as when an article is first opened; then
// runs back to back. Prints the figures as JSON.
//
//   node --import tsx bench/freshProcess.ts SUBJECT_BUNDLE BASELINE_BUNDLE TEXT_FILE REPS
import { readFileSync } from 'node:fs';
import type * as Baseline from './baseline';
import type * as Subject from './subject';
import { measureBackToBack, time } from './timing';

const [subject, baseline, textFile, reps] = process.argv.slice(2);
/* eslint-disable @typescript-eslint/no-require-imports */
const { buildIndex } = require(subject) as typeof Subject;
const { parseWithRemark } = require(baseline) as typeof Baseline;
/* eslint-enable @typescript-eslint/no-require-imports */
const text = readFileSync(textFile, 'utf8');
const firstRemarkMs = time(() => parseWithRemark(text)).ms;
const firstIndexMs = time(() => buildIndex(text)).ms;
const { baseMs, ms } = measureBackToBack(text, Number(reps), parseWithRemark, buildIndex);
console.log(JSON.stringify({ firstRemarkMs, firstIndexMs, remarkMs: baseMs, indexMs: ms }));
