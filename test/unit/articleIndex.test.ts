import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ArticleIndex, buildIndex, toIndexJson } from '../../src/core';
import { prose } from '../fixtures/corpus';

const text = readFileSync('samples/egypt-north-korea.txt', 'utf8');
const index = buildIndex(text);
const at = (phrase: string, nth = 0) => {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(phrase, offset + 1);
  assert.ok(offset >= 0, `"${phrase}" is in the sample`);
  return offset;
};
const eventWith = (phrase: string) => {
  const event = index.eventAt(at(phrase));
  assert.ok(event, `an event holds "${phrase}"`);
  return event;
};

describe('article index lookups on the sample article', () => {
  it('finds the date, the entity mention and the event at an offset, including at a word end', () => {
    const start = at('3 November 1956');
    assert.equal(index.dateAt(start + 2)?.edtf, '1956-11-03');
    assert.equal(index.dateAt(start + '3 November 1956'.length)?.text, '3 November 1956');
    assert.equal(index.mentionAt(at('Shazly visited'))?.entity.name, 'Saad el-Shazly');
    assert.match(eventWith('3 November 1956').text, /^During the Suez Crisis/);
    assert.equal(index.dateAt(at('Egypt has an embassy')), undefined);
  });

  it('orders events in time, so the next event after 1956 is the 1957 one', () => {
    const suez = eventWith('3 November 1956');
    assert.equal(index.rankOf(suez), 0);
    assert.equal(index.nextInTime(suez), eventWith('1957 and 1958'));
    assert.equal(index.previousInTime(suez), undefined);
    const last = index.timeline[index.timeline.length - 1];
    assert.match(last.text, /2017/);
    const years = index.timeline.map((e) => index.placementOf(e).from);
    assert.deepEqual(years, [...years].sort((a, b) => a - b));
  });

  it('gives an entity its events in time order across aliases', () => {
    const sadat = index.mentionAt(at('Anwar el-Sadat'))!.entity;
    assert.equal(index.mentionAt(at('Sadat\'s visit'))!.entity, sadat);
    const events = index.eventsOf(sadat);
    assert.ok(events.length >= 2);
    assert.ok(events.some((e) => e.text.includes('19–21 November 1977')));
    assert.ok(events.some((e) => e.text.includes('between 1976 and 1981')));
    assert.equal(index.definitionOf(sadat).text, 'Anwar Sadat');
  });

  it('ranks passages sharing rare actors above those sharing only the article\'s subjects', () => {
    const visit = eventWith('April 6–13');
    const related = index.related(visit);
    const shazly = index.mentionAt(at('Shazly visited'))!.entity;
    assert.ok(related[0].sharedEntities.includes(shazly), 'the passage that introduces Shazly comes first');
    assert.ok(related[0].event.text.includes('1-7 March 1973'));
    for (let i = 1; i < related.length; i++) assert.ok(related[i - 1].score >= related[i].score);
  });

  it('is deterministic: the same text gives the same index', () => {
    assert.deepEqual(toIndexJson('x', buildIndex(text)), toIndexJson('x', index));
  });

  it('is made a part at a time for the extension host, which runs the parts between the editor\'s tasks: a part per 250 events placed in time', () => {
    const long = prose(400_000);
    const data = buildIndex(long).data;
    assert.ok(data.events.length > 1000, `${data.events.length} events`);
    const steps = ArticleIndex.steps(long, data);
    let parts = 1;
    let step = steps.next();
    for (; !step.done; step = steps.next()) parts++;
    assert.ok(parts >= Math.floor(data.events.length / 250) + 4, `${parts} parts for ${data.events.length} events`);
    const index = step.value;
    const years = index.timeline.map((e) => index.placementOf(e).from);
    assert.deepEqual(years, [...years].sort((a, b) => a - b));
    assert.equal(index.eventAt(data.events[7].start)?.id, data.events[7].id);
  });
});
