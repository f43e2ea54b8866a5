import * as assert from 'node:assert/strict';
import { ArticleIndex, buildIndex, buildIndexData } from '../../src/core/articleIndex';
import { runSteps } from '../../src/core/steps';
import { runInSlices } from '../../src/extension/nextTask';
import { modelSteps } from '../../src/webview/viewModel';
import { wikiWarsOrSkip } from '../fixtures/corpus';

describe('work in slices', () => {
  it('when several features work in slices at once, the event loop runs one slice of them at a time', async function () {
    // The WikiWars articles one after the other, three times: a long article of some 1.5 MB.
    const texts = wikiWarsOrSkip(this);
    const articles = [...texts, ...texts, ...texts].join('\n\n');
    // As while the user types: the index of the next version is made ready for lookups while the
    // timeline's model of the last one is still being made, both in slices (so are the
    // diagnostics, the colours and the outline, which need `vscode`: not here).
    const index = buildIndex(articles);
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
    /** The steps, each noting in `turns` the turn it ran in. */
    function* noted<T>(turns: Set<number>, steps: Generator<void, T, void>): Generator<void, T, void> {
      for (;;) {
        turns.add(turn);
        const step = steps.next();
        if (step.done) return step.value;
        yield;
      }
    }
    const modelOf = () => modelSteps(index, 'untitled:a', 'a', 1);
    const [lookupTurns, modelTurns] = [new Set<number>(), new Set<number>()];
    const [lookups, model] = await Promise.all([
      runInSlices(noted(lookupTurns, ArticleIndex.steps(typed, next))),
      runInSlices(noted(modelTurns, modelOf())),
    ]);
    counting = false;

    // Sliced, the work gives what it gives at once.
    const nextIndex = runSteps(ArticleIndex.steps(typed, next));
    assert.deepEqual(lookups.timeline.map((e) => [e.id, lookups.rankOf(e)]), nextIndex.timeline.map((e) => [e.id, nextIndex.rankOf(e)]));
    assert.deepEqual(model, runSteps(modelOf()));
    // The model took several turns, and none of them ran the lookups too: the editor got in between any two slices.
    assert.ok(modelTurns.size > 1, `the model in ${modelTurns.size} turn`);
    assert.deepEqual([...lookupTurns].filter((t) => modelTurns.has(t)), []);
  });
});
