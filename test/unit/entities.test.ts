// The entity extractor on real sentences from the sample article and the WikiWars corpus:
// every alias rule and type rule, overrides, and the whole sample against its gold file.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractEntities } from '../../src/core/entities';
import type { Entity, EntityType, IndexOptions, ParsedArticle, WikiLink } from '../../src/core/types';

const noArticle: ParsedArticle = { title: null, titleSpan: null, sections: [], passages: [], infobox: [], wikiLinks: [] };
const extract = (text: string, options?: IndexOptions, article: ParsedArticle = noArticle) => extractEntities(text, article, options);

/** The one entity that has `form` as its name or an alias (fails when there is none). */
function entityWith(entities: Entity[], form: string): Entity {
  const e = entities.find((x) => x.name === form || x.aliases.includes(form));
  assert.ok(e, `an entity has the form "${form}"; got ${entities.map((x) => `${x.name} [${x.aliases.join(', ')}]`).join('; ')}`);
  return e;
}

/** Asserts one entity holds all `forms` (as mention texts), with the given name and type. */
function expectEntity(text: string, name: string, type: EntityType, forms: string[] = [name], options?: IndexOptions): Entity {
  const entities = extract(text, options);
  const e = entityWith(entities, name);
  assert.equal(e.name, name, `name of the entity holding "${name}"`);
  assert.equal(e.type, type, `type of ${name}`);
  const seen = new Set(e.mentions.map((m) => m.text));
  for (const f of forms) assert.ok(seen.has(f), `"${f}" is a mention of ${name}; mentions: ${[...seen].join(', ')}`);
  for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text, 'mention text is its slice');
  return e;
}

function expectNoEntity(text: string, phrase: string): void {
  const entities = extract(text);
  const hit = entities.find((e) => e.name === phrase || e.mentions.some((m) => m.text === phrase));
  assert.equal(hit, undefined, `"${phrase}" is no entity (got ${hit?.name})`);
}

function expectNoMentionStartingWith(text: string, word: string): void {
  for (const e of extract(text)) {
    for (const m of e.mentions) assert.ok(!m.text.startsWith(word + ' '), `"${m.text}" does not start with "${word}"`);
  }
}

