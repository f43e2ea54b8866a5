// `npm run bench`: how fast ChronoLens indexes, updates, looks up and paints, as ratios against a
// baseline measured in the same process and run (remark-parse alone on the same text), so the
// figures compare across commits on a noisy machine. Inputs are generated at run time: the sample,
// and ~0.1, 1 and 5 MB of real article text (the WikiWars texts from ../shared concatenated, or
// the sample when ../shared is absent; repeats varied, see articleText). The core and the baseline
// are measured as they ship: bundled and minified (bench/subject.ts, bench/baseline.ts).
//
//   npm run bench                    all of it (a few minutes on 2 cores)
//   npm run bench -- --quick         no 5 MB input, fewer repetitions
//   npm run bench -- --no-webview    skip the panel measurements (no Chromium)
//   npm run bench -- --no-vscode     skip the typing in a real VS Code (code-server, as npm test)
//   npm run bench -- --no-build      use dist/ as it is
//
// Prints a table and writes the same as JSON to bench/results/<timestamp>.json and
// bench/results/latest.json (git-ignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { nodeTarget } from '../scripts/nodeTarget.mjs';
import type { IndexStage } from '../src/core/articleIndex';
import { encodeJson, ModelWriter, type TimelineModel, type ToWebview } from '../src/webview/protocol';
import type * as Baseline from './baseline';
import type * as Subject from './subject';
import { measureBackToBack, median, time } from './timing';

const ROOT = path.resolve(__dirname, '..');

// The code measured and its baseline, each as it ships (see subject.ts and baseline.ts).
const SUBJECT = path.join(ROOT, 'out/bench/subject.js');
const BASELINE = path.join(ROOT, 'out/bench/baseline.js');
buildSync({
  entryPoints: [path.join(ROOT, 'bench/subject.ts'), path.join(ROOT, 'bench/baseline.ts')], outdir: path.dirname(SUBJECT), bundle: true, minify: true, ...nodeTarget, format: 'cjs', logLevel: 'warning',
  // The stand-in has only what the timed features use: the rest of `vscode` is left undefined, unused.
  alias: { vscode: path.join(ROOT, 'bench/vscodeStandIn.ts') }, logOverride: { 'import-is-undefined': 'silent' },
});
/* eslint-disable @typescript-eslint/no-require-imports */
const { ArticleIndex, buildIndex, IncrementalIndexer, IndexClient, packIndexData, unpackIndexData, buildModel, keptEnds, modelParts, modelSteps, splitKept, dateDiagnosticSteps, tokenSteps, documentSymbolSteps, standInDocument } = require(SUBJECT) as typeof Subject;
const { parseWithRemark } = require(BASELINE) as typeof Baseline;
/* eslint-enable @typescript-eslint/no-require-imports */
type ArticleIndex = Subject.ArticleIndex;
type PackedIndexData = ReturnType<typeof packIndexData>;
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const MB = 1024 * 1024;
const STAGES: IndexStage[] = ['parse', 'passages', 'dates', 'entities', 'events'];

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('bench: run with node --expose-gc (npm run bench does)');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Inputs

const sample = readFileSync(path.join(ROOT, 'samples/egypt-north-korea.txt'), 'utf8');
const corpusPath = path.join(ROOT, '../shared/corpus/wikiwars-dev.jsonl');
const corpus: string[] = existsSync(corpusPath)
  ? readFileSync(corpusPath, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text)
  : [];
const source = corpus.length ? 'WikiWars texts (../shared), concatenated, numbers shifted in repeats' : 'the sample, repeated with numbers shifted';

/**
 * About `bytes` of article text: whole texts, blank-line separated. Each pass over the texts after
 * the first lowers their numbers of three or four digits (years, mostly) by one more, up to 99, so
 * that passages do not repeat: the incremental indexer reads a repeated segment text once, which a
 * real article would not let it do (the 1 MB input repeated 38 of its 110 segments).
 */
function articleText(bytes: number): string {
  const texts = corpus.length ? corpus : [sample];
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const shift = Math.floor(k / texts.length) % 100;
    const text = texts[k % texts.length];
    const part = shift ? text.replace(/\b[1-9]\d{2,3}\b/g, (n) => String(Number(n) - shift)) : text;
    parts.push(part);
    size += Buffer.byteLength(part, 'utf8') + 2;
  }
  return parts.join('\n\n');
}

/**
 * About `bytes` of `text` with the same mix of content: every k-th paragraph. (The first 0.1 MB of
 * the corpus is one article, denser in dates than the rest: per-MB costs would compare content.)
 */
