import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ArticleIndex, buildIndex, buildIndexData, IndexCancelled } from '../../src/core/articleIndex';
import { IncrementalIndexer } from '../../src/core/incremental';
import { IndexClient } from '../../src/extension/indexClient';
import { packIndexData, unpackIndexData, unpackInSlices } from '../../src/extension/indexTransfer';
import { IndexWorkerLoop } from '../../src/extension/indexWorkerLoop';
import type { FromIndexWorker } from '../../src/extension/indexWorkerProtocol';
import { warmUpSteps } from '../../src/extension/indexWorkerWarmUp';
import { sampleText, wikiWarsOrSkip } from '../fixtures/corpus';
import { applyEdit, edit } from '../fixtures/edits';

const sample = sampleText();
const SEED = Number(process.env.CHRONOLENS_FUZZ_SEED ?? 20261129);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/**
 * The index the client delivered is the one built here from `text`: its data, and what its lookups
 * (made in the worker) answer.
 */
function assertBuiltFrom(index: ArticleIndex | undefined, text: string, message?: string): void {
  const built = buildIndex(text);
  assert.ok(index, message);
  assert.deepEqual(structuredClone(index.data), structuredClone(built.data), message);
  assert.deepEqual(index.timeline.map((e) => [e.id, index.placementOf(e)?.from]), built.timeline.map((e) => [e.id, built.placementOf(e)?.from]), message);
  for (let at = 0; at < text.length; at += 37) {
    const where = `${message ?? ''} at ${at}`;
    assert.equal(index.dateAt(at)?.id, built.dateAt(at)?.id, where);
    assert.equal(index.mentionAt(at)?.entity.id, built.mentionAt(at)?.entity.id, where);
    assert.equal(index.eventAt(at)?.id, built.eventAt(at)?.id, where);
  }
}

/** About 250 KB of WikiWars articles: cut into segments, so that a stage takes a while. */
function longArticle(test: Mocha.Context): string {
  let text = '';
  for (const article of wikiWarsOrSkip(test)) if (text.length < 250_000) text += (text ? '\n\n' : '') + article;
  return text;
}

/** `text` with a dated paragraph after its first. */
const withParagraph = (text: string) => text.replace(/\n\n/, '\n\nIn 1999 nothing happened.\n\n');

/** Messages that arrive while a job runs, delivered only when the loop polls (as Node's receiveMessageOnPort takes them). */
function heldMessages(): { arrive: (deliver: () => void) => void; poll: () => void } {
  let inbox: Array<() => void> = [];
  return {
    arrive: (deliver) => void inbox.push(deliver),
    poll: () => {
      const now = inbox;
      inbox = [];
      for (const deliver of now) deliver();
    },
  };
}

/** Waits (in real time) until `test` holds. */
async function until(test: () => boolean, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; !test(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await settle();
  }
}

