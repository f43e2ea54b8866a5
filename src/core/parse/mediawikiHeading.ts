// MediaWiki headings (`= Title =`, `==Section==`, `=== Sub ===`) as a micromark flow
// construct plus the mdast-util-from-markdown extension that turns its tokens into
// `heading` nodes. Modelled on micromark's own `heading-atx` construct.
//
// A line is a MediaWiki heading when it starts (after at most three spaces of indent,
// handled by micromark's flow) with a run of `=`, has some non-blank text, and ends with
// another run of `=` (trailing spaces or tabs allowed). Its depth is the smaller of the
// two runs, capped at 6; extra `=` on the longer side belong to the title, as in
// MediaWiki. The construct may interrupt a paragraph, and the line after it may be
// ordinary text (no blank line needed), which is the case plain remark gets wrong.

import type { Code, Construct, Event, Extension, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Heading } from 'mdast';
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mediawikiHeading: 'mediawikiHeading';
    mediawikiHeadingSequence: 'mediawikiHeadingSequence';
    mediawikiHeadingData: 'mediawikiHeadingData';
    mediawikiHeadingText: 'mediawikiHeadingText';
  }
}

/** Extra data on `heading` nodes that came from MediaWiki syntax. */
export interface MediawikiHeadingData {
  mediawiki: true;
  /** Length of the opening and closing `=` runs. */
  open: number;
  close: number;
}

/**
 * Longest heading line the construct will look at (longer lines are prose). An attempt
 * scans one line at most twice, so any bound keeps parsing linear; this one only stops
 * absurd headings.
 */
const MAX_HEADING_LINE = 100_000;

const mediawikiHeadingConstruct: Construct = {
  name: 'mediawikiHeading',
  tokenize: tokenizeMediawikiHeading,
  resolve: resolveMediawikiHeading,
};

/** The micromark syntax extension. */
export function mediawikiHeading(): Extension {
  return { flow: { [codes.equalsTo]: mediawikiHeadingConstruct } };
}

function tokenizeMediawikiHeading(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  let size = 0;
  let lastWasSequence = false;
  let hasText = false;
  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.equalsTo) return nok(code);
    effects.enter('mediawikiHeading');
    effects.enter('mediawikiHeadingSequence');
    return open(code);
  }

  function open(code: Code): State | undefined {
    if (code === codes.equalsTo) {
      size++;
      effects.consume(code);
      return open;
    }
    effects.exit('mediawikiHeadingSequence');
    return between(code);
  }

  function between(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      if (!lastWasSequence || !hasText) return nok(code);
      effects.exit('mediawikiHeading');
      return ok(code);
    }
    if (++size > MAX_HEADING_LINE) return nok(code);
    if (markdownSpace(code)) {
      effects.enter('whitespace');
      effects.consume(code);
      return space;
    }
    if (code === codes.equalsTo) {
      lastWasSequence = true;
      effects.enter('mediawikiHeadingSequence');
      effects.consume(code);
      return sequence;
    }
    lastWasSequence = false;
    hasText = true;
    effects.enter('mediawikiHeadingData');
    effects.consume(code);
    return data;
  }

  function space(code: Code): State | undefined {
    if (markdownSpace(code) && ++size <= MAX_HEADING_LINE) {
      effects.consume(code);
      return space;
    }
    effects.exit('whitespace');
    return between(code);
  }

  function sequence(code: Code): State | undefined {
    if (code === codes.equalsTo && ++size <= MAX_HEADING_LINE) {
      effects.consume(code);
      return sequence;
    }
    effects.exit('mediawikiHeadingSequence');
    return between(code);
  }

  function data(code: Code): State | undefined {
    if (code === codes.eof || code === codes.equalsTo || markdownLineEnding(code) || markdownSpace(code) || size > MAX_HEADING_LINE) {
      effects.exit('mediawikiHeadingData');
      return between(code);
    }
    size++;
    effects.consume(code);
    return data;
  }
}

/**
 * Everything between the opening and the closing `=` run (minus surrounding
 * whitespace) becomes one `mediawikiHeadingText` holding a `chunkText`, so the title is
 * parsed as inline text (emphasis, links, wiki links) like an ATX heading's.
 */
function resolveMediawikiHeading(events: Event[], context: TokenizeContext): Event[] {
  // events[0] enter heading, [1]/[2] opening sequence, ..., last: exit heading.
  let closeExit = events.length - 2;
  if (events[closeExit][1].type === 'whitespace') closeExit -= 2;
  const closeEnter = closeExit - 1;
  let contentStart = 3;
  if (events[contentStart][1].type === 'whitespace') contentStart += 2;
  let contentEnd = closeEnter - 1;
  if (events[contentEnd][1].type === 'whitespace') contentEnd -= 2;
  if (contentEnd <= contentStart) return events;
  const textToken: Token = { type: 'mediawikiHeadingText', start: events[contentStart][1].start, end: events[contentEnd][1].end };
  const chunk: Token = { type: 'chunkText', start: textToken.start, end: textToken.end, contentType: 'text' };
  events.splice(contentStart, contentEnd - contentStart + 1, ['enter', textToken, context], ['enter', chunk, context], ['exit', chunk, context], ['exit', textToken, context]);
  return events;
};

/** The mdast-util-from-markdown extension: `mediawikiHeading` tokens → `heading` nodes. */
export function mediawikiHeadingFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      mediawikiHeading(this: CompileContext, token: Token) {
        const source = this.sliceSerialize(token);
        let open = 0;
        while (open < source.length && source.charCodeAt(open) === codes.equalsTo) open++;
        let end = source.length;
        while (end > open && (source.charCodeAt(end - 1) === codes.space || source.charCodeAt(end - 1) === codes.horizontalTab)) end--;
        let close = 0;
        while (end - close > open && source.charCodeAt(end - close - 1) === codes.equalsTo) close++;
        const depth = Math.max(1, Math.min(6, open, close)) as Heading['depth'];
        const data: MediawikiHeadingData = { mediawiki: true, open, close };
        this.enter({ type: 'heading', depth, children: [], data } as Heading, token);
      },
    },
    exit: {
      mediawikiHeading(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}