function sampledText(text: string, bytes: number): string {
  const paragraphs = text.split(/\n\n+/);
  const stride = Math.max(1, Math.round(Buffer.byteLength(text, 'utf8') / bytes));
  return paragraphs.filter((_, i) => i % stride === 0).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Timing helpers

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

const remarkAlone = (text: string): number => time(() => parseWithRemark(text)).ms;

interface FullRun {
  ms: number;
  stages: Record<IndexStage, number>;
}

function fullIndex(text: string): FullRun {
  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<IndexStage, number>;
  const { ms } = time(() => buildIndex(text, { onStage: (stage, t) => (stages[stage] += t) }));
  return { ms, stages };
}

/**
 * The incremental indexer of an article open in the editor, alive while full builds are measured:
 * the index worker holds one per open article. What it keeps (each segment's candidates, their
 * memos, mentions and dates) keeps their shapes known to V8 through the garbage collection forced
 * before each run; with nothing alive V8 forgets them and optimises the code that reads them again
 * (measured apart below, as the first article indexed after a pause).
 */
let openArticle: InstanceType<typeof IncrementalIndexer> | undefined;

/** The fastest and the slowest of runs (ms): how far a median can be trusted on this machine now. */
type Spread = [number, number];
const spreadOf = (ms: number[]): Spread => [Math.min(...ms), Math.max(...ms)];
const showSpread = ([min, max]: Spread) => `${round(min, 0)}–${round(max, 0)}`;

/** Baseline and index interleaved, `reps` times each, each after a full collection; medians, and the spread of each side. See also measureBackToBack (timing.ts). */
function measureFull(text: string, reps: number): { baseMs: number; run: FullRun; baseSpread: Spread; runSpread: Spread } {
  // Warm-up (JIT, lexicons, the frozen processor) on a small piece.
  buildIndex(text.slice(0, 20_000));
  remarkAlone(text.slice(0, 20_000));
  const bases: number[] = [];
  const runs: FullRun[] = [];
  for (let r = 0; r < reps; r++) {
    gc!();
    bases.push(remarkAlone(text));
    gc!();
    runs.push(fullIndex(text));
  }
  const ms = median(runs.map((r) => r.ms));
  const run = runs.find((r) => r.ms === ms) ?? runs[0];
  return { baseMs: median(bases), run, baseSpread: spreadOf(bases), runSpread: spreadOf(runs.map((r) => r.ms)) };
}

// ---------------------------------------------------------------------------------------------
// Measurements

const results: Record<string, unknown> = {};
const rows: Array<[string, string, string]> = [];
const row = (what: string, value: string, goal = '') => rows.push([what, value, goal]);

function benchFull(): void {
  // Each side's time after a collection varies from run to run (remark-parse on 1 MB: 181 to 235 ms
  // in nine runs of one process), and a median of 3 moved the ratio by a tenth; 7 cost 3 s more.
  const inputs: Array<{ name: string; text: string; reps: number }> = [
    { name: 'sample', text: sample, reps: QUICK ? 5 : 21 },
    { name: '0.1 MB', text: sampledText(articleText(1 * MB), 0.1 * MB), reps: QUICK ? 3 : 15 },
    { name: '1 MB', text: articleText(1 * MB), reps: QUICK ? 1 : 7 },
  ];
  if (!QUICK) inputs.push({ name: '5 MB', text: articleText(5 * MB), reps: 3 });
  // Warm-up on 1 MB first (JIT, lexicons, caches), so the small inputs measured first are not
  // measured cold: otherwise the per-MB cost falls with size for remark-parse alone as much as for us.
  // One build was not enough: the 0.1 MB runs after it took 89, 70, 65, 45 ms before settling at
  // 21-26 (median of 15: 30 ms); after four, the median was 22-27 ms.
  const warm = articleText(1 * MB);
  remarkAlone(warm);
  for (let i = 0; i < 4; i++) buildIndex(warm);
  openArticle = new IncrementalIndexer();
  openArticle.update(sample);
  const full: Record<string, unknown> = {};
  const perMb: Record<string, number> = {};
  const remarkPerMb: Record<string, number> = {};
  for (const input of inputs) {
    const bytes = Buffer.byteLength(input.text, 'utf8');
    const { baseMs, run, baseSpread, runSpread } = measureFull(input.text, input.reps);
    const ratio = run.ms / baseMs;
    full[input.name] = {
      bytes, remarkMs: round(baseMs), indexMs: round(run.ms), ratio: round(ratio),
      runs: input.reps, remarkSpreadMs: baseSpread.map((x) => round(x)), indexSpreadMs: runSpread.map((x) => round(x)),
      stagesMs: Object.fromEntries(STAGES.map((s) => [s, round(run.stages[s])])),
      stagesRatio: Object.fromEntries(STAGES.map((s) => [s, round(run.stages[s] / baseMs)])),
    };
    const split = STAGES.map((s) => `${s} ${round(run.stages[s] / baseMs)}`).join(', ');
    const spread = input.reps > 1 ? `; ${input.reps} runs: ${showSpread(runSpread)} vs ${showSpread(baseSpread)}` : '';
    row(`full index, ${input.name} (${(bytes / MB).toFixed(2)} MB)`, `${round(ratio)}× remark (${round(run.ms, 0)} ms vs ${round(baseMs, 0)} ms${spread})`, '≤ 1.5×');
    row(`  by stage (× remark)`, split);
    if (input.name !== 'sample') {
      perMb[input.name] = run.ms / (bytes / MB);
      remarkPerMb[input.name] = baseMs / (bytes / MB);
    }
  }
  openArticle = undefined;
  const alone = measureFull(warm, QUICK ? 1 : 3);
  full['1 MB, no article open'] = { remarkMs: round(alone.baseMs), indexMs: round(alone.run.ms), ratio: round(alone.run.ms / alone.baseMs) };
  row('full index, 1 MB, no article open (after a pause)', `${round(alone.run.ms / alone.baseMs)}× remark (${round(alone.run.ms, 0)} ms vs ${round(alone.baseMs, 0)} ms)`);
  const backToBack = { sample: measureBackToBack(sample, QUICK ? 20 : 200, parseWithRemark, buildIndex), '1 MB': measureBackToBack(warm, QUICK ? 2 : 12, parseWithRemark, buildIndex) };
  full['back to back'] = Object.fromEntries(Object.entries(backToBack).map(([k, b]) => [k, { remarkMs: round(b.baseMs), indexMs: round(b.ms), ratio: round(b.ms / b.baseMs) }]));
  row(
    'full index, back to back (no collection between runs)',
    Object.entries(backToBack).map(([k, b]) => `${k} ${round(b.ms / b.baseMs)}× (${round(b.ms, 1)} ms vs ${round(b.baseMs, 1)} ms)`).join(', '),
    '≤ 1.5×',
  );
  // The cost per MB, raw and as a ratio to remark-parse's on the same text. Linearity is judged on
  // the raw cost, as the issue defines it (flat ms per MB). The ratio is shown but does not judge:
  // after each collection remark-parse pays a fixed cost of its own (it optimises its tokenizer's
  // functions anew, timing.ts), so its cost per MB falls with size (371, 296, 225 at 0.1, 1, 5 MB
  // in one run) and the ratio rose by as much where ours stayed within ±7%. (It was the judge while
  // a warm-up too short inflated our 0.1 MB figure: see the warm-up above.)
  const spread = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return Math.max(...values.map((v) => Math.abs(v / mean - 1)));
  };
  const sizes = Object.keys(perMb);
  const rawSpread = spread(sizes.map((k) => perMb[k]));
  const ratioSpread = spread(sizes.map((k) => perMb[k] / remarkPerMb[k]));
  results.full = full;
  results.scaling = {
    msPerMb: Object.fromEntries(sizes.map((k) => [k, round(perMb[k], 0)])),
    remarkMsPerMb: Object.fromEntries(sizes.map((k) => [k, round(remarkPerMb[k], 0)])),
    maxDeviation: round(rawSpread, 3),
    maxDeviationOfRatio: round(ratioSpread, 3),
  };
  row('scaling: ms per MB (remark-parse alone)', sizes.map((k) => `${k}: ${round(perMb[k], 0)} (${round(remarkPerMb[k], 0)})`).join(', '), '');
  row('scaling: largest deviation from the mean', `±${round(100 * rawSpread, 1)}%`, '≤ ±20%');
  row('  same, of the ratio to remark-parse', `±${round(100 * ratioSpread, 1)}%`);
}

/**
 * The full index against remark-parse in a process that has run nothing else (freshProcess.ts), one
 * per input: the first runs, with cold code (an article just opened), and runs back to back. In
 * such a process remark-parse is at its fastest of all the protocols here. Then the same back to
 * back with a young generation large enough that few collections fall in a run: what each does
 * without the cost of collecting its garbage, which is much of remark-parse's time (see
 * WORK_ALONE).
 */
