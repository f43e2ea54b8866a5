// Where capitalisation says nothing: the first word of a sentence or list item, and every
// word of a heading. Uses the parser's passages when there are any, and the text itself always.
import { CharCodeSet } from '../codeSets';
import type { Passage } from '../types';
import type { Tokens } from './tokens';
import * as tokensModule from './tokens';
// Read once (see lexicon.ts on why).
const { NAME_ABBREVIATIONS_WITH_PERIOD, tokenText } = tokensModule;

export interface Positions {
  /** Token opens a sentence, line or list item. */
  sentenceInitial: Uint8Array;
  /** Token lies in a heading (or a title line). */
  inHeading: Uint8Array;
}

/** A line break or sentence punctuation in text[from, to). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_BREAKS.has(text.charCodeAt(i))) return true;
  return false;
}
const SENTENCE_BREAKS = new CharCodeSet('\n.!?:;');
const WIKI_HEADING = /^\s*=+[^=\n]*=+\s*$/;
const MARKDOWN_HEADING = /^\s*#{1,6}\s/;

/** What positions need of a passage. */
export type PassageSpan = Pick<Passage, 'start' | 'end' | 'kind'>;

export function findPositions(text: string, tokens: Tokens, passages: readonly PassageSpan[]): Positions {
  const sentenceInitial = new Uint8Array(tokens.length);
  const inHeading = new Uint8Array(tokens.length);

  for (let t = 0; t < tokens.length; t++) {
    if (t === 0) {
      sentenceInitial[t] = 1;
      continue;
    }
    const prevEnd = tokens.ends[t - 1];
    if (endsSentence(text, prevEnd, tokens.starts[t])) sentenceInitial[t] = 1;
    // "… the U.S. In 1973": a period kept inside an acronym may also end the sentence.
    else if (text[prevEnd - 1] === '.' && !NAME_ABBREVIATIONS_WITH_PERIOD.test(tokenText(text, tokens, t - 1))) sentenceInitial[t] = 1;
  }

  markHeadingLines(text, tokens, inHeading);

  if (passages.length) {
    let t = 0;
    for (const p of [...passages].sort((a, b) => a.start - b.start)) {
      while (t < tokens.length && tokens.ends[t] <= p.start) t++;
      if (t < tokens.length && tokens.starts[t] < p.end) sentenceInitial[t] = 1;
      if (p.kind === 'heading') {
        for (let u = t; u < tokens.length && tokens.starts[u] < p.end; u++) inHeading[u] = 1;
      }
    }
  }
  return { sentenceInitial, inHeading };
}

/** Wiki/markdown headings, and short stand-alone lines without final punctuation ("Course of the war"). */
function markHeadingLines(text: string, tokens: Tokens, inHeading: Uint8Array): void {
  let t = 0;
  let lineStart = 0;
  while (lineStart <= text.length && t < tokens.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const first = t;
    while (t < tokens.length && tokens.starts[t] < lineEnd) t++;
    const count = t - first;
    if (count > 0) {
      // Long lines are prose; the length bound also keeps the tests below cheap.
      const line = lineEnd - lineStart <= 200 ? text.slice(lineStart, lineEnd) : '';
      // Blank lines around it (CRLF and trailing spaces allowed).
      const prevBlank = lineStart < 2 || /\n[ \t\r]*\n$/.test(text.slice(Math.max(0, lineStart - 8), lineStart));
      const nextBlank = lineEnd >= text.length || /^\n[ \t\r]*(?:\n|$)/.test(text.slice(lineEnd, lineEnd + 8));
      const heading =
        line !== '' &&
        (WIKI_HEADING.test(line) ||
        MARKDOWN_HEADING.test(line) ||
        (count <= 10 && prevBlank && nextBlank && !/[.!?:;,"”)\]]\s*$/.test(line) && !/^\s*[-*•]/.test(line)));
      if (heading) for (let u = first; u < t; u++) inHeading[u] = 1;
    }
    lineStart = lineEnd + 1;
  }
}
