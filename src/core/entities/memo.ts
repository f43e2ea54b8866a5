// A candidate's memo: what the later passes ask of it, computed on first use and kept on it, and
// its form's memo, shared by the candidates of the same form (features.ts has the rest of the
// accessors). Imports nothing that imports it back, so that the
// modules using it form no cycle and can read its functions once (see lexicon.ts).
import type { LinkKeys } from './aliases';
import type { Candidate } from './candidates';
import * as gazetteerModule from './gazetteer';
import type { KnownName } from './gazetteer';
import type { Mention } from './segments';
import type { Votes } from './typing';
import { isNameUnit, type Unit } from './units';
import { keepShapeOf } from '../keepShape';

const { lookupKnown } = gazetteerModule;

/**
 * Every field starts undefined ("not computed yet"; null is a computed "none"). A class with all
 * fields set in the constructor gives all memos one shape, so reading them stays fast.
 */
export class CandidateMemo {
  /** What its form alone decides, shared with the candidates of the same form (formOf). */
  form: FormMemo | undefined = undefined;
  surfaceKnown: KnownName | null | undefined = undefined;
  nameUnits: Unit[] | undefined = undefined;
  /** Its votes from the words around it (see contextVotesOf). */
  contextVotes: Readonly<Votes> | undefined = undefined;
  /** Parts of it that the document's evidence cut out (evidence.ts), made once. */
  parts: Candidate[] | undefined = undefined;
  /** The candidate placed in the text, kept while its segment stays where it is. */
  mention: Mention | undefined = undefined;
}

/**
 * What follows from a candidate's form alone, not from where it stands: its text (and key, plainKey
 * of it), the gazetteer name it stands for (knownAs), its flags (nested, titled, placeHint), and
 * each unit's kind, dash and text (a unit's keys are those of its text, makeUnit). A long text
 * names the same things again and again (20,800 mentions of 2,700 entities in 1 MB): each value
 * is computed once per form, not once per mention. Its gazetteer entry as written (surfaceKnown)
 * stays per candidate: evidence asks it of candidates before they are kept, when most have no form yet.
 */
export class FormMemo {
  known: KnownName | null | undefined = undefined;
  nameForm: boolean | undefined = undefined;
  nameVotes: Votes | undefined = undefined;
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
  linkKeys: LinkKeys | undefined = undefined;
  /** The number of the last group that listed it among its forms (aliases.ts), 0 for none: bookkeeping, not a fact of the form. */
  groupedIn = 0;
  /** The form beside its text: flags, knownAs, and per unit its span in the text and kind and dash. */
  private readonly flags: number;
  private readonly knownAs: string | undefined;
  private readonly unitShapes: number[];

  constructor(c: Candidate) {
    this.flags = flagsOf(c);
    this.knownAs = c.knownAs;
    // Sized once: an array grown by push keeps room for some 16 more numbers, as long as the form lives.
    this.unitShapes = new Array<number>(3 * c.units.length);
    c.units.forEach((u, i) => {
      this.unitShapes[3 * i] = u.start - c.start;
      this.unitShapes[3 * i + 1] = u.end - c.start;
      this.unitShapes[3 * i + 2] = unitCode(u);
    });
  }

  /**
   * Whether c, of the same text, has this form. A unit's text is the candidate's text at its span,
   * so the spans stand for the units' texts. Units are not a function of the text alone ("North"
   * after a dash has dashBefore; a forced mention's "break" units are words): they are compared.
   */
  isFormOf(c: Candidate): boolean {
    if (this.flags !== flagsOf(c) || this.knownAs !== c.knownAs || this.unitShapes.length !== 3 * c.units.length) return false;
    for (let i = 0, k = 0; i < c.units.length; i++, k += 3) {
      const u = c.units[i];
      if (this.unitShapes[k] !== u.start - c.start || this.unitShapes[k + 1] !== u.end - c.start || this.unitShapes[k + 2] !== unitCode(u)) return false;
    }
    return true;
  }
}

const flagsOf = (c: Candidate): number => (c.nested ? 1 : 0) | (c.titled ? 2 : 0) | (c.placeHint ? 4 : 0);

const KIND_CODES: Record<Unit['kind'], number> = { word: 0, acronym: 1, designation: 2, initial: 3, numeral: 4, ordinal: 5, connector: 6, break: 7 };
const unitCode = (u: Unit): number => KIND_CODES[u.kind] * 2 + (u.dashBefore ? 1 : 0);

// Memos live as long as their candidates: with no article open, none is left once V8 collects
// garbage, and the passes that read them would run unoptimised again on the next article.
const memoShape = new CandidateMemo();
keepShapeOf(memoShape);
keepShapeOf(new FormMemo({ start: 0, end: 0, text: '', units: [], titled: false, placeHint: false, sentenceInitial: false, inHeading: false, nested: false, key: '', memo: memoShape }));

/** The forms of the build at hand, by text (see withSharedForms); none outside a build. */
let buildForms: Map<string, FormMemo[]> | undefined;

/**
 * Runs a build with its candidates of the same form sharing one FormMemo. The map lives for the
 * build only: its keys are cut from the text, and a form first met in a later build is rare
 * enough to be computed anew. The memos stay on the candidates; they hold keys made from the
 * units' words, not units or segments' texts.
 */
export function withSharedForms<T>(build: () => T): T {
  buildForms = new Map();
  try {
    return build();
  } finally {
    buildForms = undefined;
  }
}

/** The memo of the candidate's form. */
export function formOf(c: Candidate): FormMemo {
  return (c.memo.form ??= sharedForm(c));
}

function sharedForm(c: Candidate): FormMemo {
  if (!buildForms) return new FormMemo(c);
  let forms = buildForms.get(c.text);
  if (!forms) buildForms.set(c.text, (forms = []));
  for (const form of forms) if (form.isFormOf(c)) return form;
  const form = new FormMemo(c);
  forms.push(form);
  return form;
}

/** Where a candidate groups when no wiki link or user alias decides. */
export interface GroupKey {
  key: string;
  /** The gazetteer's name for it. */
  canonical?: string;
}

/** The gazetteer entry of what it stands for (its knownAs, else its text): once per form, as typing asks it of every mention. */
export function knownOf(c: Candidate): KnownName | undefined {
  const form = formOf(c);
  if (form.known === undefined) form.known = (c.knownAs !== undefined ? lookupKnown(c.knownAs) : surfaceKnownOf(c)) ?? null;
  return form.known ?? undefined;
}

/** The gazetteer entry of its text as written. */
export function surfaceKnownOf(c: Candidate): KnownName | undefined {
  if (c.memo.surfaceKnown === undefined) c.memo.surfaceKnown = lookupKnown(c.text, c.key) ?? null;
  return c.memo.surfaceKnown ?? undefined;
}

/** The units that carry its name's words (not connectors, initials or numerals): its units themselves when all do (most). */
export function nameUnitsOf(c: Candidate): Unit[] {
  return (c.memo.nameUnits ??= c.units.every(isNameUnit) ? c.units : c.units.filter(isNameUnit));
}