function benchFreshProcess(): void {
  const inputs = [
    { name: 'sample', text: sample, reps: QUICK ? 40 : 400 },
    { name: '0.1 MB', text: sampledText(articleText(1 * MB), 0.1 * MB), reps: QUICK ? 10 : 40 },
    { name: '1 MB', text: articleText(1 * MB), reps: QUICK ? 4 : 12 },
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'chronolens-bench-'));
  const file = path.join(dir, 'text.txt');
  const script = path.join(ROOT, 'bench/freshProcess.ts');
  type Fresh = { firstRemarkMs: number; firstIndexMs: number; remarkMs: number; indexMs: number };
  const fresh: Record<string, Fresh> = {};
  const workAlone: Record<string, Fresh> = {};
  const run = (nodeFlags: string[], input: (typeof inputs)[number]): Fresh =>
    JSON.parse(execFileSync(process.execPath, [...nodeFlags, ...process.execArgv, script, SUBJECT, BASELINE, file, String(input.reps)], { encoding: 'utf8', cwd: ROOT }));
  try {
    for (const input of inputs) {
      writeFileSync(file, input.text);
      fresh[input.name] = run([], input);
      workAlone[input.name] = run(WORK_ALONE, input);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  results.freshProcess = Object.fromEntries(Object.entries(fresh).map(([k, f]) => [k, {
    firstRemarkMs: round(f.firstRemarkMs), firstIndexMs: round(f.firstIndexMs), firstRatio: round(f.firstIndexMs / f.firstRemarkMs),
    remarkMs: round(f.remarkMs), indexMs: round(f.indexMs), ratio: round(f.indexMs / f.remarkMs),
  }]));
  results.freshProcessWorkAlone = Object.fromEntries(Object.entries(workAlone).map(([k, f]) => [k, { remarkMs: round(f.remarkMs), indexMs: round(f.indexMs), ratio: round(f.indexMs / f.remarkMs) }]));
  const cells = (runs: Record<string, Fresh>, pick: (f: Fresh) => [ours: number, base: number]) =>
    Object.entries(runs).map(([k, f]) => {
      const [ours, base] = pick(f);
      return `${k} ${round(ours / base)}× (${round(ours, 1)} ms vs ${round(base, 1)} ms)`;
    }).join(', ');
  row('full index, fresh process, back to back', cells(fresh, (f) => [f.indexMs, f.remarkMs]), '≤ 1.5×');
  row('full index, fresh process, first run (cold code)', cells(fresh, (f) => [f.firstIndexMs, f.firstRemarkMs]));
  row('  same back to back, few collections (64 MB young generation)', cells(workAlone, (f) => [f.indexMs, f.remarkMs]));
}

/**
 * Node's flags for a young generation so large that few collections fall in a run: semi-spaces of
 * 64 MB, where the default grows to 16. Both sides run faster so, remark-parse the more.
 */
const WORK_ALONE = ['--max-semi-space-size=64'];

/** A paragraph boundary ("\n\n") near `at`. */
function paragraphBreakNear(text: string, at: number): number {
  const i = text.indexOf('\n\n', at);
  return i < 0 ? text.lastIndexOf('\n\n', at) : i;
}

/**
 * `text` with an "x" typed at the start of a word, the k-th of a series of edits spread over the
 * text (golden-ratio steps, 10% to 90% of the way through): what the typing measures share.
 */
function typedAt(text: string, k: number): string {
  const at = text.indexOf(' ', Math.floor(text.length * (0.1 + 0.8 * ((k * 0.618) % 1)))) + 1;
  return text.slice(0, at) + 'x' + text.slice(at);
}

/**
 * The text as the index worker receives it (a message's string is flat), and as the extension
 * gets it from VS Code (document.getText() joins the document's lines): an edit made here by
 * slicing and concatenating is a rope that V8 would flatten (copy) inside the timed update or send.
 */
function asReceived(text: string): string {
  return structuredClone(text);
}

/**
 * A full garbage collection, then the time V8 takes to finish it: the collection sweeps memory
 * on other threads afterwards, and an update timed at once would wait on that sweeping (the
 * dates stage of an update took three times as long). An edit comes some time after a collection,
 * not in the same millisecond.
 */
function collectGarbage(): void {
  gc!();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
}

const SETTLE_MS = 100;

/** One incremental update and the lookups of its data (which the worker makes before it replies), timed by stage. */
function timedUpdate(indexer: InstanceType<typeof IncrementalIndexer>, text: string): { ms: number; stages: Record<string, number>; index: ArticleIndex } {
  const stages: Record<string, number> = Object.fromEntries([...STAGES, 'lookups'].map((s) => [s, 0]));
  const { ms, value: index } = time(() => {
    const data = indexer.update(text, { onStage: (stage, t) => (stages[stage] += t) });
    const t0 = performance.now();
    const wrapped = new ArticleIndex(text, data);
    stages.lookups = performance.now() - t0;
    return wrapped;
  });
  return { ms, stages, index };
}

function benchIncremental(text: string, index: ArticleIndex): void {
  const mid = text.length >> 1;
  const wordAt = text.indexOf(' ', mid) + 1;
  const para = paragraphBreakNear(text, mid);
  const pasted = '\n\nIn March 1962 the delegation from Cairo met the Soviet ambassador in Moscow; three weeks later, on 2 April 1962, both governments signed a trade agreement that President Nasser called a turning point.';
  const section = index.data.sections.find((s) => s.start <= mid && mid < s.end && s.end - s.start < text.length / 4);
  // A letter typed at the start of the name mentioned nearest the middle: the entity stage cannot
  // reuse its last grouping then (src/core/entities/afterEdit.ts), unlike for a letter in prose.
  const nameAt = index.data.entities.flatMap((e) => e.mentions.map((m) => m.start)).reduce((best, at) => (Math.abs(at - mid) < Math.abs(best - mid) ? at : best), 0);
  const edits: Array<{ name: string; next: string }> = [
    { name: 'one character', next: asReceived(text.slice(0, wordAt) + 'x' + text.slice(wordAt)) },
    { name: 'one character in a name', next: asReceived(text.slice(0, nameAt) + 'x' + text.slice(nameAt)) },
    { name: 'pasted paragraph', next: asReceived(text.slice(0, para) + pasted + text.slice(para)) },
  ];
  if (section) edits.push({ name: `deleted section (${section.end - section.start} chars)`, next: asReceived(text.slice(0, section.start) + text.slice(section.end)) });
  const out: Record<string, unknown> = {};
  const reps = QUICK ? 1 : 3;
  for (const edit of edits) {
    // Medians of `reps` runs, incremental and full interleaved (one run is at the mercy of the machine's load).
    const incs: Array<{ ms: number; stages: Record<string, number> }> = [];
    const fulls: number[] = [];
    let identical = true;
    for (let r = 0; r < reps; r++) {
      const indexer = new IncrementalIndexer();
      indexer.update(text); // the state before the edit
      collectGarbage();
      const i = timedUpdate(indexer, edit.next);
      collectGarbage();
      const f = time(() => buildIndex(edit.next));
      incs.push({ ms: i.ms, stages: i.stages });
      fulls.push(f.ms);
      if (r === 0) identical = JSON.stringify(i.index.data) === JSON.stringify(f.value.data);
    }
    const incMs = median(incs.map((r) => r.ms));
    const inc = incs.find((r) => r.ms === incMs) ?? incs[0];
    const full = { ms: median(fulls) };
    const stagesMs = Object.fromEntries(Object.entries(inc.stages).map(([k, v]) => [k, round(v)]));
    out[edit.name] = { incrementalMs: round(incMs), fullMs: round(full.ms), ratio: round(incMs / full.ms, 3), identical, stagesMs };
    row(`incremental: ${edit.name}`, `${round(incMs, 1)} ms = ${round(incMs / full.ms, 3)}× full (${round(full.ms, 0)} ms)${identical ? '' : ' NOT IDENTICAL'}`, edit.name.startsWith('one character') ? '≤ 30 ms' : '');
    row(`  by stage (ms)`, Object.entries(stagesMs).map(([k, v]) => `${k} ${v}`).join(', '));
  }
  out['typing'] = benchTyping(text, false);
  out['typingAfterPauses'] = benchTyping(text, true);
  // A book: what an edit costs when the text is five times longer (the goal is set for 1 MB).
  if (!QUICK) out['typing5Mb'] = benchTyping(articleText(5 * MB), false, '5 MB');
  results.incremental = out;
}

/**
 * Typing: 21 one-character edits in a row, each at another place of the text, on one indexer (as
 * the index worker sees a user typing). The first edits after a full build run code the JIT has
 * not yet seen, so the row above (one edit after a fresh build) is the pessimistic case; the median
 * here is what typing costs in a session. With `pauses`, a full garbage collection comes before
 * each edit, as V8 runs one when the user stops typing for a while: what the first key after a
 * pause costs. `size` names a text longer than the goal's 1 MB (a book), for which no goal is set.
 */
function benchTyping(text: string, pauses: boolean, size?: string): Record<string, unknown> {
  const indexer = new IncrementalIndexer();
  indexer.update(text);
  const runs: Array<{ ms: number; stages: Record<string, number> }> = [];
  let edited = text;
  for (let k = 0; k < 21; k++) {
    edited = asReceived(typedAt(edited, k));
    if (pauses) collectGarbage();
    const { ms, stages } = timedUpdate(indexer, edited);
    runs.push({ ms, stages });
  }
  const ms = median(runs.map((r) => r.ms));
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  const stagesMs = Object.fromEntries([...STAGES, 'lookups'].map((s) => [s, round(median(runs.map((r) => r.stages[s])))]));
  const identical = JSON.stringify(indexer.update(edited)) === JSON.stringify(buildIndex(edited).data);
  const what = pauses ? 'typing after pauses, 21 edits (a full GC before each)' : `typing${size ? ` in ${size}` : ''}, 21 edits in a row`;
  // The slowest edit is shown too: a letter typed into a name groups mentions again (regroup.ts).
  const maxMs = sorted[sorted.length - 1];
  row(`incremental: ${what}`, `median ${round(ms, 1)} ms, p90 ${round(quantile(sorted, 0.9), 1)} ms, max ${round(maxMs, 1)} ms${identical ? '' : ' NOT IDENTICAL'}`, size ? '' : '≤ 30 ms');
  row('  by stage, medians (ms)', Object.entries(stagesMs).map(([k, v]) => `${k} ${v}`).join(', '));
  return { medianMs: round(ms), p90Ms: round(quantile(sorted, 0.9)), maxMs: round(maxMs), stagesMs, identical };
}

/** What the hover provider computes from the index (src/extension/hover.ts), minus the Markdown. */
function hoverWork(index: ArticleIndex, offset: number): number {
  let n = 0;
  const date = index.dateAt(offset);
  if (date) {
    const event = index.eventAt(date.start);
    const span = index.span();
    if (event) {
      n += index.rankOf(event) + (span ? 1 : 0);
      n += index.datesOf(event).length;
      if (index.previousInTime(event)) n++;
      if (index.nextInTime(event)) n++;
      n += index.entitiesOf(event).length;
    }
    return n;
  }
  const hit = index.mentionAt(offset);
  if (hit) {
    n += hit.entity.mentions.length + hit.entity.aliases.length;
    const events = index.eventsOf(hit.entity);
    for (const e of events.slice(0, 12)) n += index.datesOf(e).length;
  }
  return n;
}

function benchLookups(text: string, index: ArticleIndex): void {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const offsets = Array.from({ length: 10_000 }, () => Math.floor(random() * text.length));
  const lookups: Record<string, (o: number) => unknown> = {
    dateAt: (o) => index.dateAt(o),
    mentionAt: (o) => index.mentionAt(o),
    eventAt: (o) => index.eventAt(o),
    hover: (o) => hoverWork(index, o),
  };
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(lookups)) {
    for (const o of offsets.slice(0, 500)) f(o); // warm-up
    const ts: number[] = [];
    for (const o of offsets) {
      const t0 = performance.now();
      f(o);
      ts.push(performance.now() - t0);
    }
    ts.sort((a, b) => a - b);
    const p50 = quantile(ts, 0.5);
    const p99 = quantile(ts, 0.99);
    out[name] = { p50Ms: round(p50, 4), p99Ms: round(p99, 4), maxMs: round(ts[ts.length - 1], 3) };
    row(`lookup ${name} (10,000 offsets, 1 MB)`, `p50 ${round(p50 * 1000, 1)} µs, p99 ${round(p99 * 1000, 1)} µs`, 'p99 ≤ 1 ms');
  }
  results.lookups = out;
}

