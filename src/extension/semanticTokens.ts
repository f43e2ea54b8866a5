// Semantic colouring of dates and entity mentions. The token types are ChronoLens's own
// (package.json `semanticTokenTypes`), each with a standard super type and TextMate scopes
// (`semanticTokenScopes`) so that any colour theme colours them: dates like numbers, people like
// variables, places like namespaces, organizations like structs, events like functions.
// Tokens never overlap: where a mention lies inside a longer one (a name inside "the time of
// Gamal Abdel Nasser"), the inner, shorter one wins and the outer one is split around it.
import * as vscode from 'vscode';
import type { ArticleIndex, DateMention, EntityType } from '../core';
import { partitionPoint } from '../core/partitionPoint';
import { runSteps } from '../core/steps';
import { type FeatureContext, guard, indexFor, registerForArticles } from './editorContext';
import { runInSlices } from './nextTask';

export const TOKEN_TYPES = [
  'chronolensDate',
  'chronolensPerson',
  'chronolensPlace',
  'chronolensOrganization',
  'chronolensEvent',
  'chronolensEntity',
] as const;
export const TOKEN_MODIFIERS = ['inferred', 'ambiguous', 'invalid'] as const;
export const LEGEND = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

type TokenType = (typeof TOKEN_TYPES)[number];

const ENTITY_TOKEN: Record<EntityType, TokenType> = {
  person: 'chronolensPerson',
  place: 'chronolensPlace',
  organization: 'chronolensOrganization',
  event: 'chronolensEvent',
  other: 'chronolensEntity',
};

const MODIFIER_BIT: Record<(typeof TOKEN_MODIFIERS)[number], number> = { inferred: 1, ambiguous: 2, invalid: 4 };

export interface Mark {
  start: number;
  end: number;
  type: number;
  modifiers: number;
}

function dateModifiers(date: DateMention): number {
  let bits = 0;
  if (date.inferred) bits |= MODIFIER_BIT.inferred;
  if (date.edtf && /^\[.*\]$/.test(date.edtf)) bits |= MODIFIER_BIT.ambiguous;
  if (date.problem) bits |= MODIFIER_BIT.invalid;
  return bits;
}

/**
 * Makes disjoint runs, clipped to [from, to), of marks added in text order (by start), and passes
 * them on in order: shorter marks are painted over longer ones; at equal length a date wins over
 * an entity. Marks that overlap nothing (nearly all) pass straight through; only clusters of
 * overlapping marks are painted character by character.
 */
export class RunMaker {
  /**
   * The marks that overlap, directly or through each other, since the last run passed on. The
   * first is kept in fields, not as an object: most marks overlap nothing, and an object (and an
   * array for it) per mark made some 5 MB of garbage per edit of a 1 MB article.
   */
  private readonly cluster: Mark[] = [];
  private marks = 0;
  private readonly first: Mark = { start: 0, end: 0, type: 0, modifiers: 0 };
  private clusterEnd = 0;

  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly run: (start: number, end: number, type: number, modifiers: number) => void,
  ) {}

  add(start: number, end: number, type: number, modifiers: number): void {
    start = Math.max(start, this.from);
    end = Math.min(end, this.to);
    if (end <= start) return;
    if (this.marks > 0 && start >= this.clusterEnd) this.flush();
    if (this.marks === 0) {
      this.first.start = start;
      this.first.end = end;
      this.first.type = type;
      this.first.modifiers = modifiers;
    } else {
      if (this.marks === 1) this.cluster.push({ ...this.first });
      this.cluster.push({ start, end, type, modifiers });
    }
    this.marks++;
    this.clusterEnd = Math.max(this.clusterEnd, end);
  }

  /** Passes on the runs of the marks added so far (call once all are). */
  flush(): void {
    if (this.marks === 1) this.run(this.first.start, this.first.end, this.first.type, this.first.modifiers);
    else if (this.marks > 1) for (const r of paint(this.cluster)) this.run(r.start, r.end, r.type, r.modifiers);
    this.cluster.length = 0;
    this.marks = 0;
    this.clusterEnd = 0;
  }
}

/** Paints overlapping marks (longest first, dates last) over their extent and reads off the runs. */
function paint(cluster: Mark[]): Mark[] {
  const lo = cluster[0].start;
  const hi = cluster.reduce((max, m) => Math.max(max, m.end), lo);
  const owner = new Int32Array(hi - lo).fill(-1);
  const order = cluster.map((_, i) => i).sort((a, b) => {
    const la = cluster[a].end - cluster[a].start;
    const lb = cluster[b].end - cluster[b].start;
    return lb - la || cluster[b].type - cluster[a].type;
  });
  for (const i of order) owner.fill(i, cluster[i].start - lo, cluster[i].end - lo);
  const runs: Mark[] = [];
  for (let i = 0; i < owner.length; ) {
    const who = owner[i];
    let j = i + 1;
    while (j < owner.length && owner[j] === who) j++;
    if (who >= 0) runs.push({ start: lo + i, end: lo + j, type: cluster[who].type, modifiers: cluster[who].modifiers });
    i = j;
  }
  return runs;
}

/** Where each line of the text starts: VS Code's documents end their lines with "\n" or "\r\n" only. */
function lineStartsOf(text: string): Int32Array {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return Int32Array.from(starts);
}

/** Line starts per indexed text, made once: every edit's index asks for its whole document's tokens. */
const lineStartsByIndex = new WeakMap<ArticleIndex, Int32Array>();

/** Marks made into tokens between two yields of tokenSteps (see runInSlices on how many). */
const MARKS_PER_STEP = 1000;

