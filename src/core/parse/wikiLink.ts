// `[[Target]]` and `[[Target|label]]` as a micromark text construct plus the
// mdast-util-from-markdown extension that turns its tokens into `wikiLink` nodes.
//
// The target may not contain `[`, `]`, `|` or a line ending; the label may not contain
// `[`, `]` or a line ending. Both are bounded in length, so a line full of unclosed `[[`
// costs linear time. `[[Target|]]` (MediaWiki's "pipe trick") uses the target as label.

import type { Code, Construct, Extension, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Node } from 'mdast';
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    wikiLink: 'wikiLink';
    wikiLinkMarker: 'wikiLinkMarker';
    wikiLinkTarget: 'wikiLinkTarget';
    wikiLinkSeparator: 'wikiLinkSeparator';
    wikiLinkLabel: 'wikiLinkLabel';
  }
}

/** The mdast node: a leaf; offsets are into the parsed string. */
export interface WikiLinkNode extends Node {
  type: 'wikiLink';
  target: string;
  label: string;
  /** Trimmed target and label spans (label = target when there is no label). */
  targetStart: number;
  targetEnd: number;
  labelStart: number;
  labelEnd: number;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLinkNode;
  }
  interface RootContentMap {
    wikiLink: WikiLinkNode;
  }
}

const MAX_TARGET = 255;
const MAX_LABEL = 1000;

const wikiLinkConstruct: Construct = { name: 'wikiLink', tokenize: tokenizeWikiLink };

/** The micromark syntax extension. Takes precedence over `[` of ordinary links. */
export function wikiLink(): Extension {
  return { text: { [codes.leftSquareBracket]: wikiLinkConstruct } };
}

function tokenizeWikiLink(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  let size = 0;
  let hasText = false;
  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code);
    effects.enter('wikiLink');
    effects.enter('wikiLinkMarker');
    effects.consume(code);
    return openSecond;
  }

  function openSecond(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code);
    effects.consume(code);
    effects.exit('wikiLinkMarker');
    return targetStart;
  }

  function targetStart(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code) || code === codes.leftSquareBracket || code === codes.rightSquareBracket || code === codes.verticalBar) return nok(code);
    effects.enter('wikiLinkTarget');
    return target(code);
  }

  function target(code: Code): State | undefined {
    if (code === codes.rightSquareBracket || code === codes.verticalBar) {
      if (!hasText) return nok(code);
      effects.exit('wikiLinkTarget');
      if (code === codes.rightSquareBracket) return closeStart(code);
      effects.enter('wikiLinkSeparator');
      effects.consume(code);
      effects.exit('wikiLinkSeparator');
      size = 0;
      return labelStart;
    }
    if (code === codes.eof || markdownLineEnding(code) || code === codes.leftSquareBracket || ++size > MAX_TARGET) return nok(code);
    if (!markdownSpace(code)) hasText = true;
    effects.consume(code);
    return target;
  }

  function labelStart(code: Code): State | undefined {
    if (code === codes.rightSquareBracket) return closeStart(code);
    if (code === codes.eof || markdownLineEnding(code) || code === codes.leftSquareBracket) return nok(code);
    effects.enter('wikiLinkLabel');
    return label(code);
  }

  function label(code: Code): State | undefined {
    if (code === codes.rightSquareBracket) {
      effects.exit('wikiLinkLabel');
      return closeStart(code);
    }
    if (code === codes.eof || markdownLineEnding(code) || code === codes.leftSquareBracket || ++size > MAX_LABEL) return nok(code);
    effects.consume(code);
    return label;
  }

  function closeStart(code: Code): State | undefined {
    effects.enter('wikiLinkMarker');
    effects.consume(code);
    return closeSecond;
  }

  function closeSecond(code: Code): State | undefined {
    if (code !== codes.rightSquareBracket) return nok(code);
    effects.consume(code);
    effects.exit('wikiLinkMarker');
    effects.exit('wikiLink');
    return ok;
  }
}

/**
 * Trimmed [start, end) of a token's text, as offsets into the parsed string: trimmed of all that
 * String.prototype.trim takes ("[[\v]]" names nothing), which is more than Markdown's spaces.
 */
function trimmedRange(source: string, startOffset: number): [string, number, number] {
  const b = source.trimEnd().length;
  const a = b === 0 ? 0 : source.length - source.trimStart().length;
  return [source.slice(a, b), startOffset + a, startOffset + b];
}

function current(context: CompileContext): WikiLinkNode {
  return context.stack[context.stack.length - 1] as unknown as WikiLinkNode;
}

/** The mdast-util-from-markdown extension: `wikiLink` tokens → `wikiLink` nodes. */
export function wikiLinkFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      wikiLink(this: CompileContext, token: Token) {
        const node: WikiLinkNode = { type: 'wikiLink', target: '', label: '', targetStart: 0, targetEnd: 0, labelStart: -1, labelEnd: -1 };
        this.enter(node, token);
      },
    },
    exit: {
      wikiLinkTarget(this: CompileContext, token: Token) {
        const node = current(this);
        const [value, start, end] = trimmedRange(this.sliceSerialize(token), token.start.offset);
        node.target = value;
        node.targetStart = start;
        node.targetEnd = end;
      },
      wikiLinkLabel(this: CompileContext, token: Token) {
        const node = current(this);
        const [value, start, end] = trimmedRange(this.sliceSerialize(token), token.start.offset);
        if (!value) return;
        node.label = value;
        node.labelStart = start;
        node.labelEnd = end;
      },
      wikiLink(this: CompileContext, token: Token) {
        const node = current(this);
        if (node.labelStart < 0) {
          node.label = node.target;
          node.labelStart = node.targetStart;
          node.labelEnd = node.targetEnd;
        }
        this.exit(token);
      },
    },
  };
}
