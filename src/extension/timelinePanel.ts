// The Timeline view (issue 5): a webview view in the ChronoLens side bar that shows the active
// article's events on a time axis. The state lives here — which document, its filters, the
// selected event — and the webview (src/webview/main.ts) renders what it is told through the one
// protocol in src/webview/protocol.ts. Follows the active editor and its cursor; click or Enter
// on an event reveals it (chronolens.revealEvent); copies the shown events as Markdown or CSV.
import * as vscode from 'vscode';
import type { ArticleIndex, TimelineEvent } from '../core';
import { formatTimeline, timelineRows } from '../core';
import { ModelWriter, NO_FILTERS, encodeJson, type EventView, type Filters, type FromWebview, type TimelineModel, type ToWebview, type ViewSettings } from '../webview/protocol';
import { buildModel, filterEvents, keptEndSteps, modelParts, modelSteps, sanitizeFilters, sanitizeSettings, splitKept } from '../webview/viewModel';
import { Commands, type RevealEventArgs } from './commandIds';
import { type FeatureContext, guard } from './editorContext';
import { nextTask, runInSlices } from './nextTask';

export const TIMELINE_VIEW_ID = 'chronolens.timeline';

/** The later of a sequence number the webview reported before and one it reports now (ignored unless a finite number). */
const newerSeq = (known: number, seq: unknown): number => (typeof seq === 'number' && Number.isFinite(seq) ? Math.max(known, seq) : known);

const FILTERS_KEY = 'chronolens.timeline.filters';
const SETTINGS_KEY = 'chronolens.timeline.settings';
/** Documents whose filters are remembered (most recent first). */
const REMEMBERED_DOCUMENTS = 50;
const RENDER_WAIT_MS = 5000;

/** What the timeline commands return: what the view shows (for tests and automation). */
export interface TimelineStatus {
  uri: string | null;
  title: string | null;
  /** Events of the document / left by the filters. */
  events: number;
  shown: number;
  selectedId: string | null;
  filters: Filters;
  /** Whether the webview has rendered this state, and how long its last render took (ms). */
  rendered: boolean;
  renderMs: number | null;
}

interface Rendered {
  uri: string | null;
  version: number | null;
  ms: number;
  shown: number;
  events: number;
}