describe('entities: alias merging', () => {
  it('merges a surname after the full name and leaves the possessive out of the mention', () => {
    const text = 'Relations have remained fairly strong since the time of Gamal Abdel Nasser and the Non-Aligned Movement, when North Korea strongly supported Nasser\'s decision to nationalise the Suez Canal.';
    const e = expectEntity(text, 'Gamal Abdel Nasser', 'person', ['Gamal Abdel Nasser', 'Nasser']);
    assert.deepEqual(e.aliases, ['Nasser']);
    const nasser = e.mentions.find((m) => m.text === 'Nasser')!;
    assert.equal(text.slice(nasser.end, nasser.end + 2), "'s");
  });

  it('merges name-particle spelling variants and the bare surname ("Anwar el-Sadat" = "Anwar Sadat" = "Sadat")', () => {
    const text =
      "At that time, this shift reflected Nasser's growing dependence on Soviet assistance, but the Egyptian government maintained cordial relations with the DPRK even after Nasser's successor, Anwar Sadat, broke with the USSR. " +
      "The DPRK expressed agreement with Sadat's visit in Jerusalem (19–21 November 1977). " +
      'President Anwar el-Sadat approved the sale of R-17 Elbrus missiles to North Korea between 1976 and 1981.';
    const e = expectEntity(text, 'Anwar el-Sadat', 'person', ['Anwar Sadat', 'Sadat', 'Anwar el-Sadat']);
    assert.ok(!e.mentions.some((m) => m.text.includes('President')), 'the title is not part of the name');
  });

  it('merges a particle name with its bare surname ("Saad el-Shazly" … "Shazly")', () => {
    const text =
      'During the visit of a North Korean government delegation headed by Kang Ryang-uk (1-7 March 1973), Egyptian Chief of Staff Saad el-Shazly asked the delegates to dispatch DPRK troops to train Egyptian pilots. ' +
      'On April 6–13, Shazly visited the DPRK, and gained the consent of Kim Il Sung.';
    expectEntity(text, 'Saad el-Shazly', 'person', ['Saad el-Shazly', 'Shazly']);
    expectEntity(text, 'Kang Ryang-uk', 'person');
    expectEntity(text, 'Kim Il Sung', 'person');
  });

  it('merges "de Lattre" with "Jean Marie de Lattre de Tassigny" (words after a particle)', () => {
    const text = 'The French government sent Jean Marie de Lattre de Tassigny to Indochina. Giáp was defeated by de Lattre at Vinh Yen.';
    expectEntity(text, 'Jean Marie de Lattre de Tassigny', 'person', ['de Lattre']);
  });

  it('merges an acronym with the expansion built from its initials ("Vietnam People\'s Army (VPA)" … "VPA")', () => {
    const text =
      "Other aerial campaigns, such as Operation Commando Hunt, targeted different parts of the NLF and Vietnam People's Army (VPA) infrastructure. " +
      'The VPA moved south.';
    const e = expectEntity(text, "Vietnam People's Army", 'organization', ["Vietnam People's Army", 'VPA']);
    assert.equal(e.mentions.length, 3);
  });

  it('merges "UN" with "United Nations" and keeps "UN" inside "UN General Assembly" as its mention', () => {
    const text =
      'During the annual UN General Assembly debates over the Korean problem, Egypt initially abstained. ' +
      'In 2015, Egyptian President Abdel Fattah el-Sisi, who has refused to enforce United Nations sanctions against North Korea, invited North Korean leader Kim Jong Un.';
    const un = expectEntity(text, 'United Nations', 'organization', ['UN', 'United Nations']);
    const assembly = expectEntity(text, 'UN General Assembly', 'organization');
    assert.ok(un.mentions[0].start === assembly.mentions[0].start, 'the nested "UN" is a mention of the United Nations');
    expectEntity(text, 'Kim Jong Un', 'person'); // "Un" is no "UN"
  });

  it('merges well-known alternates: DPRK/North Korea, USSR/Soviet, U.S./US, UK/Britain', () => {
    const text =
      'Egypt has an embassy in Pyongyang whilst North Korea has an embassy in Cairo. During the Suez Crisis, on 3 November 1956, the DPRK issued a declaration of solidarity with Egypt. ' +
      'Anwar Sadat broke with the USSR in favor of a partnership with the U.S. In 2017, Egypt had "severed all military ties with North Korea", after the US slashed some $291 million worth of aid to Egypt. ' +
      'France, Britain, and the countries of the Commonwealth declared war on Germany; the UK sent troops.';
    expectEntity(text, 'North Korea', 'place', ['North Korea', 'DPRK']);
    expectEntity(text, 'Soviet Union', 'place', ['USSR']);
    expectEntity(text, 'United States', 'place', ['U.S.', 'US']);
    expectEntity(text, 'Britain', 'place', ['Britain', 'UK']);
  });

  it('links demonyms to their country ("Egyptian" → Egypt, "North Korean" → North Korea)', () => {
    const text = 'A North Korean diplomatic delegation was sent to Egypt in 1961. The Egyptian telecommunications company Orascom was critical to the establishment of Koryolink.';
    expectEntity(text, 'Egypt', 'place', ['Egypt', 'Egyptian']);
    expectEntity(text, 'North Korea', 'place', ['North Korean']);
  });

  it('merges diacritic and hyphenation variants ("Hồ Chí Minh" = "Ho Chi Minh", "Chiang-Kai-Shek" = "Chiang Kai-shek")', () => {
    expectEntity(
      'In December, hostilities also broke out in Hanoi between the Viet Minh and the French, and Ho Chi Minh was forced to evacuate the capital. They failed to capture Hồ Chí Minh and his key lieutenants.',
      'Ho Chi Minh', 'person', ['Ho Chi Minh', 'Hồ Chí Minh'],
    );
    expectEntity(
      'Roosevelt and Winston Churchill met with Chiang Kai-shek in Cairo. Just months after Sun Yat Sen\'s death in 1925, Chiang-Kai-Shek set out on the Northern Expedition. Chiang then purged the communists.',
      'Chiang Kai-shek', 'person', ['Chiang Kai-shek', 'Chiang-Kai-Shek', 'Chiang'],
    );
  });

  it('gives a short form to the nearest full name before it ("Hitler", "Churchill", "Giáp")', () => {
    const text =
      "Truman and Acheson discussed a US invasion response, paralleling it with Adolf Hitler's 1930s aggressions. " +
      'British discontent over the Norwegian campaign led to the replacement of Prime Minister Neville Chamberlain by Winston Churchill on May 10, 1940. ' +
      'Hitler sent German forces to Libya. Churchill refused. ' +
      'There was never any intention among the Vietnamese to give up as General Vo Nguyen Giap soon brought up 30,000 men to attack the city. ' +
      'The French sent military expeditions to attack his bases, but Giáp refused to meet them head-on in battle.';
    expectEntity(text, 'Adolf Hitler', 'person', ['Adolf Hitler', 'Hitler']);
    expectEntity(text, 'Winston Churchill', 'person', ['Winston Churchill', 'Churchill']);
    expectEntity(text, 'Neville Chamberlain', 'person');
    expectEntity(text, 'Vo Nguyen Giap', 'person', ['Vo Nguyen Giap', 'Giáp']);
  });

  it('joins a lone kind word to the name before it that ends in it ("the Revolution" → "French Revolution")', () => {
    const text =
      "This effectively led to Bonaparte's dictatorship and eventually (in 1804) to his proclamation as Empereur (emperor), which brought to a close the specifically republican phase of the French Revolution. " +
      'When the Revolution opened, some women struck forcefully, using the volatile political climate to assert their active natures.';
    expectEntity(text, 'French Revolution', 'event', ['French Revolution', 'Revolution']);
  });

  it('does not merge different people who share a family name', () => {
    const text = 'Kim Jong Un invited Kim Yong-nam. Kim Il Sung sent Egypt a message of solidarity.';
    const entities = extract(text);
    const kims = entities.filter((e) => e.name.startsWith('Kim'));
    assert.deepEqual(kims.map((e) => e.name).sort(), ['Kim Il Sung', 'Kim Jong Un', 'Kim Yong-nam']);
  });
});