/**
 * The timeline panel's model of the 1 MB text, as the extension host builds it after each update
 * of a document the panel shows, and encodes it in the messages the panel sends it in (modelParts,
 * ModelWriter): the whole model, as for a document newly shown, and after a typed letter only the
 * events that changed (keptEnds).
 */
function benchPanelModel(text: string, index: ArticleIndex): void {
  const builds: number[] = [];
  const longestSteps: number[] = [];
  const serialisations: number[] = [];
  const longestMessages: number[] = [];
  let bytes = 0;
  let messages = 0;
  for (let r = 0; r < 11; r++) {
    // A new index each time, as after an edit (an index keeps the placements of its events).
    const fresh = new ArticleIndex(index.text, index.data);
    const built = timedSteps(modelSteps(fresh, 'file:///bench/article.txt', 'bench', r));
    const { parts, rest } = modelParts(built.value);
    // What the extension host does for each message; VS Code sends the bytes as they are.
    const writer = new ModelWriter(built.value.facets.sections);
    const sent = [...parts.map((events) => time(() => writer.events(events))), time(() => writer.model(rest))];
    builds.push(built.ms);
    longestSteps.push(built.longestMs);
    serialisations.push(sent.reduce((ms, s) => ms + s.ms, 0));
    longestMessages.push(Math.max(...sent.map((s) => s.ms)));
    bytes = sent.reduce((n, s) => n + s.value.length, 0);
    messages = sent.length;
  }
  const [buildMs, longestStepMs, serialiseMs, longestMessageMs] = [builds, longestSteps, serialisations, longestMessages].map((xs) => round(median(xs)));
  // After a typed letter: the model the webview has, and the next one's events that changed.
  const indexer = new IncrementalIndexer();
  const shown = buildModel(new ArticleIndex(text, indexer.update(text)), 'file:///bench/article.txt', 'bench', 1);
  const typed: Array<{ matchMs: number; encodeMs: number; sent: number; bytes: number }> = [];
  for (let k = 0; k < 11; k++) {
    const edited = asReceived(typedAt(text, k));
    const next = buildModel(new ArticleIndex(edited, indexer.update(edited)), 'file:///bench/article.txt', 'bench', 2 + k);
    const matched = time(() => keptEnds(shown.events, next.events));
    const { head, tail } = matched.value;
    const { changed, keptIds } = splitKept(next.events, head, tail);
    const { parts, rest } = modelParts({ ...next, events: changed });
    const encoded = time(() => {
      const writer = new ModelWriter(next.facets.sections);
      return [...parts.map((events) => writer.events(events)), writer.model(rest), encodeJson(keptIds)];
    });
    typed.push({ matchMs: matched.ms, encodeMs: encoded.ms, sent: next.events.length - head - tail, bytes: encoded.value.reduce((n, b) => n + b.length, 0) });
  }
  const typedMedians = { matchMs: round(median(typed.map((t) => t.matchMs))), encodeMs: round(median(typed.map((t) => t.encodeMs))), sent: median(typed.map((t) => t.sent)), bytes: median(typed.map((t) => t.bytes)) };
  results.panelModel = { events: index.timeline.length, buildMs, longestStepMs, serialiseMs, longestMessageMs, messages, bytes, afterTypedLetter: typedMedians };
  row(
    `panel model after an update (${index.timeline.length} events, 1 MB)`,
    `built ${round(buildMs, 1)} ms (longest step ${round(longestStepMs, 1)}), encoded ${round(serialiseMs, 1)} ms in ${messages} messages (longest ${round(longestMessageMs, 1)}; ${round(bytes / 1e6, 1)} MB), medians of 11`,
    'steps ≤ 20 ms',
  );
  row(
    '  after a typed letter, only the events that changed',
    `${typedMedians.sent} sent (${round(typedMedians.bytes / 1e3, 1)} KB with the facets and the kept ids), found in ${round(typedMedians.matchMs, 1)} ms, encoded in ${round(typedMedians.encodeMs, 1)} ms; medians of 11`,
  );
}

