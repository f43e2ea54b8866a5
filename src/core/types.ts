// The article index: the one data model every ChronoLens feature reads.
// All offsets are UTF-16 code units into the text as given; `end` is exclusive.

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export type Precision = 'day' | 'month' | 'season' | 'year' | 'decade' | 'century' | 'interval' | 'set';
export type TimexType = 'DATE' | 'DURATION' | 'TIME' | 'SET';
/** TIMEX2-style modifier: "early 1941" is START, "circa 1900" APPROX, "the mid-1960s" MID. */
export type DateModifier = 'START' | 'MID' | 'END' | 'APPROX' | 'BEFORE' | 'AFTER';

export interface DateMention extends TextSpan {
  id: string;
  /** EDTF (ISO 8601-2) value; for a DURATION an ISO duration such as P3Y; null when unknown. */
  edtf: string | null;
  precision: Precision;
  /** ISO calendar bounds for sorting (astronomical years for BCE); null for durations and unknowns. */
  earliest: string | null;
  latest: string | null;
  /** True where a missing part (the year, usually) came from context. */
  inferred: boolean;
  type: TimexType;
  mod?: DateModifier;
  /** Where an inferred part came from: the date mention that set the narrative time. */
  anchor?: { dateId: string; text: string };
  /** Set for dates that cannot exist ("31 February 1999") or cannot be placed; shown as a warning. */
  problem?: string;
}

export type EntityType = 'person' | 'place' | 'organization' | 'event' | 'other';

export interface Entity {
  id: string;
  /** Canonical name: the fullest form seen. */
  name: string;
  type: EntityType;
  /** Other surface forms seen for the same entity (the name itself excluded). */
  aliases: string[];
  mentions: TextSpan[];
}

export interface Section extends Span {
  title: string;
  level: number;
  /** The heading line itself (start .. end of the heading text line). */
  heading: Span;
}

export type PassageKind = 'prose' | 'list-item' | 'infobox' | 'heading';

/** A sentence (or list item) with its exact offsets: the unit events are made of. */
export interface Passage extends Span {
  kind: PassageKind;
  /** Index into `sections`, or -1 before the first heading. */
  section: number;
}

export interface InfoboxField {
  key: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
}

/** An explicit entity mention: [[Target|label]]. */
export interface WikiLink extends Span {
  target: string;
  label: string;
  labelSpan: Span;
}

export interface TimelineEvent extends Span {
  id: string;
  /** Section title, or null before the first heading. */
  section: string | null;
  /** Ids into dates; the first placeable one places the event on the timeline. */
  dates: string[];
  entities: string[];
  text: string;
}

export interface EntityOverrides {
  /** surface form → canonical name it belongs to */
  aliases?: Record<string, string>;
  /** surface forms or canonical names that are not entities */
  ignore?: string[];
  /** canonical name or surface form → type */
  types?: Record<string, EntityType>;
}

export interface IndexOptions {
  entities?: EntityOverrides;
  /** Reference date for "now"-like expressions (ISO), e.g. the document's creation date. */
  documentDate?: string;
}

export interface ParsedArticle {
  title: string | null;
  titleSpan: Span | null;
  sections: Section[];
  passages: Passage[];
  infobox: InfoboxField[];
  wikiLinks: WikiLink[];
}

export interface ArticleIndexData extends ParsedArticle {
  dates: DateMention[];
  entities: Entity[];
  events: TimelineEvent[];
}
