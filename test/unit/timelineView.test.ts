// The timeline view's pure code — view model, compressed time axis, grouping, filtering and
// windowing — on the sample article's real index, checked against what a reader of the article
// expects to see.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildIndex } from '../../src/core';
import { buildAxis, fromUnit, ticks, toUnit } from '../../src/webview/axis';
import type { EventView, Filters, TimelineModel } from '../../src/webview/protocol';
import { ModelWriter, NO_FILTERS, decodeJson, encodeJson, readModel } from '../../src/webview/protocol';
import { buildRows, groupOf, rowOffsets, visibleRows } from '../../src/webview/rows';
import { buildModel, EVENTS_PER_MESSAGE, filterEvents, firstWords, keptEnds, modelParts, sanitizeFilters, sanitizeSettings, splitKept, withKept } from '../../src/webview/viewModel';

const SAMPLE = readFileSync('samples/egypt-north-korea.txt', 'utf8');

function sampleModel(): TimelineModel {
  return buildModel(buildIndex(SAMPLE), 'file:///samples/egypt-north-korea.txt', 'egypt-north-korea.txt', 1);
}

function eventWritten(model: TimelineModel, written: string): EventView {
  const event = model.events.find((e) => e.written === written);
  assert.ok(event, `an event dated "${written}" (have: ${model.events.map((e) => e.written).join(', ')})`);
  return event;
}

const filters = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });

describe('timeline view model (sample article)', () => {
  const model = sampleModel();

  it('lists the events in time order, from the Suez Crisis in 1956 to the 2017 break in military ties', () => {
    assert.ok(model.events.length >= 12, `the article dates at least a dozen passages, got ${model.events.length}`);
    assert.equal(model.events[0].written, '3 November 1956');
    assert.match(firstWords(model.events[0].text), /Suez Crisis/);
    assert.equal(model.events.at(-1)!.written, '2017');
    for (let i = 1; i < model.events.length; i++) {
      assert.ok(model.events[i - 1].from <= model.events[i].from, `${model.events[i - 1].written} before ${model.events[i].written}`);
    }
  });

  it('shows each date as written, normalised, with its precision, inference and uncertainty', () => {
    const suez = eventWritten(model, '3 November 1956');
    assert.equal(suez.edtf, '1956-11-03');
    assert.equal(suez.precision, 'day');
    assert.equal(suez.inferred, false);

    const shazly = eventWritten(model, 'April 6–13');
    assert.equal(shazly.edtf, '1973-04-06/1973-04-13');
    assert.equal(shazly.inferred, true, 'the year 1973 comes from the visit in March');
    assert.ok(shazly.to > shazly.from, 'a range has a length on the axis');
    assert.ok(Math.floor(shazly.from) === 1973);

    const scud = model.events.find((e) => e.written === '1979 or 1980');
    assert.ok(scud, 'the Scud-B purchase is placed by "1979 or 1980"');
    assert.equal(scud.uncertain, true);
    assert.equal(Math.floor(scud.from), 1979);
    assert.ok(scud.to > 1980 && scud.to <= 1981);
    assert.ok(!suez.uncertain && !shazly.uncertain);
  });

  it('gives every event its passage, entities and section', () => {
    const shazly = eventWritten(model, 'April 6–13');
    assert.match(shazly.text, /^On April 6–13, Shazly visited the DPRK/);
    assert.equal(shazly.section, 'Military');
    assert.ok(shazly.entities.some((e) => /Shazly/.test(e.name) && e.type === 'person'), 'Saad el-Shazly is a person chip');
    assert.ok(shazly.entities.some((e) => e.name === 'Kim Il Sung'));
    assert.deepEqual(model.facets.sections.slice(0, 3), ['History', 'Military', 'Economic relations']);
    assert.ok(model.facets.types.includes('person') && model.facets.types.includes('place'));
    const sadat = model.facets.entities.find((e) => /Sadat/.test(e.name));
    assert.ok(sadat && sadat.type === 'person' && sadat.count >= 2, 'Sadat is a person in at least two events');
  });

  it('cuts long passages to their first words with an ellipsis', () => {
    assert.equal(firstWords('One two three.', 5), 'One two three.');
    assert.equal(firstWords('One two three four five six seven', 3), 'One two three…');
    assert.equal(firstWords('One,  two,\nthree, four', 2), 'One, two…');
    // Any white space between words is one space in the panel; none at either end.
    assert.equal(firstWords(' One\u00a0two\tthree ', 5), 'One two three');
    assert.equal(firstWords(' One two ', 5), 'One two');
  });
});