/** Steps (a generator's) run one after the other: their total time and the longest step's, which is what the editor waits for. */
function timedSteps<T>(steps: Generator<unknown, T, void>): { ms: number; longestMs: number; value: T } {
  let ms = 0;
  let longestMs = 0;
  for (;;) {
    const step = time(() => steps.next());
    ms += step.ms;
    longestMs = Math.max(longestMs, step.ms);
    if (step.value.done) return { ms, longestMs, value: step.value.value };
  }
}

/**
 * The extension host's own work after each update of the 1 MB text, with the index in hand: the
 * diagnostics, the whole document's semantic tokens and the outline, each made in slices (the
 * longest is what the editor waits for). VS Code's classes are bench/vscodeStandIn.ts's.
 */
function benchHostFeatures(text: string, index: ArticleIndex): void {
  const document = standInDocument(text) as unknown as Parameters<typeof dateDiagnosticSteps>[0];
  const runs: Record<'diagnostics' | 'semanticTokens' | 'outline', Array<{ ms: number; longestMs: number }>> = { diagnostics: [], semanticTokens: [], outline: [] };
  for (let r = 0; r < 11; r++) {
    // A new index each time, as after an edit: the features keep nothing from one index to the next.
    const fresh = new ArticleIndex(text, index.data);
    // Only the times are kept: results held from round to round would weigh on the collections.
    const timesOf = ({ ms, longestMs }: { ms: number; longestMs: number }) => ({ ms, longestMs });
    runs.diagnostics.push(timesOf(timedSteps(dateDiagnosticSteps(document, fresh, true))));
    runs.semanticTokens.push(timesOf(timedSteps(tokenSteps(fresh, 0, text.length))));
    runs.outline.push(timesOf(timedSteps(documentSymbolSteps(document, fresh))));
  }
  const medians = Object.fromEntries(
    Object.entries(runs).map(([feature, rs]) => [feature, { ms: round(median(rs.map((x) => x.ms))), longestStepMs: round(median(rs.map((x) => x.longestMs))) }]),
  );
  results.hostFeatures = medians;
  row(
    'extension host after an update (1 MB)',
    Object.entries(medians).map(([feature, m]) => `${feature} ${round(m.ms, 1)} ms (longest step ${round(m.longestStepMs, 1)})`).join(', ') + '; medians of 11',
    'steps ≤ 20 ms',
  );
}

/**
 * The heap in use once garbage is collected, and the collection finished: read at once, it
 * varied by megabytes from one reading to the next (an index dropped counted as alive in one of
 * three), as V8 frees on other threads after the collection returns.
 */
