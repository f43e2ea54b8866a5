// Named entities of an article: people, places, organisations, events and other named things,
// each with every mention and its alias forms merged. Pure and deterministic; runs in browsers.
import type { Entity, EntityType, IndexOptions, ParsedArticle, TextSpan } from '../types';
import { canonicalForm, chooseName, groupCandidates, mergeAcronyms, mergeKindWords, mergeShortNames, type Group } from './aliases';
import { findCandidates, type Candidate } from './candidates';
import { keepEvidenced } from './evidence';
import { lookupKnown } from './gazetteer';
import { plainKey } from './normalize';
import { addForcedMentions, overriddenType, prepareOverrides } from './overrides';
import { findPositions } from './positions';
import { tokenize } from './tokens';
import { addVotes, contextVotes, decideType, nameVotes, noVotes } from './typing';
import { toUnits } from './units';

export function extractEntities(text: string, article: ParsedArticle, options?: IndexOptions): Entity[] {
  const overrides = prepareOverrides(options?.entities);
  const tokens = tokenize(text);
  const units = toUnits(text, tokens);
  const positions = findPositions(text, tokens, article.passages ?? []);
  // Infobox keys ("Map", "Ambassador") label values; they are not names.
  const keySpans = (article.infobox ?? []).map((f) => f.keySpan);
  const found = keepEvidenced(text, tokens, findCandidates(text, tokens, units, positions)).filter(
    (c) => !keySpans.some((k) => k.start < c.end && c.start < k.end),
  );
  const candidates = addForcedMentions(text, units, found, article.wikiLinks ?? [], overrides);

  const groups = groupCandidates(candidates);
  mergeAcronyms(groups);
  mergeShortNames(groups);
  mergeKindWords(groups);

  const entities: Array<Omit<Entity, 'id'>> = [];
  for (const g of groups.values()) {
    const name = chooseName(g);
    if (overrides.ignore.has(plainKey(name))) continue;
    const mentions = uniqueSorted(g.mentions);
    const aliases = [...new Set(mentions.map((m) => m.text))].filter((s) => s !== name);
    const type = overriddenType(overrides, name, aliases) ?? typeOf(text, tokens, g);
    entities.push({ name, type, aliases, mentions });
  }
  // Code-unit order on ties: locale-aware comparison could differ between environments.
  entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start || a.mentions[0].end - b.mentions[0].end || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entities.map((e, i) => ({ id: `e${i + 1}`, ...e }));
}

function typeOf(text: string, tokens: ReturnType<typeof tokenize>, g: Group): Entity['type'] {
  const votes = noVotes();
  let gazetteer: EntityType | undefined;
  for (const c of g.mentions) {
    addVotes(votes, nameVotes(c));
    addVotes(votes, contextVotes(text, tokens, c));
    gazetteer ??= lookupKnown(c.knownAs ?? c.text)?.type;
  }
  // A linked or user-given name speaks for itself ("the new president" links to Anwar Sadat).
  const form = canonicalForm(g);
  if (form) {
    addVotes(votes, nameVotes(form));
    gazetteer ??= lookupKnown(form.text)?.type;
  }
  // A city or region in the gazetteer counts once, not once per mention: "General Washington",
  // named again and again, is a person; "in Washington" stays a place.
  if (gazetteer) votes[gazetteer] += 30;
  return decideType(votes);
}

function uniqueSorted(mentions: readonly Candidate[]): TextSpan[] {
  const seen = new Set<string>();
  const out: TextSpan[] = [];
  // Longest first at each start, so that a mention inside another of the same entity is dropped
  // ("Iran" inside "Islamic Republic of Iran").
  let coveredTo = -1;
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const id = `${m.start}:${m.end}`;
    if (seen.has(id) || m.end <= coveredTo) continue;
    seen.add(id);
    coveredTo = Math.max(coveredTo, m.end);
    out.push({ start: m.start, end: m.end, text: m.text });
  }
  return out;
}
