// Quick fix "Make the year explicit": on an inferred date ("June", "April 6–13", "October 18"),
// rewrites it with the year the index inferred ("June 1973", "April 6–13, 1973",
// "October 18, 1973"), in the date order the mention itself uses. The edit is only ever made when
// the user picks the action (light bulb, Ctrl+., the inlay hint, or the command): nothing else
// writes to the article.
import * as vscode from 'vscode';
import type { ArticleIndex, DateMention, Span } from '../core';
import { Commands } from './commandIds';
import type { MakeYearExplicitArgs } from './commandIds';
import { type FeatureContext, guard, indexFor, isReadonly, registerForArticles, statusMessage, toRange } from './editorContext';

/** Diagnostic codes (diagnostics.ts) whose date can be made explicit. */
export const INFERRED_DATE_CODES = new Set(['inferred-year', 'uncertain-inference']);

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const SEASON = String.raw`(?:spring|summer|autumn|fall|winter)`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const RANGE = String.raw`\s*(?:[-–—]|to|and|until)\s*`;
/** Ends with a month or season name: "June", "early June", "6–13 April", "summer". The year follows with a space. */
const ENDS_WITH_MONTH = new RegExp(String.raw`(?:^|[\s\d–—-])(?:${MONTH}|${SEASON})$`, 'i');
/** Ends month-first with a day: "October 18", "April 6–13", "April 30 – May 2". The year follows after a comma. */
const ENDS_WITH_MONTH_DAY = new RegExp(String.raw`${MONTH}\s+${DAY}(?:${RANGE}(?:${MONTH}\s+)?${DAY})?$`, 'i');
/** Ends with an abbreviated year: "June '73". */
const ENDS_WITH_SHORT_YEAR = /['’](\d{2})$/;

/** An explicit month-day-year date, with or without the comma: "October 18, 1973", "October 18 1973". */
const MONTH_DAY_YEAR = new RegExp(String.raw`${MONTH}\s+${DAY}(?:${RANGE}(?:${MONTH}\s+)?${DAY})?(,?)\s+\d{3,4}$`, 'i');

const commaStyle = new WeakMap<ArticleIndex, boolean>();

/**
 * Whether the article writes a year after a month and day with a comma ("October 18, 1973", the
 * default) or without ("October 18 1973"): what most of its own explicit dates do.
 */
function writesMonthDayComma(index: ArticleIndex | undefined): boolean {
  if (!index) return true;
  let comma = commaStyle.get(index);
  if (comma === undefined) {
    let withComma = 0;
    let without = 0;
    for (const d of index.data.dates) {
      const m = !d.inferred && MONTH_DAY_YEAR.exec(d.text);
      if (m && m[1]) withComma++;
      else if (m) without++;
    }
    comma = withComma >= without;
    commaStyle.set(index, comma);
  }
  return comma;
}

/** Words that place a date relative to the narrative: the year is not simply missing. */
const RELATIVE = /\b(?:next|previous|following|preceding|last|this|that|same|coming|later|earlier)\b/i;

export interface ExplicitYearEdit {
  /** The span of the mention, replaced as a whole. */
  span: Span;
  /** The mention with its year written out: "June 1973". */
  text: string;
  /** The year written in. */
  year: string;
}

/** The calendar years (CE, as written) an EDTF value names, in order, without repeats. */
export function yearsOf(edtf: string | null): string[] {
  if (!edtf) return [];
  const years: string[] = [];
  for (const m of edtf.matchAll(/(^|[^\d-])(-?)(\d{4})(?!\d)/g)) {
    const year = m[2] ? `-${m[3]}` : m[3];
    if (!years.includes(year)) years.push(year);
  }
  return years;
}

/**
 * How to write an inferred date with its year, or undefined when the mention is not of a form that
 * takes a year at its end ("the next day", "that year") or names more than one year. The mention
 * keeps its own order (day-month "18 October 1973", month-day "October 18, 1973"); with the index,
 * a month-day date follows the article's own habit for the comma.
 */
export function explicitYearEdit(date: DateMention, index?: ArticleIndex): ExplicitYearEdit | undefined {
  if (!date.inferred || date.problem || date.type !== 'DATE') return undefined;
  const years = yearsOf(date.edtf);
  if (years.length !== 1 || years[0].startsWith('-') || years[0] === '0000') return undefined;
  const year = String(Number(years[0]));
  const text = date.text.replace(/\s+$/, '');
  const span = { start: date.start, end: date.start + text.length };
  if (/\d{3,}/.test(text)) return undefined; // a year is already written: something else was inferred
  if (RELATIVE.test(text)) return undefined; // "the next May": the words say how the year was found
  const short = ENDS_WITH_SHORT_YEAR.exec(text);
  if (short) {
    if (!year.endsWith(short[1])) return undefined;
    return { span, text: text.slice(0, short.index) + year, year };
  }
  if (ENDS_WITH_MONTH_DAY.test(text)) return { span, text: `${text}${writesMonthDayComma(index) ? ',' : ''} ${year}`, year };
  if (ENDS_WITH_MONTH.test(text)) return { span, text: `${text} ${year}`, year };
  return undefined;
}

/**
 * The anchors an inferred date's year came through, nearest first, up to the date whose year is
 * written ("June" ← "April 6–13" ← "1-7 March 1973"). Empty without an anchor.
 */
export function anchorChain(index: ArticleIndex, date: DateMention): DateMention[] {
  const chain: DateMention[] = [];
  const seen = new Set<string>([date.id]);
  let at = date;
  while (at.anchor && !seen.has(at.anchor.dateId)) {
    seen.add(at.anchor.dateId);
    const next = index.date(at.anchor.dateId);
    if (!next) break;
    chain.push(next);
    if (!next.inferred) break;
    at = next;
  }
  return chain;
}

/** The date whose written year an inferred date's year comes from (the end of its anchor chain). */
export function yearSource(index: ArticleIndex, date: DateMention): DateMention | undefined {
  return anchorChain(index, date).at(-1);
}

const allEdits = new WeakMap<ArticleIndex, ExplicitYearEdit[]>();

/**
 * The edits that make every inferred year of the index explicit, in text order: worked out once per
 * index, as VS Code asks for code actions at every move of the cursor onto a date.
 */
function explicitYearEdits(index: ArticleIndex): ExplicitYearEdit[] {
  let edits = allEdits.get(index);
  if (!edits) {
    edits = [];
    for (const date of index.data.dates) {
      const edit = explicitYearEdit(date, index);
      if (edit) edits.push(edit);
    }
    allEdits.set(index, edits);
  }
  return edits;
}

function workspaceEdit(document: vscode.TextDocument, edits: ExplicitYearEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toRange(document, e.span), e.text);
  return edit;
}

