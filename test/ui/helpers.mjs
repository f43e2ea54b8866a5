// UI tests: ChronoLens in a real VS Code workbench (code-server) in headless Chromium, driven the
// way a person would use it: mouse, keyboard, the Explorer, the command palette, hovers, webviews.
//
// Adding a UI test: create test/ui/<topic>.ui.mjs. test/e2e/run.mjs (`npm run test:vscode`) runs
// every test/ui/*.ui.mjs with mocha (BDD: describe/it, 60 s per test) after the in-host suite;
// each workbench opens a workspace folder of its own (a fresh copy of samples/, `wb.folder`) with
// the extension loaded from this checkout (extensionDevelopmentPath) and no test payload. Example:
//
//   import assert from 'node:assert/strict';
//   import { openWorkbench, SAMPLE } from './helpers.mjs';
//
//   describe('hover', function () {
//     let wb;
//     before(async () => { wb = await openWorkbench({ file: SAMPLE }); }); // sample already open
//     after(() => wb?.close());
//     it('shows a date under the mouse', async () => {
//       const text = await wb.hoverWord('1956');            // retries while the extension activates
//       assert.match(text, /1956/);
//       await wb.screenshot('hover-1956');                 // -> test-results/screenshots/hover-1956.png
//     });
//   });
//
// Workbench methods: openFromExplorer(path), quickOpen(name), runCommand(title), hoverWord(word),
// find(text), goToLine(n), focusEditor(), waitForEditorText(text), editorText(), waitForIndexed(),
// writeWorkspaceSettings(settings), webview(n) (a FrameLocator inside
// a webview: `wb.webview().locator('button')`), timelineView() (the timeline's), notifications(),
// screenshot(name), close();
// `wb.page` is the Playwright Page for anything else. A failing test gets a screenshot
// test-results/screenshots/FAILED <title>.png automatically. Run only some tests with
// `npm run test:vscode -- --only ui --grep hover`. VS Code's CSS classes change between
// versions: use and extend SELECTORS below rather than writing selectors in the tests.
import fs from 'node:fs';
import path from 'node:path';

/** Every VS Code (1.100) selector the UI tests rely on. */
export const SELECTORS = {
  workbench: '.monaco-workbench',
  statusbar: '.part.statusbar',
  explorer: '.explorer-folders-view',
  activeEditor: '.editor-group-container.active .editor-container .monaco-editor',
  viewLines: '.view-lines',
  editorInput: 'textarea.inputarea, .native-edit-context', // what has the keyboard focus in an editor
  viewLine: '.view-line',
  activeTab: '.editor-group-container.active .tab.active',
  tab: '.editor-group-container .tab',
  sideBar: '.part.sidebar',
  progressRunning: '.monaco-progress-container.active', // a view's progress bar while it runs
  hover: '.monaco-hover:not(.hidden)',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  quickInputRowLabel: '.label-name',
  findInput: '.editor-group-container.active .find-widget textarea, .editor-group-container.active .find-widget input',
  notificationToast: '.notifications-toasts .notification-toast',
  notificationMessage: '.notification-list-item-message',
  webviewOuter: 'iframe.webview',
  webviewInner: '#active-frame',
};

/** The sample article, relative to the workspace folder. */
export const SAMPLE = 'samples/egypt-north-korea.txt';

const S = SELECTORS;
/** The hover's text while its providers have not answered, and how long hoverWord waits past it. */
const HOVER_LOADING = 'Loading...';
const HOVER_LOADING_MS = 15_000;
let config = null; // set by the runner through configure()
const open = new Set();
let workbenches = 0;

/**
 * A fresh copy of the runner's workspace folder for one workbench. Every workbench runs in its own
 * browser context, but code-server keeps per-workspace state on the server: the backups of
 * unsaved (untitled) documents, which a new window on the same folder restores (hot exit), even
 * into a new 'Untitled-1'. Keyed by folder, that state cannot pass from one test to the next when
 * no two workbenches share a folder. The folder keeps its name ('workspace': the Explorer's title).
 */
function freshFolder() {
  const folder = path.join(path.dirname(config.folder), 'ui-workbenches', String(++workbenches), path.basename(config.folder));
  fs.cpSync(config.folder, folder, { recursive: true });
  return folder;
}

/** Called by test/e2e/run.mjs: { browser, port, folder, extensionDevelopmentPath, screenshotDir, workbenchUrl }. */
export function configure(c) {
  config = c;
}

