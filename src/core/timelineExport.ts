import type { ArticleIndex } from './articleIndex';
import type { TimelineEvent } from './types';

export type TimelineFormat = 'table' | 'markdown' | 'csv' | 'json';
export const TIMELINE_FORMATS: readonly TimelineFormat[] = ['table', 'markdown', 'csv', 'json'];

/** One row of an exported timeline: what a reader needs to place and find the event. */
export interface TimelineRow {
  when: string;
  written: string;
  section: string;
  entities: string;
  text: string;
  offset: number;
}

export function timelineRows(index: ArticleIndex, events: readonly TimelineEvent[] = index.timeline): TimelineRow[] {
  return events.map((event) => {
    const date = index.placementOf(event).date;
    return {
      when: date.edtf ?? '',
      written: date.text,
      section: event.section ?? '',
      entities: index.entitiesOf(event).map((e) => e.name).join('; '),
      text: oneLine(event.text),
      offset: event.start,
    };
  });
}

const COLUMNS: [keyof TimelineRow, string][] = [
  ['when', 'Date'],
  ['written', 'As written'],
  ['section', 'Section'],
  ['entities', 'Who and where'],
  ['text', 'Passage'],
];

export function formatTimeline(rows: TimelineRow[], format: TimelineFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'csv':
      return [COLUMNS.map(([, title]) => title), ...rows.map((r) => COLUMNS.map(([key]) => String(r[key])))]
        .map((cells) => cells.map(csvCell).join(','))
        .join('\r\n') + '\r\n';
    case 'markdown':
      return [
        `| ${COLUMNS.map(([, title]) => title).join(' | ')} |`,
        `|${COLUMNS.map(() => ' --- ').join('|')}|`,
        ...rows.map((r) => `| ${COLUMNS.map(([key]) => markdownCell(String(r[key]))).join(' | ')} |`),
      ].join('\n') + '\n';
    case 'table':
      return plainTable(rows);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function csvCell(value: string): string {
  // A leading = + - @ would run as a formula in spreadsheets: article text is untrusted.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Escapes what Markdown would read as table structure, markup, HTML or links. */
function markdownCell(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`);
}

function plainTable(rows: TimelineRow[]): string {
  const width = (key: keyof TimelineRow, cap: number) => Math.min(cap, Math.max(...rows.map((r) => String(r[key]).length), 4));
  const when = width('when', 24);
  const written = width('written', 28);
  const lines = rows.map((r) => `${clip(r.when, when).padEnd(when)}  ${clip(r.written, written).padEnd(written)}  ${clip(r.text, 80)}`);
  return [`${'Date'.padEnd(when)}  ${'As written'.padEnd(written)}  Passage`, ...lines].join('\n') + '\n';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