export class TimelinePanel implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private document: vscode.TextDocument | undefined;
  private selectedId: string | null = null;
  /** The last selection the webview reported (its sequence number). */
  private selectedSeq = 0;
  private focusOnReady = false;
  /** The last filter change the webview reported (its sequence number). */
  private filtersSeq = 0;
  private lastModel: TimelineModel | undefined;
  /** Pushes of a model begun: one that a newer push overtook (while it awaited) sends nothing. */
  private pushes = 0;
  /** The model the webview has, as the push that sent it: the next one sends only the events that changed (KeptEvents). */
  private sent: { push: number; uri: string; events: readonly EventView[] } | undefined;
  private lastRendered: Rendered | undefined;
  /** Ends the view's progress bar of an 'indexing' notice (see showIndexing), if one runs. */
  private indexingShown: (() => void) | undefined;
  private readonly renderWaiters = new Set<() => void>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: FeatureContext) {
    const editor = vscode.window.activeTextEditor;
    if (editor && ctx.indexes.isArticle(editor.document)) this.document = editor.document;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      // With every editor closed there is no article to show, although VS Code may keep the
      // closed document loaded (and not report it closed) for a while.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        if (editors.length === 0 && this.document) this.setDocument(undefined);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e)),
      ctx.indexes.onDidUpdate(({ document }) => {
        if (document === this.document) void this.push();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document !== this.document) return;
        const other = vscode.window.visibleTextEditors.find((e) => e.document !== document && ctx.indexes.isArticle(e.document));
        this.setDocument(other?.document);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        // "Change Language Mode" reopens the document: it may have become (or stopped being) an article.
        if (document === vscode.window.activeTextEditor?.document) this.follow(vscode.window.activeTextEditor);
      }),
    );
  }

  // -------------------------------------------------------------------------------------------
  // The webview

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const root = this.ctx.extension.extensionUri;
    view.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')],
    };
    view.webview.html = this.html(view.webview);
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      view.onDidChangeVisibility(() => {
        // Without retainContextWhenHidden the page is dropped when hidden and reloads (then says
        // 'ready') when shown again: everything it shows comes from here.
        if (!view.visible) this.ready = false;
      }),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.ready = false;
        }
      }),
    );
  }

  private html(webview: vscode.Webview): string {
    const root = this.ctx.extension.extensionUri;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'media', 'timeline.css'));
    const nonce = makeNonce();
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>ChronoLens Timeline</title>
</head>
<body>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private post(message: ToWebview): void {
    // Whatever the view shows next (this article or another), its progress bar stops.
    if (message.type === 'model' || message.type === 'empty') this.indexingShown?.();
    if (this.view && this.ready) void this.view.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    const message = raw as FromWebview;
    if (typeof message !== 'object' || message === null) return;
    switch (message.type) {
      case 'ready':
        // A new page, or one that lost track of the models: it gets a whole model.
        this.ready = true;
        this.sent = undefined;
        void this.push();
        break;
      case 'reveal':
        if (typeof message.eventId === 'string' && this.document) {
          this.selectedId = message.eventId;
          const args: RevealEventArgs = { uri: this.document.uri.toString(), eventId: message.eventId };
          void vscode.commands.executeCommand(Commands.revealEvent, args);
        }
        break;
      case 'select':
        this.selectedId = typeof message.eventId === 'string' ? message.eventId : null;
        this.selectedSeq = newerSeq(this.selectedSeq, message.seq);
        break;
      case 'filters':
        this.filtersSeq = newerSeq(this.filtersSeq, message.seq);
        if (this.document) void this.saveFilters(this.document, sanitizeFilters(message.filters));
        break;
      case 'settings':
        void this.ctx.extension.workspaceState.update(SETTINGS_KEY, sanitizeSettings(message.settings));
        break;
      case 'openArticle':
        void this.openArticle();
        break;
      case 'copy':
        if (message.format === 'markdown' || message.format === 'csv') void this.copy(message.format);
        break;
      case 'rendered':
        this.lastRendered = {
          uri: typeof message.uri === 'string' ? message.uri : null,
          version: typeof message.version === 'number' ? message.version : null,
          ms: Number(message.ms) || 0,
          shown: Number(message.shown) || 0,
          events: Number(message.events) || 0,
        };
        for (const wake of this.renderWaiters) wake();
        this.renderWaiters.clear();
        break;
    }
  }

  /** Sends the whole state: the document's model, its filters and the selection (or the empty state). */
  private async push(): Promise<void> {
    if (!this.view || !this.ready) return;
    const mine = ++this.pushes;
    const document = this.document;
    // A newer push (another document, a newer index) wins: checked after every wait.
    const overtaken = () => mine !== this.pushes || document !== this.document;
    const saySlow = guard(this.ctx.log, 'timeline', (next: Promise<unknown>) => {
      if (document && !overtaken()) this.showIndexing(document, next);
    });
    const index = document && (await this.indexOf(document, saySlow));
    if (overtaken() || !this.ready) return;
    if (!document || !index) {
      this.showNoModel({ type: 'empty' });
      return;
    }
    const model = await runInSlices(modelSteps(index, document.uri.toString(), fileName(document), document.version));
    if (overtaken()) return;
    // After an edit only the events between the first and the last that changed go (a long
    // article's whole model took VS Code longer to send than the index to make); the others are
    // the webview's, renumbered.
    const base = this.sent?.uri === model.uri ? this.sent : undefined;
    const { head, tail } = base ? await runInSlices(keptEndSteps(base.events, model.events)) : { head: 0, tail: 0 };
    if (overtaken()) return;
    const { changed, keptIds } = splitKept(model.events, head, tail);
    // Sending takes as long as making the model (VS Code serialises each message): a long run
    // of events goes in parts, each message in a task of its own.
    const { parts, rest } = modelParts({ ...model, events: changed });
    const writer = new ModelWriter(model.facets.sections);
    for (const events of parts) {
      await nextTask();
      if (overtaken()) return;
      this.post({ type: 'modelPart', push: mine, events: writer.events(events) });
    }
    await nextTask();
    if (!this.view || overtaken() || !this.ready) return;
    this.lastModel = model;
    this.view.description = model.title;
    if (this.selectedId !== null && !model.events.some((e) => e.id === this.selectedId)) this.selectedId = null;
    this.selectedId ??= this.cursorEventId(document, index);
    this.post({
      type: 'model',
      model: writer.model(rest),
      push: mine,
      parts: parts.length,
      kept: base && keptIds.length ? { base: base.push, head, tail, ids: encodeJson(keptIds) } : undefined,
      filters: this.filtersOf(document),
      filtersSeq: this.filtersSeq,
      settings: this.settings(),
      selectedId: this.selectedId,
      selectedSeq: this.selectedSeq,
    });
    this.sent = { push: mine, uri: model.uri, events: model.events };
    if (this.focusOnReady) {
      this.focusOnReady = false;
      this.post({ type: 'select', eventId: this.selectedId, reveal: true, focus: true });
    }
  }

  private modelOf(document: vscode.TextDocument, index: ArticleIndex): TimelineModel {
    return buildModel(index, document.uri.toString(), fileName(document), document.version);
  }

  /** The webview drops its model (the next one goes whole) for the state `message` says, under `description`. */
  private showNoModel(message: Extract<ToWebview, { type: 'empty' | 'indexing' }>, description?: string): void {
    this.lastModel = undefined;
    this.sent = undefined;
    if (this.view) this.view.description = description;
    this.post(message);
  }

  private async indexOf(document: vscode.TextDocument, onSlow?: (next: Promise<ArticleIndex | undefined>) => void): Promise<ArticleIndex | undefined> {
    if (!this.ctx.indexes.isArticle(document)) return undefined;
    return this.ctx.indexes.latestOrNext(document, onSlow);
  }

  /**
   * While a long article's first index is made, the panel says so (with the view's progress bar)
   * rather than go on showing the article it showed before.
   */
  private showIndexing(document: vscode.TextDocument, next: Promise<unknown>): void {
    if (!this.view || !this.ready) return;
    this.showNoModel({ type: 'indexing', name: fileName(document) }, fileName(document));
    this.indexingShown?.();
    const replaced = new Promise<void>((resolve) => (this.indexingShown = resolve));
    void vscode.window.withProgress({ location: { viewId: TIMELINE_VIEW_ID } }, () => Promise.race([next, replaced]));
  }

  // -------------------------------------------------------------------------------------------
  // Following the editor

  private follow(editor: vscode.TextEditor | undefined): void {
    // Another article becomes the timeline's; a non-article editor leaves the timeline as it is.
    if (editor && this.ctx.indexes.isArticle(editor.document)) {
      if (editor.document !== this.document) this.setDocument(editor.document);
    } else if (this.document && !this.ctx.indexes.isArticle(this.document)) {
      this.setDocument(undefined);
    }
  }

  private setDocument(document: vscode.TextDocument | undefined): void {
    this.document = document;
    this.selectedId = null;
    void this.push();
  }

  private onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    if (e.textEditor.document !== this.document) return;
    const index = this.ctx.indexes.latest(e.textEditor.document);
    if (!index) return;
    const id = this.cursorEventId(e.textEditor.document, index, e.selections[0]?.active);
    if (id === null || id === this.selectedId) return;
    this.selectedId = id;
    this.post({ type: 'select', eventId: id, reveal: true, focus: false });
  }

  /** The event at (or just before) the cursor of an editor showing the document. */
  private cursorEventId(document: vscode.TextDocument, index: ArticleIndex, position?: vscode.Position): string | null {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const at = position ?? editor?.selection.active;
    if (!at) return null;
    return index.eventNear(document.offsetAt(at))?.id ?? null;
  }

  // -------------------------------------------------------------------------------------------
  // State that survives reloads: filters per document, view settings

  private filtersOf(document: vscode.TextDocument): Filters {
    const all = this.ctx.extension.workspaceState.get<Record<string, Filters>>(FILTERS_KEY, {});
    return sanitizeFilters(all[document.uri.toString()]);
  }

  private async saveFilters(document: vscode.TextDocument, filters: Filters): Promise<void> {
    const key = document.uri.toString();
    const all = { ...this.ctx.extension.workspaceState.get<Record<string, Filters>>(FILTERS_KEY, {}) };
    delete all[key];
    const entries = [[key, filters] as const, ...Object.entries(all)].slice(0, REMEMBERED_DOCUMENTS);
    await this.ctx.extension.workspaceState.update(FILTERS_KEY, Object.fromEntries(entries));
  }

  private settings(): ViewSettings {
    return sanitizeSettings(this.ctx.extension.workspaceState.get<ViewSettings>(SETTINGS_KEY));
  }

  // -------------------------------------------------------------------------------------------
  // Commands

  /** Shows the view (on the active article, if any); resolves once the webview has rendered it. */
  async open(): Promise<TimelineStatus> {
    const editor = vscode.window.activeTextEditor;
    if (editor && this.ctx.indexes.isArticle(editor.document) && editor.document !== this.document) {
      this.document = editor.document;
      this.selectedId = null;
    }
    const waited = this.waitForRender();
    await vscode.commands.executeCommand(`${TIMELINE_VIEW_ID}.focus`);
    await this.push();
    await waited;
    return this.status();
  }

  /** Focuses the view on one event (hover links): its document, filters that let it show, selected. */
  async showEvent(args: unknown): Promise<TimelineStatus | undefined> {
    const given = args as Partial<RevealEventArgs> | undefined;
    let a: RevealEventArgs;
    if (typeof given?.uri === 'string' && typeof given.eventId === 'string') {
      a = { uri: given.uri, eventId: given.eventId };
    } else {
      // From the Command Palette: the event at the cursor.
      const editor = vscode.window.activeTextEditor;
      const index = editor && (await this.indexOf(editor.document));
      const event = editor && index?.eventNear(editor.document.offsetAt(editor.selection.active));
      if (!editor || !event) return this.open();
      a = { uri: editor.document.uri.toString(), eventId: event.id };
    }
    const uri = vscode.Uri.parse(a.uri);
    const document =
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    const index = await this.indexOf(document);
    if (!index) return undefined;
    const model = this.modelOf(document, index);
    if (!model.events.some((e) => e.id === a.eventId)) {
      vscode.window.setStatusBarMessage('$(history) That event is no longer in the article', 4000);
      return undefined;
    }
    // If the filters hide the event, clear them: the user asked to see this one.
    if (!filterEvents(model.events, this.filtersOf(document)).some((e) => e.id === a.eventId)) {
      await this.saveFilters(document, NO_FILTERS);
    }
    this.document = document;
    this.selectedId = a.eventId;
    this.focusOnReady = true;
    const waited = this.waitForRender();
    await vscode.commands.executeCommand(`${TIMELINE_VIEW_ID}.focus`);
    await this.push();
    await waited;
    return this.status();
  }

  /** Copies the shown (filtered) timeline; returns the text copied. */
  async copy(format: 'markdown' | 'csv'): Promise<string | undefined> {
    const document = this.document ?? activeArticle(this.ctx);
    const index = document && (await this.indexOf(document));
    if (!document || !index) {
      void vscode.window.showInformationMessage('Open an article to copy its timeline.');
      return undefined;
    }
    const shown = new Set(filterEvents(this.modelOf(document, index).events, this.filtersOf(document)).map((e) => e.id));
    const events: TimelineEvent[] = index.timeline.filter((e) => shown.has(e.id));
    const text = formatTimeline(timelineRows(index, events), format);
    await vscode.env.clipboard.writeText(text);
    const what = events.length === 1 ? '1 event' : `${events.length} events`;
    vscode.window.setStatusBarMessage(`$(history) Copied ${what} as ${format === 'markdown' ? 'a Markdown table' : 'CSV'}`, 4000);
    return text;
  }

  private async openArticle(): Promise<void> {
    const open = vscode.workspace.textDocuments.filter((d) => !d.isClosed && this.ctx.indexes.isArticle(d) && d.uri.scheme !== 'output');
    let document: vscode.TextDocument | undefined;
    if (open.length > 0) {
      const pick = await vscode.window.showQuickPick(
        [
          ...open.map((d) => ({ label: fileName(d), description: d.uri.scheme === 'file' ? vscode.workspace.asRelativePath(d.uri) : d.uri.scheme, document: d })),
          { label: '$(folder-opened) Open File…', description: '', document: undefined },
        ],
        { placeHolder: 'Article to show on the timeline' },
      );
      if (!pick) return;
      document = pick.document;
    }
    if (!document) {
      const uris = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Open Article',
        filters: { Articles: ['txt', 'md', 'markdown', 'article', 'wiki'], 'All files': ['*'] },
      });
      if (!uris?.[0]) return;
      document = await vscode.workspace.openTextDocument(uris[0]);
    }
    await vscode.window.showTextDocument(document);
    this.follow(vscode.window.activeTextEditor);
  }

  private waitForRender(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, RENDER_WAIT_MS);
      const waiters = this.renderWaiters;
      function done(): void {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      }
      waiters.add(done);
    });
  }

  status(): TimelineStatus {
    const model = this.lastModel;
    const filters = this.document ? this.filtersOf(this.document) : NO_FILTERS;
    const shown = model ? filterEvents(model.events, filters).length : 0;
    // This model, all of it (a long one arrives in parts), as the filters leave it.
    const last = this.lastRendered;
    const rendered = !!last && last.uri === (model?.uri ?? null) && last.version === (model?.version ?? null) && last.events === (model?.events.length ?? 0) && last.shown === shown;
    return {
      uri: model?.uri ?? null,
      title: model?.title ?? null,
      events: model?.events.length ?? 0,
      shown,
      selectedId: this.selectedId,
      filters,
      rendered,
      renderMs: this.lastRendered?.ms ?? null,
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const wake of this.renderWaiters) wake();
  }
}

function activeArticle(ctx: FeatureContext): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && ctx.indexes.isArticle(document) ? document : undefined;
}

function fileName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || document.uri.toString(true);
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_', '=': '' })[c]!);
}

export function registerTimelinePanel(ctx: FeatureContext): TimelinePanel {
  const panel = new TimelinePanel(ctx);
  ctx.extension.subscriptions.push(
    panel,
    vscode.window.registerWebviewViewProvider(TIMELINE_VIEW_ID, panel),
    vscode.commands.registerCommand(Commands.openTimeline, guard(ctx.log, 'open timeline', () => panel.open())),
    vscode.commands.registerCommand(Commands.showInTimeline, guard(ctx.log, 'show in timeline', (args?: unknown) => panel.showEvent(args))),
    vscode.commands.registerCommand(Commands.copyTimelineMarkdown, guard(ctx.log, 'copy timeline', () => panel.copy('markdown'))),
    vscode.commands.registerCommand(Commands.copyTimelineCsv, guard(ctx.log, 'copy timeline', () => panel.copy('csv'))),
  );
  return panel;
}