describe('index worker loop', () => {
  it('indexes a version and replies with the same data a full build gives', async () => {
    const all: FromIndexWorker[] = [];
    const loop = new IndexWorkerLoop((m) => all.push(m));
    loop.receive({ type: 'index', id: 1, key: 'a', version: 1, text: sample, options: {} });
    await until(() => all.some((m) => m.type !== 'started'));
    // 'started' first: the host knows which job was running if the worker stops.
    assert.deepEqual(all.map((m) => `${m.id} ${m.type}`), ['1 started', '1 done']);
    const r = all[1];
    assert.equal(r.type, 'done');
    // Sent packed, without the span texts, which the host puts back from its own copy of the text.
    assert.deepEqual(r.type === 'done' && unpackIndexData(structuredClone(r.data), sample), structuredClone(buildIndexData(sample)));
    assert.ok(r.type === 'done' && r.data.events.texts.length === 0 && r.data.entities.mentionTexts.length === 0);
    assert.ok(r.type === 'done' && r.data.entities.mentionSpans instanceof Int32Array && r.data.passages instanceof Int32Array);
    // The ids are the core's numbering, which the host makes again.
    assert.deepEqual(r.type === 'done' && r.data.ids, {});
  });

  it('drops a queued version when a newer one arrives: only the newest is indexed', async () => {
    const replies: FromIndexWorker[] = [];
    const loop = new IndexWorkerLoop((m) => replies.push(m));
    loop.receive({ type: 'index', id: 1, key: 'a', version: 1, text: sample, options: {} });
    loop.receive({ type: 'index', id: 2, key: 'a', version: 2, text: sample + '\n\nIn 1999 nothing happened.', options: {} });
    await until(() => replies.some((m) => m.id === 2 && m.type !== 'started'));
    assert.deepEqual(replies.filter((m) => m.type !== 'started').map((m) => [m.type, m.id]), [['cancelled', 1], ['done', 2]]);
  });

  it('abandons a running version between stages when a newer one comes in (poll)', async () => {
    const replies: FromIndexWorker[] = [];
    const messages = heldMessages();
    const loop = new IndexWorkerLoop((m) => replies.push(m), { poll: messages.poll });
    loop.receive({ type: 'index', id: 1, key: 'a', version: 1, text: sample, options: {} });
    // Arrives while version 1 is being indexed: delivered by the first poll.
    messages.arrive(() => loop.receive({ type: 'index', id: 2, key: 'a', version: 2, text: sample + ' x', options: {} }));
    await settle();
    await settle();
    assert.deepEqual(replies.filter((m) => m.type !== 'started').map((m) => [m.type, m.id]), [['cancelled', 1], ['done', 2]]);
  });

  it('does its idle work (collecting garbage, in Node) once the newest version is indexed, not between versions', async () => {
    const seen: string[] = [];
    const messages = heldMessages();
    const loop = new IndexWorkerLoop(
      (m) => {
        seen.push(`${m.id} ${m.type}`);
        // Comes in as job 3 replies: the poll after the job takes it.
        if (m.type === 'done' && m.id === 3) messages.arrive(() => loop.receive({ type: 'index', id: 4, key: 'a', version: 4, text: sample + ' z', options: {} }));
      },
      { poll: messages.poll, idle: () => seen.push('idle') },
    );
    loop.receive({ type: 'index', id: 1, key: 'a', version: 1, text: sample, options: {} });
    messages.arrive(() => loop.receive({ type: 'index', id: 2, key: 'a', version: 2, text: sample + ' x', options: {} }));
    await until(() => seen.includes('2 done'));
    await settle();
    assert.deepEqual(seen, ['1 started', '1 cancelled', '2 started', '2 done', 'idle']);
    // A version that came in as the job ended is indexed before any idle work.
    seen.length = 0;
    loop.receive({ type: 'index', id: 3, key: 'a', version: 3, text: sample + ' y', options: {} });
    await until(() => seen.includes('4 done'));
    await settle();
    assert.deepEqual(seen, ['3 started', '3 done', '4 started', '4 done', 'idle']);
  });

  it('warms up once, after the first long document, when idle; a version that comes in stops it and is indexed as ever', async function () {
    this.timeout(120_000);
    const big = longArticle(this);
    const newer = withParagraph(big);
    const loopSeeing = (seen: string[], onWarmUpStep: (step: number) => void = () => {}, replies: FromIndexWorker[] = []) => {
      const loop: IndexWorkerLoop = new IndexWorkerLoop(
        (m) => {
          seen.push(`${m.id} ${m.type}`);
          replies.push(m);
        },
        {
          idle: () => seen.push('idle'),
          *warmUp(document) {
            seen.push('warm-up');
            let step = 0;
            for (const _ of warmUpSteps(document)) {
              onWarmUpStep(++step);
              yield;
            }
            seen.push('warmed up');
          },
        },
      );
      return loop;
    };
    // Left alone, it warms up after the first long document, then does its idle work; not again.
    const alone: string[] = [];
    const loop = loopSeeing(alone);
    loop.receive({ type: 'index', id: 1, key: 'a', version: 1, text: big, options: {} });
    await until(() => alone.includes('idle'));
    loop.receive({ type: 'index', id: 2, key: 'a', version: 2, text: newer, options: {} });
    await until(() => alone.filter((s) => s === 'idle').length === 2);
    assert.deepEqual(alone, ['1 started', '1 done', 'warm-up', 'warmed up', 'idle', '2 started', '2 done', 'idle']);
    // A version that comes in during the warm-up (as a task: no poll) stops it, and is indexed as ever.
    const busy: string[] = [];
    const replies: FromIndexWorker[] = [];
    const interrupted = loopSeeing(
      busy,
      (step) => {
        if (step === 3) setTimeout(() => interrupted.receive({ type: 'index', id: 2, key: 'a', version: 2, text: newer, options: {} }), 0);
        if (step > 3) busy.push('a warm-up step after it');
      },
      replies,
    );
    interrupted.receive({ type: 'index', id: 1, key: 'a', version: 1, text: big, options: {} });
    await until(() => busy.includes('idle'));
    assert.deepEqual(busy, ['1 started', '1 done', 'warm-up', '2 started', '2 done', 'idle']);
    const [first, second] = replies.filter((m) => m.type === 'done');
    assert.ok(first.type === 'done' && second.type === 'done');
    const held = unpackIndexData(structuredClone(first.data), big);
    assert.deepEqual(unpackIndexData(structuredClone(second.data), newer, { id: 1, data: held }), structuredClone(buildIndexData(newer)));
    // A short document is indexed whole at each edit: nothing to warm up.
    const short: string[] = [];
    loopSeeing(short).receive({ type: 'index', id: 1, key: 'a', version: 1, text: sample, options: {} });
    await until(() => short.includes('idle'));
    assert.deepEqual(short, ['1 started', '1 done', 'idle']);
  });

  it('abandons a running version between stages when a newer one arrives as a task (no poll: the Web Worker)', async function () {
    this.timeout(60_000);
    const big = longArticle(this);
    const newer = withParagraph(big);
    const replies: FromIndexWorker[] = [];
    const loop = new IndexWorkerLoop((m) => {
      replies.push(m);
      // Version 2 comes in while version 1 is being indexed, as a message does in a Web Worker: in
      // a task of its own, which runs only once the running stage has ended.
      if (m.type === 'started' && m.id === 1) {
        setTimeout(() => loop.receive({ type: 'index', id: 2, key: 'a', version: 2, text: newer, options: {} }), 0);
      }
    });
    loop.receive({ type: 'index', id: 1, key: 'a', version: 1, text: big, options: {} });
    await until(() => replies.some((m) => m.id === 2 && m.type !== 'started'));
    assert.deepEqual(replies.map((m) => `${m.id} ${m.type}`), ['1 started', '1 cancelled', '2 started', '2 done']);
    // The caches the abandoned build left (its parse, no later stage) give what a full build does.
    const done = replies[3];
    assert.ok(done.type === 'done');
    assert.deepEqual(unpackIndexData(structuredClone(done.data), newer), structuredClone(buildIndexData(newer)));
  });

  it('abandons a running version when its document is dropped meanwhile (no poll)', async function () {
    this.timeout(60_000);
    const big = longArticle(this);
    const replies: FromIndexWorker[] = [];
    const loop = new IndexWorkerLoop((m) => {
      replies.push(m);
      if (m.type === 'started') setTimeout(() => loop.receive({ type: 'drop', key: 'a' }), 0);
    });
    loop.receive({ type: 'index', id: 1, key: 'a', version: 1, text: big, options: {} });
    await until(() => replies.length === 2);
    await settle();
    assert.deepEqual(replies.map((m) => `${m.id} ${m.type}`), ['1 started', '1 cancelled']);
  });

  it('an incremental build abandoned after any stage leaves the next one equal to a full build', function () {
    let text = '';
    for (const t of wikiWarsOrSkip(this)) if (text.length < 150_000) text += (text ? '\n\n' : '') + t;
    const at = text.indexOf('\n\n', text.length / 2);
    const edits = [text.slice(0, at) + ' In 1941 the war spread.' + text.slice(at), text.slice(0, at) + text.slice(at).replace('\n\n', '\n\nIn 1945 it ended.\n\n')];
    for (let stages = 1; stages <= 4; stages++) {
      const indexer = new IncrementalIndexer();
      indexer.update(text);
      // Stopped after `stages` stages: by isCancelled, or simply never driven on.
      let cancel = false;
      const steps = indexer.steps(edits[0], { isCancelled: () => cancel });
      for (let i = 0; i < stages; i++) assert.equal(steps.next().done, false);
      cancel = true;
      assert.throws(() => steps.next(), IndexCancelled);
      indexer.steps(edits[1]).next();
      assert.deepEqual(indexer.update(edits[1]), buildIndexData(edits[1]), `after ${stages} stages`);
      assert.deepEqual(indexer.update(text), buildIndexData(text), `back, after ${stages} stages`);
    }
  });

  it('packs a reply against the index the host says it holds, and whole when it names one the worker no longer has', async () => {
    const replies: FromIndexWorker[] = [];
    const loop = new IndexWorkerLoop((m) => replies.push(m));
    const edited = sample.replace('diplomatic relations', 'diplomatic  relations');
    const done = async (id: number) => {
      await until(() => replies.some((m) => m.id === id && m.type !== 'started'));
      const reply = replies.find((m) => m.id === id && m.type === 'done');
      assert.ok(reply?.type === 'done');
      return reply.data;
    };
    loop.receive({ type: 'index', id: 1, key: 'a', version: 1, text: sample, options: {} });
    const first = await done(1);
    loop.receive({ type: 'index', id: 2, key: 'a', version: 2, text: edited, options: {}, base: 1 });
    const second = await done(2);
    assert.equal(first.reuse, undefined);
    assert.equal(second.reuse?.base, 1);
    const held = unpackIndexData(structuredClone(first), sample);
    assert.deepEqual(unpackIndexData(structuredClone(second), edited, { id: 1, data: held }), buildIndexData(edited));
    // Kept: the last two sent. Request 1's index is gone after two more.
    loop.receive({ type: 'index', id: 3, key: 'a', version: 3, text: sample, options: {}, base: 2 });
    await done(3);
    loop.receive({ type: 'index', id: 4, key: 'a', version: 4, text: edited, options: {}, base: 1 });
    assert.equal((await done(4)).reuse, undefined);
  });

  it('keeps documents apart and forgets a dropped one', async () => {
    const replies: FromIndexWorker[] = [];
    const loop = new IndexWorkerLoop((m) => replies.push(m));
    loop.receive({ type: 'index', id: 1, key: 'a', version: 1, text: sample, options: {} });
    loop.receive({ type: 'index', id: 2, key: 'b', version: 7, text: 'In 1956 Egypt.', options: {} });
    loop.receive({ type: 'drop', key: 'a' });
    await until(() => replies.some((m) => m.id === 2 && m.type !== 'started'));
    assert.deepEqual(replies.filter((m) => m.type !== 'started').map((m) => [m.type, m.id]), [['cancelled', 1], ['done', 2]]);
  });
});

