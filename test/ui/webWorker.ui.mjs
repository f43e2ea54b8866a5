// The index worker of VS Code for the Web (dist/web/indexWorker.js) in a real Web Worker in
// Chromium: it indexes the sample, answers superseded versions once, follows edits, stops a running
// job for a newer version and shrugs off ill-typed settings, speaking the protocol of src/extension/indexWorkerProtocol.ts as the web
// extension host does (src/extension/indexClient.ts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blankPage } from './helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER = fs.readFileSync(path.join(REPO, 'dist/web/indexWorker.js'), 'utf8');
const SAMPLE = fs.readFileSync(path.join(REPO, 'samples/egypt-north-korea.txt'), 'utf8');
/** ~1 MB of WikiWars articles (read from the shared corpus, not kept in the repository). */
function wikiwarsText(size) {
  const file = path.join(REPO, '../shared/corpus/wikiwars-dev.jsonl');
  const texts = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
  let text = '';
  for (let i = 0; text.length < size; i++) text += (text ? '\n\n' : '') + texts[i % texts.length];
  return text;
}

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
      // Messages to post when a reply comes: [key, version, type, message].
      const whens = [];
      // A reply names its request by id only: each request is numbered here, as the host does, and
      // each reply is read with its request's key and version.
      const requests = new Map();
      const send = (m) => {
        if (m.type === 'index') {
          m = { ...m, id: requests.size + 1 };
          requests.set(m.id, { key: m.key, version: m.version });
        }
        worker.postMessage(m);
      };
      worker.onmessage = (e) => {
        const reply = { ...e.data, ...requests.get(e.data.id) };
        replies.push(reply);
        for (const [i, [key, version, type, message]] of whens.entries()) {
          if (reply.key === key && reply.version === version && reply.type === type) {
            whens.splice(i, 1);
            send(message);
            break;
          }
        }
      };
      worker.onerror = (e) => errors.push(String(e.message));
      Object.assign(globalThis, {
        send,
        sendWhen: (key, version, type, m) => whens.push([key, version, type, m]),
        replies: () => replies.map((r) => ({ type: r.type, key: r.key, version: r.version, message: r.message, data: r.data && summary(r.data, r.lookups) })),
        workerErrors: () => errors,
      });
      // Packed as the worker sends it (src/extension/indexTransfer.ts): column by column, a
      // column of strings as one string and their lengths.
      function strings({ chars, lengths }) {
        let at = 0;
        return Array.from(lengths, (n) => (n < 0 ? null : chars.slice(at, (at += n))));
      }
      function summary(data, lookups) {
        return {
          title: data.title,
          dates: strings(data.dates.edtf).map((edtf, i) => `${data.dates.spans[2 * i]}:${edtf}`),
          events: data.events.dateCounts.length,
          entities: strings(data.entities.names),
          // The lookups come made: the events in time order.
          timeOrder: lookups?.timeOrder.length,
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
    assert.equal(data.timeOrder, data.events, 'every event placed in time order by the worker');
    assert.ok(data.entities.includes('Anwar el-Sadat') && data.entities.includes('North Korea'), data.entities.join(', '));
    assert.deepEqual(await tab.page.evaluate(() => globalThis.workerErrors()), []);
  });

  it('answers each version once, the superseded one before the newer starts, and follows an edit', async () => {
    // Version 2 is cancelled if version 3 arrives before it ends (a stage boundary after), or
    // done if it ends first; either way its answer comes first and the host (indexClient.ts)
    // never shows it.
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

  it('stops indexing a big version when a newer one arrives while it runs', async () => {
    // A Web Worker gets its messages only between tasks: the job yields to them after each stage.
    // Version 3 is sent when version 2 has started, so it arrives while version 2 is parsed.
    const big = wikiwarsText(1_000_000);
    const edited = big.replace('\n\n', '\n\nIn 1999 nothing happened.\n\n');
    await tab.page.evaluate(
      ([a, b]) => {
        globalThis.sendWhen('big', 2, 'started', { type: 'index', key: 'big', version: 3, text: b, options: {} });
        globalThis.send({ type: 'index', key: 'big', version: 2, text: a, options: {} });
      },
      [big, edited],
    );
    const replies = await waitFor('big', 3);
    assert.deepEqual(
      replies.map((r) => `${r.version} ${r.type}`),
      ['2 started', '2 cancelled', '3 started', '3 done'],
      JSON.stringify(replies.map((r) => r.message).filter(Boolean)),
    );
    assert.ok(replies[3].data.dates.includes(`${edited.indexOf('1999')}:1999`), 'the date of version 3');
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
