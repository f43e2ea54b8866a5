// `chronolens`: the command-line tool over the same core the extension uses.
import { readFileSync, statSync } from 'node:fs';
import { buildIndex, formatTimeline, TIMELINE_FORMATS, timelineRows, toIndexJson } from './core';
import type { EntityOverrides, TimelineFormat } from './core';

const HELP = `chronolens — dates, actors and events of history articles

Usage:
  chronolens index [--json] [--overrides FILE] FILE...
      Index each article. With --json (the form the scorers read), print one
      chronolens.index/1 object per file, one per line, in the order given;
      without it, a one-line summary per file.
  chronolens timeline [--format table|markdown|csv|json] [--overrides FILE] FILE
      Print the article's events in time order.
  chronolens --help

Options:
  --overrides FILE   JSON {"aliases": {form: name}, "ignore": [form], "types": {name: type}}
                     correcting the entity extractor.

A file that is missing, unreadable, a directory or binary gives a one-line error
naming it and exit status 2; the other files are still processed.`;

class UsageError extends Error {}

interface Args {
  command: string;
  files: string[];
  json: boolean;
  format: TimelineFormat;
  overrides?: EntityOverrides;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: argv[0] ?? '', files: [], json: false, format: 'table' };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--format') {
      const format = argv[++i] as TimelineFormat;
      if (!TIMELINE_FORMATS.includes(format)) throw new UsageError(`--format takes one of ${TIMELINE_FORMATS.join(', ')}`);
      args.format = format;
    } else if (arg === '--overrides') {
      const file = argv[++i];
      if (!file) throw new UsageError('--overrides takes a JSON file');
      args.overrides = readOverrides(file);
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  return args;
}

function readOverrides(file: string): EntityOverrides {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EntityOverrides;
  } catch (error) {
    throw new UsageError(`${file}: not a readable JSON overrides file (${(error as Error).message})`);
  }
}

class ArticleReadError extends Error {}

/** The article's text as the spec defines it: UTF-8 decoded, a leading BOM dropped, line endings kept. */
function readArticle(file: string): string {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw new ArticleReadError('is a directory');
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ArticleReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArticleReadError(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (error as Error).message})`);
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new ArticleReadError('looks binary (contains NUL bytes), not an article');
  return new TextDecoder('utf-8').decode(bytes);
}

function main(argv: string[]): number {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
    if (args.command !== 'index' && args.command !== 'timeline') throw new UsageError(`unknown command ${JSON.stringify(args.command)}`);
    if (args.files.length === 0) throw new UsageError(`${args.command} needs a FILE`);
    if (args.command === 'timeline' && args.files.length > 1) throw new UsageError('timeline takes one FILE');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`chronolens: ${error.message} (see chronolens --help)\n`);
    return 2;
  }
  let status = 0;
  for (const file of args.files) {
    let text: string;
    try {
      text = readArticle(file);
    } catch (error) {
      if (!(error instanceof ArticleReadError)) throw error;
      process.stderr.write(`chronolens: ${file}: ${error.message}\n`);
      status = 2;
      continue;
    }
    const index = buildIndex(text, { entities: args.overrides });
    if (args.command === 'timeline') process.stdout.write(formatTimeline(timelineRows(index), args.format));
    else if (args.json) process.stdout.write(JSON.stringify(toIndexJson(file, index)) + '\n');
    else {
      const { data } = index;
      process.stdout.write(
        `${file}: ${JSON.stringify(data.title ?? '(untitled)')}, ${data.sections.length} sections, ${data.dates.length} dates, ` +
          `${data.entities.length} entities, ${data.events.length} events\n`,
      );
    }
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
