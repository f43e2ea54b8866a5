// The index worker of VS Code for the Web (dist/web/indexWorker.js) in a real Web Worker in
// Chromium: it indexes the sample, answers superseded versions once, follows edits and shrugs off
// ill-typed settings, speaking the protocol of src/extension/indexWorkerProtocol.ts as the web
// extension host does (src/extension/indexClient.ts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blankPage } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER = fs.readFileSync(path.join(REPO, 'dist/web/indexWorker.js'), 'utf8');
const SAMPLE = fs.readFileSync(path.join(REPO, 'samples/egypt-north-korea.txt'), 'utf8');

describe('the web index worker, in a browser Web Worker', function () {
  let tab;
  before(async () => {
    tab = await blankPage();
    // The worker from a blob URL, collecting its replies; `send` posts and `replies` reads them.
    await tab.page.evaluate((source) => {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url);
      const replies = [];
      const errors = [];
      worker.onmessage = (e) => replies.push(e.data);
      worker.onerror = (e) => errors.push(String(e.message));
      Object.assign(globalThis, {
        send: (m) => worker.postMessage(m),
        replies: () => replies.map((r) => ({ type: r.type, key: r.key, version: r.version, message: r.message, data: r.data && summary(r.data) })),
        workerErrors: () => errors,
      });
      function summary(data) {
        return {
          title: data.title,
          dates: data.dates.map((d) => `${d.start}:${d.edtf}`),
          events: data.events.length,
          entities: data.entities.map((e) => e.name),
        };
      }
    }, WORKER);
  });
  after(() => tab?.close());

  /** Replies for `key` once one of `types` has come for `version`. */
  async function waitFor(key, version, types = ['done', 'error', 'cancelled']) {
    const handle = await tab.page.waitForFunction(
      ({ key, version, types }) => {
        const all = globalThis.replies().filter((r) => r.key === key);
        return all.some((r) => r.version === version && types.includes(r.type)) ? all : null;
      },
      { key, version, types },
      { timeout: 60_000, polling: 50 },
    );
    return handle.jsonValue();
  }

  it('indexes the sample article as the Node worker does', async () => {
    await tab.page.evaluate((text) => globalThis.send({ type: 'index', key: 'sample', version: 1, text, options: {} }), SAMPLE);
    const replies = await waitFor('sample', 1);
    assert.deepEqual(replies.map((r) => r.type), ['started', 'done'], JSON.stringify(replies.map((r) => r.message)));
    const { data } = replies[1];
    assert.equal(data.title, 'Egypt–North Korea relations');
    const at = SAMPLE.indexOf('3 November 1956');
    assert.ok(data.dates.includes(`${at}:1956-11-03`), 'the date "3 November 1956" with its EDTF value at its offset');
    assert.ok(data.events >= 10, `${data.events} events`);
    assert.ok(data.entities.includes('Anwar el-Sadat') && data.entities.includes('North Korea'), data.entities.join(', '));
    assert.deepEqual(await tab.page.evaluate(() => globalThis.workerErrors()), []);
  });

  it('answers each version once, the superseded one before the newer starts, and follows an edit', async () => {
    // A Web Worker cannot read its messages while it works (a Node worker can), so version 2 is
    // cancelled only if version 3 arrives before it starts; either way its answer comes first
    // and the host (indexClient.ts) never shows it.
    const edited = SAMPLE.replace('3 November 1956', '4 November 1956');
    await tab.page.evaluate(
      ([a, b]) => {
        globalThis.send({ type: 'index', key: 'sample', version: 2, text: a, options: {} });
        globalThis.send({ type: 'index', key: 'sample', version: 3, text: b, options: {} });
      },
      [SAMPLE + '\n\nIn 1990 a new paragraph.', edited],
    );
    const replies = (await waitFor('sample', 3)).filter((r) => r.version >= 2).map((r) => `${r.version} ${r.type}`);
    assert.ok(
      ['2 cancelled,3 started,3 done', '2 started,2 done,3 started,3 done', '2 started,2 cancelled,3 started,3 done'].includes(replies.join()),
      replies.join(', '),
    );
    const final = (await waitFor('sample', 3)).at(-1);
    assert.ok(final.data.dates.includes(`${edited.indexOf('4 November 1956')}:1956-11-04`), 'the edited date');
  });

  it('ignores ill-typed settings in a request and indexes the next document', async () => {
    await tab.page.evaluate(() => globalThis.send({ type: 'index', key: 'odd', version: 1, text: 'In 1990 Egypt voted.', options: { entities: { aliases: 'not an object' } } }));
    assert.deepEqual((await waitFor('odd', 1)).map((r) => r.type), ['started', 'done']);
    await tab.page.evaluate(() => globalThis.send({ type: 'index', key: 'after', version: 1, text: 'The war ended in 1953.', options: {} }));
    const after = await waitFor('after', 1);
    assert.deepEqual(after.at(-1).data.dates, ['17:1953']);
    assert.deepEqual(await tab.page.evaluate(() => globalThis.workerErrors()), []);
  });
});
