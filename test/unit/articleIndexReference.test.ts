// ArticleIndex's lookups over real texts, each checked against the plainest computation of what it
// should answer (a scan of the data, no binary search, no precomputed order): the index is built
// for speed (typed arrays, a radix sort, maps made on first use) and must answer the same.
import * as assert from 'node:assert/strict';
import { ArticleIndex, buildIndex, buildIndexData } from '../../src/core/articleIndex';
import { isoToYear } from '../../src/core/timeOrder';
import type { ArticleIndexData, DateMention, Entity, TextSpan, TimelineEvent } from '../../src/core/types';
import { sampleText, wikiWarsTexts } from '../fixtures/corpus';

/** ISO date to fractional years, as the spec of isoToYear says (month and day default to the first, or the last with asEnd). */
function yearOf(iso: string, asEnd: boolean): number {
  const m = /^(-?\d{1,6})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return Number.NaN;
  const month = m[2] ? Number(m[2]) : asEnd ? 12 : 1;
  const day = m[3] ? Number(m[3]) : asEnd ? 31 : 1;
  return Number(m[1]) + (month - 1) / 12 + (day - 1) / (12 * 31);
}

const contains = (s: { start: number; end: number }, offset: number) => s.start <= offset && offset <= s.end;

/** Events hold the dates inside them and each entity mentioned inside once, in order of first mention (ties: entity order). */
function checkEvents({ dates, entities, events }: ArticleIndexData): void {
  for (const event of events) {
    const inside = (s: TextSpan) => s.start >= event.start && s.end <= event.end;
    assert.deepEqual(event.dates, dates.filter(inside).map((d) => d.id), `dates of ${event.id}`);
    const firstMention = (e: Entity) => Math.min(...e.mentions.filter(inside).map((m) => m.start));
    const mentioned = entities.filter((e) => e.mentions.some(inside));
    const byFirstMention = mentioned.map((e, i) => ({ e, i })).sort((a, b) => firstMention(a.e) - firstMention(b.e) || a.i - b.i);
    assert.deepEqual(event.entities, byFirstMention.map(({ e }) => e.id), `entities of ${event.id}`);
  }
}

function checkLookups(index: ArticleIndex): void {
  const { dates, entities, events } = index.data;
  const dateWithId = (id: string) => dates.find((d) => d.id === id)!;
  const placeable = (d: DateMention) => d.earliest !== null && d.latest !== null && !d.problem;
  const placement = (e: TimelineEvent) => {
    const date = e.dates.map(dateWithId).find(placeable)!;
    return { date, from: yearOf(date.earliest!, false), to: yearOf(date.latest!, true) };
  };
  const timeline = [...events].sort((a, b) => {
    const pa = placement(a);
    const pb = placement(b);
    return pa.from - pb.from || pa.to - pb.to || a.start - b.start;
  });
  const byText = [...events].sort((a, b) => a.start - b.start);
  // Every mention with its entity, entity after entity; the first of those containing an offset
  // in text order (start, then end, then this order) is the one a hover shows.
  const mentions: { entity: Entity; mention: TextSpan }[] = entities.flatMap((entity) => entity.mentions.map((mention) => ({ entity, mention })));

  // Lookups at and around every boundary of a date, a mention, an event.
  const offsets = new Set<number>([-1, 0, index.text.length, index.text.length + 1]);
  for (const s of [...dates, ...mentions.map((m) => m.mention), ...events]) {
    for (const o of [s.start - 1, s.start, s.start + 1, s.end - 1, s.end, s.end + 1]) offsets.add(o);
  }
  for (const o of offsets) {
    assert.equal(index.dateAt(o), dates.find((d) => contains(d, o)), `dateAt(${o})`);
    assert.equal(index.eventAt(o), byText.find((e) => contains(e, o)), `eventAt(${o})`);
    const near = byText.find((e) => e.start <= o && o < e.end) ?? byText.filter((e) => e.end <= o).pop() ?? byText.find((e) => e.start > o);
    assert.equal(index.eventNear(o), near, `eventNear(${o})`);
    const hits = mentions.filter((m) => contains(m.mention, o));
    const hit = hits.sort((a, b) => a.mention.start - b.mention.start || a.mention.end - b.mention.end)[0];
    const got = index.mentionAt(o);
    assert.equal(got?.entity, hit?.entity, `mentionAt(${o}) entity`);
    if (hit) assert.deepEqual(got?.mention, { start: hit.mention.start, end: hit.mention.end, text: hit.mention.text }, `mentionAt(${o}) mention`);
  }

  // Time order, and what hovers and commands read from it.
  assert.deepEqual(index.timeline, timeline);
  timeline.forEach((event, rank) => {
    assert.deepEqual(index.placementOf(event), placement(event), `placementOf(${event.id})`);
    assert.equal(index.rankOf(event), rank);
    // A copy from another version of the text, where another event now is, is known by its id.
    const other = byText[(byText.indexOf(event) + 1) % byText.length];
    const elsewhere = { ...event, start: other.start, end: other.end };
    assert.equal(index.rankOf(elsewhere), rank);
    assert.deepEqual(index.placementOf(elsewhere), placement(event));
    assert.equal(index.nextInTime(event), timeline[rank + 1]);
    assert.equal(index.previousInTime(event), timeline[rank - 1]);
    assert.deepEqual(index.datesOf(event), event.dates.map(dateWithId));
    assert.deepEqual(index.entitiesOf(event), event.entities.map((id) => entities.find((e) => e.id === id)));
  });
  if (timeline.length) {
    const placements = timeline.map(placement);
    const last = placements.reduce((a, b) => (b.to > a.to ? b : a));
    assert.deepEqual(index.span(), { from: placements[0], to: last });
  } else assert.equal(index.span(), undefined);
  for (const entity of entities) {
    assert.equal(index.entity(entity.id), entity);
    assert.deepEqual(index.eventsOf(entity), timeline.filter((e) => e.entities.includes(entity.id)), `eventsOf(${entity.name})`);
  }
  for (const date of dates) assert.equal(index.date(date.id), date);
  assert.equal(index.date('no such id'), undefined);
  assert.equal(index.entity('no such id'), undefined);

  // Related passages: shared entities weighted by rarity (inverse event frequency), one point for overlapping in time.
  const eventCount = new Map<string, number>();
  for (const event of events) for (const id of event.entities) eventCount.set(id, (eventCount.get(id) ?? 0) + 1);
  const rarity = (e: Entity) => Math.log(1 + events.length / Math.max(1, eventCount.get(e.id) ?? 0));
  const rank = new Map(timeline.map((e, i) => [e, i]));
  for (const event of timeline) {
    const own = placement(event);
    const ranked = timeline
      .filter((other) => other !== event)
      .map((other) => {
        const sharedEntities = other.entities.filter((id) => event.entities.includes(id)).map((id) => entities.find((e) => e.id === id)!);
        const p = placement(other);
        const overlapsInTime = p.from <= own.to && own.from <= p.to;
        const score = sharedEntities.reduce((sum, e) => sum + rarity(e), overlapsInTime ? 1 : 0);
        return { event: other, score, sharedEntities, overlapsInTime };
      })
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || rank.get(a.event)! - rank.get(b.event)!);
    assert.deepEqual(index.related(event), ranked.slice(0, 10), `related(${event.id})`);
  }
}

