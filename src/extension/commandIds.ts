// Every command ChronoLens contributes, named once. Hover links may run only these.
export const Commands = {
  goToEvent: 'chronolens.goToEvent',
  nextEventInTime: 'chronolens.nextEventInTime',
  previousEventInTime: 'chronolens.previousEventInTime',
  showRelatedPassages: 'chronolens.showRelatedPassages',
  /** Args: RevealEventArgs. Selects the event's first date in its editor. */
  revealEvent: 'chronolens.revealEvent',
  /** Args: RevealEventArgs. Focuses the timeline panel on the event. */
  showInTimeline: 'chronolens.showInTimeline',
  openTimeline: 'chronolens.openTimeline',
  /** Copy the timeline as shown (filtered) to the clipboard. */
  copyTimelineMarkdown: 'chronolens.copyTimelineMarkdown',
  copyTimelineCsv: 'chronolens.copyTimelineCsv',
  makeYearExplicit: 'chronolens.makeYearExplicit',
  /** Args: a document URI string. Indexes an article above `chronolens.maxArticleSize` all the same. */
  indexAnyway: 'chronolens.indexAnyway',
} as const;

/** Arguments of the commands that point at one event of one document (JSON-safe, for command links). */
export interface RevealEventArgs {
  uri: string;
  eventId: string;
}

/** Arguments of `chronolens.makeYearExplicit` (JSON-safe): which inferred date of which document. Without them the command acts on the date at the cursor. */
export interface MakeYearExplicitArgs {
  uri: string;
  dateId: string;
}
