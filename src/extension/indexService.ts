import * as vscode from 'vscode';
import type { ArticleIndex, EntityOverrides, EntityType } from '../core';
import { IncrementalIndexer } from '../core/incremental';
import { Commands } from './commandIds';
import { IndexClient } from './indexClient';
import type { Logger } from './logger';
import { languagesSetting, maxArticleSizeSetting } from './settings';

/** Set by scripts/build.mjs: true in dist/web/extension.js, false in dist/extension.js. */
declare const CHRONOLENS_WEB: boolean;

/** In-process indexing where no worker runs. Web: bundled (removed from the Node bundle by the build's define). */
function newIndexerHere(): IncrementalIndexer {
  return new IncrementalIndexer();
}

/**
 * In-process indexing in the Node extension host: the worker bundle, loaded on the main thread,
 * exports the indexer (dist/extension.js carries no indexing code of its own).
 */
function newIndexerFromWorkerBundle(script: string | undefined): IncrementalIndexer {
  if (script === undefined) throw new Error('no worker bundle to index with');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(script) as { IncrementalIndexer: new () => IncrementalIndexer };
  return new bundle.IncrementalIndexer();
}

/** Delay after the last edit before the index is rebuilt. */
const REBUILD_DELAY_MS = 250;
/** How long an index to show may take before the features say it is coming (see latestOrNext). */
const SLOW_INDEX_NOTICE_MS = 500;

export interface IndexUpdate {
  document: vscode.TextDocument;
  index: ArticleIndex;
}

interface Entry {
  version: number;
  index: Promise<ArticleIndex | undefined>;
  latest?: ArticleIndex;
}

/**
 * One index per open article, rebuilt after edits (debounced), shared by every feature and
 * dropped when the document closes. Results are tied to a document version: a feature never
 * gets an index of a version older than the one it asks about. Indexing runs in a worker (see
 * IndexClient), so the extension host never waits on it; a version superseded while it is
 * indexed is abandoned and its result never published.
 */