function check(text: string): void {
  const index = buildIndex(text);
  checkEvents(index.data);
  checkLookups(index);
}

describe('article index lookups against plain reference computations', () => {
  it('places dates as the regular expression of the reference reads them, odd values too', () => {
    const odd = ['-0489', '-0', '0', '1941-SU', '2008-123', '1234567', '1234567-01', '12-00-00', '1999-1', '1999-12-3', '1999-12-31T10', '+1999', ' 1999', 'X', '', '-', '1999--01', '١٩٩٩'];
    const corpus = [sampleText(), ...wikiWarsTexts().texts].flatMap((text) => buildIndexData(text).dates.flatMap((d) => [d.earliest, d.latest]));
    for (const iso of [...odd, ...new Set(corpus.filter((v) => v !== null))]) {
      for (const asEnd of [false, true]) assert.ok(Object.is(isoToYear(iso, asEnd), yearOf(iso, asEnd)), `isoToYear(${JSON.stringify(iso)}, ${asEnd})`);
    }
  });

  it('on the sample article', () => check(sampleText()));

  it('on every WikiWars text', function () {
    const { texts, missing } = wikiWarsTexts();
    if (missing) this.skip();
    for (const text of texts) check(text);
  });

  it('on data that went through JSON, as the host gets it from the worker (other string and object identities)', () => {
    const text = sampleText();
    checkLookups(new ArticleIndex(text, JSON.parse(JSON.stringify(buildIndexData(text)))));
  });

  it('on events whose dates are listed in another order than the text\'s (resolved by id all the same)', () => {
    const text = sampleText();
    const data = buildIndexData(text);
    checkLookups(new ArticleIndex(text, { ...data, events: data.events.map((e) => ({ ...e, dates: [...e.dates].reverse() })) }));
  });

  it('on nested mentions sharing a start or an end, whatever the order of their entities', () => {
    const text = 'During the UN General Assembly debates, the Battle of Britain was recalled.';
    const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
    const entity = (id: string, s: string): Entity => ({ id, name: s, type: 'other', aliases: [], mentions: [span(s)] });
    const entities = [entity('e1', 'UN General Assembly'), entity('e2', 'UN'), entity('e3', 'Battle of Britain'), entity('e4', 'Britain')];
    for (const order of [entities, [...entities].reverse()]) {
      checkLookups(new ArticleIndex(text, { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [], dates: [], entities: order, events: [] }));
    }
  });
});
