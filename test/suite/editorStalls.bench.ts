// The benchmark's scenario in a real VS Code, not a test: `npm run bench` (bench/run.ts) runs the
// suite with CHRONOLENS_BENCH_ARTICLE (a long article's text, in a file) and CHRONOLENS_BENCH_OUT
// (where to write the figures); without them nothing here is registered.
//
// Letters typed into the long article, with the timeline open, while a timer due every 2 ms
// notes how late the extension host's event loop runs it: every feature of the extension, and
// VS Code's own work for them, runs on that loop, as does everything the editor asks of the
// extension host.
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { openUntitled, sleep, waitFor } from './harness';

const article = process.env.CHRONOLENS_BENCH_ARTICLE;
const out = process.env.CHRONOLENS_BENCH_OUT;

/** Letters typed in each round, spread over the article, this far apart (ms): a re-index after each. */
const LETTERS = 12;
const PAUSE_MS = 900;
const ROUNDS = 2;

if (article && out) {
  describe('bench: the extension host while typing into a long article', function () {
    this.timeout(600_000);
    it('types letters with the timeline open and measures how late the event loop runs', async () => {
      const doc = await openUntitled({ language: 'plaintext', content: readFileSync(article, 'utf8') });
      const editor = await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('chronolens.openTimeline');
      await waitFor(async () => ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? []).length > 0, 'the article indexed', 300_000);
      await vscode.window.showTextDocument(doc);
      await sleep(3000);
      const delays: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        let last = performance.now();
        const timer = setInterval(() => {
          const now = performance.now();
          delays.push(now - last);
          last = now;
        }, 2);
        for (let k = 0; k < LETTERS; k++) {
          const at = doc.positionAt(Math.floor(doc.getText().length * (0.1 + (0.8 * k) / LETTERS)));
          await editor.edit((edit) => edit.insert(at, 'x'));
          await sleep(PAUSE_MS);
        }
        clearInterval(timer);
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      writeFileSync(out, JSON.stringify({ letters: LETTERS * ROUNDS, seconds: delays.reduce((a, b) => a + b, 0) / 1000, delays }));
    });
  });
}
