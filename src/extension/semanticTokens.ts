// Semantic colouring of dates and entity mentions. The token types are ChronoLens's own
// (package.json `semanticTokenTypes`), each with a standard super type and TextMate scopes
// (`semanticTokenScopes`) so that any colour theme colours them: dates like numbers, people like
// variables, places like namespaces, organizations like structs, events like functions.
// Tokens never overlap: where a mention lies inside a longer one (a name inside "the time of
// Gamal Abdel Nasser"), the inner, shorter one wins and the outer one is split around it.
import * as vscode from 'vscode';
import type { ArticleIndex, DateMention, EntityType } from '../core';
import { type FeatureContext, guard, indexFor, registerForArticles } from './editorContext';

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

/** Every date and entity mention overlapping [from, to), as marks (any order, may overlap). */
function marksOf(index: ArticleIndex, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  const dateType = TOKEN_TYPES.indexOf('chronolensDate');
  for (const date of index.data.dates) {
    if (date.end > from && date.start < to) marks.push({ start: date.start, end: date.end, type: dateType, modifiers: dateModifiers(date) });
  }
  for (const entity of index.data.entities) {
    const type = TOKEN_TYPES.indexOf(ENTITY_TOKEN[entity.type] ?? 'chronolensEntity');
    for (const m of entity.mentions) {
      if (m.end > from && m.start < to) marks.push({ start: m.start, end: m.end, type, modifiers: 0 });
    }
  }
  return marks;
}

/**
 * Flattens possibly nested or overlapping marks into disjoint, ordered runs clipped to [from, to):
 * shorter marks are painted over longer ones; at equal length a date wins over an entity. Marks
 * that overlap nothing (nearly all) pass straight through; only clusters of overlapping marks are
 * painted character by character.
 */
export function flatten(marks: Mark[], from: number, to: number): Mark[] {
  const clipped = marks
    .map((m) => ({ ...m, start: Math.max(m.start, from), end: Math.min(m.end, to) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: Mark[] = [];
  for (let i = 0; i < clipped.length; ) {
    // The cluster: marks that overlap, directly or through each other.
    let j = i + 1;
    let clusterEnd = clipped[i].end;
    while (j < clipped.length && clipped[j].start < clusterEnd) clusterEnd = Math.max(clusterEnd, clipped[j++].end);
    if (j === i + 1) runs.push(clipped[i]);
    else runs.push(...paint(clipped.slice(i, j)));
    i = j;
  }
  return runs;
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

/** The tokens of [from, to) of the document, split per line (a mention may wrap). */
export function semanticTokensFor(document: vscode.TextDocument, index: ArticleIndex, from = 0, to = index.text.length): vscode.SemanticTokens {
  const builder = new vscode.SemanticTokensBuilder(LEGEND);
  const limit = Math.min(to, index.text.length);
  for (const run of flatten(marksOf(index, from, limit), from, limit)) {
    const start = document.positionAt(run.start);
    const end = document.positionAt(run.end);
    for (let line = start.line; line <= end.line; line++) {
      const lineEnd = document.lineAt(line).range.end.character;
      const first = line === start.line ? start.character : 0;
      const last = line === end.line ? Math.min(end.character, lineEnd) : lineEnd;
      if (last > first) builder.push(line, first, last - first, run.type, run.modifiers);
    }
  }
  return builder.build();
}

export function registerSemanticTokens(ctx: FeatureContext): void {
  const changed = new vscode.EventEmitter<void>();
  const provideDocumentSemanticTokens = guard(ctx.log, 'semantic tokens', async (document: vscode.TextDocument) => {
    const index = await indexFor(ctx.indexes, document);
    return index ? semanticTokensFor(document, index) : undefined;
  });
  const provideDocumentRangeSemanticTokens = guard(ctx.log, 'semantic tokens', async (document: vscode.TextDocument, range: vscode.Range) => {
    const index = await indexFor(ctx.indexes, document);
    return index ? semanticTokensFor(document, index, document.offsetAt(range.start), document.offsetAt(range.end)) : undefined;
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
  ctx.extension.subscriptions.push(changed, ctx.indexes.onDidUpdate(() => changed.fire()));
}
