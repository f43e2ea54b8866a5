// The pure core: no `vscode` import and no Node-only API, so it runs in the extension host,
// a worker, the webview and VS Code for the Web.
export * from './types';
export { parseArticle } from './parse';
export { tagDates } from './dates';
export { extractEntities } from './entities';
export { ArticleIndex, buildIndex } from './articleIndex';
export type { EntityMentionHit, RelatedPassage, TimePlacement } from './articleIndex';
export { toIndexJson } from './indexJson';
export { formatTimeline, timelineRows, TIMELINE_FORMATS } from './timelineExport';
export type { TimelineFormat, TimelineRow } from './timelineExport';
export { isoToYear } from './timeOrder';
