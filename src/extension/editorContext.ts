// What the editor features share: the document selector from `chronolens.languages`, the
// `chronolens.isArticle` context key, guarded handlers, and offset/range helpers.
import * as vscode from 'vscode';
import type { ArticleIndex, DateMention, Span, TimelineEvent } from '../core';
import type { IndexService } from './indexService';
import type { Logger } from './logger';
import type { TypingWatch } from './typingPause';
import { languagesSetting } from './settings';

/** Context key true while the active editor shows a document ChronoLens annotates. */
export const IS_ARTICLE_CONTEXT = 'chronolens.isArticle';

/** What every feature's `register` receives. */
export interface FeatureContext {
  extension: vscode.ExtensionContext;
  indexes: IndexService;
  typing: TypingWatch;
  log: Logger;
}

/** The languages of `chronolens.languages`, over the global value and every workspace folder's. */
function configuredLanguages(): string[] {
  const scopes: (vscode.ConfigurationScope | undefined)[] = [undefined, ...(vscode.workspace.workspaceFolders ?? [])];
  const languages = new Set<string>();
  for (const scope of scopes) {
    for (const language of languagesSetting(scope)) {
      languages.add(language);
    }
  }
  return [...languages];
}

/**
 * Registers a provider for the configured languages (every scheme: files, untitled, remote), and
 * registers it again when `chronolens.languages` changes. Providers still check
 * `indexes.isArticle(document)`: the setting is per folder.
 */
export function registerForArticles(
  ctx: FeatureContext,
  register: (selector: vscode.DocumentSelector) => vscode.Disposable,
): void {
  let current: vscode.Disposable | undefined;
  const apply = () => {
    current?.dispose();
    current = register(configuredLanguages().map((language) => ({ language })));
  };
  apply();
  ctx.extension.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chronolens.languages')) apply();
    }),
    { dispose: () => current?.dispose() },
  );
}

/** Keeps `chronolens.isArticle` in step with the active editor (the one place it is set). */
export function registerEditorContext(ctx: FeatureContext): void {
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', IS_ARTICLE_CONTEXT, !!document && ctx.indexes.isArticle(document));
  };
  update();
  ctx.extension.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    // A language change (e.g. "Change Language Mode") reopens the document under the new id.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chronolens.languages')) update();
    }),
  );
}

const reported = new Set<string>();

/**
 * Wraps a handler so it never throws into VS Code: a failure (sync or async) is logged once per
 * feature and message, and the handler returns undefined.
 */
export function guard<A extends unknown[], R>(
  log: Logger,
  feature: string,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      const key = `${feature}: ${error instanceof Error ? error.message : String(error)}`;
      if (!reported.has(key)) {
        reported.add(key);
        log.error(`ChronoLens ${feature} failed`, error);
      }
      return undefined;
    }
  };
}

/**
 * Whether ChronoLens must not edit the document: its file system is read-only (a read-only
 * FileSystemProvider), it has none (a TextDocumentContentProvider's document), or
 * `files.readonlyInclude` marks it (and `files.readonlyExclude` does not). VS Code's
 * `workspace.applyEdit` writes into such a document all the same, so the year-writing features
 * check here first.
 */
export function isReadonly(document: vscode.TextDocument): boolean {
  const { scheme } = document.uri;
  if (scheme === 'untitled') return false;
  if (vscode.workspace.fs.isWritableFileSystem(scheme) !== true) return true;
  const files = vscode.workspace.getConfiguration('files', document);
  const marked = (setting: string) =>
    Object.entries(files.get<Record<string, unknown>>(setting) ?? {}).some(([glob, on]) => on === true && globMatches(glob, document));
  return marked('readonlyInclude') && !marked('readonlyExclude');
}

/** A `files.readonly*` glob: absolute, or relative to a workspace folder (as VS Code reads it). */
function globMatches(glob: string, document: vscode.TextDocument): boolean {
  if (/^(?:\/|[A-Za-z]:[\\/])/.test(glob)) return vscode.languages.match({ pattern: glob }, document) > 0;
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0);
}

/** The index of `document` if it is an article and still at the version that was asked about. */
export async function indexFor(indexes: IndexService, document: vscode.TextDocument): Promise<ArticleIndex | undefined> {
  if (!indexes.isArticle(document)) return undefined;
  const version = document.version;
  const index = await indexes.get(document);
  return index && document.version === version ? index : undefined;
}

export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** The event with this id, if the index has one. */
export function eventById(index: ArticleIndex, eventId: string): TimelineEvent | undefined {
  return index.data.events.find((event) => event.id === eventId);
}

/** The date that places the event on the timeline: where navigation lands. */
export function firstDateOf(index: ArticleIndex, event: TimelineEvent): DateMention {
  return index.placementOf(event)?.date ?? index.datesOf(event)[0];
}

/** Selects `span` in `editor` and reveals it (centred when it is off screen). */
export function selectSpan(editor: vscode.TextEditor, span: Span, type = vscode.TextEditorRevealType.InCenterIfOutsideViewport): void {
  const range = toRange(editor.document, span);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, type);
}

/** The editor to act on: the active one when it shows an article. */
export function activeArticleEditor(indexes: IndexService): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && indexes.isArticle(editor.document) ? editor : undefined;
}

/** A short note in the status bar (navigation has nowhere to go, no article, …). */
export function statusMessage(text: string): void {
  vscode.window.setStatusBarMessage(`$(history) ${text}`, 4000);
}
