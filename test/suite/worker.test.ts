// Issue 7: "a failing index for one document leaves the others working". No article text is known
// to make the indexer fail (fuzzing keeps it so), but the index worker can still stop: an input
// that exhausts its memory, a crash. Here the real worker thread is stopped from outside, through
// Node's inspector (the NodeWorker domain: process.exit() evaluated inside the worker thread), while
// it indexes one big article and a small one waits behind it. Nothing in ChronoLens is stubbed.
// The same inspector session also records what the worker does during a burst of edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { chronoLensErrors, closeAllEditors, hoverText, openUntitled, sleep, waitFor, waitForHover } from './harness';

interface Inspector {
  Session: new () => {
    connect(): void;
    disconnect(): void;
    post(method: string, params: object, callback: (error: Error | null, result?: unknown) => void): void;
    on(event: string, listener: (message: { params: Record<string, unknown> }) => void): void;
  };
}

/**
 * Evaluates `expression` in ChronoLens's index worker thread(s) (dist/indexWorker.js), with the
 * inspector's command-line API (`require`), and resolves with each one's value; with
 * `awaitResult` false (an expression that ends the thread), with undefined for each.
 */
async function inIndexWorker(expression: string, awaitResult = true): Promise<unknown[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const inspector = require('node:inspector') as Inspector;
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  const workers: string[] = [];
  const replies = new Map<string, (value: unknown) => void>();
  session.on('NodeWorker.attachedToWorker', (message) => {
    const info = message.params.workerInfo as { url: string };
    if (/indexWorker\.js$/.test(info.url)) workers.push(message.params.sessionId as string);
  });
  session.on('NodeWorker.receivedMessageFromWorker', (message) => {
    const reply = JSON.parse(message.params.message as string) as { id?: number; result?: { result?: { value?: unknown } } };
    if (reply.id === 1) replies.get(message.params.sessionId as string)?.(reply.result?.result?.value);
  });
  try {
    await post('NodeWorker.enable', { waitForDebuggerOnStart: false });
    await sleep(50); // the attach events of running workers
    return await Promise.all(
      workers.map(async (sessionId) => {
        const value = awaitResult ? new Promise((resolve) => replies.set(sessionId, resolve)) : undefined;
        const message = JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, includeCommandLineAPI: true, returnByValue: true } });
        await post('NodeWorker.sendMessageToWorker', { sessionId, message });
        return value;
      }),
    );
  } finally {
    await post('NodeWorker.disable', {}).catch(() => undefined);
    session.disconnect();
  }
}

/** Stops the index worker thread as a crash would (exit code 70); resolves with the number of threads stopped. */
async function stopIndexWorker(): Promise<number> {
  return (await inIndexWorker('process.exit(70)', false)).length;
}

interface Recorded {
  type: string;
  key: string;
  version: number;
}

/**
 * From now on, records every reply the index worker sends to the extension host ('started',
 * 'done', 'cancelled', 'error'), in the worker. A reply names only its request's id: the requests
 * the extension host sends (id, key, version) are recorded in the host, at Worker.postMessage.
 * `read()` returns the replies to recorded requests with their key and version; `stop()` ends the
 * recording in the host.
 */
async function recordIndexWorker(): Promise<{ read(): Promise<Recorded[]>; stop(): void }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const requests = new Map<number, { key: string; version: number }>();
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: InstanceType<typeof Worker>, message: unknown, ...rest: unknown[]) {
    const m = message as { type?: unknown; id?: unknown; key?: unknown; version?: unknown } | null;
    if (m?.type === 'index' && typeof m.id === 'number' && typeof m.key === 'string' && typeof m.version === 'number') requests.set(m.id, { key: m.key, version: m.version });
    return (post as (...args: unknown[]) => void).call(this, message, ...rest);
  };
  const install = `(() => {
    const port = require('node:worker_threads').parentPort;
    if (!globalThis.__chronolensRecord) {
      globalThis.__chronolensRecord = [];
      const post = port.postMessage.bind(port);
      port.postMessage = (m) => { globalThis.__chronolensRecord.push({ type: m.type, id: m.id }); return post(m); };
    }
    globalThis.__chronolensRecord.length = 0;
    return true;
  })()`;
  try {
    assert.deepEqual(await inIndexWorker(install), [true], 'one index worker thread to record');
  } catch (error) {
    Worker.prototype.postMessage = post;
    throw error;
  }
  return {
    read: async () => {
      const replies = ((await inIndexWorker('globalThis.__chronolensRecord'))[0] ?? []) as { type: string; id: number }[];
      return replies.flatMap((r) => {
        const request = requests.get(r.id);
        return request ? [{ type: r.type, ...request }] : [];
      });
    },
    stop: () => {
      Worker.prototype.postMessage = post;
    },
  };
}