export class IndexService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document with a rebuild pending (edits coming in): settles when that rebuild has been asked for, or the document closed. */
  private readonly settled = new Map<string, { promise: Promise<void>; resolve(): void }>();
  private readonly updates = new vscode.EventEmitter<IndexUpdate>();
  private readonly disposables: vscode.Disposable[] = [this.updates];
  readonly onDidUpdate = this.updates.event;

  private readonly client: IndexClient;
  /** Documents above the size setting: those the user let through, and those already reported. */
  private readonly oversizeAllowed = new Set<string>();
  private readonly oversizeReported = new Set<string>();

  /** @param extensionUri where dist/ is: the worker's script; without it, indexing is in-process. */
  constructor(
    private readonly log: Logger,
    extensionUri?: vscode.Uri,
  ) {
    const web = CHRONOLENS_WEB;
    const script = extensionUri
      ? web
        ? vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'indexWorker.js').toString(true)
        : vscode.Uri.joinPath(extensionUri, 'dist', 'indexWorker.js').fsPath
      : undefined;
    this.client = new IndexClient(script, log, CHRONOLENS_WEB ? newIndexerHere : () => newIndexerFromWorkerBundle(script));
    this.disposables.push({ dispose: () => this.client.dispose() });
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isArticle(e.document)) this.scheduleRebuild(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.drop(document)),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.isArticle(document)) void this.get(document);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chronolens')) this.rebuildAll();
      }),
      vscode.commands.registerCommand(Commands.indexAnyway, (uri?: string) => this.indexAnyway(uri)),
    );
  }

  /** Whether ChronoLens annotates this document: its language is one of the setting's. */
  isArticle(document: vscode.TextDocument): boolean {
    return languagesSetting(document).includes(document.languageId);
  }

  /** The index of the document as it is now, or undefined when it is not an article. */
  get(document: vscode.TextDocument): Promise<ArticleIndex | undefined> {
    if (document.isClosed || !this.isArticle(document) || this.pausedForSize(document)) return Promise.resolve(undefined);
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version) return entry.index;
    // While edits come in (a rebuild pending), a feature asking meanwhile (VS Code asks for
    // semantic tokens, inlay hints, folding, the outline… as the user types) waits for that
    // rebuild instead of starting one per version: a burst of edits is indexed once, when it
    // pauses. The feature then gets the index of the version it asked about only if no edit
    // came after it (see indexFor); VS Code asks again for the newer one.
    const pending = this.settled.get(key);
    if (pending) return pending.promise.then(() => this.get(document));
    return this.build(document);
  }

  /**
   * Above `chronolens.maxArticleSize` an article is not indexed until the user says so: a book
   * pasted into one file should not keep a core busy without being asked. Reported once.
   */
  private pausedForSize(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    const limit = maxArticleSizeSetting(document);
    const size = document.getText().length;
    if (size <= limit || this.oversizeAllowed.has(key)) return false;
    if (!this.oversizeReported.has(key)) {
      this.oversizeReported.add(key);
      const name = document.uri.toString(true);
      const message = `ChronoLens paused on ${name}: ${size.toLocaleString('en')} characters, above chronolens.maxArticleSize (${limit.toLocaleString('en')}).`;
      this.log.info(message);
      vscode.window.setStatusBarMessage('$(debug-pause) ChronoLens paused: article above the size setting', 15_000);
      void vscode.window.showInformationMessage(message, 'Index Anyway', 'Open Settings').then((choice) => {
        if (choice === 'Index Anyway') void this.indexAnyway(key);
        else if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'chronolens.maxArticleSize');
      });
    }
    return true;
  }

  /** Lets an article above the size setting be indexed (the active editor's without an argument). */
  private async indexAnyway(uri?: string): Promise<ArticleIndex | undefined> {
    const key = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
    const document = key && vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!document) return undefined;
    this.oversizeAllowed.add(key);
    this.log.info(`Indexing ${document.uri.toString(true)} above the size setting, as asked`);
    return this.get(document);
  }

  /** The newest finished index of the document, even if an edit is still pending. */
  latest(document: vscode.TextDocument): ArticleIndex | undefined {
    return this.entries.get(document.uri.toString())?.latest;
  }

  /**
   * The index to show for the document: its newest finished one at once, else the one being made.
   * If that takes longer than a pause a user would not notice (a long article's first index takes
   * a second or more: the worker's code starts cold), `onSlow` is called first, with it, to say
   * it is coming.
   */
  latestOrNext(document: vscode.TextDocument, onSlow?: (next: Promise<ArticleIndex | undefined>) => void): Promise<ArticleIndex | undefined> {
    const latest = this.latest(document);
    if (latest) return Promise.resolve(latest);
    const next = this.get(document);
    if (!onSlow) return next;
    const notice = setTimeout(() => onSlow(next), SLOW_INDEX_NOTICE_MS);
    return next.finally(() => clearTimeout(notice));
  }

  private scheduleRebuild(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!this.settled.has(key)) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      this.settled.set(key, { promise, resolve });
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const settled = this.settled.get(key);
        this.settled.delete(key);
        if (!document.isClosed) void this.get(document);
        settled?.resolve();
      }, REBUILD_DELAY_MS),
    );
  }

  private build(document: vscode.TextDocument): Promise<ArticleIndex | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const text = document.getText();
    const previous = this.entries.get(key);
    const entry: Entry = { version, index: Promise.resolve(undefined), latest: previous?.latest };
    entry.index = this.client.index(key, version, text, { entities: this.overrides(document) }).then(
      (index) => {
        if (index === undefined) {
          // Superseded by a newer version: that one's index (or none once the document closed).
          return this.entries.get(key) === entry || document.isClosed ? undefined : this.get(document);
        }
        // A newer version may have been requested meanwhile: only the current one is published.
        if (this.entries.get(key) === entry) {
          entry.latest = index;
          this.updates.fire({ document, index });
        }
        return index;
      },
      (error: unknown) => {
        this.log.error(`Indexing ${document.uri.toString(true)} (version ${version}) failed`, error);
        return undefined;
      },
    );
    this.entries.set(key, entry);
    return entry.index;
  }

  private overrides(document: vscode.TextDocument): EntityOverrides {
    const config = vscode.workspace.getConfiguration('chronolens.entities', document);
    return {
      aliases: config.get<Record<string, string>>('aliases', {}),
      ignore: config.get<string[]>('ignore', []),
      types: config.get<Record<string, EntityType>>('types', {}),
    };
  }

  private rebuildAll(): void {
    for (const key of this.entries.keys()) this.client.drop(key);
    this.entries.clear();
    for (const document of vscode.workspace.textDocuments) {
      if (this.isArticle(document)) void this.get(document);
    }
  }

  private drop(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.settled.get(key)?.resolve();
    this.settled.delete(key);
    this.entries.delete(key);
    this.oversizeAllowed.delete(key);
    this.oversizeReported.delete(key);
    this.client.drop(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const settled of this.settled.values()) settled.resolve();
    for (const d of this.disposables) d.dispose();
  }
}