describe('compressed time axis', () => {
  const model = sampleModel();
  const axis = buildAxis(model.events);

  it('covers the article from 1956 to 2017', () => {
    assert.equal(Math.floor(axis.from), 1956);
    assert.equal(Math.floor(axis.to), 2017);
  });

  it('compresses the quarter century without events between 1981 and 2008 into a short break', () => {
    const gap = axis.breaks.find((b) => b.from <= 1982 && b.to >= 2008);
    assert.ok(gap, `a break across 1982–2008 (breaks: ${axis.breaks.map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}`).join(', ')})`);
    assert.ok(gap.length < (gap.to - gap.from) / 4, 'the break is drawn much shorter than the time it hides');
    assert.ok(axis.length < axis.to - axis.from - 15, 'the whole axis is shorter than the span it covers');
  });

  it('keeps distances proportional to time where there are events (1973)', () => {
    const march = eventWritten(model, '1-7 March 1973');
    const october = eventWritten(model, 'October 18');
    const june = eventWritten(model, 'June');
    const scale = (a: EventView, b: EventView) => (toUnit(axis, b.from) - toUnit(axis, a.from)) / (b.from - a.from);
    assert.ok(Math.abs(scale(march, october) - 1) < 1e-9);
    assert.ok(Math.abs(scale(march, june) - scale(june, october)) < 1e-9, 'March→June and June→October on the same scale');
    assert.ok(!axis.breaks.some((b) => b.from < october.from && b.to > march.from), 'no break inside 1973');
  });

  it('maps time to the axis monotonically and back', () => {
    let last = -Infinity;
    for (let year = 1950; year <= 2020; year += 0.25) {
      const u = toUnit(axis, year);
      assert.ok(u >= last, `monotonic at ${year}`);
      last = u;
      if (year >= axis.from && year <= axis.to) assert.ok(Math.abs(fromUnit(axis, u) - year) < 1e-6, `round trip at ${year}`);
    }
  });

  it('labels round years, and the far side of every break', () => {
    const labels = ticks(axis, 5).map((t) => t.label);
    assert.ok(labels.includes('1960') && labels.includes('1970'), labels.join(' '));
    assert.ok(labels.includes('2008') || labels.includes('2010'), labels.join(' '));
    assert.ok(!labels.includes('1995'), 'no ticks inside the compressed gap');
    const monthly = ticks(buildAxis([{ from: 1973.1, to: 1973.9 }]), 1 / 12).map((t) => t.label);
    assert.ok(monthly.includes('Jun 1973'), monthly.join(' '));
    // 3 May 1950, then 1960: the lone day before the break is labelled too.
    const may3 = 1950 + 4 / 12 + 2 / 372;
    const twoStretches = ticks(buildAxis([{ from: may3, to: may3 + 1 / 372 }, { from: 1960, to: 1961 }]), 1 / 12).map((t) => t.label);
    assert.equal(twoStretches[0], 'May 1950', twoStretches.join(' '));
    assert.ok(twoStretches.includes('1960'));
  });

  it('handles an empty list and a single day', () => {
    assert.equal(buildAxis([]).length, 0);
    const day = buildAxis([{ from: 1956.84, to: 1956.84 }]);
    assert.ok(day.length > 0 && Number.isFinite(toUnit(day, 1956.84)));
  });
});

describe('grouping and gaps in the list', () => {
  const model = sampleModel();
  const gapAt = buildAxis(model.events).threshold;

  it('groups by decade: 1950s, 1960s, 1970s, then 2000s and 2010s after a gap', () => {
    const rows = buildRows(model.events, 'decade', gapAt);
    const headings = rows.filter((r) => r.kind === 'group').map((r) => r.label);
    assert.deepEqual(headings, ['1950s', '1960s', '1970s', '2000s', '2010s']);
    const kinds = rows.map((r) => (r.kind === 'group' ? r.label : r.kind));
    const gapBefore2000s = kinds.indexOf('2000s') - 1;
    assert.equal(kinds[gapBefore2000s], 'gap', 'a "years without events" marker before the 2000s');
    const gapRow = rows[gapBefore2000s];
    assert.ok(gapRow.kind === 'gap' && /\d+ years without events/.test(gapRow.label), JSON.stringify(gapRow));
    const counted = rows.filter((r) => r.kind === 'group').reduce((n, r) => n + (r.kind === 'group' ? r.count : 0), 0);
    assert.equal(counted, model.events.length, 'group counts add up to all events');
  });

  it('groups by year: 1973 holds the Shazly visit and the Yom Kippur War message', () => {
    const rows = buildRows(model.events, 'year', gapAt);
    const at1973 = rows.findIndex((r) => r.kind === 'group' && r.label === '1973');
    assert.ok(at1973 >= 0);
    const next = rows.findIndex((r, i) => i > at1973 && r.kind === 'group');
    const in1973 = rows.slice(at1973 + 1, next).flatMap((r) => (r.kind === 'event' ? [r.event.written] : []));
    assert.ok(in1973.includes('April 6–13') && in1973.includes('October 18'), in1973.join(', '));
    // Astronomical year -489 is 490 BC: June of it sits at -489 + 5/12.
    assert.equal(groupOf(-489 + 5 / 12, 'year')!.label, '490 BC');
  });

  it('names BC decades as historians do ("490s BC" is 499–490 BC), across the epoch too', () => {
    const article =
      '= Persian Wars =\n\n==History==\nIn 499 BC the Ionian Revolt began.\n\nIn 490 BC the Athenians won at Marathon.\n\n' +
      'In 480 BC the Persian fleet was beaten at Salamis.\n\nIn 479 BC the Greeks won at Plataea.\n\n' +
      'In 9 BC Drusus died on the Elbe.\n\nIn 1 BC Gaius went east.\n\nIn AD 9 three legions were lost.\n';
    const bc = buildModel(buildIndex(article), 'untitled:Untitled-1', 'Untitled-1', 1);
    const rows = buildRows(bc.events, 'decade', buildAxis(bc.events).threshold);
    const groups = rows.flatMap((r) => (r.kind === 'group' ? [`${r.label}: ${r.count}`] : []));
    // 499 and 490 BC share the 490s BC; 480 and 479 BC do not (480s BC, 470s BC); 9 and 1 BC are
    // the 0s BC, AD 9 the 0s: no "501 BCs", no BC year grouped with an AD one.
    assert.deepEqual(groups, ['490s BC: 2', '480s BC: 1', '470s BC: 1', '0s BC: 2', '0s: 1']);
    const inGroup = (label: string) => {
      const at = rows.findIndex((r) => r.kind === 'group' && r.label === label);
      const next = rows.findIndex((r, i) => i > at && r.kind === 'group');
      return rows.slice(at + 1, next < 0 ? undefined : next).flatMap((r) => (r.kind === 'event' ? [r.event.written] : []));
    };
    assert.deepEqual(inGroup('490s BC'), ['499 BC', '490 BC']);
    assert.deepEqual(inGroup('0s BC'), ['9 BC', '1 BC']);
    assert.deepEqual(inGroup('0s'), ['AD 9']);
    // By year, each keeps its own BC label.
    const years = buildRows(bc.events, 'year', 0).flatMap((r) => (r.kind === 'group' ? [r.label] : []));
    assert.deepEqual(years, ['499 BC', '490 BC', '480 BC', '479 BC', '9 BC', '1 BC', '9']);
  });

  it('ungrouped: only cards and gap markers, every event once', () => {
    const rows = buildRows(model.events, 'none', gapAt);
    assert.ok(!rows.some((r) => r.kind === 'group'));
    assert.equal(rows.filter((r) => r.kind === 'event').length, model.events.length);
  });
});

describe('filtering the timeline', () => {
  const model = sampleModel();

  it('by an entity: "Sadat" leaves exactly the events that mention him', () => {
    const sadat = model.facets.entities.find((e) => /Sadat/.test(e.name))!;
    const shown = filterEvents(model.events, filters({ entities: [sadat.name] }));
    const mentioning = model.events.filter((e) => /Sadat/.test(e.text));
    assert.deepEqual(shown.map((e) => e.id), mentioning.map((e) => e.id));
    assert.ok(shown.length >= 2);
  });

  it('by free text, case-insensitive, every word must match', () => {
    const sadat = filterEvents(model.events, filters({ text: 'sadat' }));
    assert.deepEqual(sadat.map((e) => e.id), model.events.filter((e) => /Sadat/.test(e.text)).map((e) => e.id));
    const both = filterEvents(model.events, filters({ text: 'Shazly visited' }));
    assert.deepEqual(both.map((e) => e.written), ['April 6–13']);
    assert.equal(filterEvents(model.events, filters({ text: 'zzzz' })).length, 0);
    const byDate = filterEvents(model.events, filters({ text: '1973-04' }));
    assert.deepEqual(byDate.map((e) => e.written), ['April 6–13'], 'the normalised date is searched too');
  });

  it('by section and entity type, combined', () => {
    const military = filterEvents(model.events, filters({ section: 'Military' }));
    assert.ok(military.length >= 4 && military.every((e) => e.section === 'Military'));
    assert.ok(military.some((e) => e.written === 'April 6–13'));
    const people = filterEvents(model.events, filters({ types: ['person'] }));
    assert.ok(people.length > 0 && people.every((e) => e.entities.some((x) => x.type === 'person')));
    const both = filterEvents(model.events, filters({ section: 'Military', types: ['person'] }));
    assert.ok(both.every((e) => e.section === 'Military' && e.entities.some((x) => x.type === 'person')));
    assert.ok(both.length <= Math.min(military.length, people.length));
  });

  it('several entities: events with any of them, still in time order', () => {
    const names = model.facets.entities.filter((e) => /Sadat|Shazly/.test(e.name)).map((e) => e.name);
    assert.equal(names.length, 2);
    const shown = filterEvents(model.events, filters({ entities: names }));
    assert.ok(shown.every((e) => /Sadat|Shazly/.test(e.text)));
    for (let i = 1; i < shown.length; i++) assert.ok(shown[i - 1].from <= shown[i].from);
  });
});

describe('state from storage or the webview', () => {
  it('keeps well-formed filters and settings as they are', () => {
    const f: Filters = { entities: ['Anwar Sadat'], types: ['person'], section: 'Military', text: 'visit' };
    assert.deepEqual(sanitizeFilters(f), f);
    assert.deepEqual(sanitizeSettings({ grouping: 'year', zoom: 4 }), { grouping: 'year', zoom: 4 });
  });

  it('cuts anything else down to something harmless', () => {
    assert.deepEqual(sanitizeFilters(undefined), NO_FILTERS);
    assert.deepEqual(sanitizeFilters('nonsense'), NO_FILTERS);
    const f = sanitizeFilters({ entities: ['Sadat', 3, null, 'Sadat'], types: ['person', 'alien'], section: 7, text: 'x'.repeat(5000) });
    assert.deepEqual(f.entities, ['Sadat']);
    assert.deepEqual(f.types, ['person']);
    assert.equal(f.section, null);
    assert.equal(f.text.length, 500);
    assert.deepEqual(sanitizeSettings({ grouping: 'century', zoom: 1e9 }), { grouping: 'decade', zoom: 64 });
    assert.deepEqual(sanitizeSettings({ zoom: Number.NaN }), { grouping: 'decade', zoom: 1 });
  });
});

describe('the model after an edit (sample article)', () => {
  const before = sampleModel();
  const modelOf = (text: string) => buildModel(buildIndex(text), 'file:///samples/egypt-north-korea.txt', 'egypt-north-korea.txt', 2);
  /** A model as the webview reads it from the extension's message. */
  const travelled = (model: TimelineModel): TimelineModel => readModel(decodeJson(new ModelWriter(model.facets.sections).model(model)));
  /** What the webview makes of the model sent after the edit: the events it has, kept, around those that came (as they travel). */
  const received = (after: TimelineModel) => {
    const { head, tail } = keptEnds(before.events, after.events);
    const { changed: sent, keptIds } = splitKept(after.events, head, tail);
    const events = withKept(travelled(before).events, travelled({ ...after, events: sent }).events, head, tail, decodeJson(encodeJson(keptIds)));
    return { sent, events };
  };

  it('sends only the event of a passage a letter was typed into; the webview then has the new model', () => {
    const after = modelOf(SAMPLE.replace('the DPRK issued a declaration', 'the DPRK issued a formal declaration'));
    const { sent, events } = received(after);
    assert.deepEqual(sent.map((e) => e.written), ['3 November 1956']);
    assert.deepEqual(events, after.events);
  });

  it('sends the events between the old and the new place of a date whose year changed, and renumbers the kept ones', () => {
    const after = modelOf(SAMPLE.replace('in 1979 or 1980', 'in 1959 or 1960').replace('Relations have remained', 'In March 1950 relations were opened. Relations have remained'));
    const { sent, events } = received(after);
    assert.ok(sent.length > 0 && sent.length < after.events.length, `${sent.length} of ${after.events.length} events sent`);
    assert.ok(after.events.some((e, i) => e.id !== before.events[i]?.id), 'an event came before others in the text: their ids changed');
    assert.deepEqual(events, after.events);
  });

  it('sends no event when none changed, nor when one went: the webview drops it', () => {
    assert.deepEqual(received(modelOf(SAMPLE + '\n\nA closing paragraph without a date.')).sent, []);
    const after = modelOf(SAMPLE.replace('On 24 August 1963, the two governments elevated their diplomatic relations to the ambassadorial level.', ''));
    assert.equal(after.events.length, before.events.length - 1);
    const { sent, events } = received(after);
    assert.deepEqual(sent, []);
    assert.deepEqual(events, after.events);
  });
});

describe('10,000 events', () => {
  const model = sampleModel();
  // The sample's events repeated across 2,000 years: real text, dates and entities.
  const many: EventView[] = Array.from({ length: 10_000 }, (_, i) => {
    const e = model.events[i % model.events.length];
    const shift = Math.floor(i / model.events.length) * 3;
    return { ...e, id: `e${i}`, from: e.from + shift, to: e.to + shift };
  }).sort((a, b) => a.from - b.from);

  it('narrows the 10,000 events as the user types (its speed: the bench\'s panel filter rows)', () => {
    const typed = ['n', 'no', 'nor', 'nort', 'north', 'north k', 'north ko', 'north korea'];
    let before = many.length;
    for (const text of typed) {
      const shown = filterEvents(many, filters({ text, types: ['person'] }));
      assert.ok(shown.length > 0 && shown.length <= before, `"${text}": ${shown.length} shown, after ${before}`);
      before = shown.length;
    }
    assert.ok(before < many.length);
  });

  it('travels to the webview in parts of EVENTS_PER_MESSAGE events, in order, the model carrying the rest', () => {
    const long: TimelineModel = { ...model, events: many };
    const { parts, rest } = modelParts(long);
    assert.equal(parts.length, Math.ceil(many.length / EVENTS_PER_MESSAGE) - 1);
    assert.ok(parts.every((part) => part.length === EVENTS_PER_MESSAGE));
    assert.ok(rest.events.length > 0 && rest.events.length <= EVENTS_PER_MESSAGE);
    assert.deepEqual([...parts.flat(), ...rest.events], many);
    assert.deepEqual({ ...rest, events: many }, long);
    // The sample's model fits in one message: it goes as it is.
    assert.deepEqual(modelParts(model), { parts: [], rest: model });
    // As bytes, all of them ASCII ("Egypt–North Korea relations", "April 6–13" as \u escapes), and
    // back: the parts' events ahead of the model's, each field as it was.
    const writer = new ModelWriter(long.facets.sections);
    const partBytes = parts.map((events) => writer.events(events));
    const modelBytes = writer.model(rest);
    assert.ok([...partBytes, modelBytes].every((bytes) => bytes.every((b) => b < 0x80)));
    assert.ok(long.title.includes('–') && long.events.some((e) => e.written === 'April 6–13'));
    assert.ok(long.events.some((e) => e.inferred) && long.events.some((e) => e.uncertain));
    assert.deepEqual(readModel(decodeJson(modelBytes), partBytes.flatMap((bytes) => decodeJson(bytes))), long);
    // Fields without their names, entities and sections as numbers: half the JSON of the objects.
    const sentBytes = [...partBytes, modelBytes].reduce((n, bytes) => n + bytes.length, 0);
    assert.ok(sentBytes < 0.6 * encodeJson(long).length, `${sentBytes} bytes sent for ${encodeJson(long).length} of JSON`);
  });

  it('keeps apart two entities of one name and two types on the way, and a passage before any heading', () => {
    const [first, second] = model.events;
    const georgia = (type: EventView['entities'][0]['type']) => ({ name: 'Georgia', type });
    const both: TimelineModel = { ...model, events: [{ ...first, entities: [georgia('place')] }, { ...second, entities: [georgia('person'), georgia('place')], section: null }] };
    assert.deepEqual(readModel(decodeJson(new ModelWriter(both.facets.sections).model(both))), both);
  });

  it('builds rows and renders only the visible window', () => {
    const axis = buildAxis(many);
    const rows = buildRows(many, 'year', axis.threshold);
    const offsets = rowOffsets(rows);
    const [first, last] = visibleRows(offsets, offsets[rows.length] / 2, 800);
    assert.ok(last - first < 30, `only ${last - first} rows in the DOM for an 800 px view`);
    assert.ok(offsets[first] <= offsets[rows.length] / 2 && offsets[last] >= offsets[rows.length] / 2 + 800);
  });
});