/** Opens a fresh workbench (own browser context and workspace folder: no state shared with other tests). */
export async function openWorkbench({ file, viewport = { width: 1400, height: 900 } } = {}) {
  if (!config) throw new Error('helpers.mjs is not configured: run UI tests through `npm run test:vscode`');
  const folder = freshFolder();
  const context = await config.browser.newContext({ viewport });
  const page = await context.newPage();
  const wb = new Workbench(page, context, folder);
  open.add(wb);
  const url = config.workbenchUrl({
    folder,
    extensionDevelopmentPath: config.extensionDevelopmentPath,
    openFile: file ? path.join(folder, file) : undefined,
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator(S.statusbar).waitFor({ state: 'visible', timeout: 30_000 });
  if (file) await wb.waitForTab(path.basename(file));
  return wb;
}

/** A blank page in the tests' browser, for what runs in a browser without a workbench (its own context). */
export async function blankPage() {
  if (!config) throw new Error('helpers.mjs is not configured: run UI tests through `npm run test:vscode`');
  const context = await config.browser.newContext();
  return { page: await context.newPage(), close: () => context.close() };
}

/** Screenshots of every open workbench (used for failed tests), then closes none. */
export async function screenshotAll(name) {
  let i = 0;
  for (const wb of open) await wb.screenshot(open.size > 1 ? `${name} ${++i}` : name).catch(() => {});
}

export async function closeAll() {
  for (const wb of [...open]) await wb.close().catch(() => {});
}

export class Workbench {
  constructor(page, context, folder) {
    this.page = page;
    this.context = context;
    /** The workspace folder this workbench opened (absolute path; its own copy: tests may write files there). */
    this.folder = folder;
  }

  async close() {
    open.delete(this);
    await this.context.close();
  }

  /** Saves a full-page PNG to test-results/screenshots/<name>.png and returns its path. */
  async screenshot(name) {
    const file = path.join(config.screenshotDir, `${name.replace(/[^\w .-]+/g, '_').slice(0, 120)}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Shows the Explorer and opens `relativePath` (e.g. 'samples/egypt-north-korea.txt') by clicking its rows. */
  async openFromExplorer(relativePath) {
    const explorer = this.page.locator(S.explorer);
    if (!(await explorer.isVisible())) {
      await this.page.keyboard.press('Control+Shift+E');
      await explorer.waitFor({ state: 'visible' });
    }
    const parts = relativePath.split('/');
    for (const [i, name] of parts.entries()) {
      const row = explorer.getByRole('treeitem', { name, exact: true });
      await row.waitFor({ state: 'visible' });
      const isFolder = i < parts.length - 1;
      if (isFolder && (await row.getAttribute('aria-expanded')) === 'true') continue;
      await row.click();
    }
    await this.waitForTab(parts.at(-1));
  }

  /** Ctrl+P, types `name`, picks the first match (once the list shows it: recently opened files come first until it has filtered). */
  async quickOpen(name) {
    await this.page.keyboard.press('Control+P');
    await this.page.locator(S.quickInputBox).fill(name);
    await this.page.locator(S.quickInputRow).first().filter({ hasText: path.basename(name) }).waitFor({ state: 'visible' });
    await this.page.keyboard.press('Enter');
    await this.waitForTab(path.basename(name));
  }

  /** F1, types the command's title (e.g. 'ChronoLens: Show Timeline'), runs the entry with exactly that title. */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    const box = this.page.locator(S.quickInputBox);
    await box.waitFor({ state: 'visible' });
    await box.fill(`>${title}`);
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = this.page.locator(S.quickInputRow).filter({ has: this.page.locator(S.quickInputRowLabel, { hasText: exact }) }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
      throw new Error(`command "${title}" is not in the command palette`);
    });
    await row.click();
  }

  async waitForTab(name, timeout = 20_000) {
    await this.page.locator(S.activeTab).filter({ hasText: name }).waitFor({ state: 'visible', timeout });
  }

  /** The active editor's rendered lines (only what is on screen). */
  editorLines() {
    return this.page.locator(`${S.activeEditor} ${S.viewLines}`);
  }

  async editorText() {
    return (await this.editorLines().innerText()).replace(/\u00a0/g, ' ');
  }

  async waitForEditorText(text, timeout = 20_000) {
    await this.page.locator(`${S.activeEditor} ${S.viewLines}`, { hasText: text }).waitFor({ state: 'visible', timeout });
  }

  /** Waits until ChronoLens's status bar item counts the active article's events: the article is indexed. */
  async waitForIndexed(timeout = 60_000) {
    await this.page.locator(`${S.statusbar} .statusbar-item`, { hasText: /\d+ events · / }).first().waitFor({ state: 'visible', timeout });
  }

  /** Writes the workspace folder's .vscode/settings.json, which VS Code reads again when it changes. */
  writeWorkspaceSettings(settings) {
    fs.mkdirSync(path.join(this.folder, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(this.folder, '.vscode', 'settings.json'), JSON.stringify(settings));
  }

  /** Gives the active editor the keyboard focus without moving its cursor. */
  async focusEditor() {
    await this.page.locator(`${S.activeEditor} :is(${S.editorInput})`).first().focus();
  }

  /** Ctrl+G to a 1-based line: scrolls it into view. */
  async goToLine(line) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.page.locator(S.quickInputBox).fill(`:${line}`);
    await this.page.keyboard.press('Enter');
  }

  /** Find widget: selects (and scrolls to) the next match of `text` after the cursor, then closes the widget. */
  async find(text) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+F');
    const input = this.page.locator(S.findInput).first();
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  /** Pixel box of the `occurrence`-th (0-based, top to bottom) on-screen `word` in the active editor, or null. */
  async wordBox(word, occurrence = 0) {
    return this.page.evaluate(
      ({ sel, word, occurrence }) => {
        const editor = document.querySelector(sel.activeEditor);
        if (!editor) return null;
        const bounds = editor.getBoundingClientRect();
        const lines = [...editor.querySelectorAll(`${sel.viewLines} ${sel.viewLine}`)]
          .map((el) => ({ el, top: el.getBoundingClientRect().top }))
          .sort((a, b) => a.top - b.top);
        let seen = 0;
        for (const { el } of lines) {
          const nodes = [];
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
          const text = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
          for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (seen++ < occurrence) continue;
            // Map character offsets back to (text node, offset): decorations split a line into spans.
            const locate = (offset) => {
              for (const n of nodes) {
                if (offset <= n.data.length) return [n, offset];
                offset -= n.data.length;
              }
              return [nodes.at(-1), nodes.at(-1).data.length];
            };
            const range = document.createRange();
            range.setStart(...locate(at));
            range.setEnd(...locate(at + word.length));
            const r = range.getBoundingClientRect();
            const onScreen = r.width > 0 && r.left >= bounds.left && r.right <= bounds.right && r.top >= bounds.top && r.bottom <= bounds.bottom;
            return onScreen ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
          }
        }
        return null;
      },
      { sel: S, word, occurrence },
    );
  }

  /**
   * Moves the mouse onto `word` in the active editor and returns the hover's text. Scrolls to the
   * word with the find widget when it is not on screen. Retries: the first hover can come back
   * empty while the extension activates. Waits while it says "Loading...", until the providers answer.
   */
  async hoverWord(word, { occurrence = 0, tries = 6 } = {}) {
    let box = await this.wordBox(word, occurrence);
    if (!box) {
      await this.find(word);
      box = await this.wordBox(word, 0);
    }
    if (!box) throw new Error(`"${word}" is not on screen in the active editor`);
    const hover = this.page.locator(S.hover).first();
    for (let i = 0; i < tries; i++) {
      await this.page.mouse.move(box.x + box.width / 2, box.y - 60); // off the word (hover closes)
      await this.page.waitForTimeout(200);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 3_000 });
        // VS Code shows "Loading..." until the providers answer, and ChronoLens answers once the
        // article is indexed: a slow first index (a loaded machine, a cold worker) takes seconds.
        let text = (await hover.innerText()).trim();
        for (let waited = 0; text === HOVER_LOADING && waited < HOVER_LOADING_MS; waited += 250) {
          await this.page.waitForTimeout(250);
          text = (await hover.innerText()).trim();
        }
        if (text && text !== HOVER_LOADING) return text;
      } catch { /* no hover yet, or it closed */ }
    }
    throw new Error(`no hover appeared over "${word}" after ${tries} tries`);
  }

  /** A Playwright FrameLocator inside the n-th webview (webview views and panels live in iframe.webview → #active-frame). */
  webview(n = 0) {
    return this.page.locator(S.webviewOuter).nth(n).contentFrame().locator(S.webviewInner).contentFrame();
  }

  /** The timeline's webview frame: the one of the open webviews that holds the event list (waits up to 30 s for it). */
  async timelineView() {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const count = await this.page.locator(S.webviewOuter).count();
      for (let n = 0; n < count; n++) {
        const frame = this.webview(n);
        if ((await frame.locator('.list[role=listbox]').count().catch(() => 0)) > 0) return frame;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error('the timeline webview did not appear');
  }

  /** Texts of the notification toasts on screen. */
  async notifications() {
    return this.page.locator(`${S.notificationToast} ${S.notificationMessage}`).allInnerTexts();
  }
}