describe('index transfer', () => {
  /** Indexes `start`, then each edit, packing each index against the last and unpacking it against the host's copy. */
  function transferEdits(start: string, edits: readonly ((text: string) => string)[], check: (sent: number, all: number, text: string) => void): void {
    const indexer = new IncrementalIndexer();
    let text = start;
    let sent = { id: 1, text, data: indexer.update(text) };
    let held = { id: 1, data: unpackIndexData(structuredClone(packIndexData(sent.data, text)), text) };
    edits.forEach((e, k) => {
      text = e(text);
      const data = indexer.update(text);
      const packed = structuredClone(packIndexData(data, text, sent));
      const unpacked = unpackIndexData(packed, text, held);
      assert.deepEqual(unpacked, data, `edit ${k + 1}`);
      check(packed.dates.inferred.length + packed.entities.types.length + packed.events.dateCounts.length, data.dates.length + data.entities.length + data.events.length, text);
      sent = { id: k + 2, text, data };
      held = { id: k + 2, data: unpacked };
    });
  }

  it('after random edits, the host gets exactly the new index from a reply packed against the one it holds', function () {
    this.timeout(120_000);
    const long = wikiWarsOrSkip(this).slice(0, 4).join('\n\n').slice(0, 100_000);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => transferEdits(sample + '\n\n' + long, edits.map((e) => (t: string) => applyEdit(t, e, long)), () => {})),
      { seed: SEED, numRuns: 12 },
    );
  });

  it('after typing, or a date or a name added near the top, sends only the dates, entities and events that changed', function () {
    this.timeout(60_000);
    const long = sample + '\n\n' + wikiWarsOrSkip(this).slice(0, 4).join('\n\n').slice(0, 100_000);
    const middle = long.indexOf(' the ', long.length >> 1) + 2;
    const sentAfter: number[] = [];
    transferEdits(
      long,
      [
        (t) => t.slice(0, middle) + 'x' + t.slice(middle), // typing in a word
        (t) => t.replace('Relations', 'In March 1950, relations'), // a new date: every later date is renumbered
        (t) => t.replace('In March 1950,', 'In March 1950, Ahmed Zaki said'), // a new name: so is every later entity
        (t) => t.replace(/President (Anwar el-Sadat approved)/, 'President  $1'), // right before a name's last mention, which moves
      ],
      (sent, all) => {
        sentAfter.push(sent);
        assert.ok(all > 1000, `${all} items`);
      },
    );
    assert.ok(sentAfter.every((n) => n <= 5), `items sent: ${sentAfter.join(', ')}`);
  });

  it('unpacks a reply packed against one still being unpacked once that one is, both exactly', async function () {
    this.timeout(60_000);
    let text = sample;
    for (const t of wikiWarsOrSkip(this)) if (text.length < 250_000) text += '\n\n' + t;
    const edited = text.replace('Relations', 'In March 1950, relations');
    const indexer = new IncrementalIndexer();
    const whole = indexer.update(text);
    const afterEdit = indexer.update(edited);
    // Both replies in at once, as when the second arrives while the host unpacks the first in slices.
    const first = { id: 1, data: unpackInSlices(structuredClone(packIndexData(whole, text)), text) };
    const second = unpackInSlices(structuredClone(packIndexData(afterEdit, edited, { id: 1, text, data: whole })), edited, first);
    assert.deepEqual(await second, afterEdit);
    assert.deepEqual(await first.data, whole);
    // Packed against a reply that could not be unpacked: refused, so the next request asks for the whole index.
    const broken = { id: 1, data: Promise.reject(new Error('lost')) };
    await assert.rejects(unpackInSlices(structuredClone(packIndexData(afterEdit, edited, { id: 1, text, data: whole })), edited, broken), /packed against 1, but the host holds none/);
  });

  it('refuses a reply packed against an index the host does not hold', () => {
    const edited = sample.replace('diplomatic relations', 'diplomatic  relations');
    const packed = packIndexData(buildIndexData(edited), edited, { id: 7, text: sample, data: buildIndexData(sample) });
    assert.throws(() => unpackIndexData(packed, edited, { id: 6, data: buildIndexData(sample) }), /packed against 7, but the host holds 6/);
    assert.throws(() => unpackIndexData(packed, edited), /packed against 7, but the host holds none/);
  });

  it('packs and unpacks every WikiWars index exactly, texts that are not slices and ids out of numbering included', function () {
    for (const text of [sample, ...wikiWarsOrSkip(this)]) {
      const data = buildIndexData(text);
      // A text that is not the slice of its span (as a future normalisation might make) travels as is.
      const mention = data.entities[0]?.mentions.at(-1);
      if (mention) mention.text = `${mention.text}\u2019`;
      const event = data.events.at(-1);
      if (event) event.text = `${event.text}\u2019`;
      // Ids that are not the core's numbering ("e1", "e2"…) travel as they are.
      const renamed = data.entities[1];
      if (renamed) {
        const old = renamed.id;
        renamed.id = `${old}b`;
        for (const v of data.events) v.entities = v.entities.map((id) => (id === old ? renamed.id : id));
      }
      assert.deepEqual(unpackIndexData(structuredClone(packIndexData(data, text)), text), data);
    }
  });
});

