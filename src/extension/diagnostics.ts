// Dates worth a second look, in the Problems panel: impossible dates ("31 February 1999") as
// warnings, dates that name one of several ("1979 or 1980") as information, and dates whose year
// came from context ("June" → 1973-06) as hints — as information when that inference is
// uncertain (no anchor, or the anchor is in another section). Recomputed whenever the index of a
// document is rebuilt, cleared when it closes or stops being an article.
import * as vscode from 'vscode';
import type { ArticleIndex, DateMention } from '../core';
import { edtfInWords } from './dateWords';
import { type FeatureContext, toRange } from './editorContext';
import { anchorChain, explicitYearEdit } from './quickFixes';
import { runInSlices } from './nextTask';
import { flagSetting } from './settings';
import { partitionPoint } from '../core/partitionPoint';

export const DIAGNOSTIC_SOURCE = 'ChronoLens';

/** The codes ChronoLens diagnostics carry. */
export const DiagnosticCodes = {
  impossibleDate: 'impossible-date',
  ambiguousDate: 'ambiguous-date',
  inferredYear: 'inferred-year',
  uncertainInference: 'uncertain-inference',
} as const;

/** The setting that hides inferred-date diagnostics. */
const INFERRED_SETTING = 'diagnostics.inferredDates';

/** "'1-7 March 1973'": the date the year was written in (`source`, the end of the anchor chain), or "the context". */
function sourceWords(date: DateMention, source: DateMention | undefined): string {
  if (source) return `'${oneLine(source.text)}'`;
  return date.anchor ? `'${oneLine(date.anchor.text)}'` : 'the context';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Where each top-level section (the shallowest heading level in use) starts, in text order. A year
 * carried from a section's opening into its subsections is sound; one carried into the next
 * top-level section is not.
 */
function topSectionStarts(index: ArticleIndex): number[] {
  const sections = index.data.sections;
  const level = sections.reduce((min, s) => Math.min(min, s.level), Infinity);
  return sections.filter((s) => s.level === level).map((s) => s.start);
}

/** Which top-level section holds `offset`: its number in `starts`, or -1 before the first. */
function topSectionOf(starts: readonly number[], offset: number): number {
  // The last one starting at or before `offset`.
  return partitionPoint(0, starts.length, (i) => starts[i] <= offset) - 1;
}

/** Why an inference is uncertain, or undefined when it is sound; `chain` is the date's anchor chain. */
function inferenceDoubt(date: DateMention, chain: readonly DateMention[], topStarts: readonly number[]): string | undefined {
  if (date.edtf && /[?%]/.test(date.edtf)) return 'the tagger marked the value uncertain';
  if (!date.anchor) return 'no earlier date sets the year';
  // Every step from the date to the one its year is written in stays in one section: sound.
  let previous = date;
  for (const step of chain) {
    if (topSectionOf(topStarts, step.start) !== topSectionOf(topStarts, previous.start)) return `the year is carried over from another section ('${oneLine(step.text)}')`;
    previous = step;
  }
  return undefined;
}

function diagnostic(
  document: vscode.TextDocument,
  date: DateMention,
  message: string,
  severity: vscode.DiagnosticSeverity,
  code: string,
): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(document, date), message, severity);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = code;
  return d;
}

/** Dates looked at between two yields of dateDiagnosticSteps (see runInSlices on how many). */
const DATES_PER_STEP = 250;