describe('the index worker stops while indexing one article (issue 7)', function () {
  this.timeout(120_000);
  afterEach(closeAllEditors);

  it('the article it was indexing fails once, logged with its name; the one waiting behind it is indexed; an edit indexes the first again', async () => {
    // The worker is up and idle first (it starts on the first request).
    const warm = await openUntitled({ language: 'plaintext', content: '= Warm =\n\nOn 5 May 1950, Egypt voted.\n' });
    await waitForHover(warm, '5 May', '1950-05-05');
    const errorsBefore = chronoLensErrors() ?? [];
    // About 1.25 MB: its first index takes most of a second in the worker (more on a loaded machine),
    // several times what it takes to see that the worker has started it.
    const lines = Array.from({ length: 20_000 }, (_, i) => `On ${1 + (i % 28)} March ${1800 + (i % 200)}, Gamal Abdel Nasser met Kim Il Sung in Cairo.`);
    const record = await recordIndexWorker();
    let big: vscode.TextDocument;
    let small: vscode.TextDocument;
    let bigHover: Promise<string>;
    let smallHover: Promise<string>;
    let bigEditor: vscode.TextEditor;
    try {
      big = await openUntitled({ language: 'plaintext', content: `= Crashing =\n\n==History==\n${lines.join('\n')}\n` });
      small = await openUntitled({ language: 'plaintext', content: '= Waiting =\n\n==History==\nOn 3 November 1956, Egypt asked for help.\n' });
      bigEditor = await vscode.window.showTextDocument(big);
      // Both are sent to the worker on opening; the big one is first, the small one waits behind it.
      // Ask for both (the hovers wait for their indexes) and stop the worker once it works on the big one.
      bigHover = hoverText(big, new vscode.Position(3, 4));
      smallHover = hoverText(small, small.positionAt(small.getText().indexOf('3 November') + 1));
      const bigKey = big.uri.toString();
      await waitFor(async () => (await record.read()).some((m) => m.type === 'started' && m.key === bigKey), 'the worker to start on the big article');
    } finally {
      record.stop();
    }
    assert.equal(await stopIndexWorker(), 1, 'one index worker thread was running');

    // The waiting article is indexed by a new worker, without being edited.
    assert.ok(!(await bigHover).includes('1800-03-01'), 'the stopped job gave no index');
    await smallHover;
    await waitForHover(small, '3 November', '1956-11-03');
    // The big one stays without an index until it changes (no crash loop): then it is indexed.
    assert.ok(!(await hoverText(big, new vscode.Position(3, 4))).includes('1800-03-01'));
    await bigEditor.edit((e) => e.insert(new vscode.Position(2, 0), 'In 1952, the king left.\n'));
    await waitForHover(big, '1 March 1800', '1800-03-01', 60_000);

    // Logged once each, with context: the worker stopping (naming the document), and the failed index.
    const errors = chronoLensErrors();
    if (!errors) {
      console.log('      (the ChronoLens output log file was not found: its errors were not checked)');
      return;
    }
    const added = await waitFor(() => {
      const now = (chronoLensErrors() ?? []).slice(errorsBefore.length);
      return now.length >= 2 ? now : undefined;
    }, 'the errors in the ChronoLens log');
    const stopped = added?.filter((l) => l.includes('Index worker stopped')) ?? [];
    const failed = added?.filter((l) => l.includes('failed')) ?? [];
    assert.equal(stopped.length, 1, added?.join('\n'));
    assert.ok(stopped[0].includes(big.uri.toString()), `names the document it was indexing: ${stopped[0]}`);
    assert.equal(failed.length, 1, added?.join('\n'));
    assert.ok(failed[0].includes(big.uri.toString(true)), failed[0]);
    assert.ok(!added?.some((l) => l.includes(small.uri.toString(true))), 'nothing logged about the article that waited');
  });
});

describe('fast typing: a burst of edits (issue 7)', function () {
  this.timeout(120_000);
  afterEach(closeAllEditors);

  it('1,000 edits in a burst are indexed a handful of times, not a thousand, and the last index is of the last version', async () => {
    const document = await openUntitled({ language: 'plaintext', content: '= Typing =\n\n==History==\nOn 3 November 1956, Egypt asked for help.\n' });
    const editor = await vscode.window.showTextDocument(document);
    await waitForHover(document, '3 November', '1956-11-03');
    const record = await recordIndexWorker();
    const key = document.uri.toString();
    const first = document.version;
    let last = first;
    let ours: Recorded[] | undefined;
    try {
      for (let i = 0; i < 1000; i++) {
        const at = document.getText().indexOf('November ') + 'November '.length;
        const ok = await editor.edit((e) => e.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 4)), String(1000 + i)), { undoStopBefore: false, undoStopAfter: false });
        assert.ok(ok, `edit ${i}`);
      }
      last = document.version;
      assert.equal(last - first, 1000);
      await waitForHover(document, '3 November', '1999-11-03');
      ours = await waitFor(async () => {
        const all = (await record.read()).filter((m) => m.key === key);
        return all.some((m) => m.type === 'done' && m.version === last) ? all : undefined;
      }, 'the last version to be indexed');
    } finally {
      record.stop();
    }
    const started = ours?.filter((m) => m.type === 'started') ?? [];
    const done = ours?.filter((m) => m.type === 'done') ?? [];
    console.log(`      1,000 edits: ${started.length} index job(s) started, ${done.length} finished (versions ${done.map((m) => m.version - first).join(', ')} of 1,000)`);
    // Pauses longer than the debounce (250 ms) between edits on a loaded machine start a few more;
    // never one per edit (151 before features asking meanwhile waited for the debounce).
    assert.ok(started.length <= 25, `${started.length} index jobs for 1,000 edits`);
    assert.equal(done[done.length - 1]?.version, last, 'the last finished index is of the last version');
  });
});