/**
 * The tokens of [from, to) of the indexed text, split per line (a mention may wrap), encoded as
 * VS Code's SemanticTokens data: five numbers a token, its line and start relative to the token
 * before. Yields between parts (a 1 MB article has tens of thousands of tokens).
 */
export function* tokenSteps(index: ArticleIndex, from: number, to: number): Generator<void, Uint32Array, void> {
  const text = index.text;
  const lines = lineStartsByIndex.get(index) ?? lineStartsOf(text);
  lineStartsByIndex.set(index, lines);
  const lineEnd = (line: number) => {
    if (line + 1 >= lines.length) return text.length;
    const next = lines[line + 1] - 1; // the "\n"
    return next > lines[line] && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  };
  const dates = index.data.dates;
  const mentions = index.mentionsInTextOrder();
  const limit = Math.min(to, text.length);
  // Five numbers a token. About a token a mark in the range: a few more where marks nest or wrap
  // across lines.
  const marks = Math.ceil(((dates.length + mentions.starts.length) * Math.max(0, limit - from)) / Math.max(1, text.length));
  let data = new Uint32Array(5 * (marks + (marks >> 5) + 16));
  let size = 0;
  // The line the range starts on; the runs come in text order, so later lines are walked to.
  let line = Math.max(0, partitionPoint(0, lines.length, (l) => lines[l] <= from) - 1);
  let lastLine = 0;
  let lastStart = 0;
  const runs = new RunMaker(from, limit, (start, end, type, modifiers) => {
    while (line + 1 < lines.length && lines[line + 1] <= start) line++;
    for (let l = line, at = start; l < lines.length && at < end; at = lines[++l]) {
      const tokenEnd = Math.min(end, lineEnd(l));
      if (tokenEnd <= at) continue;
      if (size + 5 > data.length) {
        const grown = new Uint32Array(2 * data.length);
        grown.set(data);
        data = grown;
      }
      const char = at - lines[l];
      data[size++] = l - lastLine;
      data[size++] = l === lastLine ? char - lastStart : char;
      data[size++] = tokenEnd - at;
      data[size++] = type;
      data[size++] = modifiers;
      lastLine = l;
      lastStart = char;
    }
  });
  const entityTypes = index.data.entities.map((e) => TOKEN_TYPES.indexOf(ENTITY_TOKEN[e.type] ?? 'chronolensEntity'));
  const dateType = TOKEN_TYPES.indexOf('chronolensDate');
  // Dates and mentions are each in text order: merged, not sorted.
  let d = 0;
  let m = 0;
  let dateStart = dates.length > 0 ? dates[0].start : Infinity;
  for (let added = 1; ; added++) {
    const mentionStart = m < mentions.starts.length ? mentions.starts[m] : Infinity;
    if (dateStart <= mentionStart) {
      if (dateStart >= limit) break;
      const date = dates[d++];
      runs.add(dateStart, date.end, dateType, dateModifiers(date));
      dateStart = d < dates.length ? dates[d].start : Infinity;
    } else {
      if (mentionStart >= limit) break;
      runs.add(mentionStart, mentions.ends[m], entityTypes[mentions.entities[m]], 0);
      m++;
    }
    if (added % MARKS_PER_STEP === 0) yield;
  }
  runs.flush();
  // A view, not a copy (a copy of megabytes costs milliseconds): VS Code reads the view's length.
  return data.subarray(0, size);
}

export function registerSemanticTokens(ctx: FeatureContext): void {
  const changed = new vscode.EventEmitter<void>();
  // The whole document's tokens, made in slices (a 5 MB article has some 130,000) and once per
  // index, however often VS Code asks for them.
  const documentTokens = new WeakMap<ArticleIndex, Promise<Uint32Array>>();
  const provideDocumentSemanticTokens = guard(ctx.log, 'semantic tokens', async (document: vscode.TextDocument) => {
    const index = await indexFor(ctx.indexes, document);
    if (!index) return undefined;
    let data = documentTokens.get(index);
    if (!data) documentTokens.set(index, (data = runInSlices(tokenSteps(index, 0, index.text.length))));
    return new vscode.SemanticTokens(await data);
  });
  const provideDocumentRangeSemanticTokens = guard(ctx.log, 'semantic tokens', async (document: vscode.TextDocument, range: vscode.Range) => {
    const index = await indexFor(ctx.indexes, document);
    // A range in view: made at once.
    return index ? new vscode.SemanticTokens(runSteps(tokenSteps(index, document.offsetAt(range.start), document.offsetAt(range.end)))) : undefined;
  });
  registerForArticles(ctx, (selector) =>
    vscode.Disposable.from(
      vscode.languages.registerDocumentSemanticTokensProvider(
        selector,
        { onDidChangeSemanticTokens: changed.event, provideDocumentSemanticTokens },
        LEGEND,
      ),
      vscode.languages.registerDocumentRangeSemanticTokensProvider(selector, { provideDocumentRangeSemanticTokens }, LEGEND),
    ),
  );
  // Tokens change without an edit when an index is made again for the same text (settings, Index
  // Anyway): VS Code is told then. After an edit it asks by itself, and a request made before the
  // index was ready waits for it: told as well, VS Code asked again once that answer came, and set
  // a long article's every token twice. So it is told only when no request has taken the index,
  // looked at once the waiting request, if any, has had its turn.
  const tellUnlessTaken = (index: ArticleIndex) => setTimeout(() => documentTokens.has(index) || changed.fire(), 0);
  ctx.extension.subscriptions.push(changed, ctx.indexes.onDidUpdate(({ index }) => tellUnlessTaken(index)));
}