describe('entities: names inside names', () => {
  it('mentions a known place after "of" inside a longer name ("Embassy of Egypt", "Battle of Britain")', () => {
    const text = 'The Embassy of Egypt in Pyongyang reopened. Germany began an air superiority campaign over Britain (the Battle of Britain).';
    const egypt = expectEntity(text, 'Egypt', 'place');
    assert.equal(egypt.mentions[0].start, text.indexOf('Egypt'));
    expectEntity(text, 'Embassy of Egypt', 'organization');
    assert.equal(expectEntity(text, 'Britain', 'place').mentions.length, 2);
  });

  it('keeps hyphenated East Asian given names and particle acronyms ("Moon Jae-in", "Mohammed bin Salman (MBS)")', () => {
    const text = 'In 2018, Crown Prince Mohammed bin Salman (MBS) met Chinese President Xi Jinping in Beijing. Xi praised MBS. Abe flew to Seoul to meet Moon Jae-in.';
    expectEntity(text, 'Mohammed bin Salman', 'person', ['Mohammed bin Salman', 'MBS']);
    expectEntity(text, 'Xi Jinping', 'person', ['Xi Jinping', 'Xi']);
    expectEntity(text, 'Moon Jae-in', 'person');
  });
});

describe('entities: what is not an entity', () => {
  it('drops titles from names and does not report them', () => {
    const text = 'In 2017, following a visit to South Korea, Egyptian Defense Minister Sedki Sobhi reportedly announced that Egypt had "severed all military ties with North Korea".';
    const e = expectEntity(text, 'Sedki Sobhi', 'person');
    assert.equal(e.mentions[0].text, 'Sedki Sobhi');
    expectNoEntity(text, 'Defense Minister');
    expectNoEntity(text, 'Minister');
    expectEntity(text, 'South Korea', 'place');
  });

  it('drops sentence-initial function words and words seen in lower case elsewhere', () => {
    const text =
      'Relations have remained fairly strong since the time of Gamal Abdel Nasser. During the Suez Crisis, the DPRK issued a declaration of solidarity with Egypt. ' +
      'However, during the Libyan–Egyptian War in July 1977, North Korea sided with Libya. The North Korean trainers arrived in June. In 1957 the two governments signed a trade agreement and cultural relations followed.';
    for (const w of ['Relations', 'During', 'However', 'The', 'In']) expectNoEntity(text, w);
    for (const w of ['During', 'However', 'The', 'In']) expectNoMentionStartingWith(text, w);
    expectEntity(text, 'Libyan–Egyptian War', 'event');
    expectEntity(text, 'North Korea', 'place', ['North Korea', 'North Korean']);
  });

  it('does not report months, weekdays or lone direction words', () => {
    const text = 'On April 6–13, Shazly visited the DPRK. The trainers arrived in June, and were assigned in July. On Monday, the West protested.';
    for (const w of ['April', 'June', 'July', 'Monday', 'West']) expectNoEntity(text, w);
  });

  it('keeps a sentence-initial name the document also uses mid-sentence ("Orascom also became …")', () => {
    const text = 'The Egyptian telecommunications company Orascom was critical to the establishment of Koryolink in 2008. Orascom also became the first non-North Korean company to own a telecom license in North Korea.';
    const e = expectEntity(text, 'Orascom', 'organization');
    assert.equal(e.mentions.length, 2);
    expectEntity(text, 'Koryolink', 'organization');
  });

  it('splits names joined by a dash or an "of" that are two names ("Egypt–North Korea relations")', () => {
    const text = 'Egypt–North Korea relations refer to the bilateral relations between Egypt and North Korea.';
    const egypt = expectEntity(text, 'Egypt', 'place');
    assert.equal(egypt.mentions.length, 2);
    const nk = expectEntity(text, 'North Korea', 'place');
    assert.equal(nk.mentions.length, 2);
  });

  it('takes the places out of a map file name', () => {
    const text = 'Infobox\n- Map: Egypt North Korea Locator.png\n\nEgypt has an embassy in Pyongyang.';
    const entities = extract(text);
    assert.equal(entityWith(entities, 'Egypt').mentions.length, 2);
    assert.equal(entityWith(entities, 'North Korea').mentions.length, 1);
    expectNoEntity(text, 'Locator');
    expectNoEntity(text, 'Map');
    expectNoEntity(text, 'Infobox');
  });
});

