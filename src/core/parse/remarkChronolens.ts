// The remark plugin that wires ChronoLens' micromark + mdast extensions into remark-parse,
// the way remark-gfm does: through `this.data('micromarkExtensions')` and
// `this.data('fromMarkdownExtensions')`.

import type { Processor } from 'unified';
import { mediawikiHeading, mediawikiHeadingFromMarkdown } from './mediawikiHeading';
import { wikiLink, wikiLinkFromMarkdown } from './wikiLink';

export default function remarkChronolens(this: Processor): undefined {
  const data = this.data();
  const micromarkExtensions = data.micromarkExtensions || (data.micromarkExtensions = []);
  const fromMarkdownExtensions = data.fromMarkdownExtensions || (data.fromMarkdownExtensions = []);
  micromarkExtensions.push(mediawikiHeading(), wikiLink());
  fromMarkdownExtensions.push(mediawikiHeadingFromMarkdown(), wikiLinkFromMarkdown());
  return undefined;
}
