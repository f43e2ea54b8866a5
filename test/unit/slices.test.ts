import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ArticleIndex, buildIndexData } from '../../src/core/articleIndex';
import { runSteps } from '../../src/core/steps';
import { runInSlices } from '../../src/extension/nextTask';
import { modelSteps } from '../../src/webview/viewModel';

/** The WikiWars articles (read here, not kept in the repository), one after the other, three times: a long article of some 1.5 MB. */
const wikiwars = readFileSync('../shared/corpus/wikiwars-dev.jsonl', 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
const articles = [...wikiwars, ...wikiwars, ...wikiwars].join('\n\n');

describe('work in slices', () => {
  it('when several features work in slices at once, the event loop runs one slice of them at a time', async () => {
    // As while the user types: the index of the next version is made ready for lookups while the
    // timeline's model of the last one is still being made, both in slices (so are the
    // diagnostics, the colours and the outline, which need `vscode`: not here).
    const index = runSteps(ArticleIndex.steps(articles, buildIndexData(articles)));
    const typed = articles.replace('the', 'thex');
    const next = buildIndexData(typed);
    // Turns of the event loop, counted by a callback of its check phase, once per turn.
    let turn = 0;
    let counting = true;
    const count = () => {
      turn++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const turnsOf = new Map<string, Set<number>>();
    function* noted<T>(job: string, steps: Generator<void, T, void>): Generator<void, T, void> {
      const turns = new Set<number>();
      turnsOf.set(job, turns);
      for (;;) {
        turns.add(turn);
        const step = steps.next();
        if (step.done) return step.value;
        yield;
      }
    }
    const [lookups, model] = await Promise.all([
      runInSlices(noted('lookups', ArticleIndex.steps(typed, next))),
      runInSlices(noted('model', modelSteps(index, 'untitled:a', 'a', 1))),
    ]);
    counting = false;

    // Sliced, the work gives what it gives at once.
    const nextIndex = runSteps(ArticleIndex.steps(typed, next));
    assert.deepEqual(lookups.timeline.map((e) => [e.id, lookups.rankOf(e)]), nextIndex.timeline.map((e) => [e.id, nextIndex.rankOf(e)]));
    assert.deepEqual(model, runSteps(modelSteps(index, 'untitled:a', 'a', 1)));
    // The model took several turns, and none of them ran the lookups too: the editor got in between any two slices.
    const [a, b] = [turnsOf.get('lookups')!, turnsOf.get('model')!];
    assert.ok(b.size > 1, `the model in ${b.size} turn`);
    assert.deepEqual([...a].filter((t) => b.has(t)), []);
  });
});