/** The diagnostics of one article, a part at a time (a 5 MB article has some 20,000 dates). */
export function* dateDiagnosticSteps(document: vscode.TextDocument, index: ArticleIndex, showInferred: boolean): Generator<void, vscode.Diagnostic[], void> {
  const out: vscode.Diagnostic[] = [];
  const topStarts = topSectionStarts(index);
  const dates = index.data.dates;
  for (let i = 0; i < dates.length; i++) {
    if (i % DATES_PER_STEP === DATES_PER_STEP - 1) yield;
    const date = dates[i];
    if (date.problem) {
      out.push(diagnostic(document, date, `Impossible date '${oneLine(date.text)}': ${date.problem}`, vscode.DiagnosticSeverity.Warning, DiagnosticCodes.impossibleDate));
      continue;
    }
    if (date.inferred) {
      if (!showInferred || date.edtf === null) continue;
      const what = explicitYearEdit(date) ? 'Year' : 'Date';
      const chain = anchorChain(index, date);
      const source = chain.at(-1);
      const doubt = inferenceDoubt(date, chain, topStarts);
      const message = `${what} inferred from ${sourceWords(date, source)}: ${date.edtf}`;
      const d = doubt
        ? diagnostic(document, date, `${message} (uncertain: ${doubt})`, vscode.DiagnosticSeverity.Information, DiagnosticCodes.uncertainInference)
        : diagnostic(document, date, message, vscode.DiagnosticSeverity.Hint, DiagnosticCodes.inferredYear);
      if (source) {
        d.relatedInformation = [
          new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, source)), `The year is written here: '${oneLine(source.text)}'`),
        ];
      }
      out.push(d);
      continue;
    }
    if (date.edtf && /^\[.*\]$/.test(date.edtf)) {
      out.push(
        diagnostic(
          document,
          date,
          `Ambiguous date '${oneLine(date.text)}': one of ${edtfInWords(date.edtf).replace(/ or /g, ', ')} (${date.edtf})`,
          vscode.DiagnosticSeverity.Information,
          DiagnosticCodes.ambiguousDate,
        ),
      );
    }
  }
  return out;
}

/** Whether two lists of ours say the same at the same places (ranges are lines and characters: text typed on other lines moves none). */
function sameDiagnostics(a: readonly vscode.Diagnostic[], b: readonly vscode.Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => sameDiagnostic(d, b[i]));
}

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  const related = (d: vscode.Diagnostic) => d.relatedInformation ?? [];
  return (
    a.range.isEqual(b.range) && a.message === b.message && a.severity === b.severity && a.code === b.code && a.source === b.source &&
    related(a).length === related(b).length &&
    related(a).every((r, i) => {
      const other = related(b)[i];
      return r.message === other.message && r.location.range.isEqual(other.location.range) && r.location.uri.toString() === other.location.uri.toString();
    })
  );
}

export function registerDiagnostics(ctx: FeatureContext): void {
  const collection = vscode.languages.createDiagnosticCollection('chronolens');
  let failed = false;
  /** Per document, the update being made (in slices, then waiting for a pause in typing): one that a newer update or a close overtook is dropped. */
  const making = new Map<string, object>();

  const clear = (document: vscode.TextDocument) => {
    making.delete(document.uri.toString());
    collection.delete(document.uri);
  };

  const fail = (document: vscode.TextDocument, error: unknown) => {
    clear(document);
    if (!failed) {
      failed = true;
      ctx.log.error('ChronoLens diagnostics failed', error);
    }
  };

  const update = (document: vscode.TextDocument, index: ArticleIndex | undefined) => {
    if (document.isClosed || !index || !ctx.indexes.isArticle(document)) {
      clear(document);
      return;
    }
    const key = document.uri.toString();
    const mine = {};
    making.set(key, mine);
    const version = document.version;
    try {
      const showInferred = flagSetting(document, INFERRED_SETTING, true);
      runInSlices(dateDiagnosticSteps(document, index, showInferred)).then(
        async (diagnostics) => {
          // Edited meanwhile: the newer version's index brings its own set.
          if (!(await ctx.typing.pause(document, version)) || making.get(key) !== mine) return;
          making.delete(key);
          // VS Code converts and sends every diagnostic of a set (1,360 in a 1 MB article took it
          // about 30 ms): a letter typed on a line without dates changes none of them.
          if (!sameDiagnostics(collection.get(document.uri) ?? [], diagnostics)) collection.set(document.uri, diagnostics);
        },
        (error: unknown) => {
          if (making.get(key) === mine) fail(document, error);
        },
      );
    } catch (error) {
      fail(document, error);
    }
  };

  const refreshAll = () => {
    for (const document of vscode.workspace.textDocuments) {
      if (ctx.indexes.isArticle(document)) update(document, ctx.indexes.latest(document));
      else clear(document);
    }
  };

  ctx.extension.subscriptions.push(
    collection,
    // A set still waiting for a pause is dropped with the collection.
    { dispose: () => making.clear() },
    ctx.indexes.onDidUpdate(({ document, index }) => update(document, index)),
    vscode.workspace.onDidCloseTextDocument(clear),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`chronolens.${INFERRED_SETTING}`) || e.affectsConfiguration('chronolens.languages')) refreshAll();
    }),
  );
  refreshAll();
}