function heapUsed(): number {
  gc!();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/**
 * The heap an object holds: the heap with it alive, less the heap once it is dropped, nothing run
 * between: the heap before a build and after it would also count what the build changed in the
 * core's caches (grown, or emptied on reaching their bounds). Whatever else V8 frees between the
 * two readings adds to the difference, never takes from it: the least of three is kept (one
 * reading of the 1 MB index in a full run gave 18 B per byte, against 4.2-4.6 in every other).
 */
function retainedBy(make: () => object): number {
  let least = Infinity;
  for (let run = 0; run < 3; run++) {
    let made: object | undefined = make();
    const alive = heapUsed();
    made = undefined;
    void made;
    least = Math.min(least, alive - heapUsed());
  }
  return least;
}

function benchMemory(text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  const h0 = heapUsed();
  let built: ArticleIndex | undefined = buildIndex(text);
  const counts = { events: built.data.events.length, dates: built.data.dates.length, entities: built.data.entities.length };
  let packed: PackedIndexData | undefined = packIndexData(built.data, text);
  built = undefined;
  void built;
  const retained = retainedBy(() => buildIndex(text));
  // As the host holds it when the worker built it: cloned, span texts put back as slices of the text.
  const retainedClone = retainedBy(() => new ArticleIndex(text, unpackIndexData(structuredClone(packed!), text)));
  packed = undefined;
  void packed;
  const leftBehind = heapUsed() - h0;
  results.memory = {
    bytes, retainedBytes: retained, perByte: round(retained / bytes), clonedRetainedBytes: retainedClone, clonedPerByte: round(retainedClone / bytes),
    leftBehindBytes: leftBehind, leftBehindPerByte: round(leftBehind / bytes), ...counts,
  };
  row('memory: heap retained by the 1 MB index', `${round(retained / bytes)} B per byte of text (${round(retained / MB, 1)} MB)`, '≤ 10 B/B');
  row('memory: same, as the host gets it from the worker', `${round(retainedClone / bytes)} B per byte of text`, '≤ 10 B/B');
  row('memory: left behind once the builds are dropped (core caches, compiled code)', `${round(leftBehind / bytes)} B per byte of text`);
  benchEditMemory(text);
}

/**
 * What an incremental indexer holds (the index and each stage's reusable work) after one build of
 * the text, and after 60 one-character edits spread over it: work kept across builds must not keep
 * old versions of the text alive.
 */
function benchEditMemory(text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  const h0 = heapUsed();
  let indexer: InstanceType<typeof IncrementalIndexer> | undefined = new IncrementalIndexer();
  indexer.update(text);
  const h1 = heapUsed();
  let edited = text;
  for (let k = 0; k < 60; k++) {
    edited = typedAt(edited, k);
    indexer.update(edited);
  }
  const h2 = heapUsed();
  indexer = undefined;
  void indexer;
  results.editMemory = { afterBuildPerByte: round((h1 - h0) / bytes), after60EditsPerByte: round((h2 - h0) / bytes) };
  row('memory: incremental indexer, 1 MB', `${round((h1 - h0) / bytes)} B per byte after a build, ${round((h2 - h0) / bytes)} after 60 edits`, 'bounded');
}

/** Letters typed for each half of the worker's typing row. */
const TYPED_IN_WORKER = 20;
/** How long after the article has opened the worker's first letter comes (see benchWorker). */
const FIRST_LETTER_AFTER_MS = 1000;

/**
 * The index worker as the extension uses it: its client (src/extension/indexClient.ts) and
 * dist/indexWorker.js. The round trip for the 1 MB text, a one-character edit's, until the host
 * has the ArticleIndex, and the longest the host's event loop was blocked meanwhile (receiving
 * the reply, unpacking it in slices).
 */
async function benchWorker(text: string): Promise<void> {
  const script = path.join(ROOT, 'dist/indexWorker.js');
  if (!existsSync(script)) {
    row('worker', 'skipped: no dist/indexWorker.js');
    return;
  }
  // The worker's own time for each job, from the client's trace log.
  let workerMs = NaN;
  const trace = (message: string) => (workerMs = Number(/([\d.]+) ms in the worker/.exec(message)?.[1]));
  const client = new IndexClient(script, { info: () => {}, trace, error: (m) => console.error(m) }, () => new IncrementalIndexer());
  const roundTrip = async (version: number, body: string) => {
    // From a collected heap: the garbage of the sections before (texts, indexes) is this
    // process's, not an extension host's, and a collection of it would count as our stall.
    collectGarbage();
    let last = performance.now();
    let maxStall = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      maxStall = Math.max(maxStall, now - last);
      last = now;
    }, 1);
    const t0 = performance.now();
    if (!(await client.index('bench', version, body, {}))) throw new Error('worker: no index');
    const ms = performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 5));
    clearInterval(tick);
    return { ms, workerMs, maxStallMs: Math.max(maxStall, performance.now() - last) };
  };
  try {
    await roundTrip(1, text.slice(0, 20_000)); // warm-up
    const full = await roundTrip(2, text);
    // A user's first letter comes some time after the article has opened, and the worker warms up
    // meanwhile (src/extension/indexWorkerWarmUp.ts, some 0.4 s): a second is assumed.
    await new Promise((resolve) => setTimeout(resolve, FIRST_LETTER_AFTER_MS));
    const at = text.indexOf(' ', text.length >> 1) + 1;
    let edited = asReceived(text.slice(0, at) + 'x' + text.slice(at));
    const edit = await roundTrip(3, edited);
    // Typing: more edits in a row, each at another place.
    // Each reply after the first is packed against the last one the host holds (indexTransfer.ts).
    // The worker is a V8 of its own: its first edits run code it has not optimised yet (the
    // edits after the first 20 of a 1 MB article took about half as long), so the two halves
    // are told apart.
    const typing: Array<{ ms: number; workerMs: number; maxStallMs: number }> = [];
    for (let k = 0; k < 2 * TYPED_IN_WORKER; k++) {
      edited = asReceived(typedAt(edited, k));
      typing.push(await roundTrip(4 + k, edited));
    }
    const typingMs = median(typing.map((t) => t.ms));
    const typingStallMs = Math.max(...typing.map((t) => t.maxStallMs));
    const inWorker = (edits: typeof typing) => {
      const sorted = edits.map((t) => t.workerMs).sort((a, b) => a - b);
      return { median: round(median(sorted)), p90: round(quantile(sorted, 0.9)), max: round(sorted[sorted.length - 1]) };
    };
    const [first, then] = [inWorker(typing.slice(0, TYPED_IN_WORKER)), inWorker(typing.slice(TYPED_IN_WORKER))];
    results.worker = {
      roundTripMs: round(full.ms), workerMs: round(full.workerMs), hostMaxStallMs: round(full.maxStallMs),
      editRoundTripMs: round(edit.ms), editWorkerMs: round(edit.workerMs), editHostMaxStallMs: round(edit.maxStallMs),
      typingRoundTripMedianMs: round(typingMs), typingHostMaxStallMs: round(typingStallMs),
      typingWorkerMs: { first, then },
    };
    row('worker: 1 MB round trip', `${round(full.ms, 0)} ms (${round(full.workerMs, 0)} in the worker); host blocked at most ${round(full.maxStallMs, 1)} ms`, 'editor never waits');
    row('worker: one-character edit, round trip', `${round(edit.ms, 0)} ms (${round(edit.workerMs, 1)} in the worker); host blocked at most ${round(edit.maxStallMs, 1)} ms`, '≤ 30 ms in the worker');
    row(`worker: typing, ${2 * TYPED_IN_WORKER} edits in a row, round trip`, `median ${round(typingMs, 0)} ms; host blocked at most ${round(typingStallMs, 1)} ms`);
    const shown = (t: typeof first) => `median ${round(t.median, 1)} ms, p90 ${round(t.p90, 1)} ms, max ${round(t.max, 1)} ms`;
    row(`  in the worker (update, lookups, packing): the first ${TYPED_IN_WORKER}`, shown(first));
    row(`  the next ${TYPED_IN_WORKER}`, shown(then), '≤ 30 ms');
  } finally {
    client.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// A real VS Code

/**
 * Runs one of the bench's scenarios in a real VS Code (code-server and Chromium, as `npm run
 * test:vscode` runs its tests) on `text`, and returns the figures it wrote. `only` and `grep`
 * pick the scenario: the in-host suite's test/suite/editorStalls.bench.ts, the UI runner's
 * test/ui/keystrokes.bench.mjs.
 */
function vscodeScenario<T>(only: 'host' | 'ui', grep: string, text: string): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'chronolens-bench-'));
  const article = path.join(dir, 'article.txt');
  const out = path.join(dir, 'figures.json');
  writeFileSync(article, text);
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'test/e2e/run.mjs'), '--only', only, '--no-build', '--grep', grep], {
      cwd: ROOT, env: { ...process.env, CHRONOLENS_BENCH_ARTICLE: article, CHRONOLENS_BENCH_OUT: out }, stdio: 'ignore',
    });
    return JSON.parse(readFileSync(out, 'utf8')) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const skipped = (error: unknown) => `skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (logs in test-results/vscode/)`;

/**
 * Letters typed into the 1 MB text with the timeline open (test/suite/editorStalls.bench.ts): how
 * late the extension host's event loop ran a timer due every 2 ms. What delays it is the
 * extension's work and VS Code's for it (diagnostics, tokens, outline, the panel's messages),
 * their garbage collections, and whatever else the extension host runs.
 */
