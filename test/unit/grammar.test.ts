// The article TextMate grammar: every regex compiles, and the patterns find what a reader sees in
// the sample article (title, section headings, infobox field, list items) and nothing in its prose.
// Plain JS RegExp stands in for Oniguruma: the grammar uses only the syntax both share.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const grammar = JSON.parse(readFileSync(path.join(root, 'syntaxes/article.tmLanguage.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const sample = readFileSync(path.join(root, 'samples/egypt-north-korea.txt'), 'utf8');
const lines = sample.split(/\r?\n/);

type Rule = Record<string, unknown>;
const repo = grammar.repository as Record<string, Rule>;

function regex(rule: Rule, key: 'match' | 'begin' | 'end'): RegExp {
  const source = rule[key];
  assert.equal(typeof source, 'string', `rule has no ${key}`);
  return new RegExp(source as string);
}

/** Every rule object of the grammar, nested ones included. */
function allRules(): Rule[] {
  const out: Rule[] = [];
  const visit = (rule: unknown) => {
    if (!rule || typeof rule !== 'object') return;
    if (Array.isArray(rule)) return rule.forEach(visit);
    const r = rule as Rule;
    out.push(r);
    visit(r.patterns);
    for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
      if (r[key]) Object.values(r[key] as object).forEach(visit);
    }
  };
  visit(grammar.patterns);
  Object.values(repo).forEach(visit);
  return out;
}

/** The scope names a capture group of a rule gets. */
function captureName(rule: Rule, group: number, key = 'captures'): string {
  return ((rule[key] as Record<string, { name?: string }>)[String(group)]?.name ?? '') as string;
}

describe('article grammar', () => {
  it('is contributed for the article language, with its scope name', () => {
    const entry = (manifest.contributes.grammars as { language: string; scopeName: string; path: string }[]).find((g) => g.language === 'article');
    assert.ok(entry, 'package.json contributes no grammar for "article"');
    assert.equal(entry.scopeName, 'text.article');
    assert.equal(grammar.scopeName, 'text.article');
    assert.ok(existsSync(path.join(root, entry.path)), `${entry.path} does not exist`);
  });

  it('compiles every regex and resolves every include', () => {
    const rules = allRules();
    let count = 0;
    for (const rule of rules) {
      for (const key of ['match', 'begin', 'end'] as const) {
        if (typeof rule[key] === 'string') {
          assert.doesNotThrow(() => regex(rule, key), `${key}: ${String(rule[key])}`);
          count++;
        }
      }
      if (typeof rule.include === 'string' && rule.include.startsWith('#')) {
        assert.ok(repo[rule.include.slice(1)], `include ${rule.include} has no repository entry`);
      }
    }
    assert.ok(count >= 10, `only ${count} regexes found`);
  });

  it('marks the title line as a level-1 heading and captures its text', () => {
    const m = regex(repo.title, 'match').exec(lines[0]);
    assert.ok(m, `no title match on ${JSON.stringify(lines[0])}`);
    assert.equal(m[2], 'Egypt–North Korea relations');
    assert.match(String(repo.title.name), /^markup\.heading/);
    assert.equal(regex(repo.section, 'match').exec(lines[0]), null, 'the title is not a section heading');
  });

  it('marks every ==Section== line of the sample as a heading, with its title', () => {
    const section = regex(repo.section, 'match');
    const titles = lines.map((line) => section.exec(line)?.[2]).filter((t): t is string => t !== undefined);
    assert.deepEqual(titles, ['History', 'Military', 'Economic relations', 'See also']);
    assert.equal(regex(repo.title, 'match').exec('==History=='), null, 'a section heading is not the title');
    assert.match(String(repo.section.name), /^markup\.heading/);
    assert.equal(section.exec('=== Aftermath ===')?.[2], 'Aftermath');
  });

  it('finds no heading, infobox or list item in the prose paragraphs', () => {
    const prose = lines.filter((line) => line.length > 80);
    assert.ok(prose.length >= 5);
    for (const line of prose) {
      for (const [name, rule, key] of [
        ['title', repo.title, 'match'],
        ['section', repo.section, 'match'],
        ['infobox', repo.infobox, 'begin'],
        ['infobox field', repo['infobox-field'], 'match'],
      ] as const) {
        assert.equal(regex(rule, key).exec(line), null, `${name} matched prose: ${line.slice(0, 60)}`);
      }
    }
  });

  it('colours the infobox key "Map" as a key and ends the infobox at the blank line', () => {
    const at = lines.indexOf('Infobox');
    assert.ok(at >= 0);
    assert.ok(regex(repo.infobox, 'begin').test(lines[at]));
    const field = regex(repo['infobox-field'], 'match').exec(lines[at + 1]);
    assert.ok(field, `no field match on ${lines[at + 1]}`);
    assert.equal(field[2], 'Map');
    assert.equal(field[4], 'Egypt North Korea Locator.png');
    assert.match(captureName(repo['infobox-field'], 2), /variable|entity\.name\.tag/);
    const end = regex(repo.infobox, 'end');
    assert.ok(end.test(lines[at + 2]), 'the blank line after the fields ends the infobox');
    assert.ok(!end.test(lines[at + 1]), 'a field line does not end the infobox');
  });

  it('marks the "See also" items as list items', () => {
    const bullet = regex((repo['list-item'].patterns as Rule[])[0], 'begin');
    const items = lines.filter((line) => bullet.test(line));
    assert.ok(items.includes('- Foreign relations of Egypt'));
    assert.ok(items.includes('- Foreign relations of North Korea'));
    assert.match(String((repo['list-item'].patterns as Rule[])[0].name), /^markup\.list/);
    assert.equal(regex(repo['horizontal-rule'], 'match').test('----'), true);
  });

  it('finds wiki links with and without a label, and emphasis', () => {
    const link = regex(repo['wiki-link'], 'match');
    const labelled = link.exec('the [[Suez Crisis|crisis of 1956]] began');
    assert.equal(labelled?.[2], 'Suez Crisis');
    assert.equal(labelled?.[4], 'crisis of 1956');
    assert.equal(link.exec('[[Anwar Sadat]]')?.[2], 'Anwar Sadat');
    assert.match(captureName(repo['wiki-link'], 2), /markup\.underline\.link/);
    assert.equal(regex(repo.bold, 'match').exec("a '''bold''' word")?.[2], 'bold');
    assert.equal(regex(repo.italic, 'match').exec("an ''italic'' word")?.[2], 'italic');
    assert.equal(regex(repo.italic, 'match').exec("Nasser's decision and Sadat's visit"), null, 'apostrophes are not emphasis');
  });
});