describe('entities: types', () => {
  const sample = readSample();

  it('types organisations by their kind word or a noun before them', () => {
    const entities = extract(sample);
    assert.equal(entityWith(entities, 'Non-Aligned Movement').type, 'organization');
    assert.equal(entityWith(entities, 'Arab Organization for Industrialization').type, 'organization');
    assert.equal(entityWith(entities, 'Orascom').type, 'organization');
  });

  it('types events: wars, crises, accords, agreements, battles', () => {
    const entities = extract(sample);
    for (const name of ['Suez Crisis', 'Six-Day War', 'Yom Kippur War', 'Libyan–Egyptian War', 'Camp David Accords', 'Sinai Interim Agreement']) {
      assert.equal(entityWith(entities, name).type, 'event', name);
    }
    expectEntity('With France neutralised, Germany began an air superiority campaign over Britain (the Battle of Britain) to prepare for an invasion.', 'Battle of Britain', 'event');
    expectEntity('Late in the year the French launched Operation Lea to take out the Việt Minh communications center at Bac Kan.', 'Operation Lea', 'event');
  });

  it('types places by the gazetteer, kind words and "Battle of X"', () => {
    const entities = extract(sample);
    for (const name of ['Pyongyang', 'Cairo', 'Jerusalem', 'Africa', 'Suez Canal', 'Port Said', 'Libya']) {
      assert.equal(entityWith(entities, name).type, 'place', name);
    }
    expectEntity('Giáp attacked, and the French won the Battle of Vinh Yen in January 1951.', 'Vinh Yen', 'place');
  });

  it('types people by titles, given names, particles and East Asian name shape', () => {
    const entities = extract(sample);
    for (const name of ['Gamal Abdel Nasser', 'Abdel Fattah el-Sisi', 'Kim Jong Un', 'Kim Yong-nam', 'Kang Ryang-uk', 'Sedki Sobhi', 'Kim Il Sung']) {
      assert.equal(entityWith(entities, name).type, 'person', name);
    }
    expectEntity('In 1948, France began negotiations with the former Vietnamese emperor Bảo Đại to lead an "autonomous" government.', 'Bảo Đại', 'person');
  });

  it('types model designations as other ("R-17 Elbrus", "Scud-B")', () => {
    const entities = extract(sample);
    assert.equal(entityWith(entities, 'R-17 Elbrus').type, 'other');
    assert.equal(entityWith(entities, 'Scud-B').type, 'other');
    assert.notEqual(entityWith(entities, 'Scud-B'), entityWith(entities, 'Scud-C'));
  });

  it('types an organisation named without a kind word by its article ("the Viet Minh")', () => {
    expectEntity(
      'The Geneva Accords, concluded between France and the Viet Minh in 1954, partitioned Vietnam. The Viet Minh quickly agreed to a cease-fire and left the cities.',
      'Viet Minh', 'organization',
    );
  });
});