function benchEditorStalls(text: string): void {
  try {
    const { letters, seconds, delays } = vscodeScenario<{ letters: number; seconds: number; delays: number[] }>('host', '^bench: the extension host', text);
    const sorted = [...delays].sort((a, b) => a - b);
    const lateBy = (ms: number) => delays.filter((d) => d - 2 > ms).length;
    const figures = { letters, seconds: round(seconds, 1), over20Ms: lateBy(20), over50Ms: lateBy(50), p99Ms: round(quantile(sorted, 0.99) - 2, 1), maxMs: round(sorted[sorted.length - 1] - 2, 1) };
    results.editorStalls = figures;
    row(
      'VS Code: extension host while typing (1 MB, timeline open)',
      `${letters} letters in ${figures.seconds} s: the event loop late by over 50 ms ${figures.over50Ms} times, over 20 ms ${figures.over20Ms}; p99 ${figures.p99Ms} ms, longest ${figures.maxMs} ms`,
    );
  } catch (error) {
    row('VS Code: extension host while typing', skipped(error));
  }
}

/**
 * Keystrokes typed into the 1 MB text in the workbench page (test/ui/keystrokes.bench.mjs): each
 * one's time from the key event to the next paint, as the browser's Event Timing reports it (in
 * steps of 8 ms; a key under 16 ms is not reported and counts as 16 here), and the page's long
 * tasks meanwhile; against the same file with ChronoLens switched off for it, typed into in turns.
 */
function benchKeystrokes(text: string): void {
  type Seen = { keys: number[]; longTasks: number[] };
  try {
    const seen = vscodeScenario<{ keystrokes: number; plain: Seen; article: Seen }>('ui', '^bench: keystrokes', text);
    const figures = (s: Seen) => {
      const keys = [...s.keys, ...Array<number>(Math.max(0, seen.keystrokes - s.keys.length)).fill(16)].sort((a, b) => a - b);
      return {
        medianMs: median(keys), p90Ms: quantile(keys, 0.9), maxMs: keys[keys.length - 1], over50Ms: keys.filter((k) => k > 50).length,
        longTasks: s.longTasks.length, longTasksMs: round(s.longTasks.reduce((a, b) => a + b, 0), 0),
      };
    };
    const [plain, article] = [figures(seen.plain), figures(seen.article)];
    results.keystrokes = { keystrokes: seen.keystrokes, plain, article };
    const shown = (f: typeof plain) => `median ${f.medianMs} ms, p90 ${f.p90Ms}, longest ${f.maxMs}, over 50 ms ${f.over50Ms}; long tasks ${f.longTasks} (${f.longTasksMs} ms)`;
    row(`VS Code: keystroke to paint in the window (1 MB, ${seen.keystrokes} keys each)`, `article, timeline open: ${shown(article)}`, 'editor never waits');
    row('  same file, ChronoLens off for it (chronolens.languages empty)', shown(plain));
  } catch (error) {
    row('VS Code: keystroke to paint in the window', skipped(error));
  }
}

// ---------------------------------------------------------------------------------------------
// Timeline panel, measured in headless Chromium

/** `count` events for the panel: the real model of a large text, repeated with fresh ids if short. */
function panelModel(index: ArticleIndex, count: number): TimelineModel {
  const model = buildModel(index, 'file:///bench/article.txt', 'bench', 1);
  const events = [];
  for (let i = 0; events.length < count && model.events.length; i++) {
    const e = model.events[i % model.events.length];
    events.push(i < model.events.length ? e : { ...e, id: `${e.id}-${Math.floor(i / model.events.length)}` });
  }
  return { ...model, events };
}

async function benchWebview(model: TimelineModel): Promise<void> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    row('panel', 'skipped: no playwright-core');
    return;
  }
  const executablePath = process.env.CHRONOLENS_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    row('panel', `skipped: no Chromium at ${executablePath}`);
    return;
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // First paint, each in a fresh page (a panel opened anew): the median of several, as one
    // paint is at the mercy of what else the machine does at that moment.
    const paints: Array<{ paintMs: number; renderMs: number }> = [];
    for (let i = 0; i < (QUICK ? 3 : 5); i++) {
      const fresh = await panelPage(browser);
      paints.push(await firstPaint(fresh, model));
      await fresh.close();
    }
    const paintMs = median(paints.map((p) => p.paintMs));
    const paint = paints.find((p) => p.paintMs === paintMs) ?? paints[0];
    // Filtering, in a panel that has painted the model. It settles first (it prepares the text
    // filter's search keys in idle slices after painting), as it has by the time a person reaches for a filter.
    const page = await panelPage(browser);
    await firstPaint(page, model);
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
    await page.waitForTimeout(200);
    // Filtering: a text filter, an entity-type filter, then clearing; each until painted, 5 rounds, medians.
    const entityName = model.facets.entities[0]?.name ?? '';
    const filters = [
      { name: 'text "army"', filters: { entities: [], types: [], section: null, text: 'army' } },
      { name: 'type person', filters: { entities: [], types: ['person'], section: null, text: '' } },
      { name: `entity ${entityName}`, filters: { entities: [entityName], types: [], section: null, text: '' } },
      { name: 'cleared', filters: { entities: [], types: [], section: null, text: '' } },
    ];
    const runs = new Map<string, Array<{ paintMs: number; renderMs: number; filterMs: number; shown: number }>>();
    let seq = 1000;
    for (let pass = 0; pass < 5; pass++) for (const f of filters) {
      const r = await page.evaluate(async ({ filters: fs, seq: s }) => {
        const g = globalThis as unknown as { chronolensTimeline: { stats(): { ms: number; filterMs: number; shown: number } } };
        const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const t0 = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data: { type: 'filters', filters: fs, filtersSeq: s } }));
        const sync = performance.now() - t0;
        await painted();
        const stats = g.chronolensTimeline.stats();
        return { paintMs: performance.now() - t0, renderMs: sync, filterMs: stats.filterMs, shown: stats.shown };
      }, { filters: f.filters, seq: seq++ });
      runs.set(f.name, [...(runs.get(f.name) ?? []), r]);
    }
    const filtering: Record<string, unknown> = {};
    for (const [name, rs] of runs) {
      const mid = <K extends 'paintMs' | 'renderMs' | 'filterMs'>(k: K) => round(median(rs.map((r) => r[k])));
      filtering[name] = { paintMs: mid('paintMs'), maxPaintMs: round(Math.max(...rs.map((r) => r.paintMs))), renderMs: mid('renderMs'), filterMs: mid('filterMs'), shown: rs[0].shown };
    }
    results.panel = { events: model.events.length, firstPaint: { paintMs: round(paint.paintMs), renderMs: round(paint.renderMs), spreadMs: spreadOf(paints.map((p) => round(p.paintMs))) }, filtering };
    row(`panel first paint, ${model.events.length} events`, `${round(paint.paintMs, 1)} ms, median of ${paints.length} fresh panels (${showSpread(spreadOf(paints.map((p) => p.paintMs)))}; render ${round(paint.renderMs, 1)} ms)`, '≤ 300 ms');
    for (const [name, r] of Object.entries(filtering) as Array<[string, { paintMs: number; maxPaintMs: number; renderMs: number; filterMs: number; shown: number }]>) {
      row(`panel filter ${name} (${r.shown} shown)`, `${r.paintMs} ms to paint, median of 5 (max ${r.maxPaintMs}; render ${r.renderMs} ms, filter ${r.filterMs} ms)`, '≤ 50 ms');
    }
  } finally {
    await browser.close();
  }
}

