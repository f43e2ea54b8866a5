import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeTarget } from '../../scripts/nodeTarget.mjs';

const SAMPLE = 'samples/egypt-north-korea.txt';

describe('chronolens command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronolens-cli-'));
  const cli = join(dir, 'cli.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

  before(async () => {
    // The CLI as shipped: the same esbuild bundle `npm run build` makes.
    await build({ entryPoints: ['src/cli.ts'], bundle: true, ...nodeTarget, format: 'cjs', outfile: cli, logLevel: 'error' });
  });

  it('prints one chronolens.index/1 object per file, one per line, in order', () => {
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'The war ended in 1945.\n');
    const result = run('index', '--json', SAMPLE, other);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => [l.schema, l.file]), [['chronolens.index/1', SAMPLE], ['chronolens.index/1', other]]);
    assert.equal(lines[0].title, 'Egypt–North Korea relations');
    const text = readFileSync(SAMPLE, 'utf8');
    for (const d of lines[0].dates) assert.equal(text.slice(d.start, d.end), d.text);
    assert.ok(lines[0].dates.some((d: { text: string; edtf: string }) => d.text === '3 November 1956' && d.edtf === '1956-11-03'));
    assert.ok(lines[1].dates.some((d: { text: string; edtf: string }) => d.text === '1945' && d.edtf === '1945'));
  });

  it('names each bad argument on one line, exits 2 and still indexes the others', () => {
    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const missing = join(dir, 'missing.txt');
    const result = run('index', '--json', missing, dir, binary, SAMPLE);
    assert.equal(result.status, 2);
    const errors = result.stderr.trim().split('\n');
    assert.equal(errors.length, 3);
    assert.match(errors[0], new RegExp(`${escape(missing)}: no such file`));
    assert.match(errors[1], new RegExp(`${escape(dir)}: is a directory`));
    assert.match(errors[2], new RegExp(`${escape(binary)}: looks binary`));
    assert.equal(JSON.parse(result.stdout).file, SAMPLE);
  });

  it('reads UTF-8 with a byte-order mark and CRLF line endings, offsets into the text as read', () => {
    const crlf = join(dir, 'crlf.txt');
    const text = readFileSync(SAMPLE, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(crlf, '\uFEFF' + text);
    const index = JSON.parse(run('index', '--json', crlf).stdout);
    const date = index.dates.find((d: { edtf: string }) => d.edtf === '1956-11-03');
    assert.equal(text.slice(date.start, date.end), '3 November 1956');
  });

  it('prints the timeline in time order as a table, Markdown, CSV or JSON', () => {
    const json = JSON.parse(run('timeline', SAMPLE, '--format', 'json').stdout) as { when: string }[];
    assert.ok(json.length >= 10);
    assert.equal(json[0].when, '1956-11-03');
    assert.match(json[json.length - 1].when, /^2017/);
    const markdown = run('timeline', SAMPLE, '--format', 'markdown').stdout.split('\n');
    assert.match(markdown[0], /^\| Date \| As written \|/);
    assert.equal(markdown.filter((l) => l.startsWith('| ')).length, json.length + 2, 'header, separator, one row per event');
    const csv = run('timeline', SAMPLE, '--format', 'csv').stdout.trim().split('\r\n');
    assert.equal(csv.length, json.length + 1);
    const table = run('timeline', SAMPLE).stdout;
    assert.match(table, /3 November 1956/);
  });

  it('explains its usage and rejects unknown options', () => {
    assert.match(run('--help').stdout, /chronolens index \[--json\]/);
    const bad = run('timeline', SAMPLE, '--format', 'yaml');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format takes one of table, markdown, csv, json/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
