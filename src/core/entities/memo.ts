// A candidate's memo: what the later passes ask of it, computed on first use and kept on it
// (features.ts has the rest of the accessors). Imports nothing that imports it back, so that the
// modules using it form no cycle and can read its functions once (see lexicon.ts).
import type { Candidate } from './candidates';
import * as gazetteerModule from './gazetteer';
import type { KnownName } from './gazetteer';
import type { Mention } from './segments';
import type { Votes } from './typing';
import { isNameUnit, type Unit } from './units';

const { lookupKnown } = gazetteerModule;

/**
 * Every field starts undefined ("not computed yet"; null is a computed "none"). A class with all
 * fields set in the constructor gives all memos one shape, so reading them stays fast.
 */
export class CandidateMemo {
  known: KnownName | null | undefined = undefined;
  surfaceKnown: KnownName | null | undefined = undefined;
  nameUnits: Unit[] | undefined = undefined;
  nameVotes: Votes | undefined = undefined;
  mentionVotes: Votes | undefined = undefined;
  groupKey: GroupKey | undefined = undefined;
  fullKey: string | undefined = undefined;
  fullLength: number | undefined = undefined;
  namesKey: string | undefined = undefined;
  namesLength: number | undefined = undefined;
  shortKeys: string[] | undefined = undefined;
  givenKey: string | null | undefined = undefined;
  orgShortKey: string | null | undefined = undefined;
  mayBeShort: boolean | undefined = undefined;
  initials: string[] | undefined = undefined;
  kindWordKey: string | null | undefined = undefined;
  /** Parts of it that the document's evidence cut out (evidence.ts), made once. */
  parts: Candidate[] | undefined = undefined;
  /** The candidate placed in the text, kept while its segment stays where it is. */
  mention: Mention | undefined = undefined;
}

/** Where a candidate groups when no wiki link or user alias decides. */
export interface GroupKey {
  key: string;
  /** The gazetteer's name for it. */
  canonical?: string;
}

/** The gazetteer entry of what it stands for (its knownAs, else its text). */
export function knownOf(c: Candidate): KnownName | undefined {
  if (c.memo.known === undefined) c.memo.known = (c.knownAs !== undefined ? lookupKnown(c.knownAs) : surfaceKnownOf(c)) ?? null;
  return c.memo.known ?? undefined;
}

/** The gazetteer entry of its text as written. */
export function surfaceKnownOf(c: Candidate): KnownName | undefined {
  if (c.memo.surfaceKnown === undefined) c.memo.surfaceKnown = lookupKnown(c.text, c.key) ?? null;
  return c.memo.surfaceKnown ?? undefined;
}

/** The units that carry its name's words (not connectors, initials or numerals). */
export function nameUnitsOf(c: Candidate): Unit[] {
  return (c.memo.nameUnits ??= c.units.filter(isNameUnit));
}