/** A blank panel in a new page: the timeline's CSS and script, and a stand-in for VS Code's webview API. */
async function panelPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const css = readFileSync(path.join(ROOT, 'media/timeline.css'), 'utf8');
  await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>${css}</style></head><body></body></html>`);
  // tsx compiles this file with esbuild's keepNames: functions sent to the page call its __name helper.
  await page.evaluate('window.__name = (f) => f');
  await page.evaluate(() => {
    const w = window as unknown as { posted: unknown[]; acquireVsCodeApi: () => unknown };
    w.posted = [];
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m), getState: () => undefined, setState: () => {} });
  });
  await page.addScriptTag({ content: readFileSync(path.join(ROOT, 'dist/webview.js'), 'utf8') });
  return page;
}

/** The panel's first paint of `model`: from posting the message (structured clone included) until the frame after it is painted. */
async function firstPaint(page: Page, model: TimelineModel): Promise<{ paintMs: number; renderMs: number }> {
  // The model as the extension sends it (ModelWriter): ASCII bytes, handed to the page as text and made bytes again there.
  const message: Omit<Extract<ToWebview, { type: 'model' }>, 'model'> & { model: string } = {
    type: 'model', model: Buffer.from(new ModelWriter(model.facets.sections).model(model)).toString('latin1'), push: 1, parts: 0, filters: { entities: [], types: [], section: null, text: '' }, filtersSeq: 0, settings: { grouping: 'decade', zoom: 1 }, selectedId: null, selectedSeq: 0,
  };
  await page.evaluate((m) => ((window as unknown as { benchMessage: unknown }).benchMessage = { ...m, model: new TextEncoder().encode(m.model) }), message);
  return page.evaluate(async () => {
    const w = window as unknown as { benchMessage: unknown; posted: Array<{ type: string; ms?: number }> };
    const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const renderedMessage = () => w.posted.find((m) => m.type === 'rendered' && (m as { events?: number }).events! > 0);
    const t0 = performance.now();
    const rendered = new Promise<void>((resolve) => {
      const poll = () => (renderedMessage() ? resolve() : setTimeout(poll, 0));
      poll();
    });
    window.postMessage(w.benchMessage, '*');
    await rendered;
    await painted();
    return { paintMs: performance.now() - t0, renderMs: renderedMessage()!.ms ?? 0 };
  });
}

// ---------------------------------------------------------------------------------------------
// Activation

/** Loading dist/extension.js and activating it, cold, in fresh processes (bench/activation.cjs): medians. */
function benchActivation(): void {
  const runs: Array<{ loadMs: number; activateMs: number }> = [];
  for (let i = 0; i < (QUICK ? 3 : 7); i++) {
    runs.push(JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bench/activation.cjs')], { encoding: 'utf8' })));
  }
  const loadMs = median(runs.map((r) => r.loadMs));
  const activateMs = median(runs.map((r) => r.activateMs));
  results.activation = { loadMs: round(loadMs), activateMs: round(activateMs) };
  row('activation (desktop bundle, cold)', `load ${round(loadMs, 1)} ms, activate() ${round(activateMs, 1)} ms`, 'lazy and cheap');
}

// ---------------------------------------------------------------------------------------------
// Bundles

async function benchBundles(): Promise<void> {
  const files = ['dist/extension.js', 'dist/web/extension.js', 'dist/webview.js', 'dist/core.browser.js', 'dist/cli.js', 'dist/indexWorker.js', 'dist/web/indexWorker.js'];
  const dev: Record<string, number> = {};
  for (const f of files) if (existsSync(path.join(ROOT, f))) dev[f] = statSync(path.join(ROOT, f)).size;
  // Minified (as `npm run package` builds them), in memory.
  const esbuild = await import('esbuild');
  const entries: Array<[string, string, 'node' | 'browser', 'cjs' | 'iife']> = [
    ['extension (node)', 'src/extension/extension.ts', 'node', 'cjs'],
    ['extension (web)', 'src/extension/extension.ts', 'browser', 'cjs'],
    ['index worker (node)', 'src/extension/indexWorker.node.ts', 'node', 'cjs'],
    ['index worker (web)', 'src/extension/indexWorker.web.ts', 'browser', 'iife'],
    ['webview', 'src/webview/main.ts', 'browser', 'iife'],
  ];
  const minified: Record<string, number> = {};
  for (const [name, entry, platform, format] of entries) {
    if (!existsSync(path.join(ROOT, entry))) continue;
    const r = await esbuild.build({
      entryPoints: [path.join(ROOT, entry)], bundle: true, minify: true, write: false, platform, format, external: ['vscode'],
      logLevel: 'silent', legalComments: 'none', define: { CHRONOLENS_WEB: platform === 'browser' ? 'true' : 'false' },
    });
    minified[name] = r.outputFiles[0].contents.length;
  }
  results.bundles = { dev, minified };
  row('bundles, minified (KB)', Object.entries(minified).map(([k, v]) => `${k} ${round(v / 1024, 1)}`).join(', '));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = new Date();
  if (!args.has('--no-build')) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  results.meta = { started: started.toISOString(), commit, node: process.version, source, quick: QUICK };
  console.log(`ChronoLens bench: ${source}; node ${process.version}; commit ${commit}`);

  benchFull();
  benchFreshProcess();
  const text1 = articleText(1 * MB);
  const index1 = buildIndex(text1);
  benchIncremental(text1, index1);
  benchLookups(text1, index1);
  benchPanelModel(text1, index1);
  benchHostFeatures(text1, index1);
  benchMemory(text1);
  await benchWorker(text1);
  if (!args.has('--no-vscode')) {
    benchEditorStalls(text1);
    benchKeystrokes(text1);
  }
  if (!args.has('--no-webview')) {
    const big = index1.timeline.length >= 10_000 ? index1 : buildIndex(articleText(2 * MB));
    await benchWebview(panelModel(big, 10_000));
  }
  benchActivation();
  await benchBundles();

  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  console.log();
  console.log(`${'measure'.padEnd(w[0])}  ${'result'.padEnd(w[1])}  goal`);
  console.log(`${'-'.repeat(w[0])}  ${'-'.repeat(w[1])}  ----`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w[0])}  ${b.padEnd(w[1])}  ${c}`);
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify({ ...results, table: rows }, null, 2);
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  writeFileSync(path.join(dir, `${stamp}.json`), json);
  writeFileSync(path.join(dir, 'latest.json'), json);
  console.log(`\nwritten: bench/results/${stamp}.json (and latest.json)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