describe('entities: overrides and wiki links', () => {
  const text = 'North Korea obtained its first Scud-B ballistic missiles from Egypt in 1979. The Rais approved it. Koryolink grew.';

  it('honours aliases, including forms no rule finds', () => {
    const e = expectEntity(text, 'Gamal Abdel Nasser', 'person', ['Rais'], { entities: { aliases: { Rais: 'Gamal Abdel Nasser' }, types: { 'Gamal Abdel Nasser': 'person' } } });
    assert.deepEqual(e.aliases, ['Rais']);
  });

  it('joins a user alias to an entity the rules found, and keeps a form the user pins apart', () => {
    const text = 'Gamal Abdel Nasser nationalised the canal. The Rais was cheered. Kim Il Sung wrote to him; Kim was pleased.';
    const joined = expectEntity(text, 'Gamal Abdel Nasser', 'person', ['Gamal Abdel Nasser', 'Rais'], { entities: { aliases: { Rais: 'Gamal Abdel Nasser' } } });
    assert.equal(joined.mentions.length, 2);
    assert.equal(entityWith(extract(text), 'Kim Il Sung').mentions.length, 2, 'by rule, "Kim" joins Kim Il Sung');
    const apart = extract(text, { entities: { aliases: { Kim: 'Kim' } } });
    assert.equal(entityWith(apart, 'Kim Il Sung').mentions.length, 1);
    assert.equal(entityWith(apart, 'Kim').mentions.length, 1);
  });

  it('honours ignore and types', () => {
    const entities = extract(text, { entities: { ignore: ['Scud-B'], types: { Koryolink: 'other', Egypt: 'organization' } } });
    assert.equal(entities.find((e) => e.name === 'Scud-B'), undefined);
    assert.equal(entityWith(entities, 'Koryolink').type, 'other');
    assert.equal(entityWith(entities, 'Egypt').type, 'organization');
  });

  it('treats a wiki link label as a mention of its target', () => {
    const linked = 'The [[Gamal Abdel Nasser|Rais]] met [[Egypt|Egyptian]] officers.';
    const labelStart = linked.indexOf('Rais');
    const link: WikiLink = { start: linked.indexOf('[['), end: linked.indexOf(']]') + 2, target: 'Gamal Abdel Nasser', label: 'Rais', labelSpan: { start: labelStart, end: labelStart + 4 } };
    const entities = extract(linked, undefined, { ...noArticle, wikiLinks: [link] });
    const e = entityWith(entities, 'Gamal Abdel Nasser');
    assert.deepEqual(e.mentions.map((m) => m.text), ['Rais']);
  });

  it('lets a linked name gather its short forms and give its type, whatever the label says', () => {
    const linked = 'In 1970, [[Anwar Sadat|the new president]] met the cabinet in Cairo. In 1971, Sadat spoke.';
    const labelStart = linked.indexOf('the new president');
    const link: WikiLink = { start: linked.indexOf('[['), end: linked.indexOf(']]') + 2, target: 'Anwar Sadat', label: 'the new president', labelSpan: { start: labelStart, end: labelStart + 'the new president'.length } };
    const e = entityWith(extract(linked, undefined, { ...noArticle, wikiLinks: [link] }), 'Anwar Sadat');
    assert.deepEqual(e.mentions.map((m) => m.text), ['the new president', 'Sadat']);
    assert.equal(e.type, 'person');
  });
});