/** The date mention exactly under a diagnostic's range. */
function dateOfDiagnostic(document: vscode.TextDocument, index: ArticleIndex, diagnostic: vscode.Diagnostic): DateMention | undefined {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return index.data.dates.find((d) => d.start === start && d.end === end);
}

function isInferredDateDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === 'ChronoLens' && typeof code === 'string' && INFERRED_DATE_CODES.has(code);
}

export function makeYearExplicitTitle(edit: ExplicitYearEdit): string {
  return `Make the year explicit: ${edit.text}`;
}

export function codeActionsFor(
  document: vscode.TextDocument,
  index: ArticleIndex,
  range: vscode.Range,
  diagnostics: readonly vscode.Diagnostic[],
): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const fixed = new Set<DateMention>();
  for (const diagnostic of diagnostics) {
    if (!isInferredDateDiagnostic(diagnostic)) continue;
    const date = dateOfDiagnostic(document, index, diagnostic);
    const edit = date && explicitYearEdit(date, index);
    if (!date || !edit || fixed.has(date)) continue;
    fixed.add(date);
    const action = new vscode.CodeAction(makeYearExplicitTitle(edit), vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    action.edit = workspaceEdit(document, [edit]);
    actions.push(action);
  }
  // Without a diagnostic (e.g. chronolens.diagnostics.inferredDates off) the same rewrite is a refactoring.
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  for (const date of index.data.dates) {
    if (date.start > to || date.end < from || fixed.has(date)) continue;
    const edit = explicitYearEdit(date, index);
    if (!edit) continue;
    fixed.add(date);
    const action = new vscode.CodeAction(makeYearExplicitTitle(edit), vscode.CodeActionKind.RefactorRewrite);
    action.edit = workspaceEdit(document, [edit]);
    actions.push(action);
  }
  if (fixed.size > 0) {
    const all = explicitYearEdits(index);
    if (all.length > 1) {
      // Its edit (thousands of replacements in a long article) is made only when it is picked: resolveCodeAction.
      const action = new vscode.CodeAction(`Make every inferred year explicit (${all.length} dates)`, vscode.CodeActionKind.QuickFix);
      editsToMake.set(action, () => workspaceEdit(document, all));
      actions.push(action);
    }
  }
  return actions;
}