/** A worker script that runs src/extension/indexWorker.node.ts through tsx, as dist/indexWorker.js runs its bundle. */
function workerScript(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'chronolens-worker-')), 'indexWorker.cjs');
  writeFileSync(file, `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(path.resolve('src/extension/indexWorker.node.ts'))});\n`);
  return file;
}

describe('index client', () => {
  it('never takes the reply to a dropped request for the answer to a newer one of the same document and version (real worker)', async function () {
    this.timeout(60_000);
    const errors: string[] = [];
    const script = workerScript();
    const client = new IndexClient(script, { info: () => {}, trace: () => {}, error: (m) => errors.push(m) }, () => {
      throw new Error('indexed in the host, not in the worker');
    });
    try {
      // As after a language change or a new 'Untitled-1': dropped, then the same key and version
      // asked for at once (another text here, so a stale 'done' would show too). The worker
      // replies 'cancelled' (or 'done') to the first request after the second was sent.
      const other = 'On 5 May 1950, Egypt voted.';
      const first = client.index('a', 1, sample, {});
      client.drop('a');
      const second = client.index('a', 1, other, {});
      assert.equal(await first, undefined);
      assertBuiltFrom(await second, other);
      assert.deepEqual(errors, []);
    } finally {
      client.dispose();
      rmSync(path.dirname(script), { recursive: true, force: true });
    }
  });

  it('delivers after each edit what a full build gives, each reply packed against the last (real worker)', async function () {
    this.timeout(60_000);
    const script = workerScript();
    const errors: string[] = [];
    const traced: string[] = [];
    const client = new IndexClient(script, { info: () => {}, trace: (m) => traced.push(m), error: (m) => errors.push(m) }, () => {
      throw new Error('indexed in the host, not in the worker');
    });
    try {
      let text = sample;
      const edits = [(t: string) => t.replace('Relations', 'In March 1950, relations'), (t: string) => t + '\n\nIn 1999 Kim Jong-il visited Cairo.', (t: string) => t.replace('Cairo', 'Cairo and Alexandria')];
      assertBuiltFrom(await client.index('a', 1, text, {}), text);
      for (const [k, e] of edits.entries()) {
        text = e(text);
        assertBuiltFrom(await client.index('a', k + 2, text, {}), text, `edit ${k + 1}`);
      }
      // A request superseded while its reply was on the way: the next reply is packed against what the host holds.
      const superseded = client.index('a', 10, text + ' x', {});
      text += ' y';
      const newest = await client.index('a', 11, text, {});
      assert.equal(await superseded, undefined);
      assertBuiltFrom(newest, text);
      assert.deepEqual(errors, []);
      // At the Trace level the log gives each delivered version's time in the worker, and only theirs.
      const versions = traced.map((m) => /^Indexed a \(version (\d+)\) in \d+\.\d ms in the worker$/.exec(m)?.[1]);
      assert.deepEqual(versions, ['1', '2', '3', '4', '11'], traced.join('\n'));
    } finally {
      client.dispose();
      rmSync(path.dirname(script), { recursive: true, force: true });
    }
  });

  it('indexes in the host once the worker script cannot run, after three tries, and says so once', async () => {
    const errors: string[] = [];
    const client = new IndexClient('/nonexistent/chronolens/indexWorker.js', { info: () => {}, trace: () => {}, error: (m) => errors.push(m) }, () => new IncrementalIndexer());
    try {
      // Each request meets a worker that cannot load its script; none is lost for it.
      const results = [];
      for (let version = 1; version <= 3; version++) {
        results.push(await client.index('a', version, sample, {}).then((index) => index?.data.dates.length ?? 'none', (e: Error) => `rejected: ${e.message}`));
      }
      const dates = buildIndexData(sample).dates.length;
      assert.equal(results.at(-1), dates, JSON.stringify(results));
      assert.equal(errors.filter((m) => m.includes('indexing in the extension host from now on')).length, 1, errors.join('\n'));
      // From then on: no new worker, no new error.
      const before = errors.length;
      assert.equal((await client.index('b', 1, 'The war ended in 1953.', {}))?.data.dates[0].edtf, '1953');
      assert.equal(errors.length, before);
    } finally {
      client.dispose();
    }
  });
});