describe('entities: output shape and robustness', () => {
  it('numbers entities e1… in order of first mention, with sorted mentions that are their slices', () => {
    const text = readSample();
    const entities = extract(text);
    entities.forEach((e, i) => {
      assert.equal(e.id, `e${i + 1}`);
      if (i > 0) assert.ok(entities[i - 1].mentions[0].start <= e.mentions[0].start);
      for (let k = 1; k < e.mentions.length; k++) assert.ok(e.mentions[k - 1].start < e.mentions[k].start);
      for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(!e.aliases.includes(e.name));
    });
    assert.deepEqual(extract(text), entities, 'deterministic');
  });

  it('stays linear on large and hostile input', function () {
    this.timeout(120_000); // wall time on a loaded machine; the bound that matters is CPU time below
    const sample = readSample();
    const hostile = ['A '.repeat(50_000), 'Kim-'.repeat(50_000), 'The Of The '.repeat(10_000), '= '.repeat(50_000) + '=\n', 'U.S.'.repeat(50_000), 'Bank of '.repeat(20_000), 'Egypt–'.repeat(20_000)].join('\n');
    const big = (sample + '\n').repeat(Math.ceil(2_000_000 / (sample.length + 1))) + hostile;
    const before = process.cpuUsage();
    const entities = extract(big);
    const used = process.cpuUsage(before);
    const ms = (used.user + used.system) / 1000;
    assert.ok(entities.length > 0);
    // About 0.8 s per MB bundled; tsx transpiled code is slower. Quadratic behaviour would take minutes.
    assert.ok(ms < 15_000, `${(big.length / 1e6).toFixed(1)} MB took ${ms.toFixed(0)} ms of CPU`);
  });
});

describe('entities: the sample article against its gold file', () => {
  const goldFile = path.resolve(__dirname, '../../../shared/gold/egypt-north-korea.entities.json');
  const gold = existsSync(goldFile)
    ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { entities: Array<{ name: string; type: EntityType; forms: string[]; optional?: string[] }>; allowed: string[] })
    : null;

  it('finds, types and merges every gold entity, and reports nothing outside the gold', function () {
    if (!gold) this.skip();
    const text = readSample();
    const entities = extract(text);
    const norm = (s: string) => s.normalize('NFC').replace(/[\u2010-\u2015]/g, '-').replace(/’/g, "'").replace(/'s$/, '').trim().toLowerCase();
    const owner = new Map<string, number>();
    gold!.entities.forEach((g, i) => [...g.forms, ...(g.optional ?? [])].forEach((f) => owner.set(norm(f), i)));
    const allowed = new Set(gold!.allowed.map(norm));

    for (const [i, g] of gold!.entities.entries()) {
      if (!g.forms.length) continue;
      const holders = entities.filter((e) => e.mentions.some((m) => g.forms.some((f) => norm(f) === norm(m.text))));
      assert.equal(holders.length, 1, `${g.name}: its forms are in exactly one entity (got ${holders.map((e) => e.name).join(', ') || 'none'})`);
      const e = holders[0];
      assert.equal(e.type, g.type, `type of ${g.name}`);
      for (const f of g.forms) assert.ok(e.mentions.some((m) => norm(m.text) === norm(f)), `${g.name}: form "${f}" found`);
      // Every whole-word occurrence of a form is covered by a mention of this entity.
      for (const f of g.forms) {
        for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) {
          const end = at + f.length;
          if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
          const insideLonger = [...g.forms, ...gold!.entities.flatMap((o) => o.forms)].some((longer) => {
            if (longer.length <= f.length) return false;
            for (let s = text.indexOf(longer); s >= 0; s = text.indexOf(longer, s + 1)) if (s <= at && s + longer.length >= end) return true;
            return false;
          });
          if (insideLonger) continue;
          assert.ok(e.mentions.some((m) => m.start <= at && m.end >= end), `${g.name}: "${f}" at ${at} is a mention`);
        }
      }
      void i;
    }
    for (const e of entities) {
      const owners = new Set(e.mentions.map((m) => owner.get(norm(m.text))).filter((x) => x !== undefined));
      assert.ok(owners.size > 0 || allowed.has(norm(e.name)), `"${e.name}" is a gold or allowed entity`);
      assert.ok(owners.size <= 1, `"${e.name}" joins ${[...owners].map((o) => gold!.entities[o!].name).join(' + ')}`);
    }
  });
});

function readSample(): string {
  return readFileSync(path.resolve(__dirname, '../../samples/egypt-north-korea.txt'), 'utf8').replace(/^\uFEFF/, '');
}