/** The code actions whose edit is made when picked (see resolveCodeAction), and how to make it. */
const editsToMake = new WeakMap<vscode.CodeAction, () => vscode.WorkspaceEdit>();

async function makeYearExplicit(ctx: FeatureContext, args?: MakeYearExplicitArgs): Promise<void> {
  let document: vscode.TextDocument | undefined;
  let pick: (index: ArticleIndex) => DateMention | undefined;
  if (args && typeof args.uri === 'string') {
    document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
    pick = (index) => (args.dateId ? index.date(args.dateId) : undefined);
  } else {
    const editor = vscode.window.activeTextEditor;
    document = editor?.document;
    pick = (index) => editor && index.dateAt(document!.offsetAt(editor.selection.active));
  }
  const index = document && (await indexFor(ctx.indexes, document));
  if (!document || !index) {
    statusMessage('Not an article');
    return;
  }
  const date = pick(index);
  const edit = date && explicitYearEdit(date, index);
  if (!edit) {
    statusMessage(date ? `The year of “${date.text}” cannot be written in` : 'No date with an inferred year here');
    return;
  }
  if (isReadonly(document)) {
    statusMessage(`${document.uri.path.split('/').pop() || 'The article'} is read-only: its year is left as written`);
    return;
  }
  if (!(await vscode.workspace.applyEdit(workspaceEdit(document, [edit])))) statusMessage('The year could not be written into the article');
}

export function registerQuickFixes(ctx: FeatureContext): void {
  const provideCodeActions = guard(
    ctx.log,
    'quick fix',
    async (document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext) => {
      if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !context.only.contains(vscode.CodeActionKind.RefactorRewrite)) {
        return undefined;
      }
      // Every action here edits the article: none for a document ChronoLens must not edit.
      if (isReadonly(document)) return undefined;
      const index = await indexFor(ctx.indexes, document);
      if (!index) return undefined;
      const actions = codeActionsFor(document, index, range, context.diagnostics);
      return context.only ? actions.filter((a) => a.kind && context.only!.contains(a.kind)) : actions;
    },
  );
  const resolveCodeAction = guard(ctx.log, 'quick fix', (action: vscode.CodeAction) => {
    action.edit ??= editsToMake.get(action)?.();
    return action;
  });
  registerForArticles(ctx, (selector) =>
    vscode.languages.registerCodeActionsProvider(selector, { provideCodeActions, resolveCodeAction }, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite],
    }),
  );
  const command = guard(ctx.log, 'make year explicit', (args?: MakeYearExplicitArgs) => makeYearExplicit(ctx, args));
  ctx.extension.subscriptions.push(vscode.commands.registerCommand(Commands.makeYearExplicit, command));
}
